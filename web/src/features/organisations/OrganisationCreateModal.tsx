import { NativeSelect, SimpleGrid, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FormDialog, useDialogSave, useFields } from "../../app/FormDialog.tsx";
import { ltrIsolate } from "../../app/format.ts";
import type { FieldErrors } from "../../app/forms.tsx";
import { CODE_PATTERN } from "../reference/api.ts";
import { NameFields } from "../reference/NameFields.tsx";
import { ORGANISATION_KINDS, type OrganisationKind, useCreateOrganisation } from "./api.ts";
import { OrganisationSelect } from "./OrganisationSelect.tsx";

/** Creates an organisation: a stable code, its names in English and Urdu, its kind and its parent. */
export function OrganisationCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [f, set] = useFields({
    code: "",
    nameEn: "",
    nameUr: "",
    kind: "ministry" as OrganisationKind,
    parentId: null as string | null,
  });
  const code = f.code.trim().toUpperCase();
  const dialog = useDialogSave(useCreateOrganisation(), {
    onClose,
    saved: (org) => t("organisations.created", { code: ltrIsolate(org.code) }),
    codeTaken: () => t("reference.codeTaken", { code: ltrIsolate(code) }),
  });
  const { fieldErrors } = dialog;

  function submit() {
    const errors: FieldErrors = {};
    if (!CODE_PATTERN.test(code)) errors.code = t("reference.codeHint");
    if (!f.nameEn.trim()) errors.nameEn = t("validation.required");
    if (!dialog.check(errors)) return;
    dialog.save({
      code,
      nameEn: f.nameEn.trim(),
      nameUr: f.nameUr.trim(),
      kind: f.kind,
      parentId: f.parentId,
    });
  }

  return (
    <FormDialog
      dialog={dialog}
      title={t("organisations.create")}
      testId="org-create"
      onSubmit={submit}
      submitLabel={t("organisations.createButton")}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t("reference.code")}
          description={t("reference.codeHint")}
          required
          value={f.code}
          onChange={(e) => set("code", e.currentTarget.value.toUpperCase())}
          error={fieldErrors.code}
          classNames={{ input: "ltr" }}
          data-testid="org-code"
        />
        <NativeSelect
          label={t("organisations.kind")}
          required
          data={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisationKind.${k}`) }))}
          value={f.kind}
          onChange={(e) => set("kind", e.currentTarget.value as OrganisationKind)}
          error={fieldErrors.kind}
          data-testid="org-kind"
        />
      </SimpleGrid>
      <NameFields
        nameEn={f.nameEn}
        nameUr={f.nameUr}
        onChange={set}
        errors={fieldErrors}
        testIdPrefix="org-name"
      />
      <OrganisationSelect
        label={t("organisations.parent")}
        description={t("organisations.parentHint")}
        clearable
        value={f.parentId}
        onChange={(v) => set("parentId", v)}
        error={fieldErrors.parentId}
        data-testid="org-parent"
      />
    </FormDialog>
  );
}
