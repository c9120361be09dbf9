import { SimpleGrid, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FormDialog, useDialogSave, useFields } from "../../app/FormDialog.tsx";
import { ltrIsolate, useLocale } from "../../app/format.ts";
import type { FieldErrors } from "../../app/forms.tsx";
import { CODE_PATTERN, type Court, useAddBench } from "./api.ts";
import { NameFields } from "./NameFields.tsx";

/** Adds a bench (or branch registry) to a court; its code is unique within the court. */
export function BenchCreateModal({ court, onClose }: { court: Court; onClose: () => void }) {
  const { t } = useTranslation();
  const { name } = useLocale();
  const [f, set] = useFields({ code: "", nameEn: "", nameUr: "", city: "" });
  const code = f.code.trim().toUpperCase();
  const dialog = useDialogSave(useAddBench(), {
    onClose,
    saved: () => t("reference.benchAdded", { code: ltrIsolate(code) }),
    codeTaken: () => t("reference.benchCodeTaken", { code: ltrIsolate(code) }),
  });
  const { fieldErrors } = dialog;

  function submit() {
    const errors: FieldErrors = {};
    if (!CODE_PATTERN.test(code)) errors.code = t("reference.codeHint");
    if (!f.nameEn.trim()) errors.nameEn = t("validation.required");
    if (!f.city.trim()) errors.city = t("validation.required");
    if (!dialog.check(errors)) return;
    dialog.save({
      courtId: court.id,
      code,
      nameEn: f.nameEn.trim(),
      nameUr: f.nameUr.trim(),
      city: f.city.trim(),
    });
  }

  return (
    <FormDialog
      dialog={dialog}
      title={t("reference.addBench")}
      testId="bench-create"
      onSubmit={submit}
      submitLabel={t("reference.addBenchButton")}
      intro={
        <Text size="sm" c="dimmed">
          {name(court)} (<span className="ltr">{court.code}</span>)
        </Text>
      }
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
          data-testid="bench-code"
        />
        <TextInput
          label={t("reference.city")}
          required
          value={f.city}
          onChange={(e) => set("city", e.currentTarget.value)}
          error={fieldErrors.city}
          data-testid="bench-city"
        />
      </SimpleGrid>
      <NameFields
        nameEn={f.nameEn}
        nameUr={f.nameUr}
        onChange={set}
        errors={fieldErrors}
        testIdPrefix="bench-name"
      />
    </FormDialog>
  );
}
