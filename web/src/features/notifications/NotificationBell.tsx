import { ActionIcon, Button, Group, Indicator, Menu, ScrollArea, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { formatDateTime, useLocale } from "../../app/format.ts";
import { useMarkAllRead, useMarkRead, useNotifications } from "./api.ts";
import { noticeLink, useNoticeText } from "./wording.tsx";

function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/**
 * The bell in the header: the unread count, the latest notices (each opens what it is about and is marked
 * read), "Mark all read" and a link to the Notifications page.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const notices = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const text = useNoticeText();
  const unread = notices.data?.unread ?? 0;
  const items = notices.data?.items ?? [];

  return (
    <Menu position="bottom-end" width={380} withinPortal>
      <Menu.Target>
        <Indicator
          disabled={unread === 0}
          label={unread > 99 ? "99+" : String(unread)}
          size={18}
          color="red"
          offset={4}
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t("notifications.bell", { count: unread })}
            data-testid="notif-bell"
            data-count={unread}
          >
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Menu.Target>
      <Menu.Dropdown data-testid="notif-list">
        <Group justify="space-between" wrap="nowrap" px="sm" py={4}>
          <Text size="sm" fw={600}>
            {t("notifications.title")}
            {unread > 0 && (
              <Text span size="xs" c="red" fw={700} ms={6} data-testid="notif-count" data-count={unread}>
                {t("notifications.unreadCount", { count: unread })}
              </Text>
            )}
          </Text>
          {unread > 0 && (
            <Button
              size="compact-xs"
              variant="subtle"
              loading={markAll.isPending}
              onClick={() => markAll.mutate()}
              data-testid="notif-read-all"
            >
              {t("notifications.markAllRead")}
            </Button>
          )}
        </Group>
        <Menu.Divider />
        {items.length === 0 && (
          <Text size="sm" c="dimmed" px="sm" py="xs" data-testid="notif-empty">
            {t("notifications.none")}
          </Text>
        )}
        <ScrollArea.Autosize mah={420}>
          {items.map((n) => (
            <Menu.Item
              key={n.id}
              onClick={() => {
                if (!n.readAt) markRead.mutate(n.id);
                const to = noticeLink(n);
                if (to) void navigate(to);
              }}
              data-testid="notif-item"
              data-notification-id={n.id}
              data-kind={n.kind}
              data-case-id={n.caseId ?? ""}
              data-read={Boolean(n.readAt)}
              bg={n.readAt ? undefined : "var(--mantine-primary-color-light)"}
            >
              <Text size="sm" fw={n.readAt ? 400 : 600} lineClamp={3}>
                {text(n)}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(n.createdAt, locale)}
              </Text>
            </Menu.Item>
          ))}
        </ScrollArea.Autosize>
        <Menu.Divider />
        <Menu.Item component={Link} to="/notifications" data-testid="notif-all-link">
          <Text size="sm" c="blue" ta="center">
            {t("notifications.all")}
          </Text>
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
