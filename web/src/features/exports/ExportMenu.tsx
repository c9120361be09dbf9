import { Alert, Anchor, Button, Group, Menu, Progress, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { downloadJobUrl, type ExportFormat, exportCases, useExportJob } from "./api.ts";

const FORMATS: ExportFormat[] = ["csv", "xlsx", "pdf"];
/** Keys of the list's query that are not exported: paging. The free text `q` is exported as the list finds it. */
const NOT_FILTERS = new Set(["page", "pageSize"]);

/**
 * "Export" on the case list: the list's filters and search as CSV, XLSX or PDF. A small list downloads at once; a large
 * one runs as a job on the server, followed here with its progress and a download link when it is done.
 */
export function ExportMenu({ query }: { query: Record<string, string | number | undefined> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useExportJob(jobId);

  async function run(format: ExportFormat) {
    setBusy(true);
    setError(null);
    setJobId(null);
    try {
      const filters = Object.fromEntries(Object.entries(query).filter(([k]) => !NOT_FILTERS.has(k)));
      const started = await exportCases(format, filters);
      if (started) setJobId(started.id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const j = job.data;
  return (
    <Stack gap={4} align="flex-end">
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" loading={busy} data-testid="export-menu">
            {t("exports.button")}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {FORMATS.map((f) => (
            <Menu.Item key={f} onClick={() => void run(f)} data-testid={`export-${f}`}>
              {t(`exports.format.${f}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {error && (
        <Alert color="red" py={4} data-testid="export-error">
          {error}
        </Alert>
      )}
      {j && (
        <Group gap="xs" data-testid="export-job" data-state={j.state}>
          {j.state === "done" ? (
            <Anchor href={downloadJobUrl(j.id)} download data-testid="export-job-download">
              {t("exports.download", { name: j.fileName })}
            </Anchor>
          ) : j.state === "failed" ? (
            <Text size="sm" c="red">
              {t("exports.failed")}
            </Text>
          ) : j.state === "expired" ? (
            <Text size="sm">{t("exports.expiredHelp")}</Text>
          ) : (
            <>
              <Text size="sm">{t("exports.progress", { done: j.rowsDone, total: j.rowsTotal ?? 0 })}</Text>
              <Progress
                w={120}
                value={j.rowsTotal ? (100 * j.rowsDone) / j.rowsTotal : 0}
                aria-label={t("exports.progressLabel")}
              />
            </>
          )}
          <Anchor component={Link} to="/exports" size="sm">
            {t("exports.myExports")}
          </Anchor>
        </Group>
      )}
    </Stack>
  );
}
