import { sql } from "kysely";
import type { Database } from "../../db/connection.ts";
import type { Actor } from "../../platform/actor.ts";
import { addDays, courtDay } from "../../platform/clock.ts";
import { changeStatus } from "../cases/cases.actions.ts";
import { recordDeadlineEvent } from "../deadlines/deadlines.service.ts";
import { sendDailyDigests } from "../reminders/digest.ts";
import { sendDueReminders } from "../reminders/reminders.scan.ts";

/**
 * Deadlines for the demo. The planned decisions reach back years, and each adverse one opened its appeal
 * deadline when it was recorded: those that ran out more than two weeks ago are recorded as met (the appeal
 * was filed before CAMS), so the lists show what is live. Then a few of Interior's pending cases are decided
 * against the government in the last fortnight, and a notice is recorded on a few others with a hearing
 * ahead — live appeal and reply deadlines with their tasks. Dates follow the real calendar, like the hearings.
 */
export async function seedDemoDeadlines(
  db: Database,
  actorOf: (username: string) => Actor,
  /** Cases the demo keeps as planned (its showcase cases, which the guides and browser tests open). */
  keep: readonly string[],
): Promise<number> {
  const today = courtDay();
  await sql`
    with settled as (
      update deadlines set state = 'met', closed_note = 'Filed before CAMS (demo data).', closed_at = now()
      where state = 'open' and legal_due_on < ${addDays(today, -14)}::date
      returning id
    )
    update tasks set state = 'done', note = 'Decided before CAMS (demo data).', completed_at = now()
    where deadline_id in (select id from settled) and state in ('open', 'in_progress')
  `.execute(db);
  const focal = actorOf("focal.interior");
  const pending = (courtLevel?: string) =>
    db
      .selectFrom("cases as c")
      .innerJoin("courts as ct", "ct.id", "c.court_id")
      .innerJoin("case_types as t", "t.id", "c.case_type_id")
      .select(["c.id", "c.version"])
      .where("c.organisation_id", "=", focal.organisationId)
      .where("c.status", "=", "pending")
      .where("c.is_confidential", "=", false)
      .$if(keep.length > 0, (q) => q.where("c.id", "not in", keep))
      .$if(Boolean(courtLevel), (q) => q.where("ct.level", "=", courtLevel!))
      .orderBy(sql`t.code = 'WP'`, "desc")
      .orderBy("c.case_key");
  let n = 0;
  const decided = await pending("high").limit(3).execute();
  for (const [i, c] of decided.entries()) {
    await changeStatus(db, focal, c.id, {
      version: c.version,
      status: "decided",
      decidedOn: addDays(today, -[3, 8, 15][i]!),
      outcome: "allowed",
      governmentResult: i === 2 ? "partly" : "against",
    });
    n++;
  }
  const noticed = await pending()
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("hearings as h")
          .select("h.id")
          .whereRef("h.case_id", "=", "c.id")
          .where("h.state", "=", "scheduled")
          .where("h.hearing_date", ">", addDays(today, 2)),
      ),
    )
    .limit(4)
    .execute();
  for (const c of noticed) {
    await recordDeadlineEvent(db, focal, c.id, { event: "notice_received", date: addDays(today, -2) });
    n++;
  }
  // The first reminders and digests, as the jobs would send them, so the notification centre and the
  // outbox have something to show on a fresh start.
  await sendDueReminders(db, DEMO_LEAD_DAYS, today);
  await sendDailyDigests(db, today);
  return n;
}

/** The default of CAMS_REMINDER_LEAD_DAYS. */
const DEMO_LEAD_DAYS = [7, 3, 1];
