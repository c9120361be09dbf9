import { sql } from "kysely";
import type { Database } from "../../db/connection.ts";
import { inTransaction, type Trx } from "../../db/transaction.ts";
import { recordAudit } from "../../platform/audit.ts";
import { Problem } from "../../platform/errors.ts";
import type { BlobStorage } from "../../platform/storage/storage.ts";
import { SYSTEM } from "../tasks/tasks.escalation.ts";

/**
 * Export files do not stay on the server for ever (issue 6 item 3): a background job's file is deleted
 * CAMS_EXPORT_KEEP_DAYS after the job finished, the job marked `expired` (migration 0024) and the deletion
 * audited. Files are content-addressed, so two jobs (or a document) may share one: the file is deleted only
 * when nothing else still refers to it, and the check and the runner's "store then mark done" take the same
 * advisory lock on the file's hash, so a job finishing with identical bytes cannot lose its file mid-way.
 */
export const lockBlob = (trx: Trx, sha256: string) =>
  sql`select pg_advisory_xact_lock(hashtextextended(${`export-blob:${sha256}`}, 0))`.execute(trx);

/** Expires every done job finished before `now - keepDays`, one transaction each; returns how many. */
export async function expireExports(
  db: Database,
  storage: BlobStorage,
  keepDays: number,
  now = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - keepDays * 86_400_000);
  let expired = 0;
  while (await inTransaction(db, (trx) => expireOne(trx, storage, cutoff))) expired += 1;
  return expired;
}

async function expireOne(trx: Trx, storage: BlobStorage, cutoff: Date): Promise<boolean> {
  const found = await sql<{
    id: string;
    format: string;
    blob_sha256: string | null;
    finished_at: Date;
    organisation_id: string;
  }>`
    select j.id, j.format, j.blob_sha256, j.finished_at, u.organisation_id
    from export_jobs j join users u on u.id = j.user_id
    where j.state = 'done' and j.finished_at < ${cutoff}
    order by j.finished_at limit 1
    for update of j skip locked`.execute(trx);
  const job = found.rows[0];
  if (!job) return false;
  const sha = job.blob_sha256;
  if (sha) await lockBlob(trx, sha);
  await trx
    .updateTable("export_jobs")
    .set({ state: "expired", expired_at: new Date(), blob_sha256: null })
    .where("id", "=", job.id)
    .execute();
  const shared = sha ? await stillReferenced(trx, sha) : false;
  await recordAudit(trx, SYSTEM, {
    action: "export.expired",
    entityType: "export_job",
    entityId: job.id,
    organisationId: job.organisation_id,
    changes: {
      format: job.format,
      finishedAt: new Date(job.finished_at).toISOString(),
      sha256: sha,
      fileDeleted: !!sha && !shared,
    },
  });
  // Last, under the lock: if the commit then fails, the job still says done and its download answers 410
  // (downloadJob checks the file is there), never a half-deleted state that looks whole.
  if (sha && !shared) await storage.delete(sha);
  return true;
}

/** Another finished export, a document or an evidence file with the same bytes keeps the file. */
async function stillReferenced(trx: Trx, sha256: string): Promise<boolean> {
  const row = await sql<{ n: number }>`
    select (select count(*) from export_jobs where blob_sha256 = ${sha256} and state = 'done')
         + (select count(*) from blobs where sha256 = ${sha256}) as n`.execute(trx);
  return Number(row.rows[0]?.n ?? 0) > 0;
}

/** The answer to downloading an expired export. */
export function exportExpired() {
  return new Problem(
    410,
    "export_expired",
    "This export's file has expired and was deleted from the server; export the list again.",
    { title: "Gone" },
  );
}
