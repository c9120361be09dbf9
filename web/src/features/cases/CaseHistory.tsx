import { Center, Code, Loader, Spoiler, Text, Timeline } from "@mantine/core";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime, useLocale } from "../../app/format.ts";
import { QueryError } from "../../app/forms.tsx";
import { useCaseHistory } from "./api.ts";

function SpoilerLabel({ more }: { more?: boolean }) {
  const { t } = useTranslation();
  return <>{more ? t("common.showMore") : t("common.showLess")}</>;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);
const show = (v: unknown) => JSON.stringify(v ?? null);

type DiffLine = { field: string; before: string; after: string };

/**
 * "field: before → after" lines for the two diff shapes the audit trail uses — `{field: {from, to}}` and
 * `{before: {...}, after: {...}}` — or null when the changes have another shape.
 */
function diffLines(changes: unknown): DiffLine[] | null {
  if (!isObject(changes)) return null;
  const keys = Object.keys(changes);
  if (keys.length === 2 && isObject(changes.before) && isObject(changes.after)) {
    const before = changes.before;
    const after = changes.after;
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return fields.map((k) => ({ field: k, before: show(before[k]), after: show(after[k]) }));
  }
  const pairs = Object.entries(changes);
  const isPair = (v: unknown): v is Record<string, unknown> =>
    isObject(v) && ("from" in v || "to" in v || "before" in v || "after" in v);
  if (pairs.length > 0 && pairs.every(([, v]) => isPair(v))) {
    return pairs.map(([k, v]) => {
      const d = v as Record<string, unknown>;
      return { field: k, before: show(d.from ?? d.before), after: show(d.to ?? d.after) };
    });
  }
  return null;
}

/**
 * Renders an audit diff as "field: before → after" lines when it has that shape, else as JSON. The lines run
 * left to right; each value is isolated so that Urdu or English text inside keeps its own direction.
 */
export function ChangesView({ changes }: { changes: unknown }) {
  if (changes === null || changes === undefined) return null;
  const lines = diffLines(changes);
  if (lines) {
    if (lines.length === 0) return null;
    return (
      <Code block className="ltr">
        {lines.map((l, i) => (
          <Fragment key={l.field}>
            {i > 0 && "\n"}
            {l.field}: <bdi>{l.before}</bdi> → <bdi>{l.after}</bdi>
          </Fragment>
        ))}
      </Code>
    );
  }
  return (
    <Spoiler maxHeight={96} showLabel={<SpoilerLabel more />} hideLabel={<SpoilerLabel />}>
      <Code block className="ltr">
        {JSON.stringify(changes, null, 2)}
      </Code>
    </Spoiler>
  );
}

/** "case.assigned" with no officer is the case going back to the queue; it gets its own title. */
function actionKey(action: string, changes: unknown): string {
  if (
    action === "case.assigned" &&
    isObject(changes) &&
    isObject(changes.officerId) &&
    changes.officerId.to === null
  )
    return "case.unassigned";
  return action;
}

export function CaseHistory({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const history = useCaseHistory(caseId);
  if (history.isPending) {
    return (
      <Center p="md">
        <Loader size="sm" />
      </Center>
    );
  }
  if (history.isError) return <QueryError error={history.error} testId="history-error" />;
  const items = [...history.data].sort((a, b) => b.seq - a.seq);
  if (items.length === 0) return <Text c="dimmed">{t("cases.noHistory")}</Text>;
  return (
    <Timeline bulletSize={12} lineWidth={2} data-testid="case-history">
      {items.map((e) => (
        <Timeline.Item
          key={e.seq}
          title={t(`actions.${actionKey(e.action, e.changes)}`, { defaultValue: e.action })}
          data-testid="history-item"
          data-action={e.action}
        >
          <Text size="xs" c="dimmed">
            {formatDateTime(e.occurredAt, locale)} ·{" "}
            {e.actor ? <bdi>{e.actor.fullName}</bdi> : t("cases.system")}
          </Text>
          <ChangesView changes={e.changes} />
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
