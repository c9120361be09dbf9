import { Button, Card, Center, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryError } from "../../app/forms.tsx";
import type { CaseDetail } from "../cases/types.ts";
import { useCaseDeadlines } from "./api.ts";
import { type DeadlineAction, DeadlineCard } from "./DeadlineCard.tsx";
import { DeadlineCloseModal, DeadlineEditModal } from "./DeadlineDialogs.tsx";
import { DeadlineEventForm } from "./DeadlineEventForm.tsx";

type Dialog = { action: DeadlineAction; id: string } | null;

/**
 * The Deadlines tab of a case: each deadline with its rule, dates, days left and derivation; recording a
 * trigger event needs `abilities.edit` on the case, changing or closing a deadline its own `abilities.edit`.
 */
export function CaseDeadlines({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const deadlines = useCaseDeadlines(c.id);
  const [recording, setRecording] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  // The dialog reads the deadline from the list, so a refetch (after a stale version) gives it the current one.
  const open = dialog ? deadlines.data?.find((d) => d.id === dialog.id) : undefined;
  const close = () => setDialog(null);
  const latest = async () => (await deadlines.refetch()).data;
  const items = deadlines.data ?? [];
  const openCount = items.filter((d) => d.state === "open").length;

  return (
    <Stack gap="md" data-testid="deadlines-panel">
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <div>
            <Title order={2} size="h4">
              {t("deadlines.title")}
            </Title>
            {deadlines.data && (
              <Text
                size="sm"
                c="dimmed"
                data-testid="deadlines-count"
                data-count={items.length}
                data-open={openCount}
              >
                {t("deadlines.openCount", { count: openCount })}
              </Text>
            )}
          </div>
          {c.abilities.edit && !recording && (
            <Button size="xs" onClick={() => setRecording(true)} data-testid="deadline-event-open">
              {t("deadlines.recordEvent")}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t("deadlines.help")}
        </Text>
      </Card>
      {c.abilities.edit && recording && (
        <DeadlineEventForm caseId={c.id} onDone={() => setRecording(false)} />
      )}
      {deadlines.isPending && (
        <Center p="md">
          <Loader size="sm" />
        </Center>
      )}
      {deadlines.isError && <QueryError error={deadlines.error} testId="deadlines-error" />}
      {deadlines.data?.length === 0 && (
        <Text c="dimmed" size="sm" data-testid="deadlines-empty">
          {t("deadlines.none")}
        </Text>
      )}
      {items.length > 0 && (
        <Stack gap="sm" data-testid="deadlines-list">
          {items.map((d) => (
            <DeadlineCard key={d.id} d={d} onAction={(action) => setDialog({ action, id: d.id })} />
          ))}
        </Stack>
      )}
      {open && dialog?.action === "edit" && <DeadlineEditModal d={open} onClose={close} latest={latest} />}
      {open && dialog?.action === "close" && <DeadlineCloseModal d={open} onClose={close} latest={latest} />}
    </Stack>
  );
}
