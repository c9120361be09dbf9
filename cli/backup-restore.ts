import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { Config } from "../server/config.ts";
import { type Database, openDatabase } from "../server/db/connection.ts";
import { verifyAuditChain } from "../server/platform/audit.ts";
import { LocalDiskStorage, sha256Hex } from "../server/platform/storage/storage.ts";
import { ArchiveError, entryBlob, listTar, sha256OfBlob, type TarEntry } from "./backup-archive.ts";
import {
  type BackupManifest,
  blobEntry,
  countRows,
  DATABASE,
  FORMAT_VERSION,
  latestMigration,
  MANIFEST,
  manifestSchema,
  referencedBlobs,
  refuseIfOpen,
} from "./backup-manifest.ts";
import { CliError } from "./terminal.ts";

const PARTS = ["pg", "blobs"] as const;

export const POSTGRES_RESTORE_ADVICE =
  "refusing to restore: this configuration uses a PostgreSQL server (DATABASE_URL) and `cams restore` reads " +
  "only embedded-database backups. Restore a pg_dump file with:\n" +
  '  pg_restore --no-owner --dbname="$DATABASE_URL" cams.dump   # into an empty database\n' +
  'then run `cams audit verify`. See README.md, "Backup and restore".';

export type RestoreSummary = {
  ms: number;
  manifest: BackupManifest;
  auditEvents: number;
  blobsChecked: number;
  /** Blobs the database refers to that were already missing when the backup was taken. */
  missingBlobs: BackupManifest["missingBlobs"];
  /** Where the data directory's previous contents were moved (with --force), or null. */
  movedAside: string | null;
};

/**
 * Restores a backup into `config.dataDir`: checks every part against the manifest first, unpacks into a
 * staging directory inside the data directory (one file system, so renames are atomic), opens it and verifies
 * the schema, the row counts, the audit chain and every blob, and only then renames pg/ and blobs/ into place.
 * Any failure before those renames leaves the data directory as it was.
 */
export async function restoreBackup(
  config: Config,
  file: string,
  opts: { force?: boolean; onAuditProgress?: (done: number, total: number) => void } = {},
): Promise<RestoreSummary> {
  if (config.databaseUrl) throw new CliError(POSTGRES_RESTORE_ADVICE, 2);
  if (config.storage.kind !== "local")
    throw new CliError(
      "refusing to restore: CAMS_STORAGE=s3 — a restore puts documents in CAMS_DATA_DIR/blobs; restore " +
        "with CAMS_STORAGE=local and copy them to the bucket, or recover the bucket from its versioning",
      2,
    );
  const started = performance.now();
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new CliError(`no backup file at ${source}`, 2);
  const dataDir = config.dataDir;
  const holds = heldData(dataDir);
  if (holds.length > 0 && !opts.force)
    throw new CliError(
      `refusing to restore: ${dataDir} already holds ${holds.join(" and ")}. Pass --force to move ` +
        "what is there aside (to replaced-<time>/ in that directory) and restore in its place.",
    );
  refuseIfOpen(dataDir, "restore");

  const archive = await fs.openAsBlob(source);
  const { manifest, database, blobs } = await readVerified(archive, source);

  const createdDataDir = !fs.existsSync(dataDir);
  const stage = path.join(dataDir, `.restore-${Date.now()}-${process.pid}`);
  fs.mkdirSync(stage, { recursive: true });
  try {
    await unpack(archive, database, blobs, stage);
    const checked = await checkRestored(stage, manifest, opts.onAuditProgress);
    const movedAside = swapIntoPlace(dataDir, stage, holds.length > 0);
    return { ms: performance.now() - started, manifest, movedAside, ...checked };
  } catch (error) {
    fs.rmSync(stage, { recursive: true, force: true });
    if (createdDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

function heldData(dataDir: string): string[] {
  const held: string[] = [];
  if (fs.existsSync(path.join(dataDir, "pg", "PG_VERSION"))) held.push("a database");
  const blobs = path.join(dataDir, "blobs");
  if (fs.existsSync(blobs) && fs.readdirSync(blobs).length > 0) held.push("documents (blobs/)");
  return held;
}

/** Parses the archive and checks every part against the manifest, reading nothing into the data directory. */
async function readVerified(archive: Blob, source: string) {
  const damaged = (why: string) =>
    new CliError(`refusing to restore: ${source} is damaged or altered — ${why}. Nothing was written.`);
  let entries: TarEntry[];
  try {
    entries = await listTar(archive);
  } catch (error) {
    if (error instanceof ArchiveError) throw damaged(`not a readable tar file: ${error.message}`);
    throw error;
  }
  const byName = new Map<string, TarEntry>();
  for (const e of entries) {
    if (byName.has(e.name)) throw damaged(`it holds ${e.name} twice`);
    byName.set(e.name, e);
  }
  const manifestEntry = byName.get(MANIFEST);
  if (!manifestEntry) throw damaged(`it has no ${MANIFEST} (is it a CAMS backup?)`);
  const manifest = parseManifest(await entryBlob(archive, manifestEntry).text(), damaged);

  const database = byName.get(DATABASE);
  if (!database) throw damaged(`it has no ${DATABASE}`);
  await checkPart(archive, database, DATABASE, manifest.database, damaged);
  const blobs: TarEntry[] = [];
  for (const blob of manifest.blobs) {
    const name = blobEntry(blob.sha256);
    const entry = byName.get(name);
    if (!entry) throw damaged(`the manifest lists ${name} but the file does not hold it`);
    await checkPart(archive, entry, name, blob, damaged);
    blobs.push(entry);
  }
  const listed = new Set([MANIFEST, DATABASE, ...manifest.blobs.map((b) => blobEntry(b.sha256))]);
  const extra = entries.find((e) => !listed.has(e.name));
  if (extra) throw damaged(`it holds ${extra.name}, which the manifest does not list`);
  return { manifest, database, blobs };
}

function parseManifest(json: string, damaged: (why: string) => CliError): BackupManifest {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw damaged(`${MANIFEST} is not JSON`);
  }
  const version = (value as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === "number" && version > FORMAT_VERSION)
    throw new CliError(
      `refusing to restore: the backup is format version ${version}; this CAMS reads version ${FORMAT_VERSION}. ` +
        "Restore it with the CAMS release that made it or a later one.",
    );
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw damaged(`${MANIFEST} is not valid at ${issue.path.join(".") || "(top)"}: ${issue.message}`);
  }
  return parsed.data;
}

async function checkPart(
  archive: Blob,
  entry: TarEntry,
  name: string,
  expected: { bytes: number; sha256: string },
  damaged: (why: string) => CliError,
): Promise<void> {
  if (entry.size !== expected.bytes)
    throw damaged(`${name} is ${entry.size} bytes but the manifest says ${expected.bytes}`);
  const observed = await sha256OfBlob(entryBlob(archive, entry));
  if (observed !== expected.sha256)
    throw damaged(`${name} has SHA-256 ${observed} but the manifest says ${expected.sha256}`);
}

async function unpack(archive: Blob, database: TarEntry, blobs: TarEntry[], stage: string): Promise<void> {
  const store = new LocalDiskStorage(path.join(stage, "blobs"));
  for (const entry of blobs) {
    const bytes = Buffer.from(await entryBlob(archive, entry).arrayBuffer());
    await store.put(path.basename(entry.name), bytes);
  }
  fs.mkdirSync(path.join(stage, "blobs"), { recursive: true });
  // PGlite unpacks its own dump into an empty directory; the name tells it the dump is gzipped.
  const dump = new File([entryBlob(archive, database)], DATABASE, { type: "application/gzip" });
  const pglite = await PGlite.create(path.join(stage, "pg"), { extensions: { pg_trgm }, loadDataDir: dump });
  await pglite.close();
}

/** Opens the unpacked database and proves it is the one backed up: schema, row counts, audit chain, blobs. */
async function checkRestored(
  stage: string,
  manifest: BackupManifest,
  onAuditProgress?: (done: number, total: number) => void,
) {
  const failed = (why: string) =>
    new CliError(`restore failed its check: ${why}. The data directory was left as it was.`);
  const handle = await openDatabase({ dataDir: stage });
  try {
    const migration = await latestMigration(handle.db);
    if (migration !== manifest.schemaMigration)
      throw failed(
        `the database's last migration is ${migration}, the manifest's ${manifest.schemaMigration}`,
      );
    const counts = await countRows(handle.db);
    for (const [table, n] of Object.entries(manifest.counts)) {
      if (counts[table] !== n) throw failed(`${table} has ${counts[table]} rows, the manifest says ${n}`);
    }
    const chain = await verifyAuditChain(handle.db, onAuditProgress);
    if (!chain.ok) throw failed(`audit chain BROKEN at row ${chain.brokenAt}: ${chain.reason}`);
    const head = manifest.auditHead;
    if (chain.count !== head.events || chain.lastHash !== head.lastHash)
      throw failed(
        `the audit chain ends at row ${chain.count}, but the backup's ended at row ${head.events}`,
      );
    const missingBlobs = await checkBlobs(handle.db, path.join(stage, "blobs"), manifest, failed);
    return { auditEvents: chain.count, blobsChecked: manifest.blobs.length, missingBlobs };
  } finally {
    await handle.close();
  }
}

async function checkBlobs(
  db: Database,
  root: string,
  manifest: BackupManifest,
  failed: (why: string) => CliError,
): Promise<BackupManifest["missingBlobs"]> {
  const store = new LocalDiskStorage(root);
  const knownMissing = new Map(manifest.missingBlobs.map((m) => [m.sha256, m]));
  const missing: BackupManifest["missingBlobs"] = [];
  for (const sha of await referencedBlobs(db)) {
    if (!(await store.has(sha))) {
      const known = knownMissing.get(sha);
      if (!known) throw failed(`blob ${sha} is referred to by the database but was not restored`);
      missing.push(known);
      continue;
    }
    const observed = sha256Hex(await store.get(sha));
    if (observed !== sha) throw failed(`blob ${sha} was restored with bytes that hash to ${observed}`);
  }
  return missing;
}

/**
 * Moves the data directory's current pg/ and blobs/ aside (or drops them when they hold no data), then the
 * restored ones into place: renames inside one directory, so one file system, each atomic; undone in reverse
 * if any fails.
 */
function swapIntoPlace(dataDir: string, stage: string, keepOld: boolean): string | null {
  const aside = path.join(dataDir, `replaced-${new Date().toISOString().replace(/[:.]/g, "-")}`);
  const moves: [string, string][] = [];
  for (const part of PARTS) {
    const current = path.join(dataDir, part);
    if (fs.existsSync(current)) moves.push([current, path.join(aside, part)]);
  }
  if (moves.length > 0) fs.mkdirSync(aside);
  for (const part of PARTS) moves.push([path.join(stage, part), path.join(dataDir, part)]);
  const done: [string, string][] = [];
  try {
    for (const [from, to] of moves) {
      fs.renameSync(from, to);
      done.push([from, to]);
    }
  } catch (error) {
    for (const [from, to] of done.reverse()) fs.renameSync(to, from);
    if (moves.length > PARTS.length) fs.rmdirSync(aside); // empty again: not recursive, so nothing is lost
    throw error;
  }
  fs.rmSync(stage, { recursive: true, force: true });
  if (moves.length === PARTS.length) return null;
  if (keepOld) return aside;
  fs.rmSync(aside, { recursive: true, force: true });
  return null;
}
