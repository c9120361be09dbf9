import { type ExpressionBuilder, sql } from "kysely";
import type { Task } from "../../../common/schemas/tasks.ts";
import type { Database } from "../../db/connection.ts";
import type { Trx } from "../../db/transaction.ts";
import type { DB } from "../../db/types.ts";
import { type Actor, hasRole } from "../../platform/actor.ts";
import { courtDay } from "../../platform/clock.ts";
import { caseAbilities, caseScope } from "../cases/cases.policy.ts";
import { displayNumber } from "../cases/cases.present.ts";

type Q = Database | Trx;
const DAY = 86_400_000;

/** Who acts for an organisation on the tasks assigned to it (the same people its reminders go to). */
export function actsForOrganisation(actor: Actor): boolean {
  return hasRole(actor, "focal_person", "nodal_officer", "assigning_officer");
}

/** Highest first, for ordering in SQL: contempt, high, normal, low. */
export const priorityRank = sql<number>`array_position(array['contempt','high','normal','low'], tk.priority)`;

type TaskEB = ExpressionBuilder<DB & { tk: DB["tasks"]; c: DB["cases"] }, "tk" | "c">;

/**
 * Who sees a task: its assignee (the user, or anyone of the organisation it is assigned to), its creator, and
 * whoever sees its case. A task on a case the actor cannot see is visible only through the first two.
 */
export function taskVisibility(actor: Actor) {
  return (eb: TaskEB) =>
    eb.or([
      eb("tk.assignee_user_id", "=", actor.userId),
      ...(actsForOrganisation(actor) ? [eb("tk.assignee_organisation_id", "=", actor.organisationId)] : []),
      eb("tk.created_by", "=", actor.userId),
      eb.and([eb("c.id", "is not", null), caseScope(actor)(eb as never)]),
    ]);
}

export function taskQuery(q: Q, actor: Actor) {
  return q
    .selectFrom("tasks as tk")
    .leftJoin("cases as c", "c.id", "tk.case_id")
    .leftJoin("case_types as t", "t.id", "c.case_type_id")
    .leftJoin("users as au", "au.id", "tk.assignee_user_id")
    .leftJoin("organisations as ao", "ao.id", "tk.assignee_organisation_id")
    .leftJoin("users as cu", "cu.id", "tk.completed_by")
    .leftJoin("users as cr", "cr.id", "tk.created_by")
    .where(taskVisibility(actor))
    .select([
      "tk.id",
      "tk.case_id",
      "tk.deadline_id",
      "tk.kind",
      "tk.title",
      "tk.priority",
      "tk.assignee_user_id",
      "tk.assignee_organisation_id",
      "tk.due_on",
      "tk.state",
      "tk.note",
      "tk.escalated_at",
      "tk.completed_by",
      "tk.completed_at",
      "tk.created_by",
      "tk.created_at",
      "tk.version",
      "c.title as case_title",
      "c.number",
      "c.number_suffix",
      "c.year",
      "c.organisation_id as case_organisation_id",
      "c.assigned_officer_id",
      "c.is_confidential",
      "c.status as case_status",
      "t.abbreviation as type_abbreviation",
      "au.full_name as assignee_name",
      "ao.code as assignee_org_code",
      "ao.name_en as assignee_org_name",
      "cu.full_name as completed_by_name",
      "cr.full_name as created_by_name",
    ]);
}

export type TaskRow = Awaited<ReturnType<ReturnType<typeof taskQuery>["execute"]>>[number];

/** The assignee, anyone of the assigned organisation, the creator, or whoever may edit the case. */
export function mayUpdateTask(actor: Actor, r: TaskRow, caseVisible: boolean): boolean {
  if (r.assignee_user_id === actor.userId || r.created_by === actor.userId) return true;
  if (r.assignee_organisation_id === actor.organisationId && actsForOrganisation(actor)) return true;
  if (!caseVisible || !r.case_id) return false;
  return caseAbilities(actor, {
    organisation_id: r.case_organisation_id!,
    assigned_officer_id: r.assigned_officer_id,
    is_confidential: r.is_confidential!,
    status: r.case_status!,
  }).edit;
}

export function presentTask(actor: Actor, r: TaskRow, caseVisible: boolean, today = courtDay()): Task {
  const person = (id: string | null, name: string | null) => (id ? { id, fullName: name ?? "" } : null);
  return {
    id: r.id,
    case:
      r.case_id && caseVisible
        ? {
            id: r.case_id,
            title: r.case_title!,
            number: displayNumber({
              type_abbreviation: r.type_abbreviation!,
              number: r.number!,
              number_suffix: r.number_suffix!,
              year: r.year!,
            }),
          }
        : null,
    deadlineId: r.deadline_id,
    kind: r.kind,
    title: r.title,
    priority: r.priority,
    assigneeUser: person(r.assignee_user_id, r.assignee_name),
    assigneeOrganisation: r.assignee_organisation_id
      ? { id: r.assignee_organisation_id, code: r.assignee_org_code!, nameEn: r.assignee_org_name! }
      : null,
    dueOn: r.due_on,
    daysLeft: Math.round((Date.parse(r.due_on) - Date.parse(today)) / DAY),
    state: r.state,
    note: r.note,
    escalatedAt: r.escalated_at ? new Date(r.escalated_at).toISOString() : null,
    completedBy: person(r.completed_by, r.completed_by_name),
    completedAt: r.completed_at ? new Date(r.completed_at).toISOString() : null,
    createdBy: person(r.created_by, r.created_by_name),
    createdAt: new Date(r.created_at).toISOString(),
    version: r.version,
    abilities: { update: mayUpdateTask(actor, r, caseVisible) },
  };
}

/** Which of these cases the actor sees (a task's case title is shown only then). */
export async function visibleCaseIds(q: Q, actor: Actor, ids: (string | null)[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (wanted.length === 0) return new Set();
  const rows = await q
    .selectFrom("cases as c")
    .select("c.id")
    .where("c.id", "in", wanted)
    .where(caseScope(actor))
    .execute();
  return new Set(rows.map((r) => r.id));
}
