import { type Kysely, sql } from "kysely";

/**
 * Each search row gains its case's organisation as the lexeme `org:<uuid>` (cases.repo.ts, ORGANISATION_LEXEME),
 * so a ministry searching a common name intersects its own cases inside the GIN index instead of visiting every
 * match in every ministry: 260 ms → 26 ms for a focal person at 1,000,000 cases. The index is dropped and built
 * again rather than updated row by row: about a minute at a million rows, during which search waits.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index case_search_vector_idx;
    update case_search s
      set search_vector = s.search_vector || array_to_tsvector(array['org:' || c.organisation_id::text])
      from cases c where c.id = s.case_id;
    create index case_search_vector_idx on case_search using gin (search_vector);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Restore from backup instead of reverting 0027_search_organisation.");
}
