import { NumberInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
  changedFields,
  DialogIntro,
  FormDialog,
  useFields,
  useVersionedSave,
} from "../../app/FormDialog.tsx";
import { ltrIsolate } from "../../app/format.ts";
import { ActiveSwitch } from "../reference/ActiveSwitch.tsx";
import { NameFields } from "../reference/NameFields.tsx";
import { type Organisation, useOrganisations, useUpdateOrganisation } from "./api.ts";

/** Edits an organisation's names and whether it is active; sends only what changed, with the version read. */
export function OrganisationEditModal({
  organisation,
  onClose,
}: {
  organisation: Organisation;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { refetch } = useOrganisations();
  const dialog = useVersionedSave(organisation, useUpdateOrganisation(), {
    onClose,
    saved: (org) => t("organisations.saved", { code: ltrIsolate(org.code) }),
    latest: async () => (await refetch()).data,
  });
  const { base, fieldErrors } = dialog;
  const [f, set] = useFields({
    nameEn: base.nameEn,
    nameUr: base.nameUr,
    active: base.active,
    staleAfterDays: base.staleAfterDays,
  });

  function submit() {
    if (!dialog.check(f.nameEn.trim() ? {} : { nameEn: t("validation.required") })) return;
    dialog.save(
      changedFields(base, {
        nameEn: f.nameEn.trim(),
        nameUr: f.nameUr.trim(),
        active: f.active,
        staleAfterDays: f.staleAfterDays,
      }),
    );
  }

  return (
    <FormDialog
      dialog={dialog}
      title={t("organisations.edit")}
      testId="org-edit"
      onSubmit={submit}
      intro={
        <DialogIntro code={base.code}>
          {t(`organisationKind.${base.kind}`, { defaultValue: base.kind })}
        </DialogIntro>
      }
    >
      <NameFields
        nameEn={f.nameEn}
        nameUr={f.nameUr}
        onChange={set}
        errors={fieldErrors}
        testIdPrefix="org-edit-name"
      />
      <ActiveSwitch
        checked={f.active}
        onChange={(v) => set("active", v)}
        description={t("organisations.activeHint")}
        testId="org-edit-active"
      />
      <NumberInput
        label={t("organisations.staleAfterDays")}
        description={t("organisations.staleAfterDaysHint")}
        value={f.staleAfterDays ?? ""}
        onChange={(v) => set("staleAfterDays", typeof v === "number" ? v : null)}
        min={7}
        max={3650}
        allowDecimal={false}
        error={fieldErrors.staleAfterDays}
        data-testid="org-edit-stale-days"
      />
    </FormDialog>
  );
}
