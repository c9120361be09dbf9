import { TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../app/format.ts";

type Props = {
  nameEn: string;
  nameUr: string;
  onChange: (key: "nameEn" | "nameUr", value: string) => void;
  errors: Record<string, string>;
  /** `org-name` gives the inputs `org-name-en` and `org-name-ur`. */
  testIdPrefix: string;
};

/** The English and Urdu name inputs, the reader's language first; the English name is required. */
export function NameFields({ nameEn, nameUr, onChange, errors, testIdPrefix }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const en = (
    <TextInput
      key="en"
      label={t("reference.nameEn")}
      required
      lang="en"
      dir="ltr"
      value={nameEn}
      onChange={(e) => onChange("nameEn", e.currentTarget.value)}
      error={errors.nameEn}
      data-testid={`${testIdPrefix}-en`}
    />
  );
  const ur = (
    <TextInput
      key="ur"
      label={t("reference.nameUr")}
      lang="ur"
      dir="rtl"
      value={nameUr}
      onChange={(e) => onChange("nameUr", e.currentTarget.value)}
      error={errors.nameUr}
      data-testid={`${testIdPrefix}-ur`}
    />
  );
  return <>{locale === "ur" ? [ur, en] : [en, ur]}</>;
}
