import type { z } from "zod";
import type { taskCreateBody, taskPatchBody, tasksQuery } from "../../../common/schemas/tasks.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction, type Trx } from "../../db/transaction.ts";
import type { TasksTable } from "../../db/types.deadlines.ts";
import { updateVersioned } from "../../db/versioned.ts";
import { type Actor, hasRole } from "../../platform/actor.ts";
import { recordAudit, type Who } from "../../platform/audit.ts";
import { diffFields } from "../../platform/diff.ts";
import { problems } from "../../platform/errors.ts";
import { loadVisibleCase } from "../cases/cases.service.ts";
import {
  actsForOrganisation,
  mayUpdateTask,
  presentTask,
  priorityRank,
  taskQuery,
  visibleCaseIds,
} from "./tasks.repo.ts";

/**
 * Tasks (DOMAIN.md §§4, 8): what someone owes on a case — para-wise comments from the ministry, a reply, a
 * court order to comply with, the decision whether to appeal — assigned to a user or to an organisation, with
 * a due date and a priority (contempt highest). Overdue tasks escalate (tasks.escalation.ts).
 */
type NewTask = {
  caseId: string | null;
  deadlineId?: string | null;
  kind: TasksTable["kind"];
  title: string;
  priority: TasksTable["priority"];
  assigneeUserId?: string | null;
  assigneeOrganisationId?: string | null;
  dueOn: string;
  note?: string;
  organisationId: string | null;
};

/** Inserts a task and its audit event in the caller's transaction (also used by trigger events). */
export async function insertTask(trx: Trx, who: Who, t: NewTask): Promise<string> {
  const row = await trx
    .insertInto("tasks")
    .values({
      case_id: t.caseId,
      deadline_id: t.deadlineId ?? null,
      kind: t.kind,
      title: t.title,
      priority: t.priority,
      assignee_user_id: t.assigneeUserId ?? null,
      assignee_organisation_id: t.assigneeOrganisationId ?? null,
      due_on: t.dueOn,
      note: t.note ?? "",
      created_by: who.userId ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, who, {
    action: "task.created",
    entityType: t.caseId ? "case" : "task",
    entityId: t.caseId ?? row.id,
    organisationId: t.organisationId,
    changes: {
      taskId: row.id,
      kind: t.kind,
      title: t.title,
      priority: t.priority,
      dueOn: t.dueOn,
      assigneeUserId: t.assigneeUserId ?? null,
      assigneeOrganisationId: t.assigneeOrganisationId ?? null,
    },
  });
  return row.id;
}

export async function listTasks(db: Database, actor: Actor, query: z.infer<typeof tasksQuery>) {
  let q = taskQuery(db, actor);
  if (query.scope === "mine") {
    q = q.where((eb) =>
      eb.or([
        eb("tk.assignee_user_id", "=", actor.userId),
        ...(actsForOrganisation(actor) ? [eb("tk.assignee_organisation_id", "=", actor.organisationId)] : []),
      ]),
    );
  } else if (query.scope === "created") {
    q = q.where("tk.created_by", "=", actor.userId);
  } else {
    if (!query.caseId)
      throw problems.validation([{ path: "querystring.caseId", message: "is required for scope=case" }]);
    await loadVisibleCase(db, actor, query.caseId);
    q = q.where("tk.case_id", "=", query.caseId);
  }
  if (query.state === "open") q = q.where("tk.state", "in", ["open", "in_progress"]);
  if (query.state === "closed") q = q.where("tk.state", "in", ["done", "cancelled"]);
  const rows = await q
    .orderBy("tk.due_on")
    .orderBy(priorityRank)
    .orderBy("tk.created_at")
    .limit(500)
    .execute();
  const visible = await visibleCaseIds(
    db,
    actor,
    rows.map((r) => r.case_id),
  );
  return {
    items: rows.map((r) => presentTask(actor, r, r.case_id ? visible.has(r.case_id) : false)),
    total: rows.length,
  };
}

async function loadTask(trx: Trx, actor: Actor, id: string) {
  const row = await taskQuery(trx, actor).where("tk.id", "=", id).executeTakeFirst();
  if (!row) throw problems.notFound("task");
  const visible = row.case_id ? (await visibleCaseIds(trx, actor, [row.case_id])).has(row.case_id) : false;
  return { row, visible };
}

async function assertAssignee(trx: Trx, body: z.infer<typeof taskCreateBody>) {
  if (body.assigneeUserId) {
    const user = await trx
      .selectFrom("users")
      .select("id")
      .where("id", "=", body.assigneeUserId)
      .where("status", "=", "active")
      .executeTakeFirst();
    if (!user) throw problems.validation([{ path: "body.assigneeUserId", message: "is not an active user" }]);
  } else {
    const org = await trx
      .selectFrom("organisations")
      .select("id")
      .where("id", "=", body.assigneeOrganisationId!)
      .executeTakeFirst();
    if (!org)
      throw problems.validation([{ path: "body.assigneeOrganisationId", message: "is not an organisation" }]);
  }
}

/**
 * A confidential case's task goes to one person who may see the case (named on it, or its officer): a task
 * for a whole ministry would show its title to people the case is hidden from.
 */
async function assertConfidentialAssignee(
  trx: Trx,
  c: { id: string; assigned_officer_id: string | null },
  body: z.infer<typeof taskCreateBody>,
) {
  const refuse = (path: string) =>
    problems.validation([
      { path, message: "a confidential case's task goes to a person named on the case or its officer" },
    ]);
  if (!body.assigneeUserId) throw refuse("body.assigneeOrganisationId");
  if (body.assigneeUserId === c.assigned_officer_id) return;
  const named = await trx
    .selectFrom("case_access")
    .select("user_id")
    .where("case_id", "=", c.id)
    .where("user_id", "=", body.assigneeUserId)
    .executeTakeFirst();
  if (!named) throw refuse("body.assigneeUserId");
}

export async function createTask(db: Database, actor: Actor, body: z.infer<typeof taskCreateBody>) {
  return inTransaction(db, async (trx) => {
    let organisationId: string | null = actor.organisationId;
    if (body.caseId) {
      const { row, abilities } = await loadVisibleCase(trx, actor, body.caseId);
      if (!abilities.edit) throw problems.forbidden("You may view this case but not add tasks to it.");
      if (row.is_confidential) await assertConfidentialAssignee(trx, row, body);
      organisationId = row.organisation_id;
    } else if (!hasRole(actor, "law_ministry", "nodal_officer", "assigning_officer")) {
      throw problems.forbidden("Only supervisors create tasks outside a case.");
    }
    await assertAssignee(trx, body);
    const id = await insertTask(trx, actor, { ...body, caseId: body.caseId ?? null, organisationId });
    const { row, visible } = await loadTask(trx, actor, id);
    return presentTask(actor, row, visible);
  });
}

export async function updateTask(
  db: Database,
  actor: Actor,
  id: string,
  body: z.infer<typeof taskPatchBody>,
) {
  return inTransaction(db, async (trx) => {
    const { row, visible } = await loadTask(trx, actor, id);
    if (!mayUpdateTask(actor, row, visible))
      throw problems.forbidden("You may see this task but not change it.");
    if (row.version !== body.version) throw problems.staleVersion(row.version);
    const closing = body.state === "done" || body.state === "cancelled";
    const after = {
      state: body.state ?? row.state,
      priority: body.priority ?? row.priority,
      due_on: body.dueOn ?? row.due_on,
      note: body.note ?? row.note,
    };
    const wasClosed = row.state === "done" || row.state === "cancelled";
    const reopened = wasClosed && (body.state === "open" || body.state === "in_progress");
    await updateVersioned(trx, "tasks", id, row.version, {
      ...after,
      // A new due date restarts escalation; so does reopening a closed task.
      ...((body.dueOn && body.dueOn !== row.due_on) || reopened ? { escalated_at: null } : {}),
      ...(closing ? { completed_by: actor.userId, completed_at: new Date() } : {}),
      ...(reopened ? { completed_by: null, completed_at: null } : {}),
    });
    await recordAudit(trx, actor, {
      action: "task.updated",
      entityType: row.case_id ? "case" : "task",
      entityId: row.case_id ?? id,
      organisationId: row.case_organisation_id ?? row.assignee_organisation_id ?? actor.organisationId,
      changes: { taskId: id, ...diffFields(row, after) },
    });
    const reloaded = await loadTask(trx, actor, id);
    return presentTask(actor, reloaded.row, reloaded.visible);
  });
}
