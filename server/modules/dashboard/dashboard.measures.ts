import { sql } from "kysely";
import type { Database } from "../../db/connection.ts";
import type { Trx } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { addDays } from "../../platform/clock.ts";
import { caseQuery } from "../cases/cases.repo.ts";
import { ageBucketSql, type CaseFilters, decidedMonthSql, filterCases } from "../cases/cases.search.ts";

/**
 * The dashboard's figures as rows of (measure, key, organisation, office, court, cases, won, amount), counted
 * through the case list's own scope and filters (caseQuery + filterCases) — so a figure and the list it drills
 * down to are one predicate. The same queries fill the pre-counted table (for a census reader who sees every
 * non-confidential case) and count live (for one reader's confidential cases, or a reader whose scope the
 * pre-count cannot express). Rows are grouped by the case's organisation and its officer's law office, the two
 * dimensions scopes and organisation dashboards filter on; each case sits in one group, so distinct counts add
 * up across groups.
 */
export const MEASURES = [
  "pending", // key: age bucket; court set; amount = exposure
  "disposed", // key: month (YYYY-MM) of the last 12; won = in the government's favour
  "hearing", // key: a day of the next 7
  "hearingWeek", // cases with a hearing in the next 7 days
  "overdueTask",
  "overdueDeadline",
  "timeBarred",
  "stale",
  "adjournedBy", // key: the side that asked
  "adjournmentReason", // key: the reason as written, trimmed
  "workload", // key: the assigned officer's id; pending cases
  "status", // key: the case's status; court set — every case (the open statistics)
  "yearFiled", // key: the year filed, else the case number's year (the open statistics)
] as const;
export type Measure = (typeof MEASURES)[number];

export type FigureRow = {
  measure: Measure;
  key: string;
  organisation_id: string;
  office_id: string | null;
  court_id: string | null;
  cases: string | number;
  won: string | number;
  amount: string | number;
};

type Q = Database | Trx;

/** Who the pre-count counts for: every non-confidential case (the Law Ministry's scope) and no named one. */
export const CENSUS: Actor = {
  userId: "00000000-0000-0000-0000-000000000000",
  username: "case-figures",
  fullName: "Dashboard count",
  organisationId: "00000000-0000-0000-0000-000000000000",
  organisationKind: "law_ministry",
  roles: new Set(["law_ministry"]),
  locale: "en",
  sessionId: "case-figures",
  ip: null,
  userAgent: null,
  requestId: null,
};

/** "YYYY-MM" plus whole months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
}

/** The first day of the oldest of the 12 months the disposal chart shows. */
export const firstDisposalMonth = (today: string) => `${addMonths(today.slice(0, 7), -11)}-01`;

/**
 * One select per measure, each yielding FigureRow columns. `restrict` limits the cases to some ids (a reader's
 * confidential cases); `base` is an organisation dashboard's filter; the open statistics' two measures are
 * only pre-counted, never counted live.
 */
export function measureQueries(
  q: Q,
  actor: Actor,
  today: string,
  base: CaseFilters = {},
  restrict?: string[],
  withStatistics = true,
) {
  const cases = (extra: CaseFilters = {}) => {
    const scoped = caseQuery(q, actor);
    const within = restrict ? scoped.where("c.id", "=", sql<string>`any(${restrict}::uuid[])`) : scoped;
    return filterCases(within, actor, { ...base, ...extra }, today);
  };
  // measure, key, organisation, office — the first four columns, grouped by position
  const head = (measure: Measure, key: ReturnType<typeof sql<string>>) =>
    [
      sql<Measure>`${sql.lit(measure)}::text`.as("measure"),
      sql<string>`${key}::text`.as("key"),
      "c.organisation_id",
      sql<string | null>`off.organisation_id`.as("office_id"),
    ] as const;
  const noCourt = sql<string | null>`null::uuid`.as("court_id");
  const count = (distinct: boolean) =>
    (distinct ? sql<string>`count(distinct c.id)` : sql<string>`count(*)`).as("cases");
  const zero = [sql<string>`0::bigint`.as("won"), sql<string>`0::numeric`.as("amount")] as const;
  const byHead = sql`1, 2, 3, 4`;
  const flat = (measure: Measure, extra: CaseFilters) =>
    cases(extra)
      .select([...head(measure, sql`''`), noCourt, count(false), ...zero])
      .groupBy(byHead);
  const adjourned = () =>
    cases().innerJoin("hearings as h", "h.case_id", "c.id").where("h.outcome", "=", "adjourned");

  const dashboard = [
    cases({ status: "pending" })
      .select([
        ...head("pending", ageBucketSql(today)),
        "c.court_id",
        count(false),
        sql<string>`0::bigint`.as("won"),
        sql<string>`coalesce(sum(c.amount_involved), 0)::numeric`.as("amount"),
      ])
      .groupBy(sql`1, 2, 3, 4, 5`),
    cases()
      .where("c.status", "<>", "pending")
      .where("c.decided_on", ">=", firstDisposalMonth(today))
      .select([
        ...head("disposed", decidedMonthSql),
        noCourt,
        count(false),
        sql<string>`count(*) filter (where c.government_result = 'in_favour')`.as("won"),
        sql<string>`0::numeric`.as("amount"),
      ])
      .groupBy(byHead),
    cases()
      .innerJoin("hearings as h", "h.case_id", "c.id")
      .where("h.state", "=", "scheduled")
      .where("h.hearing_date", ">=", today)
      .where("h.hearing_date", "<=", addDays(today, 6))
      .select([...head("hearing", sql`h.hearing_date`), noCourt, count(true), ...zero])
      .groupBy(byHead),
    flat("hearingWeek", { hearingFrom: today, hearingTo: addDays(today, 6) }),
    flat("overdueTask", { attention: "overdueTask" }),
    flat("overdueDeadline", { attention: "overdueDeadline" }),
    flat("timeBarred", { attention: "timeBarred" }),
    flat("stale", { attention: "stale" }),
    adjourned()
      .where("h.adjourned_at_request_of", "is not", null)
      .select([...head("adjournedBy", sql`h.adjourned_at_request_of`), noCourt, count(true), ...zero])
      .groupBy(byHead),
    adjourned()
      .where(sql`btrim(h.adjournment_reason)`, "<>", "")
      .select([...head("adjournmentReason", sql`btrim(h.adjournment_reason)`), noCourt, count(true), ...zero])
      .groupBy(byHead),
    cases({ status: "pending" })
      .where("c.assigned_officer_id", "is not", null)
      .select([...head("workload", sql`c.assigned_officer_id`), noCourt, count(false), ...zero])
      .groupBy(byHead),
  ];
  if (!withStatistics) return dashboard;
  return [
    ...dashboard,
    cases()
      .select([...head("status", sql`c.status`), "c.court_id", count(false), ...zero])
      .groupBy(sql`1, 2, 3, 4, 5`),
    cases()
      .select([
        ...head("yearFiled", sql`coalesce(extract(year from c.filed_on)::int, c.year)`),
        noCourt,
        count(false),
        ...zero,
      ])
      .groupBy(byHead),
  ];
}

/** Counts every measure live for `actor` (each query on its own connection where the pool has them). */
export async function countLive(
  q: Q,
  actor: Actor,
  today: string,
  base: CaseFilters,
  restrict?: string[],
): Promise<FigureRow[]> {
  if (restrict && restrict.length === 0) return [];
  const results = await Promise.all(
    measureQueries(q, actor, today, base, restrict, false).map((query) => query.execute()),
  );
  return results.flat() as FigureRow[];
}
