import { Alert, Code, Group, Loader, Pagination, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { formatDate, useLocale } from "../../app/format.ts";
import { publicErrorKey, usePublicOrganisation } from "./api.ts";
import { PublicLayout } from "./PublicLayout.tsx";
import { CountsTable, PendingTable } from "./PublicTables.tsx";

const PAGE_SIZE = 25;

/** /public/organisations/:code — a ministry's public page, and how to embed its widget or read its feed. */
export function PublicOrganisationPage() {
  const { t } = useTranslation();
  const { locale, name } = useLocale();
  const code = useParams().code ?? "";
  const [page, setPage] = useState(1);
  const q = usePublicOrganisation(code, page, PAGE_SIZE);
  const origin = window.location.origin;
  const feed = `${origin}/api/v1/public/organisations/${encodeURIComponent(code)}/feed.json`;
  const widget = `<iframe src="${origin}/public/widget/${encodeURIComponent(code)}" title="CAMS" width="420" height="480" style="border:0"></iframe>`;

  return (
    <PublicLayout>
      {q.isPending && <Loader />}
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
              rows={q.data.byStatus}
              label={(r) => t(`status.${r.key}`)}
              testId="public-by-status"
            />
            <CountsTable
              caption={t("public.byCourt")}
              rows={q.data.byCourt}
              label={(r) => name(r)}
              testId="public-by-court"
            />
          </SimpleGrid>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="sm">
              {t("public.pendingCases")} ({q.data.pending.total})
            </Title>
            <PendingTable items={q.data.pending.items} />
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
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="xs">
              {t("public.forWebsites")}
            </Title>
            <Text size="sm">{t("public.feed")}</Text>
            <Code block className="ltr" mb="sm">
              {feed}
            </Code>
            <Text size="sm">{t("public.embedHint")}</Text>
            <Code block className="ltr">
              {widget}
            </Code>
          </Paper>
        </Stack>
      )}
    </PublicLayout>
  );
}
