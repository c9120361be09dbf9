import { sql } from "kysely";
import type { CaseListQuery } from "../../../common/schemas/cases.ts";
import type { Database } from "../../db/connection.ts";
import type { Actor } from "../../platform/actor.ts";
import { courtDay } from "../../platform/clock.ts";
import { presentSummary } from "./cases.present.ts";
import { caseQuery, summaryColumns } from "./cases.repo.ts";
import { rankedPage, SEARCH_LIMITS, type SearchLimits, textSearch } from "./cases.text.ts";

const FLAG_COLUMNS = {
  contempt: "c.is_contempt",
  constitutional: "c.is_constitutional",
  taxRecovery: "c.is_tax_recovery",
  confidential: "c.is_confidential",
} as const;

type CaseQuery = ReturnType<typeof caseQuery>;
export type CaseFilters = Omit<CaseListQuery, "q" | "page" | "pageSize">;

/** Age since filed, in the buckets of AGE_BUCKETS; a case without a filing date counts from its year. */
export const ageBucketSql = (today: string) => sql<string>`case
  when coalesce(c.filed_on, make_date(c.year, 1, 1)) > ${today}::date - interval '1 year' then 'lt1'
  when coalesce(c.filed_on, make_date(c.year, 1, 1)) > ${today}::date - interval '3 years' then '1to3'
  when coalesce(c.filed_on, make_date(c.year, 1, 1)) > ${today}::date - interval '5 years' then '3to5'
  when coalesce(c.filed_on, make_date(c.year, 1, 1)) > ${today}::date - interval '10 years' then '5to10'
  else 'gt10' end`;

/** The month a case was disposed of (YYYY-MM), for cases no longer pending that carry a decision date. */
export const decidedMonthSql = sql<string>`to_char(c.decided_on, 'YYYY-MM')`;

/** The stale flag shows while no update followed it (ARCHITECTURE "Stale cases"). */
const staleSql = sql<boolean>`c.stale_flagged_at is not null and c.stale_flagged_at >= c.updated_at`;

/**
 * The list's filters as predicates on the scoped case query. The dashboard counts through this same function,
 * so a figure and the list it drills down to are computed by one predicate. `today` is the courts' day.
 */
export function filterCases(query: CaseQuery, actor: Actor, f: CaseFilters, today: string): CaseQuery {
  if (f.organisationId) query = query.where("c.organisation_id", "=", f.organisationId);
  if (f.courtId) query = query.where("c.court_id", "=", f.courtId);
  if (f.caseTypeId) query = query.where("c.case_type_id", "=", f.caseTypeId);
  if (f.status) query = query.where("c.status", "=", f.status);
  if (f.year) query = query.where("c.year", "=", f.year);
  if (f.flag) query = query.where(FLAG_COLUMNS[f.flag], "=", true);
  if (f.assignedTo === "me") query = query.where("c.assigned_officer_id", "=", actor.userId);
  else if (f.assignedTo === "unassigned") query = query.where("c.assigned_officer_id", "is", null);
  else if (f.assignedTo) query = query.where("c.assigned_officer_id", "=", f.assignedTo);
  if (f.officeId) query = query.where("off.organisation_id", "=", f.officeId);
  if (f.ageBucket) query = query.where(ageBucketSql(today), "=", f.ageBucket);
  if (f.decidedMonth) {
    query = query.where("c.status", "<>", "pending").where(decidedMonthSql, "=", f.decidedMonth);
  }
  if (f.result) query = query.where("c.government_result", "=", f.result);
  if (f.hearingFrom || f.hearingTo) {
    const from = f.hearingFrom ?? "1947-01-01";
    const to = f.hearingTo ?? "2100-12-31";
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("hearings as h")
          .select("h.id")
          .whereRef("h.case_id", "=", "c.id")
          .where("h.state", "=", "scheduled")
          .where("h.hearing_date", ">=", from)
          .where("h.hearing_date", "<=", to),
      ),
    );
  }
  if (f.adjournedBy || f.adjournmentReason) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("hearings as h")
          .select("h.id")
          .whereRef("h.case_id", "=", "c.id")
          .where("h.outcome", "=", "adjourned")
          .$if(!!f.adjournedBy, (q) => q.where("h.adjourned_at_request_of", "=", f.adjournedBy ?? ""))
          .$if(!!f.adjournmentReason, (q) =>
            q.where(sql`btrim(h.adjournment_reason)`, "=", f.adjournmentReason ?? ""),
          ),
      ),
    );
  }
  if (f.attention === "stale") query = query.where(staleSql);
  else if (f.attention === "overdueTask") {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("tasks as tk")
          .select("tk.id")
          .whereRef("tk.case_id", "=", "c.id")
          .where("tk.state", "in", ["open", "in_progress"])
          .where("tk.due_on", "<", today),
      ),
    );
  } else if (f.attention === "overdueDeadline") {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("deadlines as d")
          .select("d.id")
          .whereRef("d.case_id", "=", "c.id")
          .where("d.state", "=", "open")
          .where("d.internal_due_on", "<", today),
      ),
    );
  } else if (f.attention === "timeBarred") {
    // An appeal deadline settles as met when the case is marked appealed and cancelled when the decision no
    // longer stands or the case closes; one still open (or marked missed) after its legal date is time-barred.
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("deadlines as d")
          .select("d.id")
          .whereRef("d.case_id", "=", "c.id")
          .where("d.kind", "=", "appeal")
          .where("d.state", "in", ["open", "missed"])
          .where("d.legal_due_on", "<", today),
      ),
    );
  }
  return query;
}

/**
 * The case list: the actor's scope, the filters and the free text (cases.text.ts). Results by relevance when
 * searching words, else most recently updated first.
 */
export async function listCases(
  db: Database,
  actor: Actor,
  f: CaseListQuery,
  limits: SearchLimits = SEARCH_LIMITS,
) {
  const scoped = filterCases(caseQuery(db, actor), actor, f, courtDay());
  const search = await textSearch(db, actor, scoped, f.q, limits);
  if (search.kind === "words") return rankedPage(search, f, limits);
  const { query } = search;
  // The count stops past `countCap`: counting all of a court's 200,000 pending cases would cost far more
  // than the page (the dashboard's pre-count gives such totals).
  const [{ total }, rows] = await Promise.all([
    db
      .selectFrom(
        query
          .select(sql`1`.as("one"))
          .limit(limits.countCap + 1)
          .as("m"),
      )
      .select((eb) => eb.fn.countAll<number>().as("total"))
      .executeTakeFirstOrThrow(),
    query
      .select(summaryColumns)
      .orderBy("c.updated_at", "desc")
      .orderBy("c.id")
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
  ]);
  const items = rows.map(presentSummary);
  const count = Math.min(Number(total), limits.countCap);
  const totalCapped = Number(total) > limits.countCap;
  return { items, total: count, totalCapped, page: f.page, pageSize: f.pageSize };
}
