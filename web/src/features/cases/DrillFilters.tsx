import { Badge, Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CaseListQuery } from "./types.ts";

/** The case-list filters only the dashboard sets (its drill-downs); read from the URL like the others. */
export const DRILL_KEYS = [
  "officeId",
  "ageBucket",
  "attention",
  "hearingFrom",
  "hearingTo",
  "decidedMonth",
  "result",
  "adjournedBy",
  "adjournmentReason",
] as const;
type DrillKey = (typeof DRILL_KEYS)[number];

/** Shows which dashboard filters narrow the list, with one button to drop them. */
export function DrillFilters({
  query,
  onClear,
}: {
  query: CaseListQuery;
  onClear: (keys: DrillKey[]) => void;
}) {
  const { t } = useTranslation();
  const active = DRILL_KEYS.filter((k) => query[k]);
  if (active.length === 0) return null;
  const value = (k: DrillKey, v: string) => {
    if (k === "ageBucket") return t(`dashboard.age.${v}`);
    if (k === "attention") return t(`dashboard.attentionKind.${v}`);
    if (k === "result") return t(`governmentResult.${v}`);
    if (k === "adjournedBy") return t(`hearings.sides.${v}`);
    return v;
  };
  return (
    <Group gap="xs" data-testid="case-drill-filters">
      <Text size="sm">{t("dashboard.filter.title")}</Text>
      {active.map((k) => (
        <Badge key={k} variant="light" tt="none" data-testid={`case-drill-${k}`}>
          <bdi>{t(`dashboard.filter.${k}`, { value: value(k, query[k] ?? "") })}</bdi>
        </Badge>
      ))}
      <Button
        size="compact-xs"
        variant="subtle"
        onClick={() => onClear(active)}
        data-testid="case-drill-clear"
      >
        {t("dashboard.filter.clear")}
      </Button>
    </Group>
  );
}
