import { type Kysely, sql } from "kysely";

/**
 * A day's cause list reads held and scheduled hearings by date (`state <> 'cancelled'`); the partial index of
 * 0005 covers scheduled ones only, so the list scanned every hearing — 250 ms at a million (BENCHMARKS.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index hearings_listed_idx on hearings (hearing_date) where state <> 'cancelled'`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error("Restore from backup instead of reverting 0010_hearing_date_index.");
}
