import { Badge, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../app/format.ts";
import type { Named } from "../../app/types.ts";

/** Both names of a record, the reader's language first (Urdu first in the Urdu interface). */
export function NamePair({ named, testId }: { named: Named; testId?: string }) {
  const { locale } = useLocale();
  const en = { text: named.nameEn, lang: "en", dir: "ltr" } as const;
  const ur = { text: named.nameUr, lang: "ur", dir: "rtl" } as const;
  const [first, second] = locale === "ur" ? [ur, en] : [en, ur];
  return (
    <Stack gap={0} data-testid={testId}>
      <Text size="sm" fw={500}>
        <span lang={first.lang} dir={first.dir}>
          {first.text || "—"}
        </span>
      </Text>
      {second.text && (
        <Text size="xs" c="dimmed">
          <span lang={second.lang} dir={second.dir}>
            {second.text}
          </span>
        </Text>
      )}
    </Stack>
  );
}

export function ActiveBadge({ active, testId }: { active: boolean; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={active ? "teal" : "gray"} variant="light" data-testid={testId} data-active={active}>
      {active ? t("reference.active") : t("reference.inactive")}
    </Badge>
  );
}
