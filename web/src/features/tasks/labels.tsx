import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Task, TaskPriority, TaskState } from "./api.ts";

/** The titles the server gives the tasks it opens (in English), worded in the reader's language. */
const SERVER_TITLES: Record<string, string> = {
  "Decide whether to appeal": "tasks.titles.appealDecision",
  "Send para-wise comments": "tasks.titles.sendComments",
  "File the reply": "tasks.titles.fileReply",
};

/** A task's title in the reader's language when the server wrote it, else as its author typed it. */
export function useTaskTitle(): (task: Pick<Task, "title">) => string {
  const { t } = useTranslation();
  return (task) => {
    const key = SERVER_TITLES[task.title];
    return key ? t(key) : task.title;
  };
}

/** Contempt first and loudest: a contempt matter outranks everything. */
const PRIORITY_COLOR: Record<TaskPriority, string> = {
  contempt: "red",
  high: "orange",
  normal: "blue",
  low: "gray",
};

export function PriorityBadge({ priority }: { priority: TaskPriority }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={PRIORITY_COLOR[priority]}
      variant={priority === "contempt" ? "filled" : "light"}
      data-testid="task-priority"
      data-priority={priority}
    >
      {t(`tasks.priorities.${priority}`)}
    </Badge>
  );
}

const STATE_COLOR: Record<TaskState, string> = {
  open: "blue",
  in_progress: "indigo",
  done: "teal",
  cancelled: "gray",
};

export function TaskStateBadge({ state }: { state: TaskState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLOR[state]} variant="light" data-testid="task-state" data-state={state}>
      {t(`tasks.states.${state}`)}
    </Badge>
  );
}
