import { Badge, Card, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { MlaDeadline, MlaDeadlineList } from "../../../../common/schemas/mla-deadlines.ts";
import { get } from "../../app/api.ts";
import { formatDate, formatDateTime, useLocale } from "../../app/format.ts";
import type { MlaDetail } from "./api.ts";

const STATE_COLOR: Record<MlaDeadline["state"], string> = {
  open: "blue",
  met: "teal",
  expired: "red",
  cancelled: "gray",
};
const STATUS_COLOR = { V: "teal", S: "blue", U: "orange" } as const;

/**
 * A request's deadlines (issue 5 item 6): a preservation's expiry and when its alert goes, follow-ups on
 * unanswered requests, each with the rule and source it was computed by. Refetched whenever the request's
 * version changes, because a move opens, extends or closes them.
 */
export function MlaDeadlines({ detail }: { detail: MlaDetail }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ["mla", "deadlines", detail.id, detail.version],
    queryFn: ({ signal }) => get<MlaDeadlineList>(`/mla/requests/${detail.id}/deadlines`, undefined, signal),
  });
  const items = query.data?.items ?? [];
  return (
    <Card withBorder data-testid="mla-deadlines" data-count={items.length}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("mlaDeadlines.title")}
        </Title>
        {query.isPending && <Loader size="sm" />}
        {query.isError && (
          <Text c="red" size="sm">
            {t("mlaDeadlines.loadError")}
          </Text>
        )}
        {query.isSuccess && items.length === 0 && (
          <Text c="dimmed" size="sm" data-testid="mla-deadlines-none">
            {t(detail.kind === "preservation" ? "mlaDeadlines.noneYetPreservation" : "mlaDeadlines.none")}
          </Text>
        )}
        {items.map((d) => (
          <DeadlineItem key={d.id} d={d} />
        ))}
      </Stack>
    </Card>
  );
}

function DeadlineItem({ d }: { d: MlaDeadline }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const expiry = d.kind === "preservation_expiry";
  return (
    <Stack
      gap={4}
      data-testid="mla-deadline"
      data-kind={d.kind}
      data-state={d.state}
      data-due={d.dueOn}
      data-alert={d.alertOn}
    >
      <Group justify="space-between" gap="xs">
        <Text fw={600}>{t(`mlaDeadlines.kinds.${d.kind}`)}</Text>
        <Badge color={STATE_COLOR[d.state]} variant="light" size="sm" data-testid="mla-deadline-state">
          {t(`mlaDeadlines.states.${d.state}`)}
        </Badge>
      </Group>
      <Text size="sm" data-testid="mla-deadline-due">
        {t(expiry ? "mlaDeadlines.expiresOn" : "mlaDeadlines.followUpOn", {
          date: formatDate(d.dueOn, locale),
        })}
        {d.extensions > 0 && ` · ${t("mlaDeadlines.extensions", { count: d.extensions })}`}
      </Text>
      {d.state === "open" && (
        <Text
          size="sm"
          c={d.alertSentAt ? "dimmed" : undefined}
          data-testid={expiry ? "mla-expiry-alert" : "mla-follow-up-alert"}
          data-alert-on={d.alertOn}
          data-sent={d.alertSentAt ? "true" : "false"}
        >
          {d.alertSentAt
            ? t("mlaDeadlines.alertSent", { date: formatDateTime(d.alertSentAt, locale) })
            : t(expiry ? "mlaDeadlines.expiryAlertScheduled" : "mlaDeadlines.followUpAlertScheduled", {
                date: formatDate(d.alertOn, locale),
              })}
        </Text>
      )}
      {expiry && d.state === "open" && (
        <Text size="xs" c="dimmed">
          {t("mlaDeadlines.expiryHelp")}
        </Text>
      )}
      <Text size="xs" c="dimmed" data-testid="mla-deadline-basis">
        {t("mlaDeadlines.basis")}: <bdi>{d.basis}</bdi> ·{" "}
        <Badge component="span" size="xs" variant="outline" color={STATUS_COLOR[d.status]}>
          {t(`referenceStatus.${d.status}`)}
        </Badge>
      </Text>
    </Stack>
  );
}
