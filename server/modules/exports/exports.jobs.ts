import { sql } from "kysely";
import type { Database } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import { activeActor } from "../../platform/actor.load.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { problems } from "../../platform/errors.ts";
import type { ScheduledJob } from "../../platform/jobs.ts";
import { type BlobStorage, sha256Hex } from "../../platform/storage/storage.ts";
import { expireExports, exportExpired, lockBlob } from "./exports.expiry.ts";
import { type ExportFilters, type ExportFormat, exportFileName, renderExport } from "./exports.service.ts";

/**
 * Export jobs: a row in export_jobs is the job (who asked, the format and filters, progress); the pg-boss
 * schedule below wakes every minute and claims queued rows with SKIP LOCKED, so each runs once however many
 * processes run. A job whose process died (no progress for 5 minutes) is claimed again and starts over.
 */
const jobColumns = [
  "id",
  "state",
  "format",
  "rows_done",
  "rows_total",
  "file_name",
  "created_at",
  "finished_at",
  "expired_at",
  "error",
] as const;

type JobRow = {
  id: string;
  state: string;
  format: string;
  rows_done: number;
  rows_total: number | null;
  file_name: string;
  created_at: Date;
  finished_at: Date | null;
  expired_at: Date | null;
  error: string | null;
};

export function presentJob(r: JobRow) {
  return {
    id: r.id,
    state: r.state as "queued" | "running" | "done" | "failed" | "expired",
    format: r.format as ExportFormat,
    rowsDone: r.rows_done,
    rowsTotal: r.rows_total,
    fileName: r.file_name,
    createdAt: r.created_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
    expiredAt: r.expired_at?.toISOString() ?? null,
    error: r.error,
  };
}

export async function createExportJob(
  db: Database,
  actor: Actor,
  format: ExportFormat,
  filters: ExportFilters,
  rowsTotal: number | null,
) {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto("export_jobs")
      .values({
        user_id: actor.userId,
        format,
        filters: JSON.stringify(filters),
        rows_total: rowsTotal,
        file_name: exportFileName(format),
      })
      .returning(jobColumns)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "export.created",
      entityType: "export_job",
      entityId: row.id,
      organisationId: actor.organisationId,
      changes: { format, filters, background: true },
    });
    return presentJob(row);
  });
}

/** A job of this user; someone else's answers 404, as an unknown id. */
export async function findJob(db: Database, actor: Actor, id: string) {
  const row = await db
    .selectFrom("export_jobs")
    .select([...jobColumns, "blob_sha256"])
    .where("id", "=", id)
    .where("user_id", "=", actor.userId)
    .executeTakeFirst();
  if (!row) throw problems.notFound("export");
  return row;
}

export async function listJobs(db: Database, actor: Actor) {
  const rows = await db
    .selectFrom("export_jobs")
    .select(jobColumns)
    .where("user_id", "=", actor.userId)
    .orderBy("created_at", "desc")
    .limit(50)
    .execute();
  return rows.map(presentJob);
}

export async function downloadJob(db: Database, storage: BlobStorage, actor: Actor, id: string) {
  const job = await findJob(db, actor, id);
  if (job.state === "expired") throw exportExpired();
  if (job.state !== "done" || !job.blob_sha256)
    throw problems.conflict("export_not_ready", "This export is not finished yet.", { state: job.state });
  // an expiry whose commit failed after deleting the file leaves a done job without it: gone all the same
  if (!(await storage.has(job.blob_sha256))) throw exportExpired();
  const file = await storage.get(job.blob_sha256);
  await inTransaction(db, (trx) =>
    recordAudit(trx, actor, {
      action: "export.downloaded",
      entityType: "export_job",
      entityId: job.id,
      organisationId: actor.organisationId,
      changes: { format: job.format },
    }),
  );
  return { file, fileName: job.file_name, format: job.format as ExportFormat };
}

async function claimNext(db: Database) {
  const result = await sql<{ id: string; user_id: string; format: ExportFormat; filters: ExportFilters }>`
    update export_jobs set state = 'running', heartbeat_at = now(), rows_done = 0, error = null
    where id = (
      select id from export_jobs
      where state = 'queued' or (state = 'running' and heartbeat_at < now() - interval '5 minutes')
      order by created_at limit 1 for update skip locked)
    returning id, user_id, format, filters`.execute(db);
  return result.rows[0] ?? null;
}

/** Runs queued exports until none is left; returns how many ran. */
export async function runQueuedExports(db: Database, storage: BlobStorage): Promise<number> {
  let ran = 0;
  for (let job = await claimNext(db); job; job = await claimNext(db)) {
    ran += 1;
    const id = job.id;
    try {
      const actor = await activeActor(db, job.user_id, "export-job");
      if (!actor) throw new Error("the user who asked is no longer active");
      const { file, rows } = await renderExport(db, actor, job.format, job.filters, async (done) => {
        await db
          .updateTable("export_jobs")
          .set({ rows_done: done, heartbeat_at: new Date() })
          .where("id", "=", id)
          .execute();
      });
      const sha = sha256Hex(file);
      // under the file's lock, so an expiry deleting an identical older file cannot interleave (exports.expiry)
      await inTransaction(db, async (trx) => {
        await lockBlob(trx, sha);
        await storage.put(sha, file);
        await trx
          .updateTable("export_jobs")
          .set({
            state: "done",
            rows_done: rows,
            rows_total: rows,
            blob_sha256: sha,
            finished_at: new Date(),
          })
          .where("id", "=", id)
          .execute();
      });
    } catch (error) {
      await db
        .updateTable("export_jobs")
        .set({ state: "failed", error: String((error as Error).message ?? error), finished_at: new Date() })
        .where("id", "=", id)
        .execute();
    }
  }
  return ran;
}

export function exportJobs(db: Database, storage: BlobStorage, keepDays: number): ScheduledJob[] {
  return [
    { name: "exports-run", cron: "* * * * *", run: () => runQueuedExports(db, storage) },
    // hourly: a file lives at most an hour past its keep days, and a process down at one hour catches up
    { name: "exports-expire", cron: "40 * * * *", run: () => expireExports(db, storage, keepDays) },
  ];
}
