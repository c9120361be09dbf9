import { Badge, Button, Card, Center, Grid, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ProblemAlert, QueryError } from "../../app/forms.tsx";
import { NotFound } from "../../app/NotFound.tsx";
import { useMe } from "../../app/session.tsx";
import { type CommitResult, type Preview, usePreview, useQueue } from "./api.ts";
import { CommitSummary } from "./CommitSummary.tsx";
import { useExplain } from "./explain.ts";
import { OfficePicker, useOffice } from "./office.tsx";
import { PreviewPanel } from "./PreviewPanel.tsx";
import { QueueTable } from "./QueueTable.tsx";
import { WorkloadBoard } from "./WorkloadBoard.tsx";

/**
 * The assigning officer's desk: the office's queue of unassigned cases (select, preview by the policy, read
 * why, commit) beside the workload of each officer (with handover).
 */
export function AssignmentPage() {
  const { t } = useTranslation();
  const me = useMe();
  const office = useOffice();
  const { num } = useExplain();
  const queue = useQueue(office.officeId, me.abilities.assignCases);
  const [picked, setPicked] = useState<Set<string>>(() => new Set());
  const [preview, setPreview] = useState<Preview | null>(null);
  const [summary, setSummary] = useState<{ result: CommitResult; preview: Preview } | null>(null);
  const previewing = usePreview();
  const runPreview = (caseIds: string[]) =>
    previewing.mutate(
      { caseIds, officeId: office.officeId },
      {
        onSuccess: (p) => {
          setSummary(null);
          setPreview(p);
        },
      },
    );

  // Only cases still in the queue stay selected (after a commit, or someone else's).
  const selected = useMemo(() => {
    const inQueue = new Set((queue.data ?? []).map((i) => i.id));
    return new Set([...picked].filter((id) => inQueue.has(id)));
  }, [picked, queue.data]);

  if (!me.abilities.assignCases) return <NotFound message={t("errors.forbidden")} />;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t("assignment.title")}
        </Title>
        <Group gap="xs">
          <Button
            component={Link}
            to="/assignment/policy"
            variant="default"
            size="xs"
            data-testid="to-policy"
          >
            {t("nav.assignmentPolicy")}
          </Button>
          <Button
            component={Link}
            to="/assignment/officers"
            variant="default"
            size="xs"
            data-testid="to-officers"
          >
            {t("nav.assignmentOfficers")}
          </Button>
        </Group>
      </Group>
      <OfficePicker office={office} />
      {summary && (
        <CommitSummary result={summary.result} preview={summary.preview} onClose={() => setSummary(null)} />
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            {preview && (
              <PreviewPanel
                preview={preview}
                onAgain={() => runPreview(preview.items.map((i) => i.caseId))}
                againPending={previewing.isPending}
                onCancel={() => setPreview(null)}
                onCommitted={(result) => {
                  setSummary({ result, preview });
                  setPreview(null);
                  setPicked(new Set());
                }}
              />
            )}
            <Card withBorder>
              <Group justify="space-between" mb="sm">
                <Group gap="xs">
                  <Title order={2} size="h4">
                    {t("assignment.queue")}
                  </Title>
                  {queue.data && (
                    <Badge variant="light" data-testid="queue-count" data-count={queue.data.length}>
                      {num(queue.data.length)}
                    </Badge>
                  )}
                </Group>
                <Group gap="xs">
                  <Text size="sm" c="dimmed" data-testid="queue-selected" data-count={selected.size}>
                    {t("assignment.selected", { count: selected.size, n: num(selected.size) })}
                  </Text>
                  <Button
                    disabled={selected.size === 0}
                    loading={previewing.isPending}
                    onClick={() => runPreview([...selected])}
                    data-testid="preview-button"
                  >
                    {t("assignment.preview")}
                  </Button>
                </Group>
              </Group>
              {previewing.isError && <ProblemAlert error={previewing.error} testId="preview-error" />}
              {queue.isError && <QueryError error={queue.error} />}
              {queue.isPending && (
                <Center p="xl">
                  <Loader />
                </Center>
              )}
              {queue.data?.length === 0 && (
                <Text c="dimmed" ta="center" p="md" data-testid="queue-empty">
                  {t("assignment.queueEmpty")}
                </Text>
              )}
              {queue.data && queue.data.length > 0 && (
                <QueueTable items={queue.data} selected={selected} onChange={setPicked} />
              )}
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <WorkloadBoard officeId={office.officeId} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
