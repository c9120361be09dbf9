import { type RawBuilder, sql } from "kysely";
import { parseCaseNumber } from "../../../common/case-number.ts";
import type { CaseListQuery } from "../../../common/schemas/cases.ts";
import type { Database } from "../../db/connection.ts";
import type { Actor } from "../../platform/actor.ts";
import { courtDay } from "../../platform/clock.ts";
import { presentSummary } from "./cases.present.ts";
import { caseQuery, summaryColumns } from "./cases.repo.ts";

const FLAG_COLUMNS = {
  contempt: "c.is_contempt",
  constitutional: "c.is_constitutional",
  taxRecovery: "c.is_tax_recovery",
  confidential: "c.is_confidential",
} as const;

export async function caseTypeAliases(db: Database) {
  return db.selectFrom("case_types").select(["id", "code", "abbreviation", "aliases"]).execute();
}

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
 * Free text narrowing a scoped case query: either a case number written any way ("WP 1234/2025", "W.P. No. 1234
 * of 2025") — matched exactly on type, number and year — or words, matched by full-text search over number,
 * title, subject and parties, with trigram similarity for misspelt names. The list and the export share it, so
 * an export with `q` holds exactly the list's matches. `rank` (null for a case number or no text) is the
 * relevance the list orders by; the export keeps its own stable order instead.
 */
export async function searchCases(
  db: Database,
  query: CaseQuery,
  q: string | undefined,
): Promise<{ query: CaseQuery; rank: RawBuilder<number> | null }> {
  const text = q?.trim();
  if (!text) return { query, rank: null };
  const types = await caseTypeAliases(db);
  const parsed = parseCaseNumber(text, types);
  if (parsed) {
    const typeId = parsed.typeCode ? types.find((t) => t.code === parsed.typeCode)?.id : undefined;
    query = query
      .where("c.number", "=", parsed.number)
      .where("c.year", "=", parsed.year)
      .where("c.number_suffix", "=", parsed.suffix);
    if (typeId) query = query.where("c.case_type_id", "=", typeId);
    return { query, rank: null };
  }
  const lower = text.toLowerCase();
  // The matches and their text rank, found in case_search alone and joined to the cases once: joined row by
  // row, the planner re-ran the trigram match for every case (24 → 69 ms on the demo's 300 cases).
  const matches = db
    .selectFrom("case_search")
    .select([
      "case_id",
      sql<number>`ts_rank(search_vector, websearch_to_tsquery('simple', ${lower}))
        + word_similarity(${lower}, search_text)`.as("text_rank"),
    ])
    .where((eb) =>
      eb.or([
        sql<boolean>`search_vector @@ websearch_to_tsquery('simple', ${lower})`,
        sql<boolean>`${lower} <% search_text`,
      ]),
    )
    .as("s");
  return {
    query: query.innerJoin(matches, "s.case_id", "c.id"),
    // Title matches rank above matches found only among the parties or the subject.
    rank: sql<number>`s.text_rank + word_similarity(${lower}, lower(c.title))`,
  };
}

/**
 * The case list: the actor's scope, the filters and the free text (searchCases). Results by relevance when
 * searching words, else most recently updated first.
 */
export async function listCases(db: Database, actor: Actor, f: CaseListQuery) {
  const { query, rank } = await searchCases(db, filterCases(caseQuery(db, actor), actor, f, courtDay()), f.q);

  const page = (q: typeof query) =>
    q
      .select(summaryColumns)
      .orderBy("c.updated_at", "desc")
      .orderBy("c.id")
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize);
  const countAll = () => query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  if (rank) {
    // Ranking reads every match anyway, so the page counts them too (count(*) over ()): one pass of the text
    // match instead of two — the trigram match is the search's cost (24 ms over the demo's 300 cases on PGlite).
    const rows = await page(query.orderBy(rank, "desc"))
      .select(sql<number>`count(*) over ()`.as("match_count"))
      .execute();
    const total = rows[0] ? Number(rows[0].match_count) : f.page > 1 ? Number((await countAll()).total) : 0;
    return { items: rows.map(presentSummary), total, page: f.page, pageSize: f.pageSize };
  }
  // A plain list keeps its index-ordered page and counts apart (in parallel on PostgreSQL).
  const [{ total }, rows] = await Promise.all([countAll(), page(query).execute()]);
  return { items: rows.map(presentSummary), total: Number(total), page: f.page, pageSize: f.pageSize };
}
