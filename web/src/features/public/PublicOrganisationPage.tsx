import {
  Alert,
  Code,
  Group,
  Loader,
  Pagination,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { formatDate, useLocale } from "../../app/format.ts";
import { publicErrorKey, usePublicOrganisation } from "./api.ts";
import { PublicCourtSelect } from "./PublicCourtSelect.tsx";
import { PublicLayout } from "./PublicLayout.tsx";
import { CountsTable, PendingTable } from "./PublicTables.tsx";

const PAGE_SIZE = 25;

/**
 * /public/organisations/:code — a ministry's public page, its pending cases optionally in one court (`?court=`,
 * kept in the URL so the view can be linked to), and how to embed its widget or read its feed.
 */
export function PublicOrganisationPage() {
  const { t } = useTranslation();
  const { locale, name } = useLocale();
  const code = useParams().code ?? "";
  const [params, setParams] = useSearchParams();
  const court = params.get("court") ?? "";
  const [page, setPage] = useState(1);
  const q = usePublicOrganisation(code, page, PAGE_SIZE, court);

  function chooseCourt(next: string) {
    setPage(1);
    setParams(next ? { court: next } : {}, { replace: true });
  }

  return (
    <PublicLayout>
      {q.isPending && <Loader aria-label={t("public.searching")} />}
      {q.isError && (
        <Alert color="yellow" data-testid="public-error">
          {t(publicErrorKey(q.error, "public.orgNotFound"))}
        </Alert>
      )}
      {q.data && (
        <Stack gap="md" data-testid="public-organisation">
          <div>
            <Title order={1} size="h2" data-testid="public-organisation-name">
              {name(q.data.organisation)}
            </Title>
            <Text size="sm" c="dimmed">
              {t("public.asOf", { date: formatDate(q.data.asOf, locale) })} · {t("public.totalCases")}:{" "}
              <span data-testid="public-organisation-total">{q.data.total}</span>
            </Text>
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <CountsTable
              caption={t("public.byStatus")}
              heading={t("public.status")}
              rows={q.data.byStatus}
              label={(r) => t(`status.${r.key}`)}
              testId="public-by-status"
            />
            <CountsTable
              caption={t("public.byCourt")}
              heading={t("public.court")}
              rows={q.data.byCourt}
              label={(r) => name(r)}
              testId="public-by-court"
            />
          </SimpleGrid>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="sm" id="public-pending-heading">
              {t("public.pendingCases")} (
              <span data-testid="public-pending-total">{q.data.pending.total}</span>)
            </Title>
            <Group mb="sm">
              <PublicCourtSelect
                label={t("public.pendingIn")}
                value={court}
                onChange={chooseCourt}
                testId="public-org-court"
              />
            </Group>
            {/* a screen reader hears the new count when another court is chosen (the table is replaced silently) */}
            <VisuallyHidden role="status" aria-live="polite" data-testid="public-pending-announce">
              {t("public.resultCount", { count: q.data.pending.total })}
            </VisuallyHidden>
            <PendingTable items={q.data.pending.items} caption={t("public.pendingCases")} />
            {q.data.pending.total > PAGE_SIZE && (
              <Group justify="center" mt="sm">
                <Pagination
                  total={Math.ceil(q.data.pending.total / PAGE_SIZE)}
                  value={page}
                  onChange={setPage}
                />
              </Group>
            )}
            <Text size="xs" c="dimmed" mt="xs">
              {t("public.masked")}
            </Text>
          </Paper>
          <ForWebsites code={code} court={court} />
        </Stack>
      )}
    </PublicLayout>
  );
}

/** The feed's address and the widget's embed code, narrowed to the court chosen if any. */
function ForWebsites({ code, court }: { code: string; court: string }) {
  const { t } = useTranslation();
  const origin = window.location.origin;
  const query = court ? `?court=${encodeURIComponent(court)}` : "";
  const feed = `${origin}/api/v1/public/organisations/${encodeURIComponent(code)}/feed.json${query}`;
  const widget = `<iframe src="${origin}/public/widget/${encodeURIComponent(code)}${query}" title="CAMS" width="420" height="480" style="border:0"></iframe>`;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="xs">
        {t("public.forWebsites")}
      </Title>
      <Text size="sm">{t("public.feed")}</Text>
      <Code block className="ltr" mb="sm" data-testid="public-feed-url">
        {feed}
      </Code>
      <Text size="sm">{t("public.embedHint")}</Text>
      <Code block className="ltr">
        {widget}
      </Code>
    </Paper>
  );
}
