import { SegmentedControl } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocale } from "./format.ts";
import { isLocale } from "./i18n.ts";
import { useSession } from "./session.tsx";

/**
 * English | اردو. Each label is written in its own language; choosing is idempotent (clicking "اردو" always
 * means Urdu), and the choice is saved to the user's profile when signed in.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { setLocale } = useSession();
  return (
    <SegmentedControl
      size="xs"
      value={locale}
      onChange={(value) => {
        if (isLocale(value)) void setLocale(value);
      }}
      aria-label={t("common.switchLanguage")}
      data-testid="lang-switch"
      data-lang={locale}
      data={[
        {
          value: "en",
          label: (
            <span lang="en" data-testid="lang-en">
              English
            </span>
          ),
        },
        {
          value: "ur",
          label: (
            <span lang="ur" data-testid="lang-ur">
              اردو
            </span>
          ),
        },
      ]}
    />
  );
}
