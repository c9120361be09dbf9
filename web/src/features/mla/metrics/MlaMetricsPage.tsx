import {
  Anchor,
  Card,
  Center,
  Group,
  Loader,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MlaMetrics } from "../../../../../common/schemas/mla-metrics.ts";
import type { MlaMetricsTable } from "../../../../../common/schemas/mla-metrics-export.ts";
import { get } from "../../../app/api.ts";
import { exportUrl, FileDownloads } from "../../../app/FileDownloads.tsx";
import { formatDateTime, useLocale } from "../../../app/format.ts";
import { QueryError } from "../../../app/forms.tsx";
import { useMlaLabels } from "../labels.tsx";

/**
 * The Central Authority's figures (issue 5 item 9), each as a table: what is pending and for how long, how long
 * acknowledgement takes, whose turn the time was, why requests are returned or refused, and which preservations
 * ran out before the MLA request went out. Figures are computed when the page is opened.
 */
export function MlaMetricsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const query = useQuery({
    queryKey: ["mla", "metrics"],
    queryFn: ({ signal }) => get<MlaMetrics>("/mla/metrics", undefined, signal),
  });
  if (query.isError) return <QueryError error={query.error} testId="mla-metrics-error" />;
  if (!query.data) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  const m = query.data;
  return (
    <Stack gap="md" maw={1300} data-testid="mla-metrics-page">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t("mla.metrics.title")}
        </Title>
        <Text size="sm" c="dimmed" data-testid="mla-metrics-as-of">
          {t("mla.metrics.asOf", { at: formatDateTime(m.asOf, locale) })}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <TimeByHolder m={m} />
        <Rates m={m} />
      </SimpleGrid>
      <Pending m={m} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Acknowledgement m={m} />
        <Expired m={m} />
      </SimpleGrid>
    </Stack>
  );
}

/** Its table as CSV, XLSX and PDF (GET /mla/metrics/export), as the dashboard's tables. */
function TableFiles({ table, what, label }: { table: MlaMetricsTable; what: string; label?: string }) {
  return (
    <FileDownloads
      testId={`mla-metrics-download-${table}`}
      what={what}
      label={label}
      href={(format) => exportUrl("/mla/metrics/export", { table }, format)}
    />
  );
}

function Section({
  title,
  testId,
  table,
  children,
}: {
  title: string;
  testId: string;
  table: MlaMetricsTable;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid={testId}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        <TableFiles table={table} what={t("downloads.what.mlaTable", { table: title })} />
        {children}
      </Stack>
    </Card>
  );
}

function TimeByHolder({ m }: { m: MlaMetrics }) {
  const { t } = useTranslation();
  return (
    <Section title={t("mla.metrics.timeTitle")} testId="mla-metrics-time" table="timeByHolder">
      <TableFiles
        table="timeInState"
        what={t("downloads.what.mlaTimeInState")}
        label={t("downloads.byState")}
      />
      <Text size="xs" c="dimmed">
        {t("mla.metrics.timeHelp")}
      </Text>
      {m.timeInState.byHolder.map((h) => (
        <Stack
          key={h.holder}
          gap={2}
          data-testid="mla-metrics-holder"
          data-holder={h.holder}
          data-days={h.totalDays}
        >
          <Group justify="space-between">
            <Text size="sm">{t(`mla.metrics.holder.${h.holder}`)}</Text>
            <Text size="sm" className="ltr">
              {t("mla.metrics.daysShare", { days: h.totalDays, share: h.share })}
            </Text>
          </Group>
          <Progress value={h.share} aria-label={t(`mla.metrics.holder.${h.holder}`)} />
        </Stack>
      ))}
    </Section>
  );
}

function Rates({ m }: { m: MlaMetrics }) {
  const { t } = useTranslation();
  const { deficiency: d, refusal: r } = m.rates;
  const label = (g: string) =>
    t(`mla.refusalGround.${g}`, { defaultValue: g === "unspecified" ? t("mla.metrics.unspecified") : g });
  const rows = [
    ...d.byGround.map((g) => ({ ...g, kind: "deficiency" as const })),
    ...r.byGround.map((g) => ({ ...g, kind: "refusal" as const })),
  ];
  return (
    <Section title={t("mla.metrics.ratesTitle")} testId="mla-metrics-rates" table="grounds">
      <Text size="sm" data-testid="mla-metrics-deficiency" data-rate={d.rate}>
        {t("mla.metrics.deficiency", { returned: d.returned, submitted: d.submitted, rate: d.rate })}
      </Text>
      <Text size="sm" data-testid="mla-metrics-refusal" data-rate={r.rate}>
        {t("mla.metrics.refusal", { refused: r.refused, decided: r.decided, rate: r.rate })}
      </Text>
      <Table fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("mla.grounds")}</Table.Th>
            <Table.Th>{t("mla.metrics.count")}</Table.Th>
            <Table.Th>{t("mla.metrics.rate")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((g) => (
            <Table.Tr key={`${g.kind}:${g.ground}`} data-testid="mla-metrics-ground" data-ground={g.ground}>
              <Table.Td>
                {t(`mla.groundsLabel.${g.kind}`)}: {label(g.ground)}
              </Table.Td>
              <Table.Td>{g.count}</Table.Td>
              <Table.Td className="ltr">{g.rate}%</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

function Pending({ m }: { m: MlaMetrics }) {
  const { t } = useTranslation();
  const labels = useMlaLabels();
  const bounds = m.pending.ageBucketsDays;
  const heads = [
    ...bounds.map((b, i) => t("mla.metrics.ageUpTo", { from: i === 0 ? 0 : bounds[i - 1]! + 1, to: b })),
    t("mla.metrics.ageOver", { days: bounds.at(-1) }),
  ];
  return (
    <Section title={t("mla.metrics.pendingTitle")} testId="mla-metrics-pending" table="pending">
      <Table.ScrollContainer minWidth={800}>
        <Table fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("mla.kind")}</Table.Th>
              <Table.Th>{t("mla.state")}</Table.Th>
              <Table.Th>{t("mla.metrics.total")}</Table.Th>
              {heads.map((h) => (
                <Table.Th key={h}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {m.pending.rows.map((r) => (
              <Table.Tr
                key={`${r.kind}:${r.state}`}
                data-testid="mla-metrics-pending-row"
                data-kind={r.kind}
                data-state={r.state}
              >
                <Table.Td>{labels.kind(r.kind)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/mla?kind=${r.kind}&state=${r.state}`}>
                    {labels.state(r.state)}
                  </Anchor>
                </Table.Td>
                <Table.Td fw={600}>{r.total}</Table.Td>
                {r.byAge.map((n, i) => (
                  <Table.Td key={heads[i]}>{n}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

function Acknowledgement({ m }: { m: MlaMetrics }) {
  const { t } = useTranslation();
  const labels = useMlaLabels();
  return (
    <Section title={t("mla.metrics.ackTitle")} testId="mla-metrics-ack" table="acknowledgement">
      <Table fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("mla.kind")}</Table.Th>
            <Table.Th>{t("mla.metrics.acknowledged")}</Table.Th>
            <Table.Th>{t("mla.metrics.median")}</Table.Th>
            <Table.Th>{t("mla.metrics.p90")}</Table.Th>
            <Table.Th>{t("mla.metrics.waiting")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {m.acknowledgement.map((a) => (
            <Table.Tr key={a.kind} data-testid="mla-metrics-ack-row" data-kind={a.kind}>
              <Table.Td>{labels.kind(a.kind)}</Table.Td>
              <Table.Td>{a.acknowledged}</Table.Td>
              <Table.Td>{a.medianDays ?? "—"}</Table.Td>
              <Table.Td>{a.p90Days ?? "—"}</Table.Td>
              <Table.Td>{a.waiting}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

function Expired({ m }: { m: MlaMetrics }) {
  const { t } = useTranslation();
  return (
    <Section title={t("mla.metrics.expiredTitle")} testId="mla-metrics-expired" table="expiredPreservations">
      {m.expiredPreservations.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("mla.metrics.noneExpired")}
        </Text>
      ) : (
        <Table fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("mla.reference")}</Table.Th>
              <Table.Th>{t("mla.metrics.expiredOn")}</Table.Th>
              <Table.Th>{t("mla.metrics.mlaRequest")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {m.expiredPreservations.map((p) => (
              <Table.Tr key={p.id} data-testid="mla-metrics-expired-row" data-reference={p.reference}>
                <Table.Td>
                  <Anchor component={Link} to={`/mla/${p.id}`} className="ltr">
                    {p.reference}
                  </Anchor>
                </Table.Td>
                <Table.Td className="ltr">{p.expiredOn}</Table.Td>
                <Table.Td>
                  {p.mlaReference
                    ? t("mla.metrics.sentLate", { reference: p.mlaReference, on: p.mlaTransmittedOn ?? "—" })
                    : t("mla.metrics.notSent")}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
