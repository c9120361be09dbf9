import { type Kysely, sql } from "kysely";

/**
 * The assignment ledger per batch (issue 3's bulk benchmark): a committed batch keeps its decisions as one JSON
 * array beside the inputs it already keeps, instead of one `assignment_decisions` row per case — 10,000 rows
 * with six foreign keys and two indexes were 1.45 s of a 4.3 s commit. Each assignment points at its batch
 * and its position in the array. Rows written before this migration stay where they are and still verify.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table assignment_batches add column decisions json;
    alter table case_assignments add column batch_id uuid references assignment_batches(id);
    alter table case_assignments add column batch_position int;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Restore from backup instead of reverting 0017_batch_ledger.");
}
