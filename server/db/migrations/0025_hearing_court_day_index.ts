import { type Kysely, sql } from "kysely";

/**
 * A court's cause list for a day found its cases through the date index (0010), reading every court's
 * hearings that day and keeping one court's: 128 ms at 1,000,000 cases, where some 30,000 hearings share a day.
 * By court and date, with the case id in the index, it reads only that court's: 3 ms (BENCHMARKS.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index hearings_court_day_idx on hearings (court_id, hearing_date) include (case_id)
    where state <> 'cancelled'`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Restore from backup instead of reverting 0025_hearing_court_day_index.");
}
