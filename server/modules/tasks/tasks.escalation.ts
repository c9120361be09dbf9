import { sql } from "kysely";
import type { Database } from "../../db/connection.ts";
import { recordAuditMany, type Who } from "../../platform/audit.ts";
import { queueMail } from "../../platform/mail.ts";
import { insertNotices } from "../notifications/notifications.service.ts";

/** Background work acts as no user; its audit events carry no actor and no request. */
export const SYSTEM: Who = { ip: null, userAgent: null, requestId: null, userId: null };

/**
 * Overdue tasks escalate to the assignee's supervisors: the nodal officers and assigning officers of the
 * assignee's organisation (of the user's, for a task assigned to a person), or — where it has none — the
 * task's creator. Each task escalates once (`escalated_at`); a new due date or reopening starts it again.
 * Rows are claimed with SKIP LOCKED, so two processes escalate disjoint tasks.
 */
export async function escalateOverdueTasks(db: Database, today: string, limit = 1000) {
  return db.transaction().execute(async (trx) => {
    const overdue = await trx
      .selectFrom("tasks as tk")
      .leftJoin("users as au", "au.id", "tk.assignee_user_id")
      .select([
        "tk.id",
        "tk.title",
        "tk.due_on",
        "tk.case_id",
        "tk.created_by",
        "tk.assignee_user_id",
        sql<string>`coalesce(tk.assignee_organisation_id, au.organisation_id)`.as("org_id"),
      ])
      .where("tk.state", "in", ["open", "in_progress"])
      .where("tk.due_on", "<", today)
      .where("tk.escalated_at", "is", null)
      .orderBy("tk.due_on")
      .limit(limit)
      .forUpdate("tk")
      .skipLocked()
      .execute();
    if (overdue.length === 0) return 0;
    const orgIds = [...new Set(overdue.map((t) => t.org_id))];
    const supervisors = await trx
      .selectFrom("users as u")
      .innerJoin("user_roles as ur", "ur.user_id", "u.id")
      .select(["u.id", "u.organisation_id", "u.email"])
      .where("u.organisation_id", "in", orgIds)
      .where("u.status", "=", "active")
      .where("ur.role", "in", ["nodal_officer", "assigning_officer"])
      .distinct()
      .execute();
    const notices = overdue.flatMap((t) => {
      const theirs = supervisors.filter((s) => s.organisation_id === t.org_id && s.id !== t.assignee_user_id);
      const to =
        theirs.length > 0
          ? theirs.map((s) => ({ id: s.id, email: s.email }))
          : t.created_by
            ? [{ id: t.created_by, email: null }]
            : [];
      return to.map((u) => ({ task: t, user: u }));
    });
    await insertNotices(
      trx,
      notices.map(({ task, user }) => ({
        user_id: user.id,
        kind: "task_overdue",
        case_id: task.case_id,
        params: { taskId: task.id, title: task.title, dueOn: task.due_on },
      })),
    );
    await queueMail(
      trx,
      notices.flatMap(({ task, user }) =>
        user.email
          ? [
              {
                userId: user.id,
                to: user.email,
                kind: "task_overdue",
                subject: `CAMS: overdue task — ${task.title}`,
                body: `The task "${task.title}" was due on ${task.due_on} and is not done. It has been escalated to you as supervisor.\n`,
              },
            ]
          : [],
      ),
    );
    await trx
      .updateTable("tasks")
      .set({ escalated_at: new Date() })
      .where(
        "id",
        "in",
        overdue.map((t) => t.id),
      )
      .execute();
    await recordAuditMany(
      trx,
      SYSTEM,
      overdue.map((t) => ({
        action: "task.escalated" as const,
        entityType: t.case_id ? "case" : "task",
        entityId: t.case_id ?? t.id,
        organisationId: t.org_id,
        changes: {
          taskId: t.id,
          dueOn: t.due_on,
          notified: notices.filter((n) => n.task.id === t.id).map((n) => n.user.id),
        },
      })),
    );
    return overdue.length;
  });
}
