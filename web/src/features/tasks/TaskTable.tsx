import { Anchor, Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate, isolate, useLocale } from "../../app/format.ts";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { DaysLeftBadge } from "../deadlines/labels.tsx";
import { nextStates, type Task, type TaskState, useUpdateTask } from "./api.ts";
import { PriorityBadge, TaskStateBadge, useTaskTitle } from "./labels.tsx";

const MOVE_TESTID: Record<TaskState, string> = {
  open: "task-reopen",
  in_progress: "task-start",
  done: "task-done",
  cancelled: "task-cancel",
};

/**
 * Tasks in a table: due date and days left (an open task past its date is tinted red), title and kind, the
 * case (with `showCase`), priority, assignee and state; with `abilities.update`, the state moves it allows.
 */
export function TaskTable({ items, showCase }: { items: Task[]; showCase: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={showCase ? 1040 : 860}>
      <Table fz="sm" verticalSpacing="xs" data-testid="task-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("tasks.due")}</Table.Th>
            <Table.Th>{t("tasks.task")}</Table.Th>
            {showCase && <Table.Th>{t("tasks.case")}</Table.Th>}
            <Table.Th>{t("tasks.priority")}</Table.Th>
            <Table.Th>{t("tasks.assignee")}</Table.Th>
            <Table.Th>{t("tasks.state")}</Table.Th>
            <Table.Th>{t("tasks.actions")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((task) => (
            <TaskRow key={task.id} task={task} showCase={showCase} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TaskRow({ task, showCase }: { task: Task; showCase: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const update = useUpdateTask();
  const { problem, fail, clear } = useProblem();
  const titleOf = useTaskTitle();
  const title = titleOf(task);
  const kind = t(`tasks.kinds.${task.kind}`);
  const open = task.state === "open" || task.state === "in_progress";
  const overdue = open && task.daysLeft < 0;

  function move(state: TaskState) {
    clear();
    update.mutate(
      { id: task.id, body: { version: task.version, state } },
      {
        onSuccess: () => notifications.show({ color: "teal", message: t(`tasks.moved.${state}`) }),
        onError: fail,
      },
    );
  }

  return (
    <Table.Tr
      data-testid="task-row"
      data-task-id={task.id}
      data-case-id={task.case?.id ?? ""}
      data-kind={task.kind}
      data-state={task.state}
      data-priority={task.priority}
      data-overdue={overdue}
      style={overdue ? { backgroundColor: "var(--mantine-color-red-light)" } : undefined}
    >
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <Text size="sm" className="nowrap" data-testid="task-due">
            {formatDate(task.dueOn, locale)}
          </Text>
          {open && <DaysLeftBadge daysLeft={task.daysLeft} testId="task-days-left" />}
          {task.escalatedAt && (
            <Badge size="xs" color="red" variant="outline" data-testid="task-escalated">
              {t("tasks.escalated")}
            </Badge>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500} data-testid="task-title">
          <bdi>{title}</bdi>
        </Text>
        {title !== kind && (
          <Text size="xs" c="dimmed" data-testid="task-kind">
            {kind}
          </Text>
        )}
        {task.note && (
          <Text size="xs" c="dimmed" className="prewrap">
            <bdi>{task.note}</bdi>
          </Text>
        )}
      </Table.Td>
      {showCase && (
        <Table.Td>
          {task.case ? (
            <>
              <Anchor
                component={Link}
                to={`/cases/${task.case.id}?tab=tasks`}
                size="sm"
                fw={500}
                className="ltr nowrap"
                data-testid="task-case-link"
              >
                {task.case.number}
              </Anchor>
              <Text size="xs" lineClamp={2}>
                <bdi>{task.case.title}</bdi>
              </Text>
            </>
          ) : (
            "—"
          )}
        </Table.Td>
      )}
      <Table.Td>
        <PriorityBadge priority={task.priority} />
      </Table.Td>
      <Table.Td data-testid="task-assignee">
        {task.assigneeUser ? (
          <bdi>{task.assigneeUser.fullName}</bdi>
        ) : task.assigneeOrganisation ? (
          <bdi title={task.assigneeOrganisation.code}>{task.assigneeOrganisation.nameEn}</bdi>
        ) : (
          "—"
        )}
        {task.completedBy && (
          <Text size="xs" c="dimmed">
            {t("tasks.completedBy", { name: isolate(task.completedBy.fullName) })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <TaskStateBadge state={task.state} />
      </Table.Td>
      <Table.Td>
        {task.abilities.update && (
          <Group gap={4} wrap="nowrap">
            {nextStates(task.state).map((s) => (
              <Button
                key={s}
                size="compact-xs"
                variant={s === "cancelled" ? "subtle" : s === "done" ? "filled" : "light"}
                color={s === "cancelled" ? "red" : undefined}
                loading={update.isPending && update.variables?.body.state === s}
                disabled={update.isPending}
                onClick={() => move(s)}
                data-testid={MOVE_TESTID[s]}
              >
                {t(`tasks.moves.${s}`)}
              </Button>
            ))}
          </Group>
        )}
        {problem && <ProblemAlert error={problem} testId="task-error" />}
      </Table.Td>
    </Table.Tr>
  );
}
