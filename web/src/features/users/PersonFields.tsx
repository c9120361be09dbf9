import { TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "../../app/forms.tsx";

type Person = { fullName: string; designation: string; email: string };

/**
 * Full name, designation and email of a user, for the create and edit dialogs (placed inside their grid).
 * `testIdPrefix` "user" gives `user-full-name`, `user-designation` and `user-email`.
 */
export function PersonFields({
  values,
  onChange,
  errors,
  testIdPrefix,
}: {
  values: Person;
  onChange: (key: keyof Person, value: string) => void;
  errors: FieldErrors;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t("fields.fullName")}
        required
        value={values.fullName}
        onChange={(e) => onChange("fullName", e.currentTarget.value)}
        error={errors.fullName}
        data-testid={`${testIdPrefix}-full-name`}
      />
      <TextInput
        label={t("fields.designation")}
        value={values.designation}
        onChange={(e) => onChange("designation", e.currentTarget.value)}
        error={errors.designation}
        data-testid={`${testIdPrefix}-designation`}
      />
      <TextInput
        label={t("fields.email")}
        type="email"
        value={values.email}
        onChange={(e) => onChange("email", e.currentTarget.value)}
        error={errors.email}
        data-testid={`${testIdPrefix}-email`}
        classNames={{ input: "ltr" }}
      />
    </>
  );
}
