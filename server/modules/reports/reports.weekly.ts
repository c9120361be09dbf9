import { sql } from "kysely";
import { caseListQuery } from "../../../common/schemas/cases.ts";
import { caseListSearch } from "../../../common/schemas/reports.ts";
import type { Database } from "../../db/connection.ts";
import type { Trx } from "../../db/transaction.ts";
import { type Actor, jobActor } from "../../platform/actor.ts";
import { queueMail } from "../../platform/mail.ts";
import { listCases } from "../cases/cases.search.ts";

/**
 * The weekly reports (issue 6 item 3): on each subscription's weekday, its saved filter is run through the case
 * list AS the subscriber — the same scope predicate as their own list, so a report can show nothing they could
 * not open — and a summary is emailed: the filter's name, the total, the first 20 cases and a link to the list
 * with the filter applied. Exactly once per subscription and day: the subscription's `last_sent_on` is claimed
 * (a conditional update, which row-locks against a second process) in the same transaction as the email's
 * outbox row, so both commit or neither does. Disabled users, and users of inactive organisations, get nothing.
 */
const SHOWN = 20;

type Due = {
  id: string;
  user_id: string;
  name: string;
  query: unknown;
  email: string;
  username: string;
  full_name: string;
  locale: "en" | "ur";
  organisation_id: string;
  organisation_kind: string;
  roles: string[];
};

/** 0 = Sunday … 6 = Saturday of a courts' day (YYYY-MM-DD). */
export const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/** The subscriber as the job acts for them. */
const actorOf = (d: Due): Actor =>
  jobActor(
    {
      id: d.user_id,
      username: d.username,
      fullName: d.full_name,
      organisationId: d.organisation_id,
      organisationKind: d.organisation_kind,
      locale: d.locale,
      roles: d.roles,
    },
    "weekly-report",
  );

const words = {
  en: {
    subject: (name: string, day: string) => `CAMS weekly report: ${name} (${day})`,
    total: (n: number, more: boolean) => `Cases matching this filter: ${more ? `more than ${n}` : n}`,
    first: (n: number) => `The first ${n}:`,
    next: "next hearing",
    none: "No cases match this filter today.",
    open: "Open the list:",
  },
  ur: {
    subject: (name: string, day: string) => `CAMS ہفتہ وار رپورٹ: ${name} (${day})`,
    total: (n: number, more: boolean) => `اس فلٹر کے مقدمات: ${more ? `${n} سے زیادہ` : n}`,
    first: (n: number) => `پہلے ${n}:`,
    next: "اگلی سماعت",
    none: "آج اس فلٹر کا کوئی مقدمہ نہیں۔",
    open: "فہرست کھولیں:",
  },
};

async function sendOne(trx: Trx, d: Due, today: string, publicUrl: string): Promise<boolean> {
  // A stored query that no longer parses (the list's schema changed) sends nothing rather than the whole scope.
  const parsed = caseListQuery.safeParse({
    ...(typeof d.query === "string" ? JSON.parse(d.query) : (d.query as object)),
    page: 1,
    pageSize: SHOWN,
  });
  if (!parsed.success) return false;
  const list = await listCases(trx, actorOf(d), parsed.data);
  const ids = list.items.map((c) => c.id);
  const hearings =
    ids.length === 0
      ? []
      : await trx
          .selectFrom("hearings")
          .select(["case_id", sql<string>`min(hearing_date)`.as("next_on")])
          .where("case_id", "in", ids)
          .where("state", "=", "scheduled")
          .where("hearing_date", ">=", today)
          .groupBy("case_id")
          .execute();
  const nextOn = new Map(hearings.map((h) => [h.case_id, h.next_on]));
  const w = words[d.locale];
  const { pageSize: _, ...saved } = parsed.data;
  const link = `${publicUrl}/cases${caseListSearch({ ...saved, page: undefined })}`;
  const lines = list.items.map((c) => {
    const next = nextOn.get(c.id);
    return `- ${c.displayNumber} — ${c.title} [${c.status}]${next ? ` (${w.next} ${next})` : ""}`;
  });
  const body = [
    d.name,
    w.total(list.total, list.totalCapped),
    "",
    ...(lines.length > 0 ? [w.first(lines.length), ...lines] : [w.none]),
    "",
    w.open,
    link,
    "",
  ].join("\n");
  await queueMail(trx, [
    { userId: d.user_id, to: d.email, kind: "weekly_report", subject: w.subject(d.name, today), body },
  ]);
  return true;
}

/** Sends today's weekly reports; returns how many went out. Safe to run any number of times a day. */
export async function sendWeeklyReports(db: Database, today: string, publicUrl = "") {
  const due = await db
    .selectFrom("report_subscriptions as s")
    .innerJoin("saved_filters as f", "f.id", "s.saved_filter_id")
    .innerJoin("users as u", "u.id", "s.user_id")
    .innerJoin("organisations as o", "o.id", "u.organisation_id")
    .select(["s.id"])
    .where("s.weekday", "=", weekdayOf(today))
    .where((eb) => eb.or([eb("s.last_sent_on", "is", null), eb("s.last_sent_on", "<", today)]))
    .where("u.status", "=", "active")
    .where("o.active", "=", true)
    .where("u.email", "is not", null)
    .execute();
  let sent = 0;
  for (const { id } of due) {
    // One transaction per subscription: a failing filter does not hold back everyone else's report.
    const done = await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable("report_subscriptions")
        .set({ last_sent_on: today })
        .where("id", "=", id)
        .where((eb) => eb.or([eb("last_sent_on", "is", null), eb("last_sent_on", "<", today)]))
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return false; // another run sent it
      const d = await trx
        .selectFrom("report_subscriptions as s")
        .innerJoin("saved_filters as f", "f.id", "s.saved_filter_id")
        .innerJoin("users as u", "u.id", "s.user_id")
        .innerJoin("organisations as o", "o.id", "u.organisation_id")
        .select([
          "s.id",
          "s.user_id",
          "f.name",
          "f.query",
          sql<string>`u.email`.as("email"),
          "u.username",
          "u.full_name",
          "u.locale",
          "u.organisation_id",
          "o.kind as organisation_kind",
          sql<string[]>`array(select r.role from user_roles r where r.user_id = u.id)`.as("roles"),
        ])
        .where("s.id", "=", id)
        .where("u.status", "=", "active")
        .executeTakeFirst();
      return d ? sendOne(trx, d, today, publicUrl) : false;
    });
    if (done) sent++;
  }
  return sent;
}
