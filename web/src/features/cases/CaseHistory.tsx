import { Center, Code, Loader, Spoiler, Text, Timeline } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime, useLocale } from "../../app/format.ts";
import { QueryError } from "../../app/forms.tsx";
import { useCaseHistory } from "./api.ts";

function SpoilerLabel({ more }: { more?: boolean }) {
  const { t } = useTranslation();
  return <>{more ? t("common.showMore") : t("common.showLess")}</>;
}

/** Renders an audit diff as "field: before → after" lines when it has that shape, else as JSON. */
export function ChangesView({ changes }: { changes: unknown }) {
  if (changes === null || changes === undefined) return null;
  if (typeof changes === "object" && !Array.isArray(changes)) {
    const entries = Object.entries(changes as Record<string, unknown>);
    if (entries.length === 0) return null;
    const isDiff = entries.every(
      ([, v]) =>
        v !== null && typeof v === "object" && ("from" in v || "to" in v || "before" in v || "after" in v),
    );
    if (isDiff) {
      return (
        <Code block className="ltr">
          {entries
            .map(([k, v]) => {
              const d = v as Record<string, unknown>;
              const from = d.from ?? d.before;
              const to = d.to ?? d.after;
              return `${k}: ${JSON.stringify(from ?? null)} → ${JSON.stringify(to ?? null)}`;
            })
            .join("\n")}
        </Code>
      );
    }
  }
  return (
    <Spoiler maxHeight={96} showLabel={<SpoilerLabel more />} hideLabel={<SpoilerLabel />}>
      <Code block className="ltr">
        {JSON.stringify(changes, null, 2)}
      </Code>
    </Spoiler>
  );
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
          title={t(`actions.${e.action}`, { defaultValue: e.action })}
          data-testid="history-item"
        >
          <Text size="xs" c="dimmed">
            {formatDateTime(e.occurredAt, locale)} · {e.actor ? e.actor.fullName : t("cases.system")}
          </Text>
          <ChangesView changes={e.changes} />
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
