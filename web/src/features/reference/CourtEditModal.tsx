import { TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
  changedFields,
  DialogIntro,
  FormDialog,
  useFields,
  useVersionedSave,
} from "../../app/FormDialog.tsx";
import { useLocale } from "../../app/format.ts";
import { ActiveSwitch } from "./ActiveSwitch.tsx";
import { type Court, useCourts, useUpdateCourt } from "./api.ts";
import { NameFields } from "./NameFields.tsx";

/** Edits a court's names, city and whether it is offered; sends only what changed, with the version read. */
export function CourtEditModal({ court, onClose }: { court: Court; onClose: () => void }) {
  const { t } = useTranslation();
  const { name } = useLocale();
  const { refetch } = useCourts();
  const dialog = useVersionedSave(court, useUpdateCourt(), {
    onClose,
    saved: (saved) => t("reference.courtSaved", { name: name(saved) }),
    latest: async () => (await refetch()).data,
  });
  const { base, fieldErrors } = dialog;
  const [f, set] = useFields({
    nameEn: base.nameEn,
    nameUr: base.nameUr,
    city: base.city,
    active: base.active,
  });

  function submit() {
    if (!dialog.check(f.nameEn.trim() ? {} : { nameEn: t("validation.required") })) return;
    dialog.save(
      changedFields(base, {
        nameEn: f.nameEn.trim(),
        nameUr: f.nameUr.trim(),
        city: f.city.trim(),
        active: f.active,
      }),
    );
  }

  return (
    <FormDialog
      dialog={dialog}
      title={t("reference.editCourt")}
      testId="court-edit"
      onSubmit={submit}
      intro={
        <DialogIntro code={base.code}>
          {t(`courtLevel.${base.level}`, { defaultValue: base.level })}
        </DialogIntro>
      }
    >
      <NameFields
        nameEn={f.nameEn}
        nameUr={f.nameUr}
        onChange={set}
        errors={fieldErrors}
        testIdPrefix="court-edit-name"
      />
      <TextInput
        label={t("reference.city")}
        value={f.city}
        onChange={(e) => set("city", e.currentTarget.value)}
        error={fieldErrors.city}
        data-testid="court-edit-city"
      />
      <ActiveSwitch
        checked={f.active}
        onChange={(v) => set("active", v)}
        description={t("reference.courtActiveHint")}
        testId="court-edit-active"
      />
    </FormDialog>
  );
}
