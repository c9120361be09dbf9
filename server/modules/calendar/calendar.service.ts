import { createHash, randomBytes } from "node:crypto";
import { sql } from "kysely";
import { isRole, type Role } from "../../../common/roles.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { addDays, courtDay } from "../../platform/clock.ts";
import { displayNumber } from "../cases/cases.present.ts";
import { deadlineQuery } from "../deadlines/deadlines.repo.ts";
import { listedHearingsQuery } from "../hearings/hearings.repo.ts";
import { icsCalendar } from "./ics.ts";

/**
 * A private iCalendar feed per user (issue 4 §8): their hearings — of the cases they may see — for Outlook or
 * Google Calendar to subscribe to. The URL carries a secret token (stored only as its SHA-256, shown once);
 * revoking it or making a new one makes the old URL answer 404. The feed always applies the user's current
 * scope: a case reassigned or made confidential leaves it at the next refresh.
 */
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function feedStatus(db: Database, actor: Actor) {
  const row = await db
    .selectFrom("calendar_feeds")
    .select(["created_at", "last_read_at"])
    .where("user_id", "=", actor.userId)
    .executeTakeFirst();
  return {
    active: Boolean(row),
    createdAt: row?.created_at.toISOString() ?? null,
    lastReadAt: row?.last_read_at?.toISOString() ?? null,
  };
}

/** Makes a new feed URL (replacing any earlier one); the only time the token is ever shown. */
export async function createFeed(db: Database, actor: Actor, baseUrl: string) {
  const token = randomBytes(32).toString("base64url");
  const createdAt = new Date();
  await inTransaction(db, async (trx) => {
    const earlier = await trx
      .selectFrom("calendar_feeds")
      .select("user_id")
      .where("user_id", "=", actor.userId)
      .executeTakeFirst();
    // one statement, so two clicks at once leave one feed (the later) instead of a key violation
    await trx
      .insertInto("calendar_feeds")
      .values({ user_id: actor.userId, token_hash: hashToken(token), created_at: createdAt })
      .onConflict((oc) =>
        oc
          .column("user_id")
          .doUpdateSet({ token_hash: hashToken(token), created_at: createdAt, last_read_at: null }),
      )
      .execute();
    await recordAudit(trx, actor, {
      action: "calendar_feed.created",
      entityType: "user",
      entityId: actor.userId,
      organisationId: actor.organisationId,
      changes: { replacedEarlier: Boolean(earlier) },
    });
  });
  return { url: `${baseUrl}/api/v1/calendar/${token}.ics`, createdAt: createdAt.toISOString() };
}

export async function revokeFeed(db: Database, actor: Actor) {
  await inTransaction(db, async (trx) => {
    const gone = await trx
      .deleteFrom("calendar_feeds")
      .where("user_id", "=", actor.userId)
      .executeTakeFirst();
    if (Number(gone.numDeletedRows) === 0) return;
    await recordAudit(trx, actor, {
      action: "calendar_feed.revoked",
      entityType: "user",
      entityId: actor.userId,
      organisationId: actor.organisationId,
    });
  });
}

/** The user behind a feed token, as an actor with their current roles; null for an unknown or unusable one. */
async function feedOwner(db: Database, token: string): Promise<Actor | null> {
  const row = await db
    .selectFrom("calendar_feeds as f")
    .innerJoin("users as u", "u.id", "f.user_id")
    .innerJoin("organisations as o", "o.id", "u.organisation_id")
    .select([
      "u.id",
      "u.username",
      "u.full_name",
      "u.status",
      "u.locale",
      "u.organisation_id",
      "o.kind",
      "o.active",
    ])
    .select((eb) =>
      eb
        .selectFrom("user_roles as r")
        .whereRef("r.user_id", "=", "u.id")
        .select((e) => e.fn.agg<string[]>("array_agg", ["r.role"]).as("roles"))
        .as("roles"),
    )
    .where("f.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (row?.status !== "active" || !row.active) return null;
  return {
    userId: row.id,
    username: row.username,
    fullName: row.full_name,
    organisationId: row.organisation_id,
    organisationKind: row.kind,
    roles: new Set((row.roles ?? []).filter(isRole) as Role[]),
    locale: row.locale === "ur" ? "ur" : "en",
    sessionId: "calendar-feed",
    ip: null,
    userAgent: null,
    requestId: null,
  };
}

/** The feed's text: hearings from 30 days back to a year ahead, not cancelled; null for an unknown token. */
export async function feedIcs(db: Database, token: string, baseUrl: string): Promise<string | null> {
  const actor = await feedOwner(db, token);
  if (!actor) return null;
  const today = courtDay();
  const rows = await listedHearingsQuery(db, actor, addDays(today, -30), addDays(today, 366))
    // the coming hearings first, then the past month, so a wide scope cuts the past, never what is ahead
    .orderBy(sql`h.hearing_date >= ${today}::date`, "desc")
    .orderBy("h.hearing_date")
    .limit(2000)
    .execute();
  await db
    .updateTable("calendar_feeds")
    .set({ last_read_at: new Date() })
    .where("token_hash", "=", hashToken(token))
    .execute();
  const events = rows.map((h) => {
    const number = displayNumber(h);
    const seat = h.bench_name_en ? `${h.court_name_en}, ${h.bench_name_en}` : h.court_name_en;
    const outcome = h.outcome ? ` — ${h.outcome.replace("_", " ")}` : "";
    return {
      uid: `hearing-${h.id}@cams`,
      date: h.hearing_date,
      time: h.hearing_time,
      summary: `${number}${h.purpose ? `: ${h.purpose}` : ""}${outcome}`,
      description: [
        h.case_title,
        h.serial ? `Item ${h.serial} in the cause list` : "",
        h.coram ? `Coram: ${h.coram}` : "",
      ]
        .filter(Boolean)
        .join("\n"),
      location: seat,
      url: `${baseUrl}/cases/${h.case_id}?tab=hearings`,
      stamp: h.updated_at,
    };
  });
  return icsCalendar(`CAMS hearings and deadlines — ${actor.fullName}`, [
    ...events,
    ...(await deadlineEvents(db, actor, today, baseUrl)),
  ]);
}

/**
 * The actor's open deadlines as all-day events: the internal due date (when the work must be ready) and the
 * last day in law, each naming the other.
 */
async function deadlineEvents(db: Database, actor: Actor, today: string, baseUrl: string) {
  const rows = await deadlineQuery(db, actor)
    .where("d.state", "=", "open")
    .where("d.legal_due_on", ">=", addDays(today, -30))
    .where("d.internal_due_on", "<=", addDays(today, 366))
    .orderBy("d.internal_due_on")
    .limit(1000)
    .execute();
  return rows.flatMap((d) => {
    const number = displayNumber(d);
    const common = {
      time: null,
      description: `${d.case_title}\nLast day in law: ${d.legal_due_on}; internal due date: ${d.internal_due_on}`,
      location: "",
      url: `${baseUrl}/cases/${d.case_id}?tab=deadlines`,
      stamp: new Date(d.updated_at),
    };
    return [
      {
        ...common,
        uid: `deadline-${d.id}-internal@cams`,
        date: d.internal_due_on,
        summary: `Due (internal): ${d.title} — ${number}`,
      },
      {
        ...common,
        uid: `deadline-${d.id}-legal@cams`,
        date: d.legal_due_on,
        summary: `LAST DAY: ${d.title} — ${number}`,
      },
    ];
  });
}
