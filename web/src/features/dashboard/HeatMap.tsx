import { Anchor, ScrollArea, Table, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { heatColour } from "../../../../common/contrast.ts";
import { AGE_BUCKETS } from "../../../../common/schemas/cases.ts";
import type { Dashboard } from "../../../../common/schemas/dashboard.ts";
import { useLocale } from "../../app/format.ts";
import { drillHref, Section, useFigureText } from "./charts.tsx";

/**
 * Court × age bucket: the heat map is itself a table (a row per court, a column per age, headers scoped), so
 * a screen reader reads it as one; each non-empty cell is a link to its cases named by court, age and figure.
 * Cell colours come from common/contrast.ts, whose test holds every cell's text to WCAG AA (4.5:1).
 */
export function HeatMap({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const { name } = useLocale();
  const figure = useFigureText();
  const cells = new Map(d.pendency.heatmap.map((h) => [`${h.courtId}|${h.bucket}`, h]));
  const max = Math.max(1, ...d.pendency.heatmap.map((h) => h.count));
  const title = t("dashboard.heatmap");
  return (
    <Section title={title} help={t("dashboard.heatmapHelp")} testId="dash-heatmap" table="courtByAge">
      <ScrollArea>
        <Table withTableBorder withColumnBorders data-testid="dash-heatmap-table">
          <Table.Caption>
            <VisuallyHidden>{t("dashboard.tableOf", { title })}</VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("dashboard.col.court")}</Table.Th>
              {AGE_BUCKETS.map((b) => (
                <Table.Th key={b} ta="center" scope="col">
                  {t(`dashboard.age.${b}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.pendency.byCourt.map((c) => (
              <Table.Tr key={c.court.id}>
                <Table.Th scope="row" fw={500}>
                  <bdi>{name(c.court)}</bdi>
                </Table.Th>
                {AGE_BUCKETS.map((b) => {
                  const cell = cells.get(`${c.court.id}|${b}`);
                  const { bg, fg } = heatColour(cell?.count ?? 0, max);
                  return (
                    <Table.Td key={b} ta="center" style={{ background: bg }}>
                      {cell ? (
                        <Anchor
                          component={Link}
                          to={drillHref(cell.drill)}
                          style={{ color: fg, fontWeight: 700 }}
                          aria-label={t("dashboard.figure", {
                            label: `${name(c.court)}, ${t(`dashboard.age.${b}`)}`,
                            count: figure(cell.count, "pending"),
                          })}
                          data-testid="dash-heat-cell"
                          data-count={cell.count}
                          data-fg={fg}
                          data-bg={bg}
                        >
                          {cell.count}
                        </Anchor>
                      ) : (
                        <Text size="sm" style={{ color: fg }}>
                          0
                        </Text>
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Section>
  );
}
