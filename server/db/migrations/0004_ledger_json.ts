import { type Kysely, sql } from "kysely";

/**
 * The ledger's decision and facts as `json`, not `jsonb`: the ledger is written once, read whole for replay and
 * never searched inside, so the exact text is what it should keep — and `json` costs a validation on the way in
 * where `jsonb` costs a parse into its binary form (about half of a 10,000-case commit's ledger insert).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table assignment_decisions
      alter column inputs type json using inputs::json,
      alter column decision type json using decision::json;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Restore from backup instead of reverting 0004_ledger_json.");
}
