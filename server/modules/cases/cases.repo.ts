import { sql } from "kysely";
import type { Database } from "../../db/connection.ts";
import type { Trx } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { caseScope } from "./cases.policy.ts";

type Q = Database | Trx;

/** The joined columns every case view needs: the case, its court, bench, type, organisation and officer. */
export function caseQuery(q: Q, actor: Actor) {
  return q
    .selectFrom("cases as c")
    .innerJoin("courts as ct", "ct.id", "c.court_id")
    .leftJoin("benches as b", "b.id", "c.bench_id")
    .innerJoin("case_types as t", "t.id", "c.case_type_id")
    .innerJoin("organisations as o", "o.id", "c.organisation_id")
    .leftJoin("users as off", "off.id", "c.assigned_officer_id")
    .where(caseScope(actor));
}

export const summaryColumns = [
  "c.id",
  "c.organisation_id",
  "c.court_id",
  "c.bench_id",
  "c.case_type_id",
  "c.number",
  "c.number_suffix",
  "c.year",
  "c.title",
  "c.status",
  "c.stage",
  "c.category",
  "c.is_contempt",
  "c.is_constitutional",
  "c.is_tax_recovery",
  "c.is_confidential",
  "c.assigned_officer_id",
  "c.updated_at",
  "ct.code as court_code",
  "ct.name_en as court_name_en",
  "ct.name_ur as court_name_ur",
  "b.code as bench_code",
  "b.name_en as bench_name_en",
  "b.name_ur as bench_name_ur",
  "t.code as type_code",
  "t.abbreviation as type_abbreviation",
  "o.code as org_code",
  "o.name_en as org_name_en",
  "o.name_ur as org_name_ur",
  "off.full_name as officer_name",
] as const;

export const detailColumns = [
  ...summaryColumns,
  "c.subject",
  "c.amount_involved",
  "c.filed_on",
  "c.notice_received_on",
  "c.decided_on",
  "c.outcome",
  "c.government_result",
  "c.version",
  "c.created_at",
  "c.case_key",
  "c.stale_flagged_at",
] as const;

export function findVisibleCase(q: Q, actor: Actor, id: string) {
  return caseQuery(q, actor).select(detailColumns).where("c.id", "=", id).executeTakeFirst();
}
export type CaseRow = NonNullable<Awaited<ReturnType<typeof findVisibleCase>>>;

export function partiesOf(q: Q, caseId: string) {
  return q
    .selectFrom("case_parties as p")
    .leftJoin("organisations as o", "o.id", "p.organisation_id")
    .select([
      "p.id",
      "p.position",
      "p.side",
      "p.name",
      "p.organisation_id",
      "o.code",
      "o.name_en",
      "o.name_ur",
    ])
    .where("p.case_id", "=", caseId)
    .orderBy("p.position")
    .execute();
}

/** Links in both directions, showing only linked cases the actor may see. */
export async function linksOf(q: Q, actor: Actor, caseId: string) {
  const rows = await q
    .selectFrom("case_links as l")
    .select(["l.id", "l.kind", "l.case_id", "l.linked_case_id"])
    .where((eb) => eb.or([eb("l.case_id", "=", caseId), eb("l.linked_case_id", "=", caseId)]))
    .orderBy("l.created_at")
    .execute();
  const otherIds = rows.map((r) => (r.case_id === caseId ? r.linked_case_id : r.case_id));
  if (otherIds.length === 0) return [];
  const visible = await caseQuery(q, actor)
    .select([
      "c.id",
      "c.number",
      "c.number_suffix",
      "c.year",
      "c.title",
      "t.abbreviation as type_abbreviation",
    ])
    .where("c.id", "in", otherIds)
    .execute();
  const byId = new Map(visible.map((v) => [v.id, v]));
  return rows.flatMap((r) => {
    const outgoing = r.case_id === caseId;
    const other = byId.get(outgoing ? r.linked_case_id : r.case_id);
    return other ? [{ id: r.id, kind: r.kind, direction: outgoing ? "outgoing" : "incoming", other }] : [];
  });
}

export function assignmentsOf(q: Q, caseId: string) {
  return q
    .selectFrom("case_assignments as a")
    .innerJoin("users as o", "o.id", "a.officer_id")
    .innerJoin("users as by", "by.id", "a.assigned_by")
    .select([
      "a.id",
      "a.reason",
      "a.method",
      "a.assigned_at",
      "a.ended_at",
      "o.id as officer_id",
      "o.full_name as officer_name",
      "by.id as by_id",
      "by.full_name as by_name",
    ])
    .where("a.case_id", "=", caseId)
    .orderBy("a.assigned_at", "desc")
    .execute();
}

export function accessOf(q: Q, caseId: string) {
  return q
    .selectFrom("case_access as ca")
    .innerJoin("users as u", "u.id", "ca.user_id")
    .select(["u.id", "u.full_name"])
    .where("ca.case_id", "=", caseId)
    .orderBy("u.full_name")
    .execute();
}

export async function replaceParties(
  trx: Trx,
  caseId: string,
  parties: { side: string; name: string; organisationId?: string | null | undefined }[],
) {
  await trx.deleteFrom("case_parties").where("case_id", "=", caseId).execute();
  await trx
    .insertInto("case_parties")
    .values(
      parties.map((p, i) => ({
        case_id: caseId,
        position: i + 1,
        side: p.side,
        name: p.name,
        organisation_id: p.organisationId ?? null,
      })),
    )
    .execute();
}

/**
 * Rebuilds the case's search row (case_search, apart so that other case updates never touch its GIN index)
 * from the case and its parties — full text in the 'simple' configuration, which splits Urdu as well as
 * English — plus its organisation's lexeme (ORGANISATION_LEXEME), and adds its new words to the dictionary
 * misspelt words are looked up in (search_words, 0026).
 */
export async function refreshSearch(trx: Trx, caseId: string, displayNumber: string) {
  await sql`
    with row as (
      insert into case_search (case_id, search_vector)
      select c.id, to_tsvector('simple', ${displayNumber} || ' ' || c.title || ' ' || c.subject || ' ' ||
        coalesce((select string_agg(p.name, ' ' order by p.position) from case_parties p where p.case_id = c.id), ''))
        || ${ORGANISATION_LEXEME}
      from cases c where c.id = ${caseId}
      on conflict (case_id) do update set search_vector = excluded.search_vector
      returning search_vector
    )
    insert into search_words (word)
    select w.lexeme from row, unnest(row.search_vector) as w
    where ${DICTIONARY_WORD}
    on conflict do nothing
  `.execute(trx);
}

/**
 * Which indexed words the dictionary keeps (as 0026 filled it): three letters or more, no digits (Latin,
 * Urdu or Arabic-Indic) and no colon (the organisation lexeme).
 */
export const DICTIONARY_WORD = sql<boolean>`length(w.lexeme) between 3 and 60 and w.lexeme !~ '[0-9۰-۹٠-٩:]'`;

/**
 * The case's organisation as one verbatim lexeme, `org:<uuid>`, in its search row (0027), so a ministry's search
 * intersects its own cases inside the GIN index. Typed text never produces it: the parser splits at the colon.
 */
export const ORGANISATION_LEXEME = sql`array_to_tsvector(array['org:' || organisation_id::text])`;

/** The tsquery of an organisation's lexeme (a uuid needs no escaping inside the quotes). */
export const organisationQuery = (organisationId: string) => sql`${`'org:${organisationId}'`}::tsquery`;
