import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocale } from "./format.ts";
import { useSession } from "./session.tsx";

/** Toggles English ⇄ Urdu; the label is always written in the language it switches to. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { setLocale } = useSession();
  const next = locale === "ur" ? "en" : "ur";
  return (
    <Button
      variant="default"
      size="xs"
      data-testid="lang-switch"
      data-lang={locale}
      lang={next}
      title={t("common.switchLanguage")}
      onClick={() => void setLocale(next)}
    >
      {next === "ur" ? "اردو" : "English"}
    </Button>
  );
}
