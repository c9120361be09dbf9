import { type Kysely, sql } from "kysely";

/**
 * Imports of a court's published cause list: the parsed rows and how each matched a case are kept from the
 * preview, so the commit creates exactly what was shown (and an import is committed once).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table hearing_imports (
      id uuid primary key default gen_random_uuid(),
      court_id uuid not null references courts(id),
      format text not null,
      file_name text not null default '',
      file_sha256 text not null,
      rows json not null,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      committed_by uuid references users(id),
      committed_at timestamptz,
      created_hearings int
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Restore from backup instead of reverting 0006_hearing_imports.");
}
