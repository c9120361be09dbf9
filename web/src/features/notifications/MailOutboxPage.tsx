import {
  ActionIcon,
  Alert,
  Badge,
  Card,
  Center,
  Code,
  Loader,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime, useLocale } from "../../app/format.ts";
import { QueryError } from "../../app/forms.tsx";
import { NotFound } from "../../app/NotFound.tsx";
import { useMe } from "../../app/session.tsx";
import { type OutboxMessage, useMailOutbox } from "./api.ts";
import { NoticeKindBadge } from "./wording.tsx";

/**
 * The mail outbox (administrators): the latest 200 emails CAMS wrote, whether each was sent, how often it was
 * tried and the last error. Without an SMTP server this is the development mailbox — nothing leaves the
 * machine, and this page is where the messages can be read. Each row opens to show its body.
 */
export function MailOutboxPage() {
  const { t } = useTranslation();
  const me = useMe();
  const allowed = me.roles.includes("administrator");
  const outbox = useMailOutbox(allowed);
  if (!allowed) return <NotFound message={t("errors.forbidden")} />;

  return (
    <Stack gap="md" maw={1400} data-testid="outbox-page">
      <Title order={1} size="h2">
        {t("outbox.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("outbox.help")}
      </Text>
      {outbox.data && (
        <Alert
          color={outbox.data.smtpConfigured ? "teal" : "yellow"}
          title={t(outbox.data.smtpConfigured ? "outbox.smtpTitle" : "outbox.devTitle")}
          data-testid="outbox-banner"
          data-smtp={outbox.data.smtpConfigured}
        >
          {t(outbox.data.smtpConfigured ? "outbox.smtpHelp" : "outbox.devHelp")}
        </Alert>
      )}
      <Card withBorder>
        {outbox.isPending && (
          <Center p="md">
            <Loader size="sm" />
          </Center>
        )}
        {outbox.isError && <QueryError error={outbox.error} testId="outbox-error" />}
        {outbox.data && (
          <Text size="sm" mb="xs" data-testid="outbox-count" data-count={outbox.data.items.length}>
            {t("outbox.count", { count: outbox.data.items.length })}
          </Text>
        )}
        {outbox.data && outbox.data.items.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="outbox-empty">
            {t("outbox.none")}
          </Text>
        )}
        {outbox.data && outbox.data.items.length > 0 && <OutboxTable items={outbox.data.items} />}
      </Card>
    </Stack>
  );
}

/** Points at the text (right, or left in Urdu) while closed, and down while open. */
function Chevron({ open, rtl }: { open: boolean; rtl: boolean }) {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
      style={{
        transform: open ? "rotate(90deg)" : rtl ? "scaleX(-1)" : undefined,
        transition: "transform 120ms",
      }}
    >
      <path d="m9 18 6-6-6-6" />
    </svg>
  );
}

function OutboxTable({ items }: { items: OutboxMessage[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table fz="sm" verticalSpacing="xs" data-testid="outbox-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40} />
            <Table.Th>{t("outbox.to")}</Table.Th>
            <Table.Th>{t("outbox.subject")}</Table.Th>
            <Table.Th>{t("outbox.kind")}</Table.Th>
            <Table.Th>{t("outbox.created")}</Table.Th>
            <Table.Th>{t("outbox.sent")}</Table.Th>
            <Table.Th>{t("outbox.attempts")}</Table.Th>
            <Table.Th>{t("outbox.lastError")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => {
            const expanded = open.has(m.id);
            return (
              <Fragment key={m.id}>
                <Table.Tr
                  data-testid="outbox-row"
                  data-message-id={m.id}
                  data-to={m.to}
                  data-kind={m.kind}
                  data-sent={Boolean(m.sentAt)}
                  style={{ cursor: "pointer" }}
                  onClick={() => toggle(m.id)}
                >
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-expanded={expanded}
                      aria-controls={`outbox-body-${m.id}`}
                      aria-label={t(expanded ? "outbox.hideBody" : "outbox.showBody")}
                      onClick={(e) => {
                        e.stopPropagation();
                        toggle(m.id);
                      }}
                      data-testid="outbox-toggle"
                    >
                      <Chevron open={expanded} rtl={locale === "ur"} />
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td className="ltr" data-testid="outbox-to">
                    {m.to}
                  </Table.Td>
                  <Table.Td data-testid="outbox-subject">
                    <bdi lang="en">{m.subject}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <NoticeKindBadge kind={m.kind} testId="outbox-kind" />
                  </Table.Td>
                  <Table.Td className="nowrap">{formatDateTime(m.createdAt, locale)}</Table.Td>
                  <Table.Td className="nowrap" data-testid="outbox-sent" data-sent={Boolean(m.sentAt)}>
                    {m.sentAt ? (
                      formatDateTime(m.sentAt, locale)
                    ) : (
                      <Badge color="gray" variant="light" tt="none">
                        {t("outbox.unsent")}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td data-testid="outbox-attempts">{m.attempts}</Table.Td>
                  <Table.Td data-testid="outbox-error-text">
                    {m.lastError ? (
                      <Text size="xs" c="red" lineClamp={2} title={m.lastError}>
                        <bdi lang="en">{m.lastError}</bdi>
                      </Text>
                    ) : (
                      "—"
                    )}
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr>
                    <Table.Td />
                    <Table.Td colSpan={7}>
                      <Code
                        block
                        id={`outbox-body-${m.id}`}
                        lang="en"
                        dir="ltr"
                        data-testid="outbox-body"
                        style={{ whiteSpace: "pre-wrap" }}
                      >
                        {m.body}
                      </Code>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
