import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { z } from "zod";
import type { Database } from "../server/db/connection.ts";
import { blobPath } from "../server/platform/storage/storage.ts";
import { CliError } from "./terminal.ts";

/** What `cams backup` writes and `cams restore` reads, and the database facts both record and compare. */
export const FORMAT = "cams-backup";
export const FORMAT_VERSION = 1;
export const MANIFEST = "manifest.json";
export const DATABASE = "database.tar.gz";
const COUNTED = ["users", "cases", "documents", "document_versions", "audit_events"] as const;
export const blobEntry = (sha256: string) => `blobs/${blobPath(sha256)}`;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().min(0);
export const manifestSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.number().int(),
  createdAt: z.iso.datetime(),
  camsVersion: z.string(),
  schemaMigration: z.string(),
  counts: z.record(z.string(), count),
  /** The chain's last row when the backup was taken: a restore must end on that same row. */
  auditHead: z.object({ events: count, lastHash: sha256 }),
  database: z.object({ bytes: count, sha256 }),
  blobs: z.array(z.object({ sha256, bytes: count })),
  /** Referred to by the database but already gone or corrupt in the store when the backup was taken. */
  missingBlobs: z.array(z.object({ sha256, reason: z.string() })),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

/** PGlite writes pg/postmaster.pid while a process has the database open and removes it on a clean close. */
export function refuseIfOpen(dataDir: string, doing: string): void {
  if (!fs.existsSync(path.join(dataDir, "pg", "postmaster.pid"))) return;
  throw new CliError(
    `refusing to ${doing}: the database in ${dataDir} is open (pg/postmaster.pid exists). Stop the CAMS server ` +
      "and any other cams command using it first. If none is running (it stopped without closing the " +
      "database), run `cams audit verify` once to open and close it cleanly, then try again.",
  );
}

export async function latestMigration(db: Database): Promise<string> {
  const { rows } = await sql<{ name: string }>`
    select name from schema_migrations order by name desc limit 1`.execute(db);
  return rows[0]?.name ?? "(none)";
}

export async function countRows(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
    counts[table] = rows[0]!.n;
  }
  return counts;
}

/** Every blob a row points at: documents' and evidence's (through `blobs`) and finished exports' files. */
export async function referencedBlobs(db: Database): Promise<string[]> {
  const { rows } = await sql<{ sha256: string }>`
    select sha256 from blobs
    union select blob_sha256 from export_jobs where blob_sha256 is not null
    order by 1`.execute(db);
  return rows.map((r) => r.sha256);
}
