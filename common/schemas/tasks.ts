import { z } from "zod";
import { isoDate, personRef, trimmed, uuid, version } from "./shared.ts";

/** Tasks people owe on a case (DOMAIN.md §§4, 8): to a user or to an organisation; overdue ones escalate. */
export const TASK_KINDS = [
  "para_wise_comments",
  "file_reply",
  "compliance",
  "appeal_decision",
  "other",
] as const;
/** Highest first: a contempt matter outranks everything. */
export const TASK_PRIORITIES = ["contempt", "high", "normal", "low"] as const;
export const TASK_STATES = ["open", "in_progress", "done", "cancelled"] as const;
export const OPEN_TASK_STATES = ["open", "in_progress"] as const;

export const taskSchema = z.object({
  id: z.string(),
  case: z.object({ id: z.string(), title: z.string(), number: z.string() }).nullable(),
  deadlineId: z.string().nullable(),
  kind: z.enum(TASK_KINDS),
  title: z.string(),
  priority: z.enum(TASK_PRIORITIES),
  assigneeUser: personRef.nullable(),
  assigneeOrganisation: z.object({ id: z.string(), code: z.string(), nameEn: z.string() }).nullable(),
  dueOn: z.string(),
  /** Days from the courts' today to the due date (negative: overdue). */
  daysLeft: z.number(),
  state: z.enum(TASK_STATES),
  note: z.string(),
  escalatedAt: z.string().nullable(),
  completedBy: personRef.nullable(),
  completedAt: z.string().nullable(),
  createdBy: personRef.nullable(),
  createdAt: z.string(),
  version: z.number(),
  abilities: z.object({ update: z.boolean() }),
});
export type Task = z.infer<typeof taskSchema>;
export const taskList = z.object({ items: z.array(taskSchema), total: z.number() });

export const tasksQuery = z.object({
  /** mine: assigned to me or to my organisation; created: made by me; case: the tasks of one case. */
  scope: z.enum(["mine", "created", "case"]).default("mine"),
  caseId: uuid.optional(),
  state: z.enum(["open", "closed", "all"]).default("open"),
});

export const taskCreateBody = z
  .object({
    caseId: uuid.nullable().optional(),
    kind: z.enum(TASK_KINDS),
    title: trimmed(300),
    priority: z.enum(TASK_PRIORITIES).default("normal"),
    assigneeUserId: uuid.nullable().optional(),
    assigneeOrganisationId: uuid.nullable().optional(),
    dueOn: isoDate,
    note: z.string().trim().max(2000).default(""),
  })
  .refine((b) => Boolean(b.assigneeUserId) !== Boolean(b.assigneeOrganisationId), {
    path: ["assigneeUserId"],
    message: "name either a user or an organisation",
  });

export const taskPatchBody = z
  .object({
    version,
    state: z.enum(TASK_STATES).optional(),
    priority: z.enum(TASK_PRIORITIES).optional(),
    dueOn: isoDate.optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== "version"), "nothing to change");
