import { Anchor, Center, Loader, Progress, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { QueryError } from "../../app/forms.tsx";
import { downloadJobUrl, useMyExports } from "./api.ts";

/**
 * The signed-in user's exports (newest 50): state, progress and the file once done — until it expires
 * (CAMS_EXPORT_KEEP_DAYS), when the row says so and offers no link.
 */
export function ExportsPage() {
  const { t, i18n } = useTranslation();
  const jobs = useMyExports();
  return (
    <Stack gap="sm">
      <Title order={1} size="h2">
        {t("exports.myExports")}
      </Title>
      {jobs.isError && <QueryError error={jobs.error} testId="exports-error" />}
      {jobs.isPending && (
        <Center p="xl">
          <Loader />
        </Center>
      )}
      {jobs.data?.length === 0 && (
        <Text c="dimmed" data-testid="exports-empty">
          {t("exports.empty")}
        </Text>
      )}
      {jobs.data && jobs.data.length > 0 && (
        <Table data-testid="exports-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("exports.col.created")}</Table.Th>
              <Table.Th>{t("exports.col.format")}</Table.Th>
              <Table.Th>{t("exports.col.state")}</Table.Th>
              <Table.Th>{t("exports.col.rows")}</Table.Th>
              <Table.Th>{t("exports.col.file")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {jobs.data.map((j) => (
              <Table.Tr key={j.id} data-testid="exports-row" data-state={j.state}>
                <Table.Td>{new Date(j.createdAt).toLocaleString(i18n.language)}</Table.Td>
                <Table.Td>{j.format.toUpperCase()}</Table.Td>
                <Table.Td data-testid="exports-state">
                  {t(`exports.state.${j.state}`)}
                  {j.state === "expired" && (
                    <Text size="xs" c="dimmed">
                      {t("exports.expiredHelp")}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {j.state === "running" && j.rowsTotal ? (
                    <Progress
                      w={120}
                      value={(100 * j.rowsDone) / j.rowsTotal}
                      aria-label={t("exports.progressLabel")}
                    />
                  ) : (
                    `${j.rowsDone} / ${j.rowsTotal ?? "?"}`
                  )}
                </Table.Td>
                <Table.Td>
                  {j.state === "done" ? (
                    <Anchor href={downloadJobUrl(j.id)} download className="ltr">
                      {j.fileName}
                    </Anchor>
                  ) : (
                    "—"
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
