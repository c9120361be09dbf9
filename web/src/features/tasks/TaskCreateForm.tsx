import { Button, Card, Group, NativeSelect, Stack, Textarea, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { CodedSelect } from "../../app/CodedSelect.tsx";
import { useLocale } from "../../app/format.ts";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { useMe } from "../../app/session.tsx";
import type { CaseDetail } from "../cases/types.ts";
import {
  TASK_KINDS,
  TASK_PRIORITIES,
  type TaskCreate,
  type TaskKind,
  type TaskPriority,
  useCreateTask,
} from "./api.ts";

/**
 * Adds a task to a case: kind, title (the kind's name until typed), priority (contempt for a contempt case),
 * due date, and whom it falls to — the case's organisation by default, or its law officer, or oneself.
 */
export function TaskCreateForm({ c, onDone }: { c: CaseDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { name } = useLocale();
  const me = useMe();
  const mutation = useCreateTask();
  const { problem, fieldErrors, fail, clear, clearField, setFieldErrors } = useProblem();
  const [kind, setKind] = useState<TaskKind>("para_wise_comments");
  const [title, setTitle] = useState("");
  const [priority, setPriority] = useState<TaskPriority>(c.flags.contempt ? "contempt" : "normal");
  const [dueOn, setDueOn] = useState("");
  const [assignee, setAssignee] = useState(`org:${c.organisation.id}`);
  const [note, setNote] = useState("");

  const assignees = [
    {
      value: `org:${c.organisation.id}`,
      code: "organisation",
      label: t("tasks.toOrganisation", { name: name(c.organisation) }),
    },
    ...(c.assignedOfficer && c.assignedOfficer.id !== me.id
      ? [
          {
            value: `user:${c.assignedOfficer.id}`,
            code: "officer",
            label: t("tasks.toOfficer", { name: c.assignedOfficer.fullName }),
          },
        ]
      : []),
    { value: `user:${me.id}`, code: "me", label: t("tasks.toMe", { name: me.fullName }) },
  ];

  function submit(e: FormEvent) {
    e.preventDefault();
    clear();
    const finalTitle = title.trim() || t(`tasks.kinds.${kind}`);
    if (!dueOn) {
      setFieldErrors({ dueOn: t("validation.required") });
      return;
    }
    const [type, id] = assignee.split(":") as ["org" | "user", string];
    const body: TaskCreate = {
      caseId: c.id,
      kind,
      title: finalTitle,
      priority,
      dueOn,
      note: note.trim(),
      ...(type === "org" ? { assigneeOrganisationId: id } : { assigneeUserId: id }),
    };
    mutation.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: "teal", message: t("tasks.added") });
        onDone();
      },
      onError: fail,
    });
  }

  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="sm">
        {t("tasks.add")}
      </Title>
      <form onSubmit={submit} noValidate data-testid="task-form">
        <Stack gap="sm">
          <ProblemAlert error={problem} testId="task-form-error" shown={(k) => k in fieldErrors} />
          <Group grow align="flex-start" gap="xs">
            <NativeSelect
              label={t("tasks.kind")}
              data={TASK_KINDS.map((k) => ({ value: k, label: t(`tasks.kinds.${k}`) }))}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as TaskKind)}
              error={fieldErrors.kind}
              data-testid="task-kind-select"
            />
            <NativeSelect
              label={t("tasks.priority")}
              data={TASK_PRIORITIES.map((p) => ({ value: p, label: t(`tasks.priorities.${p}`) }))}
              value={priority}
              onChange={(e) => setPriority(e.currentTarget.value as TaskPriority)}
              error={fieldErrors.priority}
              data-testid="task-priority-select"
            />
            <TextInput
              type="date"
              required
              label={t("tasks.due")}
              value={dueOn}
              onChange={(e) => {
                clearField("dueOn");
                setDueOn(e.currentTarget.value);
              }}
              error={fieldErrors.dueOn}
              data-testid="task-due-on"
            />
          </Group>
          <TextInput
            label={t("tasks.titleField")}
            placeholder={t(`tasks.kinds.${kind}`)}
            maxLength={300}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fieldErrors.title}
            data-testid="task-title-input"
          />
          <CodedSelect
            label={t("tasks.assignee")}
            options={assignees}
            value={assignee}
            onChange={(e) => setAssignee(e.currentTarget.value)}
            error={fieldErrors.assigneeUserId ?? fieldErrors.assigneeOrganisationId}
            data-testid="task-assignee-select"
          />
          <Textarea
            label={t("tasks.note")}
            autosize
            minRows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldErrors.note}
            data-testid="task-note"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="task-submit">
              {t("tasks.addSubmit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
