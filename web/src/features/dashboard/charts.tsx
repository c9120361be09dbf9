import {
  Anchor,
  Box,
  Card,
  Group,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { DashboardTable } from "../../../../common/schemas/dashboard-export.ts";
import { TableDownloads } from "./downloads.tsx";

/** A figure's drill-down as the case list's URL: the same query parameters the case list page reads. */
export const drillHref = (drill: Record<string, string>) => `/cases?${new URLSearchParams(drill)}`;

/** What a figure counts, for its accessible name ("Interior: 42 pending cases"). */
export type Unit = "pending" | "cases" | "hearing" | "adjourned";

/** A figure in words: "42 pending cases", or "Rs 1,500,000 — 3 pending cases" when an amount is shown. */
export function useFigureText() {
  const { t } = useTranslation();
  return (count: number, unit: Unit = "cases", display?: string) => {
    const cases = t(`dashboard.unit.${unit}`, { count });
    return display ? `${display}, ${cases}` : cases;
  };
}

export type Row = {
  key: string;
  label: ReactNode;
  /** The label as plain text, for the accessible name. */
  text: string;
  count: number;
  drill: Record<string, string>;
  /** Shown in the bar instead of the count (e.g. an amount); the accessible name says both. */
  display?: string;
  color?: string;
  /** The bar's length when it is not the count (an amount). */
  size?: number;
};

/** A card with its heading (h2, under the page's h1) and, for a table, its CSV / XLSX / PDF downloads. */
export function Section({
  title,
  testId,
  help,
  table,
  children,
}: {
  title: string;
  testId: string;
  help?: string;
  /** The dashboard table this section shows, offered for download. */
  table?: DashboardTable;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <Card withBorder data-testid={testId} component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={2} size="h4" id={headingId}>
            {title}
          </Title>
          {table && <TableDownloads table={table} title={title} />}
        </Group>
        {help && (
          <Text size="sm" c="dimmed">
            {help}
          </Text>
        )}
        {children}
      </Stack>
    </Card>
  );
}

/** A number that opens its list; its accessible name says what it counts. */
export function FigureLink({
  label,
  count,
  drill,
  unit,
  testId,
  children,
}: {
  label: string;
  count: number;
  drill: Record<string, string>;
  unit?: Unit;
  testId?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const figure = useFigureText();
  return (
    <Anchor
      component={Link}
      to={drillHref(drill)}
      c="teal.9" // the theme's teal-6 is under 3:1 on white; teal-9 is over 4.5:1
      underline="always"
      aria-label={t("dashboard.figure", { label, count: figure(count, unit) })}
      data-testid={testId}
      data-count={count}
    >
      {children ?? count}
    </Anchor>
  );
}

/**
 * Horizontal bars, each a link to its cases (focusable, named by its label and figure), with the table of the
 * same rows beside it as the chart's text alternative: the bars' group is described by the table, whose
 * caption names it. Bar lengths are relative to the largest figure; text stays dark on a light track.
 */
export function BarsWithTable({
  rows,
  testId,
  title,
  unit,
  labelHeader,
  valueHeader,
  extraColumn,
}: {
  rows: Row[];
  testId: string;
  /** The section's title, for the chart's and the table's names. */
  title: string;
  unit: Unit;
  labelHeader: string;
  valueHeader: string;
  extraColumn?: { header: string; value: (r: Row) => ReactNode };
}) {
  const { t } = useTranslation();
  const figure = useFigureText();
  const tableId = useId();
  if (rows.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t("dashboard.empty")}
      </Text>
    );
  }
  const max = Math.max(1, ...rows.map((r) => r.size ?? r.count));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Stack
        gap={6}
        data-testid={`${testId}-bars`}
        role="group"
        aria-label={t("dashboard.chartOf", { title })}
        aria-describedby={tableId}
      >
        {rows.map((r) => (
          <Anchor
            key={r.key}
            component={Link}
            to={drillHref(r.drill)}
            underline="never"
            c="inherit"
            aria-label={t("dashboard.figure", { label: r.text, count: figure(r.count, unit, r.display) })}
            data-testid={`${testId}-bar`}
            data-count={r.count}
            data-key={r.key}
            className="dashboard-bar"
          >
            <Text size="xs" truncate>
              {r.label}
            </Text>
            <Group gap={6} wrap="nowrap">
              <Box
                h={14}
                style={{
                  width: `${Math.max(2, ((r.size ?? r.count) / max) * 100)}%`,
                  background: r.color ?? "var(--mantine-color-blue-7)",
                  borderRadius: 3,
                }}
              />
              <Text size="xs" fw={600} style={{ whiteSpace: "nowrap" }}>
                {r.display ?? r.count}
              </Text>
            </Group>
          </Anchor>
        ))}
      </Stack>
      <ScrollArea.Autosize mah={420}>
        <Table striped withTableBorder data-testid={`${testId}-table`} id={tableId}>
          <Table.Caption>
            <VisuallyHidden>{t("dashboard.tableOf", { title })}</VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{labelHeader}</Table.Th>
              <Table.Th>{valueHeader}</Table.Th>
              {extraColumn && <Table.Th>{extraColumn.header}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{r.label}</Table.Td>
                <Table.Td>
                  <FigureLink label={r.text} count={r.count} drill={r.drill} unit={unit} />
                </Table.Td>
                {extraColumn && <Table.Td>{extraColumn.value(r)}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </SimpleGrid>
  );
}

export type Series = {
  name: string;
  color: string;
  points: { x: string; label: string; count: number; drill: Record<string, string> }[];
};

/**
 * Lines over time (SVG polylines); each point is a link to its cases, reachable by Tab. `describedBy` is the
 * id of the table with the same figures (the chart's text alternative).
 */
export function LineChart({
  series,
  testId,
  title,
  describedBy,
}: {
  series: Series[];
  testId: string;
  title: string;
  describedBy: string;
}) {
  const { t } = useTranslation();
  const figure = useFigureText();
  const navigate = useNavigate();
  const width = 520;
  const height = 200;
  const pad = 28;
  const n = Math.max(1, (series[0]?.points.length ?? 1) - 1);
  const max = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.count)));
  const x = (i: number) => pad + (i * (width - 2 * pad)) / n;
  const y = (v: number) => height - pad - (v * (height - 2 * pad)) / max;
  // A figure, not an svg role: the points inside are links and must stay in the accessibility tree.
  return (
    <Box
      component="figure"
      m={0}
      aria-label={t("dashboard.chartOf", { title })}
      aria-describedby={describedBy}
    >
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        data-testid={testId}
        style={{ maxWidth: width }}
        className="dashboard-line-chart"
      >
        <title>{series.map((s) => s.name).join(", ")}</title>
        <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} stroke="#495057" />
        <text x={4} y={pad} fontSize={11} fill="#343a40">
          {max}
        </text>
        {series[0]?.points.map((p, i) =>
          i % 2 === 0 ? (
            <text key={p.x} x={x(i)} y={height - 8} fontSize={10} textAnchor="middle" fill="#343a40">
              {p.x.slice(2)}
            </text>
          ) : null,
        )}
        {series.map((s) => (
          <g key={s.name}>
            <polyline
              fill="none"
              stroke={s.color}
              strokeWidth={2.5}
              points={s.points.map((p, i) => `${x(i)},${y(p.count)}`).join(" ")}
            />
            {s.points.map((p, i) => {
              const href = drillHref(p.drill);
              return (
                <a
                  key={p.x}
                  href={href}
                  aria-label={t("dashboard.figure", {
                    label: `${s.name}, ${p.label}`,
                    count: figure(p.count),
                  })}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(href);
                  }}
                >
                  <circle cx={x(i)} cy={y(p.count)} r={5} fill={s.color} />
                </a>
              );
            })}
          </g>
        ))}
      </svg>
    </Box>
  );
}
