import { Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../app/format.ts";
import { StatusMarker } from "../reference/CourtsTab.tsx";
import type { Deadline } from "./api.ts";

/**
 * A deadline's title in the reader's language: an appeal deadline is titled with its rule's English name, and
 * a reply deadline with the server's English words; a title someone typed stays as typed.
 */
export function useDeadlineTitle(): (d: Pick<Deadline, "title" | "rule">) => string {
  const { t } = useTranslation();
  const { name } = useLocale();
  return (d) => {
    if (d.rule && d.title === d.rule.nameEn) return name(d.rule);
    if (d.title === "Reply to the notice") return t("deadlines.titles.reply");
    return d.title;
  };
}

/** How close a date is: overdue, within three days, within a week, or later (by days left). */
export type Urgency = "overdue" | "urgent" | "soon" | "later";
export const URGENCY_COLOR: Record<Urgency, string> = {
  overdue: "red",
  urgent: "orange",
  soon: "yellow",
  later: "green",
};

export function urgencyOf(daysLeft: number): Urgency {
  if (daysLeft < 0) return "overdue";
  if (daysLeft <= 3) return "urgent";
  if (daysLeft <= 7) return "soon";
  return "later";
}

/**
 * Days left to a due date, coloured by urgency and said in words ("Overdue by 2 days", "Due today", "5 days
 * left"). `closed` greys it out: a met or cancelled deadline is not urgent.
 */
export function DaysLeftBadge({
  daysLeft,
  closed = false,
  testId = "days-left",
}: {
  daysLeft: number;
  closed?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const urgency = urgencyOf(daysLeft);
  const label =
    daysLeft < 0
      ? t("deadlines.overdueBy", { count: -daysLeft })
      : daysLeft === 0
        ? t("deadlines.dueToday")
        : t("deadlines.daysLeft", { count: daysLeft });
  return (
    <Badge
      color={closed ? "gray" : URGENCY_COLOR[urgency]}
      variant={closed || urgency === "later" ? "light" : "filled"}
      autoContrast
      tt="none"
      data-testid={testId}
      data-urgency={closed ? "closed" : urgency}
      data-days-left={daysLeft}
    >
      {label}
    </Badge>
  );
}

const STATE_COLOR: Record<Deadline["state"], string> = {
  open: "blue",
  met: "teal",
  missed: "red",
  cancelled: "gray",
};

export function DeadlineStateBadge({ state }: { state: Deadline["state"] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLOR[state]} variant="light" data-testid="deadline-state" data-state={state}>
      {t(`deadlines.states.${state}`)}
    </Badge>
  );
}

/** The rule a deadline was computed under: its name in the reader's language, its source and V/S/U status. */
export function RuleLine({ rule }: { rule: Deadline["rule"] }) {
  const { t } = useTranslation();
  const { name } = useLocale();
  if (!rule) {
    return (
      <Text size="sm" c="dimmed" data-testid="deadline-rule" data-rule-code="">
        {t("deadlines.noRule")}
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid="deadline-rule" data-rule-code={rule.code}>
      <StatusMarker status={rule.status} source={rule.source} testId="deadline-rule-status" />
      <div>
        <Text size="sm">{name(rule)}</Text>
        <Text size="xs" c="dimmed" data-testid="deadline-rule-source">
          {t("reference.source")}: <bdi lang="en">{rule.source}</bdi>
        </Text>
      </div>
    </Group>
  );
}
