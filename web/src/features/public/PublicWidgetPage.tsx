import { Anchor, Box, Loader, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { formatDate, useLocale } from "../../app/format.ts";
import { isLocale } from "../../app/i18n.ts";
import { useSession } from "../../app/session.tsx";
import { publicErrorKey, usePublicOrganisation } from "./api.ts";
import { PendingTable } from "./PublicTables.tsx";
import { PUBLIC_INK } from "./publicInk.ts";

/**
 * /public/widget/:code — minimal chrome for an iframe on a ministry's website (the server lets only this page
 * be framed by other sites). `?lang=ur` picks Urdu, `?court=IHC` narrows it to one court. By keyboard it is two
 * stops: the table (it scrolls sideways when narrow) and the link to the full page.
 */
export function PublicWidgetPage() {
  const { t } = useTranslation();
  const { locale, name } = useLocale();
  const { setLocale } = useSession();
  const code = useParams().code ?? "";
  const [params] = useSearchParams();
  const lang = params.get("lang");
  const court = params.get("court") ?? "";
  useEffect(() => {
    if (lang && isLocale(lang)) void setLocale(lang);
  }, [lang, setLocale]);
  const q = usePublicOrganisation(code, 1, 10, court);
  const full = `/public/organisations/${encodeURIComponent(code)}${court ? `?court=${encodeURIComponent(court)}` : ""}`;

  return (
    <Box component="main" p="sm" style={PUBLIC_INK} data-testid="public-widget">
      {q.isPending && <Loader size="sm" aria-label={t("public.searching")} />}
      {q.isError && <Text c="dimmed">{t(publicErrorKey(q.error, "public.orgNotFound"))}</Text>}
      {q.data && (
        <Stack gap="xs">
          <Title order={1} size="h5">
            {name(q.data.organisation)}
          </Title>
          <Text size="sm">
            {t("public.pendingCases")}: {q.data.pending.total} · {t("public.totalCases")}: {q.data.total}
          </Text>
          <PendingTable items={q.data.pending.items} caption={t("public.widgetTable")} compact />
          <Text size="xs" c="dimmed">
            {t("public.asOf", { date: formatDate(q.data.asOf, locale) })} ·{" "}
            <Anchor href={full} target="_blank" rel="noopener" data-testid="public-widget-full">
              {t("public.fullPageOf", { name: name(q.data.organisation) })}
              <VisuallyHidden> {t("public.newTab")}</VisuallyHidden>
            </Anchor>
          </Text>
        </Stack>
      )}
    </Box>
  );
}
