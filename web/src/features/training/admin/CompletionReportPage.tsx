import { Center, Group, Loader, NativeSelect, Progress, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { FileDownloads } from "../../../app/FileDownloads.tsx";
import { useLocale } from "../../../app/format.ts";
import { QueryError } from "../../../app/forms.tsx";
import { NotFound } from "../../../app/NotFound.tsx";
import { useMe } from "../../../app/session.tsx";
import { type CompletionRow, completionExportUrl, useCompletion } from "./api.ts";

const ROLES = ["administrator", "law_ministry", "nodal_officer"];

/**
 * Training completion by organisation and module (issue 9): people, enrolled, completed, the completion rate
 * (completed / people) with a bar, and revoked certificates; filtered by organisation and module (kept in the
 * address), and downloaded as CSV or XLSX with the same filters. Administrators and the Law Ministry see every
 * organisation, a nodal officer their own (the server decides).
 */
export function CompletionReportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { name } = useLocale();
  const [params, setParams] = useSearchParams();
  const query = {
    organisationId: params.get("organisationId") || undefined,
    moduleId: params.get("moduleId") || undefined,
  };
  const all = useCompletion({});
  const report = useCompletion(query);
  if (!ROLES.some((r) => me.roles.includes(r))) return <NotFound message={t("errors.forbidden")} />;

  // The choices come from the unfiltered report: exactly the organisations and modules the caller may see.
  const organisations = unique(
    all.data ?? [],
    (r) => r.organisation.id,
    (r) => name(r.organisation),
  );
  const modules = unique(
    all.data ?? [],
    (r) => r.module.id,
    (r) => `${r.module.title} (${r.module.code})`,
  );
  const setFilter = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const rows = report.data ?? [];

  return (
    <Stack gap="md" maw={1400} data-testid="completion-report-page">
      <Title order={1} size="h2">
        {t("trainingAdmin.report.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("trainingAdmin.report.help")}
      </Text>
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label={t("trainingAdmin.report.organisation")}
            data={[{ value: "", label: t("common.all") }, ...organisations]}
            value={query.organisationId ?? ""}
            onChange={(e) => setFilter("organisationId", e.currentTarget.value)}
            maw={360}
            data-testid="report-filter-org"
          />
          <NativeSelect
            label={t("trainingAdmin.report.module")}
            data={[{ value: "", label: t("common.all") }, ...modules]}
            value={query.moduleId ?? ""}
            onChange={(e) => setFilter("moduleId", e.currentTarget.value)}
            maw={360}
            data-testid="report-filter-module"
          />
        </Group>
        <FileDownloads
          href={(format) => completionExportUrl(query, format)}
          what={t("trainingAdmin.report.what")}
          formats={["csv", "xlsx"]}
          testId="report-download"
        />
      </Group>
      {report.isPending && (
        <Center p="md">
          <Loader size="sm" />
        </Center>
      )}
      {report.isError && <QueryError error={report.error} testId="report-error" />}
      {report.data && rows.length === 0 && (
        <Text data-testid="report-none">{t("trainingAdmin.report.none")}</Text>
      )}
      {rows.length > 0 && <ReportTable rows={rows} />}
    </Stack>
  );
}

function ReportTable({ rows }: { rows: CompletionRow[] }) {
  const { t } = useTranslation();
  const { name } = useLocale();
  const pct = (value: number) => t("trainingAdmin.percent", { value });
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped highlightOnHover data-testid="report-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("trainingAdmin.report.organisation")}</Table.Th>
            <Table.Th>{t("trainingAdmin.report.module")}</Table.Th>
            <Table.Th ta="end">{t("trainingAdmin.report.people")}</Table.Th>
            <Table.Th ta="end">{t("trainingAdmin.report.enrolled")}</Table.Th>
            <Table.Th ta="end">{t("trainingAdmin.report.completed")}</Table.Th>
            <Table.Th>{t("trainingAdmin.report.completion")}</Table.Th>
            <Table.Th ta="end">{t("trainingAdmin.report.revoked")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr
              key={`${r.organisation.id}:${r.module.id}`}
              data-testid="report-row"
              data-org={r.organisation.code}
              data-module={r.module.code}
            >
              <Table.Td>
                <bdi>{name(r.organisation)}</bdi>
              </Table.Td>
              <Table.Td>
                <bdi>{r.module.title}</bdi>
              </Table.Td>
              <Table.Td ta="end">{r.people}</Table.Td>
              <Table.Td ta="end">{r.enrolled}</Table.Td>
              <Table.Td ta="end">{r.completed}</Table.Td>
              <Table.Td miw={200}>
                <Group gap="xs" wrap="nowrap">
                  <Progress.Root size="lg" flex={1}>
                    <Progress.Section
                      value={Math.min(100, Math.max(0, r.completionPercent))}
                      color="teal"
                      aria-label={t("trainingAdmin.report.bar", {
                        organisation: name(r.organisation),
                        module: r.module.title,
                        percent: pct(r.completionPercent),
                        completed: r.completed,
                        people: r.people,
                      })}
                      data-testid="report-bar"
                    />
                  </Progress.Root>
                  <Text size="sm" style={{ whiteSpace: "nowrap" }} data-testid="report-percent">
                    {pct(r.completionPercent)}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td ta="end">{r.revoked}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The distinct values of the rows as select options, sorted by label. */
function unique(
  rows: CompletionRow[],
  value: (r: CompletionRow) => string,
  label: (r: CompletionRow) => string,
): { value: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const r of rows) if (!seen.has(value(r))) seen.set(value(r), label(r));
  return [...seen].map(([v, l]) => ({ value: v, label: l })).sort((a, b) => a.label.localeCompare(b.label));
}
