import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Task, taskCreateBody, taskPatchBody, tasksQuery } from "../../../../common/schemas/tasks.ts";
import { get, isApiError, patch, post } from "../../app/api.ts";
import { caseKeys } from "../cases/api.ts";

export {
  OPEN_TASK_STATES,
  TASK_KINDS,
  TASK_PRIORITIES,
  TASK_STATES,
} from "../../../../common/schemas/tasks.ts";

export type { Task };
export type TaskState = Task["state"];
export type TaskPriority = Task["priority"];
export type TaskKind = Task["kind"];
export type TaskQuery = z.input<typeof tasksQuery>;
export type TaskCreate = z.input<typeof taskCreateBody>;
export type TaskPatch = z.input<typeof taskPatchBody>;
export type TaskList = { items: Task[]; total: number };

/** Every key starts with "tasks": a case's status change or a trigger event refetches all of them. */
export const taskKeys = {
  all: ["tasks"] as const,
  list: (q: TaskQuery) => ["tasks", q.scope ?? "mine", q.caseId ?? "", q.state ?? "open"] as const,
};

export function useTasks(q: TaskQuery) {
  return useQuery({
    queryKey: taskKeys.list(q),
    queryFn: ({ signal }) => get<TaskList>("/tasks", q, signal),
    placeholderData: keepPreviousData,
  });
}

/** After a task write: every task list, and the case and its history when the task belongs to one. */
function useTaskWrite<V>(fn: (vars: V) => Promise<Task>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onError: (error) => {
      if (isApiError(error) && error.code === "stale_version") {
        void qc.invalidateQueries({ queryKey: taskKeys.all });
      }
    },
    onSuccess: (task) => {
      void qc.invalidateQueries({ queryKey: taskKeys.all });
      void qc.invalidateQueries({ queryKey: ["notifications"] });
      if (task.case) void qc.invalidateQueries({ queryKey: caseKeys.history(task.case.id) });
    },
  });
}

export function useCreateTask() {
  return useTaskWrite((body: TaskCreate) => post<Task>("/tasks", body));
}

export function useUpdateTask() {
  return useTaskWrite(({ id, body }: { id: string; body: TaskPatch }) => patch<Task>(`/tasks/${id}`, body));
}

/** The moves a task's state offers: start, finish or cancel it while it is open; reopen it once closed. */
export function nextStates(state: TaskState): TaskState[] {
  if (state === "open") return ["in_progress", "done", "cancelled"];
  if (state === "in_progress") return ["done", "cancelled"];
  return ["open"];
}
