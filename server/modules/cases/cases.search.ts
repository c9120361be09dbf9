import { sql } from "kysely";
import { parseCaseNumber } from "../../../common/case-number.ts";
import type { CaseListQuery } from "../../../common/schemas/cases.ts";
import type { Database } from "../../db/connection.ts";
import type { Actor } from "../../platform/actor.ts";
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

/**
 * The case list: the actor's scope, the filters, and a query that is either a case number written any way
 * ("WP 1234/2025", "W.P. No. 1234 of 2025") — matched exactly on type, number and year — or free text,
 * matched by full-text search over number, title, subject and parties, with trigram similarity for misspelt
 * names. Results by relevance when searching, else most recently updated first.
 */
export async function listCases(db: Database, actor: Actor, f: CaseListQuery) {
  let query = caseQuery(db, actor);
  if (f.organisationId) query = query.where("c.organisation_id", "=", f.organisationId);
  if (f.courtId) query = query.where("c.court_id", "=", f.courtId);
  if (f.caseTypeId) query = query.where("c.case_type_id", "=", f.caseTypeId);
  if (f.status) query = query.where("c.status", "=", f.status);
  if (f.year) query = query.where("c.year", "=", f.year);
  if (f.flag) query = query.where(FLAG_COLUMNS[f.flag], "=", true);
  if (f.assignedTo === "me") query = query.where("c.assigned_officer_id", "=", actor.userId);
  else if (f.assignedTo === "unassigned") query = query.where("c.assigned_officer_id", "is", null);
  else if (f.assignedTo) query = query.where("c.assigned_officer_id", "=", f.assignedTo);

  let rank: ReturnType<typeof sql<number>> | null = null;
  const q = f.q?.trim();
  if (q) {
    const types = await caseTypeAliases(db);
    const parsed = parseCaseNumber(q, types);
    if (parsed) {
      const typeId = parsed.typeCode ? types.find((t) => t.code === parsed.typeCode)?.id : undefined;
      query = query
        .where("c.number", "=", parsed.number)
        .where("c.year", "=", parsed.year)
        .where("c.number_suffix", "=", parsed.suffix);
      if (typeId) query = query.where("c.case_type_id", "=", typeId);
    } else {
      const text = q.toLowerCase();
      // The matches and their text rank, found in case_search alone and joined to the cases once: joined row by
      // row, the planner re-ran the trigram match for every case (24 → 69 ms on the demo's 300 cases).
      const matches = db
        .selectFrom("case_search")
        .select([
          "case_id",
          sql<number>`ts_rank(search_vector, websearch_to_tsquery('simple', ${text}))
            + word_similarity(${text}, search_text)`.as("text_rank"),
        ])
        .where((eb) =>
          eb.or([
            sql<boolean>`search_vector @@ websearch_to_tsquery('simple', ${text})`,
            sql<boolean>`${text} <% search_text`,
          ]),
        )
        .as("s");
      query = query.innerJoin(matches, "s.case_id", "c.id");
      // Title matches rank above matches found only among the parties or the subject.
      rank = sql<number>`s.text_rank + word_similarity(${text}, lower(c.title))`;
    }
  }

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
