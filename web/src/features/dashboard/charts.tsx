import { Anchor, Box, Card, Group, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";

/** A figure's drill-down as the case list's URL: the same query parameters the case list page reads. */
export const drillHref = (drill: Record<string, string>) => `/cases?${new URLSearchParams(drill)}`;

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

export function Section({
  title,
  testId,
  help,
  children,
}: {
  title: string;
  testId: string;
  help?: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder data-testid={testId} component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
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
  testId,
  children,
}: {
  label: string;
  count: number;
  drill: Record<string, string>;
  testId?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Anchor
      component={Link}
      to={drillHref(drill)}
      c="teal.9" // the theme's teal-6 is under 3:1 on white; teal-9 is over 4.5:1
      underline="always"
      aria-label={t("dashboard.figure", { label, count })}
      data-testid={testId}
      data-count={count}
    >
      {children ?? count}
    </Anchor>
  );
}

/**
 * Horizontal bars, each a link to its cases (focusable, named by its label and figure), with the table of the
 * same rows beside it. Bar lengths are relative to the largest figure; text stays dark on a light track.
 */
export function BarsWithTable({
  rows,
  testId,
  labelHeader,
  valueHeader,
  extraColumn,
}: {
  rows: Row[];
  testId: string;
  labelHeader: string;
  valueHeader: string;
  extraColumn?: { header: string; value: (r: Row) => ReactNode };
}) {
  const { t } = useTranslation();
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
      <Stack gap={6} data-testid={`${testId}-bars`}>
        {rows.map((r) => (
          <Anchor
            key={r.key}
            component={Link}
            to={drillHref(r.drill)}
            underline="never"
            c="inherit"
            aria-label={t("dashboard.figure", { label: r.text, count: r.display ?? r.count })}
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
        <Table striped withTableBorder data-testid={`${testId}-table`} aria-label={t("dashboard.table")}>
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
                  <FigureLink label={r.text} count={r.count} drill={r.drill} />
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

/** Lines over time (SVG polylines); each point is a link to its cases, reachable by Tab. */
export function LineChart({ series, testId }: { series: Series[]; testId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const width = 520;
  const height = 200;
  const pad = 28;
  const n = Math.max(1, (series[0]?.points.length ?? 1) - 1);
  const max = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.count)));
  const x = (i: number) => pad + (i * (width - 2 * pad)) / n;
  const y = (v: number) => height - pad - (v * (height - 2 * pad)) / max;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" data-testid={testId} style={{ maxWidth: width }}>
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
                aria-label={t("dashboard.figure", { label: `${s.name}, ${p.label}`, count: p.count })}
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
  );
}

/** A cell colour from light to dark blue by share of the largest cell, with text that stays readable on it. */
export function heatColour(count: number, max: number): { bg: string; fg: string } {
  if (count === 0) return { bg: "var(--mantine-color-gray-0)", fg: "var(--mantine-color-gray-7)" };
  const step = Math.min(9, 1 + Math.floor((count / Math.max(1, max)) * 8));
  return { bg: `var(--mantine-color-blue-${step})`, fg: step >= 5 ? "#fff" : "#1a1b1e" };
}
