import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../server/db/connection.ts";

/**
 * The `cams` command run as operators run it: a child process on the pinned Node, against a temporary PGlite
 * data directory. PGlite is single-process, so the CLI has exited before a test opens the directory itself.
 * The demo is seeded once; each test that tampers with the chain works on its own copy of the directory.
 */
const ROOT = path.resolve(import.meta.dirname, "..");
const PINNED_NODE = path.join(ROOT, "node_modules", ".bin", "node");
const NODE = fs.existsSync(PINNED_NODE) ? PINNED_NODE : process.execPath;
const TIMEOUT = 120_000;

type Run = { code: number | null; out: string };

function cams(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [path.join(ROOT, "cli", "cams.ts"), ...args], {
      cwd: ROOT,
      // DATABASE_URL="" means "not set", so the CLI uses PGlite in dataDir even when the suite runs on PostgreSQL.
      env: { ...process.env, DATABASE_URL: "", CAMS_DATA_DIR: dataDir, CAMS_ADMIN_PASSWORD: "", ...env },
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

const temps: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cams-cli-test-"));
  temps.push(dir);
  return dir;
}

let seeded: string;

/** A private copy of the seeded data directory, to tamper with. */
function copyOfSeeded(): string {
  const dir = tempDir();
  fs.cpSync(seeded, dir, { recursive: true });
  return dir;
}

async function withPGlite<T>(
  dataDir: string,
  work: (db: Awaited<ReturnType<typeof openDatabase>>["db"]) => Promise<T>,
) {
  const handle = await openDatabase({ dataDir });
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

beforeAll(async () => {
  seeded = tempDir();
  const migrate = await cams(seeded, ["migrate"]);
  expect(migrate.out).toContain("applied migrations: 0001_foundation");
  expect(migrate.code).toBe(0);
  const seed = await cams(seeded, ["seed", "--demo"]);
  expect(seed.out).toMatch(/demo: \d+ accounts, \d{3} cases/);
  expect(seed.code).toBe(0);
}, 3 * TIMEOUT);

afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

describe("cams audit verify", () => {
  it(
    "passes on the chain the app and the seed wrote",
    async () => {
      const run = await cams(seeded, ["audit", "verify"]);
      expect(run.out).toMatch(/audit chain intact: \d{3,} events/);
      expect(run.code).toBe(0);
    },
    TIMEOUT,
  );

  it(
    "names an edited row and exits 1",
    async () => {
      const dir = copyOfSeeded();
      await withPGlite(dir, (db) =>
        sql`update audit_events set changes = '{"tampered":true}' where seq = 5`.execute(db),
      );
      const run = await cams(dir, ["audit", "verify"]);
      expect(run.out).toContain("audit chain BROKEN at row 5");
      expect(run.out).toContain("row 5 was altered");
      expect(run.code).toBe(1);
    },
    TIMEOUT,
  );

  it(
    "names a deleted row and exits 1",
    async () => {
      const dir = copyOfSeeded();
      await withPGlite(dir, (db) => sql`delete from audit_events where seq = 7`.execute(db));
      const run = await cams(dir, ["audit", "verify"]);
      expect(run.out).toContain("audit chain BROKEN at row 7");
      expect(run.out).toContain("row 7 is missing");
      expect(run.code).toBe(1);
    },
    TIMEOUT,
  );
});

describe("cams seed", () => {
  it(
    "refuses a database that already has users or cases",
    async () => {
      const run = await cams(copyOfSeeded(), ["seed", "--demo"]);
      expect(run.out).toContain("refusing to seed");
      expect(run.code).toBe(1);
    },
    TIMEOUT,
  );
});

describe("cams create-admin", () => {
  it(
    "creates an active administrator and records user.created in the chain",
    async () => {
      const dir = copyOfSeeded();
      const run = await cams(dir, ["create-admin", "--username", "ops.admin", "--name", "Operations Admin"], {
        CAMS_ADMIN_PASSWORD: "a-long-admin-passphrase-7",
      });
      expect(run.out).toContain("created administrator ops.admin");
      expect(run.code).toBe(0);

      const again = await cams(dir, ["create-admin", "--username", "OPS.admin", "--name", "Someone"], {
        CAMS_ADMIN_PASSWORD: "a-long-admin-passphrase-7",
      });
      expect(again.out).toContain("already taken");
      expect(again.code).toBe(1);

      await withPGlite(dir, async (db) => {
        const user = await db
          .selectFrom("users as u")
          .innerJoin("user_roles as r", "r.user_id", "u.id")
          .innerJoin("organisations as o", "o.id", "u.organisation_id")
          .select(["u.id", "u.status", "r.role", "o.code"])
          .where("u.username", "=", "ops.admin")
          .executeTakeFirstOrThrow();
        expect(user).toMatchObject({ status: "active", role: "administrator", code: "SYSADMIN" });
        const event = await db
          .selectFrom("audit_events")
          .selectAll()
          .orderBy("seq", "desc")
          .limit(1)
          .executeTakeFirstOrThrow();
        expect(event).toMatchObject({ action: "user.created", entity_id: user.id, actor_id: null });
        expect(event.user_agent).toMatch(/^cams-cli\/.+ create-admin$/);
      });
      const verify = await cams(dir, ["audit", "verify"]);
      expect(verify.code).toBe(0);
    },
    TIMEOUT,
  );

  it(
    "rejects a weak password without touching the database",
    async () => {
      const run = await cams(tempDir(), ["create-admin", "--username", "weak", "--name", "Weak"], {
        CAMS_ADMIN_PASSWORD: "short",
      });
      expect(run.out).toContain("must be at least 15 characters");
      expect(run.code).toBe(2);
    },
    TIMEOUT,
  );
});
