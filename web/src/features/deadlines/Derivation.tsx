import { List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate, isolate, useLocale } from "../../app/format.ts";
import type { Deadline, DerivationStep } from "./api.ts";

/** Step codes the Urdu interface words itself; any other step shows the server's English sentence. */
const WORDED = new Set([
  "period",
  "no_copy_exclusion",
  "copy_too_late",
  "copy_pending",
  "copy_excluded",
  "court_closed",
  "unconfirmed_closure",
  "vacation_caution",
  "fixed_by_court",
  "internal",
]);

/**
 * How a deadline was computed, step by step, in the order the server gives: the period under s.12(1) with the
 * rule's source, the certified-copy exclusion (or why there is none), the s.4 move past days the court is
 * closed, and the internal due date. In English these are the server's own sentences; in Urdu each known step
 * is worded from its code, date and days.
 */
export function Derivation({ d }: { d: Deadline }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const wordUrdu = (s: DerivationStep) =>
    t(`deadlines.steps.${s.code}`, {
      days: s.days ?? 0,
      count: s.days ?? 0,
      date: formatDate(s.date, locale),
      trigger: formatDate(d.triggerOn, locale),
      applied: formatDate(d.copyAppliedOn, locale),
      ready: formatDate(d.copyReadyOn, locale),
      source: isolate(d.rule?.source ?? "—"),
    });
  if (d.steps.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="deadline-derivation" data-steps={0}>
        {t("deadlines.noSteps")}
      </Text>
    );
  }
  return (
    <List type="ordered" size="sm" spacing={4} data-testid="deadline-derivation" data-steps={d.steps.length}>
      {d.steps.map((s, i) => (
        <List.Item
          // biome-ignore lint/suspicious/noArrayIndexKey: the steps are a fixed sequence; a code may repeat
          key={`${s.code}-${i}`}
          data-testid="deadline-step"
          data-code={s.code}
          data-date={s.date}
        >
          {locale === "ur" && WORDED.has(s.code) ? (
            <span title={s.text}>{wordUrdu(s)}</span>
          ) : (
            <bdi lang="en">{s.text}</bdi>
          )}
        </List.Item>
      ))}
    </List>
  );
}
