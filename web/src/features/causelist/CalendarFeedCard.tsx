import { Alert, Button, Card, CopyButton, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { calendarFeedCreated, calendarFeedStatus } from "../../../../common/schemas/hearings.ts";
import { del, get, post } from "../../app/api.ts";
import { formatDateTime, useLocale } from "../../app/format.ts";
import { QueryError } from "../../app/forms.tsx";

type Status = z.infer<typeof calendarFeedStatus>;
type Created = z.infer<typeof calendarFeedCreated>;
const KEY = ["me", "calendar-feed"] as const;

/**
 * The user's private calendar feed: their hearings for Outlook or Google Calendar to subscribe to. The URL is
 * secret and shown only when made; making a new one, or revoking it, stops the old one.
 */
export function CalendarFeedCard() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const client = useQueryClient();
  const status = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => get<Status>("/me/calendar-feed", undefined, signal),
  });
  const [made, setMade] = useState<Created | null>(null);
  const create = useMutation({
    mutationFn: () => post<Created>("/me/calendar-feed"),
    onSuccess: (created) => {
      setMade(created);
      void client.invalidateQueries({ queryKey: KEY });
    },
  });
  const revoke = useMutation({
    mutationFn: () => del<void>("/me/calendar-feed"),
    onSuccess: () => {
      setMade(null);
      void client.invalidateQueries({ queryKey: KEY });
    },
  });
  const active = status.data?.active ?? false;
  return (
    <Card withBorder data-testid="calendar-feed" data-active={active}>
      <Stack gap="xs">
        <Title order={2} size="h5">
          {t("calendarFeed.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("calendarFeed.help")}
        </Text>
        {status.isError && <QueryError error={status.error} testId="calendar-feed-error" />}
        {active && status.data?.createdAt && !made && (
          <Text size="sm" data-testid="calendar-feed-status">
            {t("calendarFeed.activeSince", { date: formatDateTime(status.data.createdAt, locale) })}
            {status.data.lastReadAt &&
              ` ${t("calendarFeed.lastRead", { date: formatDateTime(status.data.lastReadAt, locale) })}`}
          </Text>
        )}
        {made && (
          <Alert color="teal" data-testid="calendar-feed-made">
            <Stack gap={6}>
              <Text size="sm">{t("calendarFeed.copyNow")}</Text>
              <Group gap="xs" wrap="nowrap">
                <TextInput
                  readOnly
                  value={made.url}
                  style={{ flex: 1 }}
                  classNames={{ input: "ltr" }}
                  aria-label={t("calendarFeed.url")}
                  data-testid="calendar-feed-url"
                  onFocus={(e) => e.currentTarget.select()}
                />
                <CopyButton value={made.url}>
                  {({ copied, copy }) => (
                    <Button variant="light" onClick={copy} data-testid="calendar-feed-copy">
                      {copied ? t("calendarFeed.copied") : t("calendarFeed.copy")}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          </Alert>
        )}
        {(create.isError || revoke.isError) && (
          <QueryError error={create.error ?? revoke.error} testId="calendar-feed-error" />
        )}
        <Group gap="xs">
          <Button
            variant={active ? "default" : "filled"}
            loading={create.isPending}
            onClick={() => create.mutate()}
            data-testid="calendar-feed-create"
          >
            {active ? t("calendarFeed.replace") : t("calendarFeed.create")}
          </Button>
          {active && (
            <Button
              variant="subtle"
              color="red"
              loading={revoke.isPending}
              onClick={() => revoke.mutate()}
              data-testid="calendar-feed-revoke"
            >
              {t("calendarFeed.revoke")}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
