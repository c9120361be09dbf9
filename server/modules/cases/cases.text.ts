import { type RawBuilder, sql } from "kysely";
import { parseCaseNumber } from "../../../common/case-number.ts";
import type { CaseListQuery } from "../../../common/schemas/cases.ts";
import type { Database } from "../../db/connection.ts";
import { type Actor, hasRole } from "../../platform/actor.ts";
import { presentSummary } from "./cases.present.ts";
import { type caseQuery, organisationQuery, summaryColumns } from "./cases.repo.ts";

type CaseQuery = ReturnType<typeof caseQuery>;

/**
 * How far a search reads. `searchCap`: matches a word search ranks at most; one that finds more says so
 * (`totalCapped`) and asks for narrowing. `fuzzyBelow`: misspelt words are looked up in the dictionary of
 * indexed words only when the words as typed find fewer cases than this. `countCap`: a plain list counts its
 * cases up to this many.
 */
export type SearchLimits = { searchCap: number; fuzzyBelow: number; countCap: number };
export const SEARCH_LIMITS: SearchLimits = { searchCap: 200, fuzzyBelow: 25, countCap: 5000 };

/** Spellings of a typed word the dictionary offers at most (by trigram similarity, closest first). */
const NEAR_SPELLINGS = 3;

/**
 * Words: the text as typed, the full-text query matched (the typed words, or each widened to its near spellings),
 * and the ids of up to `searchCap + 1` matches, found in no order.
 */
export type WordSearch = {
  kind: "words";
  query: CaseQuery;
  text: string;
  rankBy: RawBuilder<unknown>;
  ids: string[];
};
/** `filter`: the text narrowed the query by a predicate (a case number, or no word to look for). */
type TextSearch = { kind: "none" | "filter"; query: CaseQuery } | WordSearch;

export async function caseTypeAliases(db: Database) {
  return db.selectFrom("case_types").select(["id", "code", "abbreviation", "aliases"]).execute();
}

const typed = (text: string) => sql`websearch_to_tsquery('simple', ${text})`;
const matching = (tsquery: RawBuilder<unknown>) => sql<boolean>`s.search_vector @@ ${tsquery}`;

/** The reader's ministry, when its cases and those they are named on are all they may see (cases.policy.ts). */
function ownOrganisationOnly(actor: Actor): string | null {
  const wider = hasRole(actor, "law_ministry", "executive_viewer", "assigning_officer");
  return hasRole(actor, "focal_person", "nodal_officer") && !wider ? actor.organisationId : null;
}

/**
 * Up to `limit` ids of the query's cases whose search row matches `tsquery`, in no order, so the heap scan stops
 * early (the index's posting lists are still read whole). A ministry's reader gets two searches the indexes can
 * each narrow: its own cases, intersected with the words inside the GIN index through the organisation's
 * lexeme, and the few cases it is named on or assigned. As one search, a common name's 30,000 matches across
 * every ministry were each visited to keep its 200.
 */
async function idsMatching(actor: Actor, query: CaseQuery, tsquery: RawBuilder<unknown>, limit: number) {
  const find = async (q: CaseQuery, t: RawBuilder<unknown>) => {
    const rows = await q
      .innerJoin("case_search as s", "s.case_id", "c.id")
      .where(matching(t))
      .select("c.id")
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  };
  const organisation = ownOrganisationOnly(actor);
  if (!organisation) return find(query, tsquery);
  const personal = sql<boolean>`(c.assigned_officer_id = ${actor.userId}
    or c.id = any(array(select ca.case_id from case_access ca where ca.user_id = ${actor.userId})))`;
  const [own, named] = await Promise.all([
    // two conditions, not `tsquery && org`: ANDed with an empty tsquery, the org lexeme alone would match
    find(query.where(matching(organisationQuery(organisation))), tsquery),
    find(query.where(personal), tsquery),
  ]);
  return [...new Set([...own, ...named])].slice(0, limit);
}

/** Typed words widened at most; a longer text is searched as typed (each word costs a dictionary lookup). */
const WIDENED_WORDS = 8;

/**
 * Whether the text holds a word to look for. In websearch syntax "-word" excludes and "or" joins; punctuation
 * alone is no word. Without one the text would match nothing — or, negated only, nearly every case through a
 * scan of the whole index — so it matches nothing.
 */
const hasWordToFind = (text: string) =>
  text.split(/\s+/).some((t) => !t.startsWith("-") && t.toLowerCase() !== "or" && /[\p{L}\p{N}]/u.test(t));

/** Quotes, exclusions and "or" are kept as typed: widening rebuilds the query from its words alone. */
const plainWords = (text: string) => !/["]|(^|\s)-|\sor\s/i.test(text);

/** A lexeme quoted for to_tsquery (backslash escapes inside the quotes). */
const quoted = (word: string) => `'${word.replace(/[\\']/g, "\\$&")}'`;

/**
 * The text's words, each widened to the indexed words spelt most like it (search_words, 0026): "muhamad ather"
 * becomes ('muhamad' | 'muhammad' | 'muhammed') & ('ather' | 'athar'). Trigram similarity runs over the
 * dictionary's few thousand distinct words, not over a million cases' text — which cost seconds.
 */
async function respelt(db: Database, text: string): Promise<RawBuilder<unknown>> {
  const words = await sql<{ word: string; near: string[] }>`
    select t.word, array(
      select w.word from search_words w where w.word % t.word and w.word <> t.word
      order by similarity(w.word, t.word) desc, w.word limit ${NEAR_SPELLINGS}
    ) as near
    from (select u.word from unnest(tsvector_to_array(to_tsvector('simple', ${text}))) as u(word)
      limit ${WIDENED_WORDS + 1}) as t`.execute(db);
  if (words.rows.length === 0 || words.rows.length > WIDENED_WORDS) return typed(text);
  const query = words.rows.map((w) => `(${[w.word, ...w.near].map(quoted).join(" | ")})`).join(" & ");
  return sql`to_tsquery('simple', ${query})`;
}

/**
 * Free text narrowing a scoped case query: either a case number written any way ("WP 1234/2025", "W.P. No. 1234
 * of 2025") — matched exactly on type, number and year — or words, matched by full-text search over number,
 * title, subject and parties. When the words as typed find fewer than `fuzzyBelow` cases, each is widened to its
 * nearest spellings in the dictionary of indexed words, so a misspelt name still finds its case. The list and
 * the export share this, so an export with `q` holds the list's matches (all of them: it is not capped).
 */
export async function textSearch(
  db: Database,
  actor: Actor,
  query: CaseQuery,
  q: string | undefined,
  limits: SearchLimits,
): Promise<TextSearch> {
  const text = q?.trim();
  if (!text) return { kind: "none", query };
  const types = await caseTypeAliases(db);
  const parsed = parseCaseNumber(text, types);
  if (parsed) {
    const typeId = parsed.typeCode ? types.find((t) => t.code === parsed.typeCode)?.id : undefined;
    let byNumber = query
      .where("c.number", "=", parsed.number)
      .where("c.year", "=", parsed.year)
      .where("c.number_suffix", "=", parsed.suffix);
    if (typeId) byNumber = byNumber.where("c.case_type_id", "=", typeId);
    return { kind: "filter", query: byNumber };
  }
  if (!hasWordToFind(text)) return { kind: "filter", query: query.where(sql<boolean>`false`) };
  const lower = text.toLowerCase();
  const asTyped = typed(lower);
  const ids = await idsMatching(actor, query, asTyped, limits.searchCap + 1);
  if (ids.length >= limits.fuzzyBelow || !plainWords(lower))
    return { kind: "words", query, text: lower, rankBy: asTyped, ids };
  const widened = await respelt(db, lower);
  return {
    kind: "words",
    query,
    text: lower,
    rankBy: widened,
    ids: await idsMatching(actor, query, widened, limits.searchCap + 1),
  };
}

/** The scoped query narrowed to every case the text matches (the export's reading of `q`: not capped). */
export async function matchingCases(db: Database, actor: Actor, query: CaseQuery, q: string | undefined) {
  const search = await textSearch(db, actor, query, q, SEARCH_LIMITS);
  if (search.kind !== "words") return search.query;
  const match = matching(search.rankBy);
  return search.query.where("c.id", "in", db.selectFrom("case_search as s").select("s.case_id").where(match));
}

/**
 * A page of word matches by relevance. The candidates — at most `searchCap` of them, found in index order so the
 * heap scan stops early — are ranked here, so a common name costs the cap, not its every match: the words as typed
 * above their near spellings, then by text rank, a title holding the words above parties or subject alone.
 */
export async function rankedPage(search: WordSearch, f: CaseListQuery, limits: SearchLimits) {
  const candidates = search.ids.slice(0, limits.searchCap);
  const paging = { page: f.page, pageSize: f.pageSize, totalCapped: search.ids.length > limits.searchCap };
  if (candidates.length === 0) return { items: [], total: 0, ...paging };
  const rank = sql<number>`case when s.search_vector @@ ${typed(search.text)} then 2 else 0 end
    + ts_rank(s.search_vector, ${search.rankBy})
    + case when to_tsvector('simple', c.title) @@ ${search.rankBy} then 1 else 0 end`;
  const rows = await search.query
    .innerJoin("case_search as s", "s.case_id", "c.id")
    .where(sql<boolean>`c.id = any(${candidates}::uuid[])`)
    .select(summaryColumns)
    .orderBy(rank, "desc")
    .orderBy("c.updated_at", "desc")
    .orderBy("c.id")
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items: rows.map(presentSummary), total: candidates.length, ...paging };
}
