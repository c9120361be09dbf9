import { Button, Card, Group, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { type CommitResult, type Preview, useCommit } from "./api.ts";
import { PreviewTable } from "./PreviewTable.tsx";
import { commitMessage, isStale } from "./summary.ts";

/**
 * A bulk preview: who the policy would give each selected case to, and why. Nothing is recorded until Commit;
 * if a case changed in the meantime the server refuses (409) and the preview is run again.
 */
export function PreviewPanel({
  preview,
  onAgain,
  againPending,
  onCancel,
  onCommitted,
}: {
  preview: Preview;
  onAgain: () => void;
  againPending: boolean;
  onCancel: () => void;
  onCommitted: (result: CommitResult) => void;
}) {
  const { t } = useTranslation();
  const commit = useCommit();
  const { problem, fail, clear } = useProblem();
  const queued = preview.items.filter((i) => !i.decision.chosenOfficerId).length;

  return (
    <Card withBorder shadow="sm" data-testid="preview-panel" data-batch-id={preview.batchId}>
      <Group justify="space-between" mb="xs" align="flex-start">
        <div>
          <Title order={2} size="h4">
            {t("assignment.previewTitle", { count: preview.items.length })}
          </Title>
          <Text size="xs" c="dimmed" data-testid="preview-policy" data-version={preview.policy.version}>
            {t("assignment.previewPolicy", {
              version: preview.policy.version,
              strategy: t(`policy.strategies.${preview.policy.strategy}.label`, {
                defaultValue: preview.policy.strategy,
              }),
            })}
          </Text>
        </div>
      </Group>
      <Text size="sm" mb="xs">
        {t("assignment.previewHelp")}
        {queued > 0 && ` ${t("assignment.queuedCount", { count: queued })}`}
      </Text>
      <PreviewTable items={preview.items} />
      <ProblemAlert error={problem} testId="commit-error">
        {isStale(problem) && (
          <Button
            size="xs"
            mt="xs"
            variant="white"
            color="red"
            loading={againPending}
            onClick={() => {
              clear();
              onAgain();
            }}
            data-testid="preview-again"
          >
            {t("assignment.previewAgain")}
          </Button>
        )}
      </ProblemAlert>
      <Group justify="flex-end" mt="sm">
        <Button variant="default" onClick={onCancel} data-testid="preview-cancel">
          {t("common.cancel")}
        </Button>
        <Button
          loading={commit.isPending}
          disabled={preview.items.length === queued}
          onClick={() => {
            clear();
            commit.mutate(
              { batchId: preview.batchId },
              {
                onSuccess: (result) => {
                  notifications.show({ color: "teal", message: commitMessage(t, result) });
                  onCommitted(result);
                },
                onError: fail,
              },
            );
          }}
          data-testid="preview-commit"
        >
          {t("assignment.commit")}
        </Button>
      </Group>
    </Card>
  );
}
