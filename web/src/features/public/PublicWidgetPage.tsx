import { Anchor, Box, Loader, Stack, Text } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { formatDate, useLocale } from "../../app/format.ts";
import { isLocale } from "../../app/i18n.ts";
import { useSession } from "../../app/session.tsx";
import { publicErrorKey, usePublicOrganisation } from "./api.ts";
import { PendingTable } from "./PublicTables.tsx";

/**
 * /public/widget/:code — minimal chrome for an iframe on a ministry's website (the server lets only this page
 * be framed by other sites). `?lang=ur` picks Urdu.
 */
export function PublicWidgetPage() {
  const { t } = useTranslation();
  const { locale, name } = useLocale();
  const { setLocale } = useSession();
  const code = useParams().code ?? "";
  const lang = useSearchParams()[0].get("lang");
  useEffect(() => {
    if (lang && isLocale(lang)) void setLocale(lang);
  }, [lang, setLocale]);
  const q = usePublicOrganisation(code, 1, 10);

  return (
    <Box p="sm" data-testid="public-widget">
      {q.isPending && <Loader size="sm" />}
      {q.isError && <Text c="dimmed">{t(publicErrorKey(q.error, "public.orgNotFound"))}</Text>}
      {q.data && (
        <Stack gap="xs">
          <Text fw={700}>{name(q.data.organisation)}</Text>
          <Text size="sm">
            {t("public.pendingCases")}: {q.data.pending.total} · {t("public.totalCases")}: {q.data.total}
          </Text>
          <PendingTable items={q.data.pending.items} compact />
          <Text size="xs" c="dimmed">
            {t("public.asOf", { date: formatDate(q.data.asOf, locale) })} ·{" "}
            <Anchor href={`/public/organisations/${encodeURIComponent(code)}`} target="_blank" rel="noopener">
              {t("public.fullPage")}
            </Anchor>
          </Text>
        </Stack>
      )}
    </Box>
  );
}
