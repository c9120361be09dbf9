import { sql } from "kysely";
import type { Database } from "../../db/connection.ts";
import { queueMail } from "../../platform/mail.ts";
import { insertNotices } from "../notifications/notifications.service.ts";

/**
 * The daily digest: to each user with something due, once a day, a notice and an email counting their open
 * tasks (overdue, and due within the week) and the open deadlines of their cases due within the week. "Their
 * cases" are those assigned to them, and their organisation's for focal persons and nodal officers.
 * Exactly once per user and day through `reminder_log` (kind digest, the day as its date).
 */
type Digest = {
  user_id: string;
  email: string | null;
  tasks_overdue: number;
  tasks_due: number;
  deadlines_overdue: number;
  deadlines_due: number;
};

export async function sendDailyDigests(db: Database, today: string, publicUrl = "") {
  return db.transaction().execute(async (trx) => {
    const rows = await sql<Digest>`
      with people as (
        select u.id, u.email, u.organisation_id,
               exists (select 1 from user_roles ur where ur.user_id = u.id
                       and ur.role in ('focal_person', 'nodal_officer', 'assigning_officer')) as for_org
        from users u where u.status = 'active'
      ), counts as (
        select p.id as user_id, p.email,
          (select count(*) from tasks tk where tk.state in ('open', 'in_progress') and tk.due_on < ${today}::date
             and (tk.assignee_user_id = p.id or (p.for_org and tk.assignee_organisation_id = p.organisation_id)))::int as tasks_overdue,
          (select count(*) from tasks tk where tk.state in ('open', 'in_progress')
             and tk.due_on between ${today}::date and ${today}::date + 7
             and (tk.assignee_user_id = p.id or (p.for_org and tk.assignee_organisation_id = p.organisation_id)))::int as tasks_due,
          (select count(*) from deadlines d join cases c on c.id = d.case_id where d.state = 'open'
             and d.internal_due_on < ${today}::date
             and (c.assigned_officer_id = p.id or (p.for_org and not c.is_confidential and c.organisation_id = p.organisation_id)))::int as deadlines_overdue,
          (select count(*) from deadlines d join cases c on c.id = d.case_id where d.state = 'open'
             and d.internal_due_on between ${today}::date and ${today}::date + 7
             and (c.assigned_officer_id = p.id or (p.for_org and not c.is_confidential and c.organisation_id = p.organisation_id)))::int as deadlines_due
        from people p
      ), wanted as (
        select * from counts where tasks_overdue + tasks_due + deadlines_overdue + deadlines_due > 0
      ), inserted as (
        insert into reminder_log (subject_kind, subject_id, due_on, lead_days, user_id)
        select 'digest', w.user_id, ${today}::date, 0, w.user_id from wanted w
        on conflict do nothing
        returning user_id
      )
      select w.* from wanted w join inserted i on i.user_id = w.user_id
    `.execute(trx);
    const digests = rows.rows;
    await insertNotices(
      trx,
      digests.map((d) => ({
        user_id: d.user_id,
        kind: "daily_digest",
        case_id: null,
        params: {
          day: today,
          tasksOverdue: d.tasks_overdue,
          tasksDue: d.tasks_due,
          deadlinesOverdue: d.deadlines_overdue,
          deadlinesDue: d.deadlines_due,
        },
      })),
    );
    await queueMail(
      trx,
      digests.flatMap((d) =>
        d.email
          ? [
              {
                userId: d.user_id,
                to: d.email,
                kind: "daily_digest",
                subject: `CAMS daily digest ${today}`,
                body: `Overdue tasks: ${d.tasks_overdue}\nTasks due within 7 days: ${d.tasks_due}\nDeadlines past their internal due date: ${d.deadlines_overdue}\nDeadlines due within 7 days: ${d.deadlines_due}\n\n${publicUrl}/tasks\n`,
              },
            ]
          : [],
      ),
    );
    return digests.length;
  });
}
