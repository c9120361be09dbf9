import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { sql } from "kysely";
import type { Config } from "../server/config.ts";
import { type Database, openDatabase } from "../server/db/connection.ts";
import { openStorage } from "../server/platform/storage/storage.open.ts";
import {
  BlobIntegrityError,
  type BlobStorage,
  isLostBlob,
  sha256Hex,
} from "../server/platform/storage/storage.ts";
import { TarWriter } from "./backup-archive.ts";
import {
  type BackupManifest,
  blobEntry,
  countRows,
  DATABASE,
  FORMAT,
  FORMAT_VERSION,
  latestMigration,
  MANIFEST,
  referencedBlobs,
  refuseIfOpen,
} from "./backup-manifest.ts";
import { CliError } from "./terminal.ts";

/**
 * `cams backup` / `cams restore` for the embedded database: one tar file holding PGlite's own dump of its data
 * directory, every blob the database refers to (documents, evidence, export files) and a manifest with the
 * SHA-256 of each part, so a restore proves the file whole before it touches anything.
 * PostgreSQL deployments use pg_dump/pg_restore instead (README, "Backup and restore").
 */
export const POSTGRES_BACKUP_ADVICE =
  "refusing to back up: this configuration uses a PostgreSQL server (DATABASE_URL) and `cams backup` copies " +
  "only the embedded database. Use PostgreSQL's own tools:\n" +
  '  pg_dump --format=custom --file=cams-$(date +%F).dump "$DATABASE_URL"\n' +
  "and copy the document store with it (CAMS_DATA_DIR/blobs, or keep versioning on the S3 bucket). " +
  'See README.md, "Backup and restore".';

export type BackupSummary = { file: string; bytes: number; ms: number; manifest: BackupManifest };

/** Writes a backup of the embedded database in `config.dataDir` and its blobs to `file` (a new file). */
export async function backupDatabase(
  config: Config,
  file: string,
  camsVersion: string,
): Promise<BackupSummary> {
  if (config.databaseUrl) throw new CliError(POSTGRES_BACKUP_ADVICE, 2);
  const started = performance.now();
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new CliError(`refusing to back up: ${target} already exists`);
  if (!fs.existsSync(path.dirname(target)))
    throw new CliError(`refusing to back up: there is no directory ${path.dirname(target)}`, 2);
  if (!fs.existsSync(path.join(config.dataDir, "pg", "PG_VERSION")))
    throw new CliError(`refusing to back up: there is no database in ${config.dataDir}`);
  refuseIfOpen(config.dataDir, "back up");

  const handle = await openDatabase({ dataDir: config.dataDir });
  let snapshot: Awaited<ReturnType<typeof takeSnapshot>>;
  try {
    snapshot = await takeSnapshot(handle.db, handle.pglite!);
  } finally {
    await handle.close();
  }

  // Written under a temporary name, so an interrupted backup never leaves a file that looks whole.
  const partial = `${target}.partial`;
  if (fs.existsSync(partial)) {
    throw new CliError(
      `refusing to back up: ${partial} is left from a backup that did not finish; remove it and run again`,
    );
  }
  const tar = await TarWriter.create(partial);
  try {
    await tar.add(DATABASE, snapshot.dump);
    const { blobs, missingBlobs } = await addBlobs(tar, openStorage(config), snapshot.referenced);
    const manifest: BackupManifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      camsVersion,
      schemaMigration: snapshot.schemaMigration,
      counts: snapshot.counts,
      auditHead: snapshot.auditHead,
      database: { bytes: snapshot.dump.length, sha256: sha256Hex(snapshot.dump) },
      blobs,
      missingBlobs,
    };
    await tar.add(MANIFEST, Buffer.from(JSON.stringify(manifest, null, 2)));
    await tar.finish();
    await fs.promises.rename(partial, target);
    return { file: target, bytes: fs.statSync(target).size, ms: performance.now() - started, manifest };
  } catch (error) {
    await tar.abandon();
    await fs.promises.rm(partial, { force: true });
    throw error;
  }
}

async function takeSnapshot(db: Database, pglite: PGlite) {
  const schemaMigration = await latestMigration(db);
  const counts = await countRows(db);
  const last = await db
    .selectFrom("audit_events")
    .select(["seq", "hash"])
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  const auditHead = { events: last?.seq ?? 0, lastHash: last?.hash ?? "0".repeat(64) };
  const referenced = await referencedBlobs(db);
  // Flush everything to the data files first, so the dump starts without replaying the write-ahead log.
  await sql`checkpoint`.execute(db);
  const dump = Buffer.from(await (await pglite.dumpDataDir("gzip")).arrayBuffer());
  return { schemaMigration, counts, auditHead, referenced, dump };
}

async function addBlobs(tar: TarWriter, storage: BlobStorage, referenced: string[]) {
  const blobs: BackupManifest["blobs"] = [];
  const missingBlobs: BackupManifest["missingBlobs"] = [];
  for (const sha of referenced) {
    let bytes: Buffer;
    try {
      bytes = await storage.get(sha);
    } catch (error) {
      if (!isLostBlob(error)) throw error;
      const reason = error instanceof BlobIntegrityError ? error.message : "not in the store";
      missingBlobs.push({ sha256: sha, reason });
      continue;
    }
    const observed = sha256Hex(bytes);
    if (observed !== sha) {
      missingBlobs.push({ sha256: sha, reason: `corrupt in the store: its bytes hash to ${observed}` });
      continue;
    }
    await tar.add(blobEntry(sha), bytes);
    blobs.push({ sha256: sha, bytes: bytes.length });
  }
  return { blobs, missingBlobs };
}
