import { Switch } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** "Active" in an edit dialog of reference data (organisations, courts, case types), with what it means. */
export function ActiveSwitch({
  checked,
  onChange,
  description,
  testId,
}: {
  checked: boolean;
  onChange: (active: boolean) => void;
  description: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Switch
      label={t("reference.activeLabel")}
      description={description}
      checked={checked}
      onChange={(e) => onChange(e.currentTarget.checked)}
      data-testid={testId}
    />
  );
}
