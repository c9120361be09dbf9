import { type Kysely, sql } from "kysely";

/**
 * Export files expire (issue 6 item 3): a finished job's file is deleted CAMS_EXPORT_KEEP_DAYS after it was
 * made and the job marked `expired`, so exported case data does not pile up on the server. `expired_at` says
 * when; the index finds the done jobs old enough without reading the others.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table export_jobs drop constraint export_jobs_state_check;
    alter table export_jobs add constraint export_jobs_state_check
      check (state in ('queued', 'running', 'done', 'failed', 'expired'));
    alter table export_jobs add column expired_at timestamptz;
    create index export_jobs_done on export_jobs (finished_at) where state = 'done';
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Restore from backup instead of reverting 0024_export_expiry.");
}
