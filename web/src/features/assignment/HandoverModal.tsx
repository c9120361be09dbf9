import { Button, Center, Group, Loader, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isolate } from "../../app/format.ts";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import {
  type CommitResult,
  useCommit,
  useHandoverPreview,
  useReturnToQueue,
  type WorkloadItem,
} from "./api.ts";
import { PreviewTable } from "./PreviewTable.tsx";
import { commitMessage, isStale } from "./summary.ts";

/**
 * Hands an officer's open cases over: previews their redistribution by the policy, then either commits it or
 * returns every case to the queue (with a reason).
 */
export function HandoverModal({ officer, onClose }: { officer: WorkloadItem; onClose: () => void }) {
  const { t } = useTranslation();
  const preview = useHandoverPreview();
  const commit = useCommit();
  const back = useReturnToQueue();
  const { problem, fieldErrors, fail, clear } = useProblem();
  const [reason, setReason] = useState("");
  const started = useRef(false);

  const load = () => {
    clear();
    preview.mutate(officer.officerId, { onError: fail });
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: one preview when the dialog opens
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    load();
  }, []);

  const done = (result: CommitResult) => {
    notifications.show({ color: "teal", message: commitMessage(t, result) });
    onClose();
  };
  const batchId = preview.data?.batchId;
  const busy = commit.isPending || back.isPending;

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t("assignment.handoverTitle", { name: isolate(officer.fullName) })}
    >
      <Stack gap="sm" data-testid="handover-form">
        <Text size="sm">{t("assignment.handoverIntro")}</Text>
        <ProblemAlert error={problem} testId="handover-error" shown={(k) => k in fieldErrors}>
          {isStale(problem) && (
            <Button size="xs" mt="xs" variant="white" color="red" onClick={load} data-testid="handover-again">
              {t("assignment.previewAgain")}
            </Button>
          )}
        </ProblemAlert>
        {preview.isPending && (
          <Center p="md">
            <Loader />
          </Center>
        )}
        {preview.data && <PreviewTable items={preview.data.items} />}
        {batchId && (
          <>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t("common.cancel")}
              </Button>
              <Button
                loading={commit.isPending}
                disabled={busy}
                onClick={() => {
                  clear();
                  commit.mutate({ batchId }, { onSuccess: done, onError: fail });
                }}
                data-testid="handover-commit"
              >
                {t("assignment.commitHandover")}
              </Button>
            </Group>
            <Textarea
              label={t("assignment.returnReason")}
              description={t("assignment.returnReasonHint")}
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={fieldErrors.reason}
              data-testid="handover-reason"
            />
            <Group justify="flex-end">
              <Button
                color="orange"
                variant="light"
                loading={back.isPending}
                disabled={busy || !reason.trim()}
                onClick={() => {
                  clear();
                  back.mutate({ batchId, reason: reason.trim() }, { onSuccess: done, onError: fail });
                }}
                data-testid="handover-return"
              >
                {t("assignment.returnToQueue")}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
