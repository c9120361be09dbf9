import { type Kysely, sql } from "kysely";

/**
 * Export jobs (issue 6 item 3): a case-list export too large to answer at once runs in the background as the
 * user who asked; the file is a blob (content-addressed, like documents) and only that user may download it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table export_jobs (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id),
      format text not null check (format in ('csv', 'xlsx', 'pdf')),
      filters jsonb not null,
      state text not null default 'queued' check (state in ('queued', 'running', 'done', 'failed')),
      rows_done integer not null default 0,
      rows_total integer,
      blob_sha256 text,
      file_name text not null,
      error text,
      created_at timestamptz not null default now(),
      heartbeat_at timestamptz,
      finished_at timestamptz
    );
    create index export_jobs_user on export_jobs (user_id, created_at desc);
    create index export_jobs_pending on export_jobs (created_at) where state in ('queued', 'running');
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Restore from backup instead of reverting 0021_exports.");
}
