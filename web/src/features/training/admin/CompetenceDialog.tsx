import { Checkbox, Group, SimpleGrid, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DialogIntro, FormDialog, useDialogSave, useFields } from "../../../app/FormDialog.tsx";
import { CATEGORIES, type Competence, MLA_REQUEST_KINDS, useSaveCompetence } from "./api.ts";

const CODE = /^[a-z][a-z0-9_]{1,39}$/;

type Values = {
  code: string;
  nameEn: string;
  nameUr: string;
  description: string;
  caseCategories: string[];
  mlaKinds: string[];
  source: string;
};

/** Creates a competence (with its code) or edits one (with the version read; a 409 offers a reload). */
export function CompetenceDialog({
  competence,
  latest,
  onClose,
}: {
  competence: Competence | null;
  latest: () => Promise<Competence[] | undefined>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useSaveCompetence();
  const [base, setBase] = useState(competence);
  const dialog = useDialogSave(mutation, {
    onClose,
    saved: (c) => t("trainingAdmin.competences.saved", { code: c.code }),
    codeTaken: () => t("trainingAdmin.competences.codeTaken"),
  });
  const [f, set] = useFields<Values>({
    code: competence?.code ?? "",
    nameEn: competence?.nameEn ?? "",
    nameUr: competence?.nameUr ?? "",
    description: competence?.description ?? "",
    caseCategories: competence?.caseCategories ?? [],
    mlaKinds: competence?.mlaKinds ?? [],
    source: competence?.source ?? "",
  });
  const reload = base
    ? async () => {
        const found = (await latest())?.find((c) => c.code === base.code);
        if (found) setBase(found);
        dialog.clear();
      }
    : undefined;

  function submit() {
    const errors: Record<string, string> = {};
    if (!base && !CODE.test(f.code.trim())) errors.code = t("trainingAdmin.competences.codeHelp");
    if (!f.nameEn.trim()) errors.nameEn = t("validation.required");
    if (!f.nameUr.trim()) errors.nameUr = t("validation.required");
    if (!dialog.check(errors)) return;
    dialog.save({
      code: base?.code ?? f.code.trim(),
      version: base?.version,
      body: {
        nameEn: f.nameEn.trim(),
        nameUr: f.nameUr.trim(),
        description: f.description.trim(),
        caseCategories: CATEGORIES.filter((c) => f.caseCategories.includes(c)),
        mlaKinds: MLA_REQUEST_KINDS.filter((k) => f.mlaKinds.includes(k)),
        source: f.source.trim(),
      },
    });
  }

  const err = dialog.fieldErrors;
  const testId = base ? "competence-edit" : "competence-create";
  return (
    <FormDialog
      dialog={{ ...dialog, reload }}
      title={base ? t("trainingAdmin.competences.edit") : t("trainingAdmin.competences.new")}
      testId={testId}
      onSubmit={submit}
      intro={
        base && (
          <DialogIntro code={`${base.code} · v${base.version}`}>
            <bdi>{base.nameEn}</bdi>
          </DialogIntro>
        )
      }
    >
      {!base && (
        <TextInput
          label={t("trainingAdmin.field.code")}
          description={t("trainingAdmin.competences.codeHelp")}
          required
          value={f.code}
          onChange={(e) => set("code", e.currentTarget.value)}
          error={err.code}
          classNames={{ input: "ltr" }}
          data-testid="competence-code"
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("trainingAdmin.competences.nameEn")}
          required
          lang="en"
          value={f.nameEn}
          onChange={(e) => set("nameEn", e.currentTarget.value)}
          error={err.nameEn}
          classNames={{ input: "ltr" }}
          data-testid="competence-name-en"
        />
        <TextInput
          label={t("trainingAdmin.competences.nameUr")}
          required
          lang="ur"
          dir="rtl"
          value={f.nameUr}
          onChange={(e) => set("nameUr", e.currentTarget.value)}
          error={err.nameUr}
          data-testid="competence-name-ur"
        />
      </SimpleGrid>
      <Textarea
        label={t("trainingAdmin.field.description")}
        autosize
        minRows={2}
        value={f.description}
        onChange={(e) => set("description", e.currentTarget.value)}
        error={err.description}
        data-testid="competence-description"
      />
      <Checkbox.Group
        label={t("trainingAdmin.competences.caseCategories")}
        description={t("trainingAdmin.competences.caseCategoriesHelp")}
        value={f.caseCategories}
        onChange={(v) => set("caseCategories", v)}
        error={err.caseCategories}
      >
        <Group gap="sm" mt={6}>
          {CATEGORIES.map((c) => (
            <Checkbox key={c} value={c} label={t(`category.${c}`)} data-testid={`competence-category-${c}`} />
          ))}
        </Group>
      </Checkbox.Group>
      <Checkbox.Group
        label={t("trainingAdmin.competences.mlaKinds")}
        description={t("trainingAdmin.competences.mlaKindsHelp")}
        value={f.mlaKinds}
        onChange={(v) => set("mlaKinds", v)}
        error={err.mlaKinds}
      >
        <Group gap="sm" mt={6}>
          {MLA_REQUEST_KINDS.map((k) => (
            <Checkbox key={k} value={k} label={t(`mla.kinds.${k}`)} data-testid={`competence-mla-${k}`} />
          ))}
        </Group>
      </Checkbox.Group>
      <Textarea
        label={t("trainingAdmin.competences.source")}
        description={t("trainingAdmin.competences.sourceHelp")}
        autosize
        minRows={2}
        value={f.source}
        onChange={(e) => set("source", e.currentTarget.value)}
        error={err.source}
        data-testid="competence-source"
      />
    </FormDialog>
  );
}
