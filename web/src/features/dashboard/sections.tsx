import { Anchor, Badge, Group, SimpleGrid, Table, Text, VisuallyHidden } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Dashboard } from "../../../../common/schemas/dashboard.ts";
import { formatAmount, formatDay, useLocale } from "../../app/format.ts";
import { BarsWithTable, drillHref, FigureLink, LineChart, Section, useFigureText } from "./charts.tsx";

type P = { d: Dashboard };

export function Pendency({ d }: P) {
  const { t } = useTranslation();
  const { name } = useLocale();
  const ageLabel = (b: string) => t(`dashboard.age.${b}`);
  return (
    <>
      <Section
        title={t("dashboard.pendencyByOrganisation")}
        testId="dash-pendency-org"
        table="pendencyByOrganisation"
      >
        <BarsWithTable
          testId="dash-pendency-org"
          title={t("dashboard.pendencyByOrganisation")}
          unit="pending"
          labelHeader={t("dashboard.col.organisation")}
          valueHeader={t("dashboard.col.cases")}
          rows={d.pendency.byOrganisation.map((o) => ({
            key: o.organisation.id,
            label: <bdi>{name(o.organisation)}</bdi>,
            text: name(o.organisation),
            count: o.count,
            drill: o.drill,
          }))}
        />
      </Section>
      <SimpleGrid cols={{ base: 1, xl: 2 }}>
        <Section title={t("dashboard.pendencyByCourt")} testId="dash-pendency-court" table="pendencyByCourt">
          <BarsWithTable
            testId="dash-pendency-court"
            title={t("dashboard.pendencyByCourt")}
            unit="pending"
            labelHeader={t("dashboard.col.court")}
            valueHeader={t("dashboard.col.cases")}
            rows={d.pendency.byCourt.map((c) => ({
              key: c.court.id,
              label: <bdi>{name(c.court)}</bdi>,
              text: name(c.court),
              count: c.count,
              drill: c.drill,
            }))}
          />
        </Section>
        <Section title={t("dashboard.pendencyByAge")} testId="dash-pendency-age" table="pendencyByAge">
          <BarsWithTable
            testId="dash-pendency-age"
            title={t("dashboard.pendencyByAge")}
            unit="pending"
            labelHeader={t("dashboard.col.age")}
            valueHeader={t("dashboard.col.cases")}
            rows={d.pendency.byAge.map((b, i) => ({
              key: b.bucket,
              label: ageLabel(b.bucket),
              text: ageLabel(b.bucket),
              count: b.count,
              drill: b.drill,
              // older is more urgent: blue to red, all dark enough to show on white
              color: ["#1864ab", "#5f3dc4", "#862e9c", "#c2255c", "#c92a2a"][i],
            }))}
          />
        </Section>
      </SimpleGrid>
    </>
  );
}

export function Exposure({ d }: P) {
  const { t } = useTranslation();
  const { name, locale } = useLocale();
  return (
    <Section
      title={t("dashboard.exposure")}
      help={t("dashboard.exposureTotal", { amount: formatAmount(d.exposure.total, locale) })}
      testId="dash-exposure"
      table="exposureByOrganisation"
    >
      <BarsWithTable
        testId="dash-exposure"
        title={t("dashboard.exposure")}
        unit="pending"
        labelHeader={t("dashboard.col.organisation")}
        valueHeader={t("dashboard.col.cases")}
        extraColumn={{ header: t("dashboard.col.amount"), value: (r) => r.display }}
        rows={d.exposure.byOrganisation.map((o) => ({
          key: o.organisation.id,
          label: <bdi>{name(o.organisation)}</bdi>,
          text: name(o.organisation),
          // the bar's length is the amount; it opens the cases behind it
          count: o.count,
          size: Number(o.amount),
          display: formatAmount(o.amount, locale),
          drill: o.drill,
        }))}
      />
    </Section>
  );
}

export function Disposal({ d }: P) {
  const { t } = useTranslation();
  const tableId = useId();
  const title = t("dashboard.disposal");
  const point = (m: Dashboard["disposal"][number], f: "disposed" | "inFavour") => ({
    x: m.month,
    label: m.month,
    count: m[f].count,
    drill: m[f].drill,
  });
  return (
    <Section title={title} help={t("dashboard.disposalHelp")} testId="dash-disposal" table="disposalByMonth">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <LineChart
          testId="dash-disposal-chart"
          title={title}
          describedBy={tableId}
          series={[
            {
              name: t("dashboard.col.disposed"),
              color: "#1864ab",
              points: d.disposal.map((m) => point(m, "disposed")),
            },
            {
              name: t("dashboard.col.inFavour"),
              color: "#2b8a3e",
              points: d.disposal.map((m) => point(m, "inFavour")),
            },
          ]}
        />
        <Table striped withTableBorder data-testid="dash-disposal-table" id={tableId}>
          <Table.Caption>
            <VisuallyHidden>{t("dashboard.tableOf", { title })}</VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("dashboard.col.month")}</Table.Th>
              <Table.Th>{t("dashboard.col.disposed")}</Table.Th>
              <Table.Th>{t("dashboard.col.inFavour")}</Table.Th>
              <Table.Th>{t("dashboard.col.successRate")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.disposal.map((m) => (
              <Table.Tr key={m.month}>
                <Table.Td className="ltr">{m.month}</Table.Td>
                <Table.Td>
                  <FigureLink label={`${t("dashboard.col.disposed")} ${m.month}`} {...m.disposed} />
                </Table.Td>
                <Table.Td>
                  <FigureLink label={`${t("dashboard.col.inFavour")} ${m.month}`} {...m.inFavour} />
                </Table.Td>
                <Table.Td>{m.successRate === null ? "—" : `${Math.round(m.successRate * 100)}%`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </SimpleGrid>
    </Section>
  );
}

/** Today red, tomorrow orange, within three days amber, later green — as on the cause list; all 3:1 on white. */
const URGENCY = ["#c92a2a", "#d9480f", "#a35c00", "#a35c00", "#2b8a3e", "#2b8a3e", "#2b8a3e"];

export function Hearings({ d }: P) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <Section title={t("dashboard.hearings")} testId="dash-hearings" table="hearingsByDay">
      <Group gap="xs">
        <Text size="sm">{t("dashboard.hearingsTotal")}:</Text>
        <FigureLink label={t("dashboard.hearingsTotal")} {...d.hearings.total} testId="dash-hearings-total" />
      </Group>
      <BarsWithTable
        testId="dash-hearings"
        title={t("dashboard.hearings")}
        unit="hearing"
        labelHeader={t("dashboard.col.day")}
        valueHeader={t("dashboard.col.cases")}
        rows={d.hearings.byDay.map((h, i) => ({
          key: h.date,
          label: formatDay(h.date, locale),
          text: formatDay(h.date, locale),
          count: h.count,
          drill: h.drill,
          color: URGENCY[i],
        }))}
      />
    </Section>
  );
}

export function Attention({ d }: P) {
  const { t } = useTranslation();
  const figure = useFigureText();
  const items = [
    ["timeBarred", d.timeBarred],
    ["overdueDeadline", d.overdueDeadlines],
    ["overdueTask", d.overdueTasks],
    ["stale", d.stale],
  ] as const;
  return (
    <Section title={t("dashboard.attention")} testId="dash-attention">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {items.map(([kind, f]) => (
          <Anchor
            key={kind}
            component={Link}
            to={drillHref(f.drill)}
            underline="never"
            aria-label={t("dashboard.figure", {
              label: t(`dashboard.attentionKind.${kind}`),
              count: figure(f.count),
            })}
            data-testid={`dash-attention-${kind}`}
            data-count={f.count}
          >
            <Text size="xl" fw={700} c={f.count > 0 ? "red.8" : "dark"}>
              {f.count}
            </Text>
            <Text size="sm" c="dark">
              {t(`dashboard.attentionKind.${kind}`)}
            </Text>
          </Anchor>
        ))}
      </SimpleGrid>
    </Section>
  );
}

export function Delays({ d }: P) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xl: 2 }}>
      <Section title={t("dashboard.delaysBySide")} testId="dash-delays-side" table="delaysBySide">
        <BarsWithTable
          testId="dash-delays-side"
          title={t("dashboard.delaysBySide")}
          unit="adjourned"
          labelHeader={t("dashboard.col.side")}
          valueHeader={t("dashboard.col.cases")}
          rows={d.delays.bySide.map((s) => ({
            key: s.side,
            label: t(`hearings.sides.${s.side}`),
            text: t(`hearings.sides.${s.side}`),
            count: s.count,
            drill: s.drill,
          }))}
        />
      </Section>
      <Section title={t("dashboard.delaysByReason")} testId="dash-delays-reason" table="delaysByReason">
        <BarsWithTable
          testId="dash-delays-reason"
          title={t("dashboard.delaysByReason")}
          unit="adjourned"
          labelHeader={t("dashboard.col.reason")}
          valueHeader={t("dashboard.col.cases")}
          rows={d.delays.byReason.map((r) => ({
            key: r.reason,
            label: <bdi>{r.reason}</bdi>,
            text: r.reason,
            count: r.count,
            drill: r.drill,
          }))}
        />
      </Section>
    </SimpleGrid>
  );
}

export function Workload({ d }: P) {
  const { t } = useTranslation();
  return (
    <Section title={t("dashboard.workload")} testId="dash-workload" table="workload">
      <BarsWithTable
        testId="dash-workload"
        title={t("dashboard.workload")}
        unit="pending"
        labelHeader={t("dashboard.col.officer")}
        valueHeader={t("dashboard.col.cases")}
        rows={d.workload.map((w) => ({
          key: w.officer.id,
          label: <bdi>{w.officer.fullName}</bdi>,
          text: w.officer.fullName,
          count: w.count,
          drill: w.drill,
        }))}
      />
    </Section>
  );
}

export function TotalBadge({ d }: P) {
  const { t } = useTranslation();
  const figure = useFigureText();
  return (
    <Badge
      size="lg"
      variant="filled"
      color="teal.9"
      component={Link}
      to={drillHref(d.pendency.total.drill)}
      aria-label={t("dashboard.figure", {
        label: t("dashboard.pendingTotal"),
        count: figure(d.pendency.total.count, "pending"),
      })}
      data-testid="dash-pending-total"
      data-count={d.pendency.total.count}
      style={{ cursor: "pointer" }}
    >
      {t("dashboard.pendingTotal")}: {d.pendency.total.count}
    </Badge>
  );
}
