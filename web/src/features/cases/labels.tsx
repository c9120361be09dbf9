import { Badge, Group, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { courtToday, formatDate, useLocale } from "../../app/format.ts";
import { type CaseStatus, FLAGS, type Flags, type Stage } from "./types.ts";

const STATUS_COLOR: Record<CaseStatus, string> = {
  pending: "blue",
  decided: "green",
  appealed: "orange",
  closed: "gray",
};

const FLAG_COLOR: Record<string, string> = {
  contempt: "red",
  constitutional: "grape",
  taxRecovery: "yellow",
  confidential: "dark",
};

export function StatusBadge({
  status,
  stage,
  stacked,
}: {
  status: CaseStatus;
  stage?: Stage | null;
  stacked?: boolean;
}) {
  const { t } = useTranslation();
  const Wrapper = stacked ? Stack : Group;
  return (
    <Wrapper gap={4} align={stacked ? "flex-start" : undefined}>
      <Badge
        color={STATUS_COLOR[status] ?? "gray"}
        variant="light"
        data-testid="case-status"
        data-status={status}
      >
        {t(`status.${status}`)}
      </Badge>
      {stage && status === "pending" && (
        <Badge color="gray" variant="outline" data-testid="case-stage">
          {t(`stage.${stage}`)}
        </Badge>
      )}
    </Wrapper>
  );
}

/**
 * A case flagged stale: no update within its organisation's N days. It says since when nothing happened; its
 * tooltip says when it was flagged and escalated, and that any update clears it.
 */
export function StaleBadge({ since, updatedAt }: { since: string; updatedAt: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const lastUpdate = courtToday(new Date(updatedAt));
  const flagged = formatDate(courtToday(new Date(since)), locale);
  return (
    <Badge
      color="orange"
      variant="filled"
      tt="none"
      title={t("cases.staleCaseHelp", { date: flagged })}
      data-testid="case-stale"
      data-stale-since={since}
      data-last-update={lastUpdate}
    >
      {t("cases.staleCase", { date: formatDate(lastUpdate, locale) })}
    </Badge>
  );
}

export function FlagBadges({ flags }: { flags: Partial<Flags> }) {
  const { t } = useTranslation();
  const on = FLAGS.filter((f) => flags[f]);
  if (on.length === 0) return null;
  return (
    <Group gap={4}>
      {on.map((f) => (
        <Badge key={f} size="sm" color={FLAG_COLOR[f]} variant="filled" data-testid={`flag-${f}`}>
          {t(`flags.${f}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** Options for a Select or NativeSelect from an enum, labelled through i18n (`prefix.value`). */
export function useEnumOptions(values: readonly string[], prefix: string) {
  const { t } = useTranslation();
  return values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
}
