import { sql } from "kysely";
import type { Database } from "../../../db/connection.ts";
import { type OutgoingMail, queueMail } from "../../../platform/mail.ts";
import { insertNotices } from "../../notifications/notifications.service.ts";

/**
 * Alerts on the MLA register's deadlines (issue 5 item 6): on or after a deadline's alert day, each person who
 * may see the request — the Central Authority, its creator while still in scope, the users named on it — gets
 * one in-app notice and one email. Exactly once, as the case reminders are: each (deadline, due date,
 * recipient) is inserted into `mla_deadline_alerts` and notified only when that insert wins, in one transaction
 * with the notice and the email. An extended expiry is a new due date and is alerted again.
 *
 * MLA requests are confidential, and email leaves the system (administrators read the outbox): the email
 * names only the register reference and the date, never the title, parties or draft.
 */
type Alert = {
  deadline_id: string;
  user_id: string;
  due_on: string;
  kind: "preservation_expiry" | "follow_up";
  request_id: string;
  reference: string;
  email: string | null;
  locale: "en" | "ur";
};

export const MLA_NOTICE_KINDS = {
  preservation_expiry: "mla_preservation_expiry",
  follow_up: "mla_follow_up",
} as const;

export async function sendMlaDeadlineAlerts(db: Database, today: string, publicUrl = "") {
  return db.transaction().execute(async (trx) => {
    const result = await sql<Alert>`
      with due as (
        select d.id, d.kind, d.due_on, r.id as request_id, r.reference, r.organisation_id, r.created_by
        from mla_deadlines d join mla_requests r on r.id = d.request_id
        where d.state = 'open' and d.alert_on <= ${today}::date
      ), inserted as (
        insert into mla_deadline_alerts (deadline_id, due_on, user_id)
        select distinct x.id, x.due_on, x.user_id
        from (
          -- who may read the request (mla.policy.ts): named users, the creator while the agency's, and the
          -- Central Authority; not the rest of the agency or anyone else
          select due.id, due.due_on, a.user_id
          from due join mla_request_access a on a.request_id = due.request_id
          union all
          select due.id, due.due_on, due.created_by
          from due join users c on c.id = due.created_by and c.organisation_id = due.organisation_id
          join user_roles ur on ur.user_id = c.id and ur.role = 'requesting_agency'
          union all
          select due.id, due.due_on, ur.user_id
          from due cross join user_roles ur where ur.role = 'central_authority'
        ) x
        join users u on u.id = x.user_id and u.status = 'active'
        on conflict do nothing
        returning deadline_id, user_id, due_on
      )
      select i.deadline_id, i.user_id, i.due_on::text as due_on, due.kind, due.request_id, due.reference, u.email,
             u.locale
      from inserted i
      join due on due.id = i.deadline_id
      join users u on u.id = i.user_id
    `.execute(trx);
    const alerts = result.rows;
    await insertNotices(
      trx,
      alerts.map((a) => ({
        user_id: a.user_id,
        kind: MLA_NOTICE_KINDS[a.kind],
        case_id: null,
        params: {
          requestId: a.request_id,
          reference: a.reference,
          deadlineId: a.deadline_id,
          dueOn: a.due_on,
        },
      })),
    );
    await queueMail(
      trx,
      alerts.flatMap((a) => (a.email ? [mailOf(a, publicUrl)] : [])),
    );
    return alerts.length;
  });
}

/** The email, in the recipient's language: the reference, the date and what to do — nothing of the content. */
type Wording = (reference: string, dueOn: string) => [subject: string, body: string];
const WORDING: Record<"en" | "ur", Record<Alert["kind"], Wording>> = {
  en: {
    preservation_expiry: (ref: string, due: string) => [
      `CAMS: MLA preservation expires ${due} — ${ref}`,
      `Preservation ${ref} expires on ${due}.\nExtend it or transmit the MLA request before then.`,
    ],
    follow_up: (ref: string, due: string) => [
      `CAMS: MLA follow-up due ${due} — ${ref}`,
      `Request ${ref} has had no answer recorded by ${due}.\nFollow it up.`,
    ],
  },
  ur: {
    preservation_expiry: (ref: string, due: string) => [
      `CAMS: ایم ایل اے تحفظ کی میعاد ${due} کو ختم — ${ref}`,
      `تحفظ ${ref} کی میعاد ${due} کو ختم ہو رہی ہے۔\nاس سے پہلے توسیع کرائیں یا ایم ایل اے درخواست بھیجیں۔`,
    ],
    follow_up: (ref: string, due: string) => [
      `CAMS: ایم ایل اے درخواست کی پیروی ${due} — ${ref}`,
      `درخواست ${ref} کا ${due} تک کوئی جواب درج نہیں ہوا۔\nاس کی پیروی کریں۔`,
    ],
  },
};

function mailOf(a: Alert, publicUrl: string): OutgoingMail {
  const [subject, body] = WORDING[a.locale === "ur" ? "ur" : "en"][a.kind](a.reference, a.due_on);
  return {
    userId: a.user_id,
    to: a.email!,
    kind: MLA_NOTICE_KINDS[a.kind],
    subject,
    body: `${body}\n\n${publicUrl}/mla/${a.request_id}\n`,
  };
}
