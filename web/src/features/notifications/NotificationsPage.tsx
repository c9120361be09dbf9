import { Anchor, Badge, Button, Card, Center, Group, Loader, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { formatDateTime, useLocale } from "../../app/format.ts";
import { QueryError } from "../../app/forms.tsx";
import { type Notice, useMarkAllRead, useMarkRead, useNotifications } from "./api.ts";
import { NoticeKindBadge, noticeLink, subjectOf, useNoticeDetail, useNoticeText } from "./wording.tsx";

const SHOW = ["all", "unread"] as const;
type Show = (typeof SHOW)[number];

/**
 * The reader's notification centre: their latest 100 notices, unread ones highlighted, all or only unread
 * (`/notifications?show=unread`); each opens what it is about and is then marked read; one or all can be
 * marked read here.
 */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const show: Show = params.get("show") === "unread" ? "unread" : "all";
  const notices = useNotifications();
  const markAll = useMarkAllRead();
  const unread = notices.data?.unread ?? 0;
  const items = (notices.data?.items ?? []).filter((n) => show === "all" || !n.readAt);

  return (
    <Stack gap="md" maw={1200} data-testid="notifications-page">
      <Title order={1} size="h2">
        {t("notifications.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("notifications.pageHelp")}
      </Text>
      <Group gap="sm" justify="space-between">
        <Group gap="sm">
          <Button.Group>
            {SHOW.map((s) => (
              <Button
                key={s}
                variant={s === show ? "filled" : "default"}
                onClick={() => setParams(s === "unread" ? { show: s } : {}, { replace: true })}
                aria-pressed={s === show}
                data-testid={`notif-show-${s}`}
              >
                {t(`notifications.show.${s}`)}
              </Button>
            ))}
          </Button.Group>
          {notices.data && (
            <Badge
              color={unread > 0 ? "red" : "gray"}
              variant={unread > 0 ? "filled" : "light"}
              tt="none"
              data-testid="notif-page-unread"
              data-count={unread}
            >
              {t("notifications.unreadCount", { count: unread })}
            </Badge>
          )}
        </Group>
        <Button
          variant="light"
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
          data-testid="notif-page-read-all"
        >
          {t("notifications.markAllRead")}
        </Button>
      </Group>
      <Card withBorder>
        {notices.isPending && (
          <Center p="md">
            <Loader size="sm" />
          </Center>
        )}
        {notices.isError && <QueryError error={notices.error} testId="notif-page-error" />}
        {notices.data && items.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="notif-page-empty" data-show={show}>
            {t(show === "unread" ? "notifications.noneUnread" : "notifications.none")}
          </Text>
        )}
        {items.length > 0 && <NoticeTable items={items} show={show} />}
      </Card>
    </Stack>
  );
}

function NoticeTable({ items, show }: { items: Notice[]; show: Show }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const text = useNoticeText();
  const detail = useNoticeDetail();
  const markRead = useMarkRead();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table fz="sm" verticalSpacing="xs" data-testid="notif-table" data-show={show}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("notifications.kind")}</Table.Th>
            <Table.Th>{t("notifications.notice")}</Table.Th>
            <Table.Th>{t("notifications.received")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((n) => {
            const to = noticeLink(n);
            const more = detail(n);
            const read = () => {
              if (!n.readAt) markRead.mutate(n.id);
            };
            return (
              <Table.Tr
                key={n.id}
                data-testid="notif-row"
                data-notification-id={n.id}
                data-kind={n.kind}
                data-case-id={n.caseId ?? ""}
                data-subject-id={subjectOf(n)}
                data-read={Boolean(n.readAt)}
                bg={n.readAt ? undefined : "var(--mantine-primary-color-light)"}
                style={{
                  borderInlineStart: n.readAt ? undefined : "4px solid var(--mantine-primary-color-filled)",
                }}
              >
                <Table.Td>
                  <NoticeKindBadge kind={n.kind} />
                </Table.Td>
                <Table.Td>
                  {to ? (
                    <Anchor
                      component={Link}
                      to={to}
                      onClick={read}
                      size="sm"
                      c="var(--mantine-color-text)"
                      underline="hover"
                      fw={n.readAt ? 400 : 600}
                      data-testid="notif-row-link"
                    >
                      {text(n)}
                    </Anchor>
                  ) : (
                    <Text size="sm" fw={n.readAt ? 400 : 600} data-testid="notif-row-text">
                      {text(n)}
                    </Text>
                  )}
                  {more && (
                    <Text size="xs" c="dimmed" data-testid="notif-row-detail">
                      {more}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td className="nowrap">{formatDateTime(n.createdAt, locale)}</Table.Td>
                <Table.Td>
                  {!n.readAt && (
                    <Button size="compact-xs" variant="subtle" onClick={read} data-testid="notif-row-read">
                      {t("notifications.markRead")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
