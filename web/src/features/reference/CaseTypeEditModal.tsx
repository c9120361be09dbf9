import { TagsInput, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { changedFields, FormDialog, useFields, useVersionedSave } from "../../app/FormDialog.tsx";
import type { FieldErrors } from "../../app/forms.tsx";
import { ActiveSwitch } from "./ActiveSwitch.tsx";
import { type CaseType, useCaseTypes, useUpdateCaseType } from "./api.ts";
import { NameFields } from "./NameFields.tsx";

const MAX_ALIASES = 30;
const MAX_ALIAS_LENGTH = 60;

/** Edits a case type's names, aliases and whether it is offered; sends only what changed. */
export function CaseTypeEditModal({ caseType, onClose }: { caseType: CaseType; onClose: () => void }) {
  const { t } = useTranslation();
  const { refetch } = useCaseTypes();
  const dialog = useVersionedSave(caseType, useUpdateCaseType(), {
    onClose,
    saved: (saved) => t("reference.caseTypeSaved", { name: saved.abbreviation }),
    latest: async () => (await refetch()).data,
  });
  const { base, fieldErrors } = dialog;
  const [f, set] = useFields({
    nameEn: base.nameEn,
    nameUr: base.nameUr,
    aliases: base.aliases,
    active: base.active,
  });

  function submit() {
    const aliases = [...new Set(f.aliases.map((a) => a.trim()).filter(Boolean))];
    const errors: FieldErrors = {};
    if (!f.nameEn.trim()) errors.nameEn = t("validation.required");
    if (aliases.some((a) => a.length > MAX_ALIAS_LENGTH))
      errors.aliases = t("reference.aliasTooLong", { max: MAX_ALIAS_LENGTH });
    if (!dialog.check(errors)) return;
    dialog.save(
      changedFields(base, { nameEn: f.nameEn.trim(), nameUr: f.nameUr.trim(), aliases, active: f.active }),
    );
  }

  return (
    <FormDialog
      dialog={dialog}
      title={t("reference.editCaseType")}
      testId="case-type-edit"
      onSubmit={submit}
      intro={
        <Text size="sm" c="dimmed" className="ltr">
          {base.abbreviation} · {base.code}
        </Text>
      }
    >
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
      <ActiveSwitch
        checked={f.active}
        onChange={(v) => set("active", v)}
        description={t("reference.caseTypeActiveHint")}
        testId="case-type-edit-active"
      />
    </FormDialog>
  );
}
