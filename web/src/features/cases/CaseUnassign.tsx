import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isolate } from "../../app/format.ts";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { useAssign } from "./api.ts";
import type { CaseDetail } from "./types.ts";

/** Takes the case away from its law officer and returns it to the queue; the reason is recorded. */
export function CaseUnassign({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  if (!c.abilities.assign || !c.assignedOfficer) return null;
  return (
    <>
      <Button size="xs" variant="light" color="red" onClick={() => setOpened(true)} data-testid="unassign">
        {t("cases.unassign")}
      </Button>
      {opened && <UnassignModal c={c} onClose={() => setOpened(false)} />}
    </>
  );
}

function UnassignModal({ c, onClose }: { c: CaseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const assign = useAssign(c.id);
  const { problem, fieldErrors, fail, clear } = useProblem();
  const [reason, setReason] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) return;
    clear();
    assign.mutate(
      { version: c.version, officerId: null, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: "teal", message: t("cases.unassignedMessage") });
          onClose();
        },
        onError: fail,
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={t("cases.unassign")}>
      <form onSubmit={submit} noValidate data-testid="unassign-form">
        <Stack gap="sm">
          <Text size="sm">
            {t("cases.unassignExplain", { name: isolate(c.assignedOfficer?.fullName ?? "") })}
          </Text>
          <ProblemAlert error={problem} testId="unassign-error" shown={(k) => k in fieldErrors} />
          <Textarea
            label={t("fields.reason")}
            description={t("cases.unassignReasonHint")}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldErrors.reason}
            data-autofocus
            data-testid="unassign-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button
              type="submit"
              color="red"
              disabled={!reason.trim()}
              loading={assign.isPending}
              data-testid="unassign-submit"
            >
              {t("cases.unassignButton")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
