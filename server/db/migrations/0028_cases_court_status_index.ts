import { type Kysely, sql } from "kysely";

/**
 * The case list's commonest filter — a court's pending cases, most recently updated first — found its page by
 * walking every case in update order and its count by ANDing bitmaps of a court's years with every pending case
 * (600,000 at 1,000,000 cases): 150 ms and 84 ms for the Islamabad High Court's pending 2019 cases. By court,
 * status and year in update order, the page and the count read that court's matching cases alone: 17 ms for
 * both (BENCHMARKS.md, "HTTP load"). Without a year the page still walks the update order, where a court's
 * pending cases are dense.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index cases_court_status_idx on cases (court_id, status, year, updated_at desc, id)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error("Restore from backup instead of reverting 0028_cases_court_status_index.");
}
