import { sql } from "kysely";
import { AGE_BUCKETS } from "../../../common/schemas/cases.ts";
import type { Dashboard } from "../../../common/schemas/dashboard.ts";
import { ADJOURNMENT_SIDES } from "../../../common/schemas/hearings.ts";
import type { Database } from "../../db/connection.ts";
import { type Actor, hasRole } from "../../platform/actor.ts";
import { addDays, courtDay } from "../../platform/clock.ts";
import { problems } from "../../platform/errors.ts";
import { caseQuery } from "../cases/cases.repo.ts";
import { ageBucketSql, type CaseFilters, decidedMonthSql, filterCases } from "../cases/cases.search.ts";

/**
 * The executive and organisation dashboards (issue 6 items 1, 2). Every figure counts cases through the case
 * list's own scope and filters (caseQuery + filterCases), and carries those filters as its drill-down, so the
 * list a figure opens has exactly the figure's size. MLA requests live in their own tables and never enter.
 */
export async function getDashboard(
  db: Database,
  actor: Actor,
  input: { organisationId?: string | undefined },
): Promise<Dashboard> {
  const today = courtDay();
  const organisation = input.organisationId
    ? await organisationInScope(db, actor, input.organisationId)
    : null;
  // A law office's cases are those assigned to its officers; a ministry's are its own.
  const base: CaseFilters = organisation
    ? organisation.kind === "law_office"
      ? { officeId: organisation.id }
      : { organisationId: organisation.id }
    : {};
  const cases = (extra: CaseFilters = {}) =>
    filterCases(caseQuery(db, actor), actor, { ...base, ...extra }, today);
  const drill = (extra: CaseFilters) => toDrill({ ...base, ...extra });
  const countOf = async (extra: CaseFilters) => {
    const row = await cases(extra)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return { count: Number(row.n), drill: drill(extra) };
  };
  const pending = { status: "pending" } as const;
  const bucket = ageBucketSql(today);
  const weekEnd = addDays(today, 6);
  const firstMonth = `${addMonths(today.slice(0, 7), -11)}-01`;

  const [total, byOrg, byCourt, heat, disposed, hearingDays, hearingTotal] = await Promise.all([
    countOf(pending),
    cases(pending)
      .select([
        "o.id",
        "o.code",
        "o.name_en",
        "o.name_ur",
        (eb) => eb.fn.countAll<number>().as("n"),
        sql<string>`coalesce(sum(c.amount_involved), 0)::text`.as("amount"),
      ])
      .groupBy(["o.id", "o.code", "o.name_en", "o.name_ur"])
      .orderBy("n", "desc")
      .execute(),
    cases(pending)
      .select(["ct.id", "ct.code", "ct.name_en", "ct.name_ur", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy(["ct.id", "ct.code", "ct.name_en", "ct.name_ur"])
      .orderBy("n", "desc")
      .execute(),
    cases(pending)
      .select(["c.court_id", bucket.as("bucket"), (eb) => eb.fn.countAll<number>().as("n")])
      // by the output column: the bucket expression carries a parameter, so a repeated one would not match
      .groupBy(["c.court_id", sql`bucket`])
      .execute(),
    cases()
      .where("c.status", "<>", "pending")
      .where("c.decided_on", ">=", firstMonth)
      .select([
        decidedMonthSql.as("month"),
        (eb) => eb.fn.countAll<number>().as("n"),
        sql<number>`count(*) filter (where c.government_result = 'in_favour')`.as("won"),
      ])
      .groupBy(decidedMonthSql)
      .execute(),
    // Distinct cases per day: the day's drill-down lists cases with a hearing that day.
    cases()
      .innerJoin("hearings as h", "h.case_id", "c.id")
      .where("h.state", "=", "scheduled")
      .where("h.hearing_date", ">=", today)
      .where("h.hearing_date", "<=", weekEnd)
      .select(["h.hearing_date", sql<number>`count(distinct c.id)`.as("n")])
      .groupBy("h.hearing_date")
      .execute(),
    countOf({ hearingFrom: today, hearingTo: weekEnd }),
  ]);

  const [overdueTasks, overdueDeadlines, timeBarred, stale, sides, reasons, workload] = await Promise.all([
    countOf({ attention: "overdueTask" }),
    countOf({ attention: "overdueDeadline" }),
    countOf({ attention: "timeBarred" }),
    countOf({ attention: "stale" }),
    cases()
      .innerJoin("hearings as h", "h.case_id", "c.id")
      .where("h.outcome", "=", "adjourned")
      .where("h.adjourned_at_request_of", "is not", null)
      .select(["h.adjourned_at_request_of as side", sql<number>`count(distinct c.id)`.as("n")])
      .groupBy("h.adjourned_at_request_of")
      .execute(),
    cases()
      .innerJoin("hearings as h", "h.case_id", "c.id")
      .where("h.outcome", "=", "adjourned")
      .where(sql`btrim(h.adjournment_reason)`, "<>", "")
      .select([
        sql<string>`btrim(h.adjournment_reason)`.as("reason"),
        sql<number>`count(distinct c.id)`.as("n"),
      ])
      .groupBy(sql`btrim(h.adjournment_reason)`)
      .orderBy("n", "desc")
      .orderBy("reason")
      .limit(10)
      .execute(),
    cases(pending)
      .where("c.assigned_officer_id", "is not", null)
      .select(["off.id", "off.full_name", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy(["off.id", "off.full_name"])
      .orderBy("n", "desc")
      .orderBy("off.full_name")
      .limit(20)
      .execute(),
  ]);

  const orgRef = (r: { id: string; code: string; name_en: string; name_ur: string }) => ({
    id: r.id,
    code: r.code,
    nameEn: r.name_en,
    nameUr: r.name_ur,
  });
  const byMonth = new Map(disposed.map((d) => [d.month, d]));
  const months = Array.from({ length: 12 }, (_, i) => addMonths(firstMonth.slice(0, 7), i));
  const byDay = new Map(hearingDays.map((h) => [h.hearing_date, Number(h.n)]));
  const bySide = new Map(sides.map((s) => [s.side, Number(s.n)]));
  const exposure = byOrg
    .map((r) => ({
      organisation: orgRef(r),
      amount: r.amount,
      count: Number(r.n),
      drill: drill({ ...pending, organisationId: r.id }),
    }))
    .filter((r) => Number(r.amount) > 0)
    .sort((a, b) => Number(b.amount) - Number(a.amount));

  return {
    asOf: today,
    freshness: { countedAt: null, everyMinutes: 0 },
    organisation: organisation ? { ...orgRef(organisation), kind: organisation.kind } : null,
    pendency: {
      total,
      byOrganisation: byOrg.map((r) => ({
        organisation: orgRef(r),
        count: Number(r.n),
        drill: drill({ ...pending, organisationId: r.id }),
      })),
      byCourt: byCourt.map((r) => ({
        court: orgRef(r),
        count: Number(r.n),
        drill: drill({ ...pending, courtId: r.id }),
      })),
      byAge: AGE_BUCKETS.map((b) => {
        const n = heat.filter((h) => h.bucket === b).reduce((sum, h) => sum + Number(h.n), 0);
        return { bucket: b, count: n, drill: drill({ ...pending, ageBucket: b }) };
      }),
      heatmap: heat.map((h) => ({
        courtId: h.court_id,
        bucket: h.bucket as (typeof AGE_BUCKETS)[number],
        count: Number(h.n),
        drill: drill({
          ...pending,
          courtId: h.court_id,
          ageBucket: h.bucket as (typeof AGE_BUCKETS)[number],
        }),
      })),
    },
    exposure: {
      total: sumDecimal(exposure.map((e) => e.amount)),
      byOrganisation: exposure,
    },
    disposal: months.map((month) => {
      const row = byMonth.get(month);
      const n = Number(row?.n ?? 0);
      const won = Number(row?.won ?? 0);
      return {
        month,
        disposed: { count: n, drill: drill({ decidedMonth: month }) },
        inFavour: { count: won, drill: drill({ decidedMonth: month, result: "in_favour" }) },
        successRate: n > 0 ? won / n : null,
      };
    }),
    hearings: {
      total: hearingTotal,
      byDay: Array.from({ length: 7 }, (_, i) => {
        const date = addDays(today, i);
        return { date, count: byDay.get(date) ?? 0, drill: drill({ hearingFrom: date, hearingTo: date }) };
      }),
    },
    overdueTasks,
    overdueDeadlines,
    timeBarred,
    stale,
    delays: {
      bySide: ADJOURNMENT_SIDES.map((side) => ({
        side,
        count: bySide.get(side) ?? 0,
        drill: drill({ adjournedBy: side }),
      })),
      byReason: reasons.map((r) => ({
        reason: r.reason,
        count: Number(r.n),
        drill: drill({ adjournmentReason: r.reason }),
      })),
    },
    workload: workload.map((w) => ({
      officer: { id: w.id ?? "", fullName: w.full_name ?? "" },
      count: Number(w.n),
      drill: drill({ ...pending, assignedTo: w.id ?? "" }),
    })),
  };
}

/**
 * The organisation of an organisation dashboard, if the reader may see it: the Law Ministry any, everyone else
 * only their own. Out of scope answers 404, as unknown does — the rule of every other read.
 */
async function organisationInScope(db: Database, actor: Actor, id: string) {
  if (!hasRole(actor, "law_ministry") && id !== actor.organisationId) throw problems.notFound("organisation");
  const org = await db
    .selectFrom("organisations")
    .select(["id", "code", "name_en", "name_ur", "kind"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!org) throw problems.notFound("organisation");
  return org;
}

function toDrill(f: CaseFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== null) out[k] = String(v);
  return out;
}

/** "YYYY-MM" plus whole months. */
function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
}

/** Exact sum of decimal strings (two places at most), so large exposures keep their paisa. */
function sumDecimal(values: string[]): string {
  const cents = values.reduce((s, v) => {
    const [whole = "0", frac = ""] = v.split(".");
    return s + BigInt(whole) * 100n + BigInt(frac.padEnd(2, "0").slice(0, 2));
  }, 0n);
  return `${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`;
}
