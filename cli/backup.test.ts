import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../server/app.ts";
import { type Config, loadConfig } from "../server/config.ts";
import { openDatabase } from "../server/db/connection.ts";
import { migrateToLatest } from "../server/db/migrate.ts";
import { multipart, pdf } from "../server/modules/documents/documents.fixtures.ts";
import { loadReferenceData } from "../server/modules/reference/reference.loader.ts";
import { verifyAuditChain } from "../server/platform/audit.ts";
import { hashPassword } from "../server/platform/auth/passwords.ts";
import { blobPath, LocalDiskStorage, sha256Hex } from "../server/platform/storage/storage.ts";
import { backupDatabase, POSTGRES_BACKUP_ADVICE } from "./backup.ts";
import { listTar, TarWriter } from "./backup-archive.ts";
import { POSTGRES_RESTORE_ADVICE, restoreBackup } from "./backup-restore.ts";

/**
 * Backup and restore of the embedded database, on real PGlite data directories: the source is filled through
 * the app (a signed-in user creates a case and uploads a PDF, each writing its audit events), backed up,
 * restored elsewhere and opened again. PGlite is single-process, so every handle is closed before the next step.
 */
const ROOT = path.resolve(import.meta.dirname, "..");
const PINNED_NODE = path.join(ROOT, "node_modules", ".bin", "node");
const NODE = fs.existsSync(PINNED_NODE) ? PINNED_NODE : process.execPath;
const PASSWORD = "backup-restore-42";
const SLOW = 120_000;

let temp: string;
let source: string;
let backupFile: string;
let caseId: string;
let documentSha: string;
const pdfBytes = pdf("the petition that must survive a restore");

const configFor = (dataDir: string, env: Record<string, string> = {}): Config => ({
  ...loadConfig({ NODE_ENV: "test", CAMS_DATA_DIR: dataDir, ...env }),
  logLevel: "silent",
});
const fresh = (name: string) => path.join(temp, name);

async function withApp(dataDir: string, work: (app: FastifyInstance) => Promise<void>) {
  const handle = await openDatabase({ dataDir });
  const app = await buildApp(
    { db: handle.db, config: configFor(dataDir), storage: new LocalDiskStorage(path.join(dataDir, "blobs")) },
    { logger: false },
  );
  try {
    await work(app);
  } finally {
    await app.close();
    await handle.close();
  }
}

/** Schema, reference data and one user, written directly (as `cams migrate` and `create-admin` would). */
async function prepareSource(dataDir: string) {
  const handle = await openDatabase({ dataDir });
  try {
    await migrateToLatest(handle.db);
    await loadReferenceData(handle.db);
    const org = await handle.db
      .insertInto("organisations")
      .values({ code: "TBACKUP", name_en: "Backup Test Ministry", name_ur: "ٹیسٹ وزارت", kind: "ministry" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const user = await handle.db
      .insertInto("users")
      .values({
        organisation_id: org.id,
        username: "backup.focal",
        full_name: "Backup Focal",
        password_hash: await hashPassword(PASSWORD),
        status: "active",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await handle.db.insertInto("user_roles").values({ user_id: user.id, role: "focal_person" }).execute();
    const court = await handle.db
      .selectFrom("courts")
      .select("id")
      .where("code", "=", "IHC")
      .executeTakeFirstOrThrow();
    const type = await handle.db
      .selectFrom("case_types")
      .select("id")
      .where("code", "=", "WP")
      .executeTakeFirstOrThrow();
    return { courtId: court.id, caseTypeId: type.id };
  } finally {
    await handle.close();
  }
}

/** Signs in, creates a case and uploads a document through the HTTP app. */
async function fillThroughApp(dataDir: string, ref: { courtId: string; caseTypeId: string }) {
  await withApp(dataDir, async (app) => {
    const login = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "backup.focal", password: PASSWORD },
    });
    expect(login.statusCode, login.body).toBe(200);
    const cookie = `cams_session=${login.cookies.find((c) => c.name === "cams_session")!.value}`;
    const headers = { cookie, "x-csrf-token": login.json().csrfToken };
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/cases",
      headers,
      payload: {
        ...ref,
        number: 4242,
        year: 2025,
        title: "Backup Petitioner v. Federation of Pakistan",
        subject: "A case that must come back from a backup",
        category: "service",
        parties: [
          { side: "petitioner", name: "Backup Petitioner" },
          { side: "respondent", name: "Federation of Pakistan" },
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    caseId = created.json().id;
    const form = multipart(
      { kind: "petition", title: "Writ petition" },
      { name: "petition.pdf", bytes: pdfBytes },
    );
    const uploaded = await app.inject({
      method: "POST",
      url: `/api/v1/cases/${caseId}/documents`,
      headers: { ...headers, ...form.headers },
      payload: form.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
  });
  documentSha = sha256Hex(pdfBytes);
}

beforeAll(async () => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), "cams-backup-test-"));
  source = fresh("source");
  await fillThroughApp(source, await prepareSource(source));
  backupFile = fresh("source.tar");
  await backupDatabase(configFor(source), backupFile, "test");
}, 3 * SLOW);

afterAll(() => {
  if (temp) fs.rmSync(temp, { recursive: true, force: true });
});

describe("cams backup and restore (embedded database)", () => {
  it(
    "restores into a fresh directory: the case, the document, its bytes and an intact audit chain",
    async () => {
      const target = fresh("restored");
      const summary = await restoreBackup(configFor(target), backupFile);
      expect(summary.manifest.blobs).toEqual([{ sha256: documentSha, bytes: pdfBytes.length }]);
      expect(summary.manifest.counts).toMatchObject({ cases: 1, documents: 1 });
      expect(summary.auditEvents).toBeGreaterThanOrEqual(3); // sign-in, case created, document uploaded
      expect(summary.movedAside).toBeNull();
      expect(fs.readdirSync(target).sort()).toEqual(["blobs", "pg"]);

      const restoredBytes = fs.readFileSync(path.join(target, "blobs", ...blobPath(documentSha).split("/")));
      expect(sha256Hex(restoredBytes)).toBe(documentSha);
      const handle = await openDatabase({ dataDir: target });
      try {
        const row = await handle.db
          .selectFrom("cases")
          .select("title")
          .where("id", "=", caseId)
          .executeTakeFirst();
        expect(row?.title).toBe("Backup Petitioner v. Federation of Pakistan");
        const version = await handle.db
          .selectFrom("document_versions")
          .innerJoin("documents", "documents.id", "document_versions.document_id")
          .select(["document_versions.blob_sha256", "documents.title"])
          .where("documents.case_id", "=", caseId)
          .executeTakeFirstOrThrow();
        expect(version).toEqual({ blob_sha256: documentSha, title: "Writ petition" });
        const actions = await handle.db
          .selectFrom("audit_events")
          .select("action")
          .where("entity_id", "=", caseId)
          .execute();
        expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(["case.created"]));
        const chain = await verifyAuditChain(handle.db);
        expect(chain).toMatchObject({ ok: true, count: summary.auditEvents });
      } finally {
        await handle.close();
      }
    },
    SLOW,
  );

  it("refuses a backup with one altered byte, naming the part, and writes nothing", async () => {
    const tampered = fresh("tampered.tar");
    fs.copyFileSync(backupFile, tampered);
    const entry = (await listTar(await fs.openAsBlob(tampered))).find((e) => e.name.startsWith("blobs/"))!;
    const fd = fs.openSync(tampered, "r+");
    fs.writeSync(fd, Buffer.from("X"), 0, 1, entry.offset + 10);
    fs.closeSync(fd);
    const target = fresh("never-written");
    const error = await restoreBackup(configFor(target), tampered).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message.replace(/SHA-256 [0-9a-f]{64} but/, "SHA-256 <observed> but")).toBe(
      `refusing to restore: ${tampered} is damaged or altered — ${entry.name} has SHA-256 <observed> ` +
        `but the manifest says ${documentSha}. Nothing was written.`,
    );
    expect(fs.existsSync(target)).toBe(false);
  });

  it("refuses a file cut short", async () => {
    const cut = fresh("cut.tar");
    fs.writeFileSync(cut, fs.readFileSync(backupFile).subarray(0, 4096));
    await expect(restoreBackup(configFor(fresh("never-cut")), cut)).rejects.toThrow(
      /is damaged or altered — not a readable tar file: the file is cut short inside database\.tar\.gz/,
    );
  });

  it(
    "refuses to restore over an existing database without --force; with --force moves it aside",
    async () => {
      const target = fresh("occupied");
      fs.cpSync(source, target, { recursive: true });
      await expect(restoreBackup(configFor(target), backupFile)).rejects.toThrow(
        `refusing to restore: ${target} already holds a database and documents (blobs/). Pass --force`,
      );
      expect(fs.readdirSync(target).sort()).toEqual(["blobs", "pg"]);

      const summary = await restoreBackup(configFor(target), backupFile, { force: true });
      expect(summary.movedAside).toMatch(new RegExp(`^${target}/replaced-`));
      expect(fs.readdirSync(summary.movedAside!).sort()).toEqual(["blobs", "pg"]);
      expect(
        fs
          .readdirSync(target)
          .filter((n) => !n.startsWith("replaced-"))
          .sort(),
      ).toEqual(["blobs", "pg"]);
    },
    SLOW,
  );

  it(
    "a restore that fails its check after unpacking leaves the existing database in place",
    async () => {
      const target = fresh("kept");
      fs.cpSync(source, target, { recursive: true });
      const lying = await withManifestChange(backupFile, fresh("lying.tar"), (m) => {
        (m.counts as Record<string, number>).cases = 99;
      });
      await expect(restoreBackup(configFor(target), lying, { force: true })).rejects.toThrow(
        "restore failed its check: cases has 1 rows, the manifest says 99. The data directory was left as it was.",
      );
      expect(fs.readdirSync(target).sort()).toEqual(["blobs", "pg"]);
      expect(fs.readFileSync(path.join(target, "pg", "PG_VERSION"))).toEqual(
        fs.readFileSync(path.join(source, "pg", "PG_VERSION")),
      );
    },
    SLOW,
  );

  it("refuses on PostgreSQL, naming pg_dump and pg_restore, and backup refuses while the database is open", async () => {
    const postgres = configFor(source, { DATABASE_URL: "postgres://cams@127.0.0.1:5432/cams" });
    await expect(backupDatabase(postgres, fresh("pg.tar"), "test")).rejects.toThrow(POSTGRES_BACKUP_ADVICE);
    await expect(restoreBackup(postgres, backupFile)).rejects.toThrow(POSTGRES_RESTORE_ADVICE);
    const handle = await openDatabase({ dataDir: source });
    try {
      await expect(backupDatabase(configFor(source), fresh("open.tar"), "test")).rejects.toThrow(
        /refusing to back up: the database in .* is open \(pg\/postmaster.pid exists\)/,
      );
    } finally {
      await handle.close();
    }
    expect(fs.existsSync(fresh("open.tar"))).toBe(false);
    await expect(backupDatabase(configFor(source), backupFile, "test")).rejects.toThrow("already exists");
    // a backup killed half-way leaves its .partial file: named, not a raw EEXIST
    const killed = fresh("killed.tar");
    fs.writeFileSync(`${killed}.partial`, "half");
    await expect(backupDatabase(configFor(source), killed, "test")).rejects.toThrow("did not finish");
  });

  it(
    "a document already lost from the store is named in the backup and the restore, which still succeeds",
    async () => {
      const damaged = fresh("lost-blob");
      fs.cpSync(source, damaged, { recursive: true });
      fs.rmSync(path.join(damaged, "blobs", ...blobPath(documentSha).split("/")));
      const backup = await backupDatabase(configFor(damaged), fresh("lost-blob.tar"), "test");
      expect(backup.manifest.blobs).toEqual([]);
      expect(backup.manifest.missingBlobs).toEqual([{ sha256: documentSha, reason: "not in the store" }]);
      const restored = await restoreBackup(configFor(fresh("lost-blob-restored")), backup.file);
      expect(restored.missingBlobs).toEqual([{ sha256: documentSha, reason: "not in the store" }]);
    },
    SLOW,
  );

  it(
    "the cams command backs up and restores end to end",
    async () => {
      const file = fresh("cli.tar");
      const backup = await cams(source, ["backup", file]);
      expect(backup.out).toMatch(/backup: .*cli\.tar \([\d.]+ MB\) in [\d.]+ s/);
      expect(backup.out).toContain("1 cases, 1 documents, 1 files");
      expect(backup.code).toBe(0);
      const restore = await cams(fresh("cli-restored"), ["restore", file]);
      expect(restore.out).toMatch(/audit chain intact: \d+ events, ending on the backup's last event/);
      expect(restore.out).toContain("documents: all 1 files present with their SHA-256");
      expect(restore.code).toBe(0);
      const again = await cams(fresh("cli-restored"), ["restore", file]);
      expect(again.out).toContain("refusing to restore");
      expect(again.code).toBe(1);
    },
    SLOW,
  );
});

/** Rewrites a backup with its manifest changed (a manifest is not signed: the restore's checks catch a lie). */
async function withManifestChange(from: string, to: string, change: (m: Record<string, unknown>) => void) {
  const archive = await fs.openAsBlob(from);
  const writer = await TarWriter.create(to);
  for (const entry of await listTar(archive)) {
    let bytes = Buffer.from(await archive.slice(entry.offset, entry.offset + entry.size).arrayBuffer());
    if (entry.name === "manifest.json") {
      const manifest = JSON.parse(bytes.toString("utf8"));
      change(manifest);
      bytes = Buffer.from(JSON.stringify(manifest));
    }
    await writer.add(entry.name, bytes);
  }
  await writer.finish();
  return to;
}

function cams(dataDir: string, args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [path.join(ROOT, "cli", "cams.ts"), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: "", CAMS_DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out }));
  });
}
