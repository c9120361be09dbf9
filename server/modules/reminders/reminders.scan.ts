import { sql } from "kysely";
import type { Database } from "../../db/connection.ts";
import type { Trx } from "../../db/transaction.ts";
import { type OutgoingMail, queueMail } from "../../platform/mail.ts";
import { displayNumber } from "../cases/cases.present.ts";
import { insertNotices } from "../notifications/notifications.service.ts";

/**
 * Reminders before a deadline's internal due date and a task's due date, at the configured lead times (e.g.
 * 7, 3 and 1 days). A subject due in `d` days gets the reminder of the smallest lead `>= d` — so one created
 * late, or missed while the app was down, still gets the nearest reminder, once. Exactly once: each
 * (subject, due date, lead, recipient) is inserted into `reminder_log` and notified only when that insert
 * wins, in one transaction with the notice and the email; a second process or a retried job inserts nothing.
 * A moved due date is a new subject-date, so a recomputed deadline is reminded again.
 */
type Sent = {
  subject_id: string;
  user_id: string;
  lead_days: number;
  due_on: string;
  title: string;
  case_id: string | null;
  email: string | null;
  type_abbreviation: string | null;
  number: number | null;
  number_suffix: string | null;
  year: number | null;
  legal_due_on: string | null;
  is_confidential: boolean | null;
};

/** Users who act for an organisation on its cases and tasks. */
const ORGANISATION_ROLES = sql`('focal_person', 'nodal_officer', 'assigning_officer')`;

function leadOf(leads: number[], daysLeft: ReturnType<typeof sql>) {
  return sql<number>`(select min(l) from unnest(${leads}::int[]) as l where l >= ${daysLeft})`;
}

async function remindDeadlines(trx: Trx, leads: number[], today: string): Promise<Sent[]> {
  const maxLead = Math.max(...leads);
  const result = await sql<Sent>`
    with due as (
      select d.id, d.case_id, d.title, d.internal_due_on, d.legal_due_on,
             ${leadOf(leads, sql`d.internal_due_on - ${today}::date`)} as lead
      from deadlines d
      where d.state = 'open' and d.internal_due_on between ${today}::date and ${today}::date + ${maxLead}::int
    ), inserted as (
      insert into reminder_log (subject_kind, subject_id, due_on, lead_days, user_id)
      select distinct 'deadline', r.id, r.internal_due_on, r.lead, r.user_id
      from (
        -- three recipient sets as a union: one OR-join would pair every deadline with every user
        select due.*, c.assigned_officer_id as user_id
        from due join cases c on c.id = due.case_id
        where c.assigned_officer_id is not null
        union all
        select due.*, ur.user_id
        from due join cases c on c.id = due.case_id and not c.is_confidential
        join users m on m.organisation_id = c.organisation_id
        join user_roles ur on ur.user_id = m.id and ur.role in ('focal_person', 'nodal_officer')
        union all
        select due.*, ca.user_id
        from due join cases c on c.id = due.case_id and c.is_confidential
        join case_access ca on ca.case_id = c.id
      ) r
      join users u on u.id = r.user_id and u.status = 'active'
      on conflict do nothing
      returning subject_id, user_id, lead_days, due_on
    )
    select i.subject_id, i.user_id, i.lead_days, i.due_on::text as due_on, due.title, due.case_id,
           due.legal_due_on::text as legal_due_on, u.email, t.abbreviation as type_abbreviation, c.number,
           c.number_suffix, c.year, c.is_confidential
    from inserted i
    join due on due.id = i.subject_id
    join users u on u.id = i.user_id
    join cases c on c.id = due.case_id
    join case_types t on t.id = c.case_type_id
  `.execute(trx);
  return result.rows;
}

async function remindTasks(trx: Trx, leads: number[], today: string): Promise<Sent[]> {
  const maxLead = Math.max(...leads);
  const result = await sql<Sent>`
    with due as (
      select tk.id, tk.case_id, tk.title, tk.due_on, tk.assignee_user_id, tk.assignee_organisation_id,
             ${leadOf(leads, sql`tk.due_on - ${today}::date`)} as lead
      from tasks tk
      where tk.state in ('open', 'in_progress') and tk.due_on between ${today}::date and ${today}::date + ${maxLead}::int
    ), inserted as (
      insert into reminder_log (subject_kind, subject_id, due_on, lead_days, user_id)
      select distinct 'task', r.id, r.due_on, r.lead, r.user_id
      from (
        select due.id, due.due_on, due.lead, due.assignee_user_id as user_id
        from due where due.assignee_user_id is not null
        union all
        select due.id, due.due_on, due.lead, ur.user_id
        from due join users m on m.organisation_id = due.assignee_organisation_id
        join user_roles ur on ur.user_id = m.id and ur.role in ${ORGANISATION_ROLES}
      ) r
      join users u on u.id = r.user_id and u.status = 'active'
      on conflict do nothing
      returning subject_id, user_id, lead_days, due_on
    )
    select i.subject_id, i.user_id, i.lead_days, i.due_on::text as due_on, due.title, due.case_id,
           null as legal_due_on, u.email, t.abbreviation as type_abbreviation, c.number, c.number_suffix, c.year,
           c.is_confidential
    from inserted i
    join due on due.id = i.subject_id
    join users u on u.id = i.user_id
    left join cases c on c.id = due.case_id
    left join case_types t on t.id = c.case_type_id
  `.execute(trx);
  return result.rows;
}

// Email leaves the system (and administrators read the outbox): a confidential case is never named in it.
const caseNumberOf = (s: Sent) =>
  s.type_abbreviation && s.number !== null && !s.is_confidential
    ? displayNumber({
        type_abbreviation: s.type_abbreviation,
        number: s.number,
        number_suffix: s.number_suffix ?? "",
        year: s.year!,
      })
    : null;

async function deliver(
  trx: Trx,
  kind: "deadline_reminder" | "task_reminder",
  sent: Sent[],
  publicUrl: string,
) {
  await insertNotices(
    trx,
    sent.map((s) => ({
      user_id: s.user_id,
      kind,
      case_id: s.case_id,
      params: {
        subjectId: s.subject_id,
        title: s.title,
        dueOn: s.due_on,
        leadDays: s.lead_days,
        legalDueOn: s.legal_due_on,
      },
    })),
  );
  const mails: OutgoingMail[] = sent.flatMap((s) => {
    if (!s.email) return [];
    const number = caseNumberOf(s);
    const what = kind === "deadline_reminder" ? "Deadline" : "Task";
    const legal = s.legal_due_on ? `\nLast day in law: ${s.legal_due_on}.` : "";
    return [
      {
        userId: s.user_id,
        to: s.email,
        kind,
        subject: `CAMS: ${what} due ${s.due_on}${number ? ` — ${number}` : ""}`,
        body: `${what}: ${s.title}${number ? `\nCase: ${number}` : ""}\nDue: ${s.due_on} (in ${s.lead_days} day(s) or less).${legal}\n\n${publicUrl}${s.case_id ? `/cases/${s.case_id}` : "/tasks"}\n`,
      },
    ];
  });
  await queueMail(trx, mails);
}

/** One scan: deadlines and tasks, in one transaction. Returns how many reminders went out. */
export async function sendDueReminders(db: Database, leads: number[], today: string, publicUrl = "") {
  return db.transaction().execute(async (trx) => {
    const deadlines = await remindDeadlines(trx, leads, today);
    const tasks = await remindTasks(trx, leads, today);
    await deliver(trx, "deadline_reminder", deadlines, publicUrl);
    await deliver(trx, "task_reminder", tasks, publicUrl);
    return { deadlines: deadlines.length, tasks: tasks.length };
  });
}
