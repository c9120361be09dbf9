import type { z } from "zod";
import type {
  CLASH_CODES,
  causeListQuery,
  ListedHearingDto,
  URGENCIES,
  upcomingQuery,
} from "../../../common/schemas/hearings.ts";
import { anyUuid } from "../../db/bulk.ts";
import type { Database } from "../../db/connection.ts";
import type { Actor } from "../../platform/actor.ts";
import { addDays, courtDay } from "../../platform/clock.ts";
import { displayNumber } from "../cases/cases.present.ts";
import { listedHearingsQuery, presentHearing } from "./hearings.repo.ts";

/**
 * Cause lists (DOMAIN.md §5): the hearings listed on a day — per law officer, per court or bench — and the
 * board of the coming days, each flagged where its officer is listed before two courts, twice at one time, or
 * more often than the daily limit. The list shows only hearings of cases the actor may see; the flags count
 * all of the officer's hearings that day, because a clash with a case the reader cannot see is still a clash.
 */
type Clash = (typeof CLASH_CODES)[number];
type Filters = { from: string; to: string; officerId?: string; courtId?: string; benchId?: string };
/** The most hearings one list holds (a day across every court); its export refuses a list this full. */
export const LISTED_LIMIT = 5000;

async function listed(
  db: Database,
  actor: Actor,
  f: Filters,
  dailyLimit: number,
): Promise<ListedHearingDto[]> {
  // The day's hearings first, by the date index; then their cases by primary key. In one query the planner
  // hashed all cases (a sequential scan: ~100 ms at 200,000) instead of looking up the few it needs.
  const PREFETCH = 20_000;
  const day = await db
    .selectFrom("hearings as h")
    .select("h.case_id")
    .distinct()
    .where("h.hearing_date", ">=", f.from)
    .where("h.hearing_date", "<", f.to)
    .where("h.state", "!=", "cancelled")
    .$if(Boolean(f.courtId), (q) => q.where("h.court_id", "=", f.courtId!))
    .$if(Boolean(f.benchId), (q) => q.where("h.bench_id", "=", f.benchId!))
    .limit(PREFETCH + 1)
    .execute();
  if (day.length === 0) return [];
  let q = listedHearingsQuery(db, actor, f.from, f.to);
  // (only the cases: filtering the hearings by id as well made the planner expect one row and loop). More
  // cases than that (a month across every court) go by the single query: slower, but nothing is dropped.
  if (day.length <= PREFETCH) q = q.where("c.id", "=", anyUuid(day.map((h) => h.case_id)));
  if (f.officerId) q = q.where("c.assigned_officer_id", "=", f.officerId);
  if (f.courtId) q = q.where("h.court_id", "=", f.courtId);
  if (f.benchId) q = q.where("h.bench_id", "=", f.benchId);
  const rows = await q
    .orderBy("h.hearing_date")
    .orderBy("ct.code")
    .orderBy("b.code")
    .orderBy("h.serial")
    .orderBy("h.hearing_time")
    .limit(LISTED_LIMIT)
    .execute();
  const clashes = await clashesOf(db, rows, dailyLimit);
  return rows.map((r) => ({
    ...presentHearing(r),
    case: { id: r.case_id, displayNumber: displayNumber(r), title: r.case_title },
    officer: r.assigned_officer_id ? { id: r.assigned_officer_id, fullName: r.officer_name ?? "" } : null,
    clashes: clashes.get(r.id) ?? [],
  }));
}

/** One officer's listed hearings on one day, as the clash flags need them. */
type OfficerDay = { hearings: number; seats: Set<string>; atTime: Map<string, number> };

/**
 * The clash flags of each listed hearing, from all of its officer's listed hearings on the same day, counted by
 * the database by officer, day, time and seat (at 1,000,000 cases a large court's day sends back 4,180 groups
 * instead of 10,590 hearings). Finding those hearings is the cost that remains: see BENCHMARKS.md, cause list.
 */
async function clashesOf(
  db: Database,
  rows: {
    id: string;
    hearing_date: string;
    hearing_time: string | null;
    assigned_officer_id: string | null;
  }[],
  dailyLimit: number,
): Promise<Map<string, Clash[]>> {
  const officers = [...new Set(rows.flatMap((r) => (r.assigned_officer_id ? [r.assigned_officer_id] : [])))];
  const dates = [...new Set(rows.map((r) => r.hearing_date))];
  if (officers.length === 0) return new Map();
  const groups = await db
    .selectFrom("hearings as h")
    .innerJoin("cases as c", "c.id", "h.case_id")
    .select(["c.assigned_officer_id", "h.hearing_date", "h.hearing_time", "h.court_id", "h.bench_id"])
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("c.assigned_officer_id", "in", officers)
    .where("h.hearing_date", "in", dates)
    .where("h.state", "!=", "cancelled")
    .groupBy(["c.assigned_officer_id", "h.hearing_date", "h.hearing_time", "h.court_id", "h.bench_id"])
    .execute();
  const days = new Map<string, OfficerDay>();
  for (const g of groups) {
    const key = `${g.assigned_officer_id}|${g.hearing_date}`;
    const day = days.get(key) ?? { hearings: 0, seats: new Set<string>(), atTime: new Map<string, number>() };
    days.set(key, day);
    const n = Number(g.n);
    day.hearings += n;
    day.seats.add(`${g.court_id}|${g.bench_id ?? ""}`);
    if (g.hearing_time) day.atTime.set(g.hearing_time, (day.atTime.get(g.hearing_time) ?? 0) + n);
  }
  const out = new Map<string, Clash[]>();
  for (const r of rows) {
    const day = days.get(`${r.assigned_officer_id}|${r.hearing_date}`);
    if (!day) continue;
    const flags: Clash[] = [];
    if (day.seats.size > 1) flags.push("two_courts");
    if (r.hearing_time && (day.atTime.get(r.hearing_time) ?? 0) > 1) flags.push("same_time");
    if (day.hearings > dailyLimit) flags.push("over_daily_limit");
    if (flags.length > 0) out.set(r.id, flags);
  }
  return out;
}

export async function causeList(
  db: Database,
  actor: Actor,
  query: z.infer<typeof causeListQuery>,
  dailyLimit: number,
) {
  const { date, ...filters } = query;
  const items = await listed(db, actor, { ...filters, from: date, to: addDays(date, 1) }, dailyLimit);
  return { date, dailyLimit, items };
}

/**
 * The filters in words, for the printed list's heading. The officer is named only from the list itself (the
 * reader sees their hearings), so an officer id from elsewhere does not reveal a name.
 */
export async function describeFilters(
  db: Database,
  query: z.infer<typeof causeListQuery>,
  items: readonly ListedHearingDto[],
): Promise<string> {
  const parts: string[] = [];
  if (query.courtId) {
    const court = await db
      .selectFrom("courts")
      .select("name_en")
      .where("id", "=", query.courtId)
      .executeTakeFirst();
    parts.push(court?.name_en ?? "unknown court");
  }
  if (query.benchId) {
    const bench = await db
      .selectFrom("benches")
      .select("name_en")
      .where("id", "=", query.benchId)
      .executeTakeFirst();
    parts.push(bench?.name_en ?? "unknown bench");
  }
  if (query.officerId) {
    const officer = items.find((h) => h.officer?.id === query.officerId)?.officer;
    parts.push(officer ? `law officer ${officer.fullName}` : "one law officer");
  }
  return parts.length > 0 ? parts.join(", ") : "all courts and officers";
}

const urgencyOf = (daysAway: number): (typeof URGENCIES)[number] =>
  daysAway === 0 ? "today" : daysAway === 1 ? "tomorrow" : daysAway <= 3 ? "soon" : "later";

/** The scheduled hearings of the coming days (today included), each with how many days away it is. */
export async function upcoming(
  db: Database,
  actor: Actor,
  query: z.infer<typeof upcomingQuery>,
  dailyLimit: number,
) {
  const from = courtDay();
  const items = await listed(
    db,
    actor,
    { from, to: addDays(from, query.days), officerId: query.officerId },
    dailyLimit,
  );
  const dayMs = 86_400_000;
  return {
    from,
    days: query.days,
    dailyLimit,
    items: items
      .filter((h) => h.state === "scheduled")
      .map((h) => {
        const daysAway = Math.round((Date.parse(h.date) - Date.parse(from)) / dayMs);
        return { ...h, daysAway, urgency: urgencyOf(daysAway) };
      }),
  };
}
