import { type Kysely, sql } from "kysely";

/**
 * The trigram match (`<%`, pg_trgm's word_similarity_op) costs about 0.1 ms a row on the embedded database, yet
 * the planner prices it like an integer comparison, so on a small or narrow table (case_search, 0018) it
 * scanned every row instead of using the trigram index: 24 ms against 3 ms for the demo's 300 cases. Pricing
 * it at 500 operator units lets the planner weigh it. Best effort: a role that does not own the extension's
 * functions keeps the default, and large tables choose the index anyway.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    do $$ begin
      alter function word_similarity_op(text, text) cost 500;
    exception when others then
      raise notice 'word_similarity_op keeps its default cost';
    end $$;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Restore from backup instead of reverting 0020_trigram_cost.");
}
