import { ActionIcon, Badge, Indicator, Menu, ScrollArea, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { formatDate, formatDateTime, isolate, useLocale } from "../../app/format.ts";
import { type Notice, useMarkRead, useNotifications } from "./api.ts";

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

/** The bell in the header: unread count, and a list of notices that open their case (and mark them read). */
export function NotificationBell() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const notices = useNotifications();
  const markRead = useMarkRead();
  const unread = notices.data?.unread ?? 0;
  const items = notices.data?.items ?? [];

  const text = (n: Notice) => {
    if (n.kind === "case_assigned")
      return t("notifications.caseAssigned", { title: isolate(n.caseTitle ?? "—") });
    if (n.kind === "cases_assigned")
      return t("notifications.casesAssigned", { count: Number(n.params.count ?? 0) });
    if (n.kind === "adverse_decision") {
      const due = typeof n.params.legalDueOn === "string" ? n.params.legalDueOn : null;
      return t(due ? "notifications.adverseDecision" : "notifications.adverseDecisionNoRule", {
        title: isolate(n.caseTitle ?? "—"),
        result: t(`governmentResult.${String(n.params.result ?? "against")}`),
        due: formatDate(due, locale),
      });
    }
    return t("notifications.other", { kind: n.kind });
  };

  return (
    <Menu position="bottom-end" width={360} withinPortal>
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
        <Menu.Label>
          {t("notifications.title")}
          {unread > 0 && (
            <Badge size="xs" color="red" ms={6} data-testid="notif-count" data-count={unread}>
              {unread}
            </Badge>
          )}
        </Menu.Label>
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
                const tab = n.kind === "adverse_decision" ? "deadlines" : "assignment";
                if (n.caseId) void navigate(`/cases/${n.caseId}?tab=${tab}`);
                else if (n.kind === "cases_assigned") void navigate("/cases");
              }}
              data-testid="notif-item"
              data-notification-id={n.id}
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
      </Menu.Dropdown>
    </Menu>
  );
}
