import type { Task } from "../../../common/schemas/tasks.ts";
import { type Sheet, sheet } from "../exports/export.table.ts";

/**
 * The tasks list as a file's rows (GET /tasks/export): the items GET /tasks answers for the same reader and
 * filters, one row each, in its order (due date, priority, age). English, as the other exports. Pure: the test
 * reads the file back against it.
 */
const KIND: Record<Task["kind"], string> = {
  para_wise_comments: "Para-wise comments",
  file_reply: "File reply",
  compliance: "Compliance",
  appeal_decision: "Appeal decision",
  other: "Other",
};
const STATE: Record<Task["state"], string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  cancelled: "Cancelled",
};
const PRIORITY: Record<Task["priority"], string> = {
  contempt: "Contempt",
  high: "High",
  normal: "Normal",
  low: "Low",
};

export function taskSheet(items: readonly Task[]): Sheet {
  return sheet(
    "Tasks",
    ["Due on", "Days left", "Priority", "Task", "Kind", "Case", "Case title", "Assigned to", "State"],
    items.map((t) => [
      t.dueOn,
      t.daysLeft,
      PRIORITY[t.priority],
      t.title,
      KIND[t.kind],
      t.case?.number ?? null,
      t.case?.title ?? null,
      t.assigneeUser?.fullName ?? t.assigneeOrganisation?.nameEn ?? null,
      STATE[t.state],
    ]),
  );
}

/** The PDF's columns (770 pt): the task and the case title get the room. */
export const TASK_WIDTHS = [60, 45, 55, 170, 80, 90, 130, 90, 50];
