import { type Kysely, sql } from "kysely";

/**
 * - A message being sent is claimed (`claimed_at`) in a short transaction and sent outside it, so no database
 *   connection waits on an SMTP server; a claim older than ten minutes lapses (retry, or its process died).
 * - Closures an administrator removed or re-keyed (court, first day, name) are remembered, so loading
 *   reference/court-calendars.json at the next start does not bring them back.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table mail_outbox add column claimed_at timestamptz;
    create table court_closure_removals (
      court_id uuid references courts(id),
      starts_on date not null,
      name_en text not null,
      removed_at timestamptz not null default now(),
      unique nulls not distinct (court_id, starts_on, name_en)
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Restore from backup instead of reverting 0011_outbox_claims_closure_removals.");
}
