import { Button, Group, Modal, Stack, Switch, TagsInput, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { StaleReload } from "../../app/StaleReload.tsx";
import { type CaseType, type CaseTypePatch, useCaseTypes, useUpdateCaseType } from "./api.ts";
import { NameFields } from "./NameFields.tsx";

const MAX_ALIASES = 30;
const MAX_ALIAS_LENGTH = 60;

/** Edits a case type's names, aliases and whether it is offered; sends only what changed. */
export function CaseTypeEditModal({ caseType, onClose }: { caseType: CaseType; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateCaseType();
  const { refetch } = useCaseTypes();
  const { problem, fieldErrors, fail, clear, setFieldErrors } = useProblem();
  const [base, setBase] = useState(caseType);
  const [f, setF] = useState({
    nameEn: base.nameEn,
    nameUr: base.nameUr,
    aliases: base.aliases,
    active: base.active,
  });
  const set = <K extends keyof typeof f>(key: K, value: (typeof f)[K]) =>
    setF((prev) => ({ ...prev, [key]: value }));

  async function reload() {
    const latest = (await refetch()).data?.find((c) => c.id === base.id);
    if (latest) setBase(latest);
    clear();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    const aliases = [...new Set(f.aliases.map((a) => a.trim()).filter(Boolean))];
    const errors: Record<string, string> = {};
    if (!f.nameEn.trim()) errors.nameEn = t("validation.required");
    if (aliases.some((a) => a.length > MAX_ALIAS_LENGTH))
      errors.aliases = t("reference.aliasTooLong", { max: MAX_ALIAS_LENGTH });
    if (Object.keys(errors).length > 0) {
      setFieldErrors(errors);
      return;
    }
    const body: CaseTypePatch & { id: string } = { id: base.id, version: base.version };
    if (f.nameEn.trim() !== base.nameEn) body.nameEn = f.nameEn.trim();
    if (f.nameUr.trim() !== base.nameUr) body.nameUr = f.nameUr.trim();
    if (aliases.join("\n") !== base.aliases.join("\n")) body.aliases = aliases;
    if (f.active !== base.active) body.active = f.active;
    if (Object.keys(body).length === 2) {
      onClose();
      return;
    }
    update.mutate(body, {
      onSuccess: (saved) => {
        notifications.show({
          color: "teal",
          message: t("reference.caseTypeSaved", { name: saved.abbreviation }),
        });
        onClose();
      },
      onError: fail,
    });
  }

  return (
    <Modal opened onClose={onClose} title={t("reference.editCaseType")} size="lg">
      <form onSubmit={submit} noValidate data-testid="case-type-edit-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed" className="ltr">
            {base.abbreviation} · {base.code}
          </Text>
          <ProblemAlert error={problem} testId="case-type-edit-error" shown={(k) => k in fieldErrors}>
            <StaleReload error={problem} onReload={reload} testId="case-type-edit-reload" />
          </ProblemAlert>
          <NameFields
            nameEn={f.nameEn}
            nameUr={f.nameUr}
            onChange={set}
            errors={fieldErrors}
            testIdPrefix="case-type-edit-name"
          />
          <TagsInput
            label={t("reference.aliases")}
            description={t("reference.aliasesHint", { max: MAX_ALIASES })}
            value={f.aliases}
            onChange={(v) => set("aliases", v)}
            maxTags={MAX_ALIASES}
            splitChars={[","]}
            clearable
            error={fieldErrors.aliases}
            classNames={{ input: "ltr" }}
            data-testid="case-type-edit-aliases"
          />
          <Switch
            label={t("reference.activeLabel")}
            description={t("reference.caseTypeActiveHint")}
            checked={f.active}
            onChange={(e) => set("active", e.currentTarget.checked)}
            data-testid="case-type-edit-active"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={update.isPending} data-testid="case-type-edit-submit">
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
