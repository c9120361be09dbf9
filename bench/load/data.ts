import { spawnSync } from "node:child_process";
import path from "node:path";
import { sql } from "kysely";
import type { Database } from "../../server/db/connection.ts";
import { openDatabase } from "../../server/db/connection.ts";
import type { Actor } from "../../server/platform/actor.ts";
import { NODE, PG_URL } from "../bench-server.ts";
import type { Captured, Statement } from "./floor.ts";

const ROOT = path.join(import.meta.dirname, "..", "..");

export function dbUrl(name: string): string {
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export const openBenchDb = (url: string) => openDatabase({ databaseUrl: url, dataDir: "memory" });

async function caseCount(url: string): Promise<number> {
  const { db, close } = await openBenchDb(url);
  try {
    const r = await sql<{ n: number }>`select count(*)::int as n from cases`.execute(db);
    return r.rows[0]?.n ?? 0;
  } catch {
    return 0; // no schema yet
  } finally {
    await close();
  }
}

/** The database of `cases` synthetic cases: kept from an earlier run when it has them, else made afresh. */
export async function ensureData(url: string, cases: number) {
  const name = new URL(url).pathname.slice(1);
  const admin = await openDatabase({ databaseUrl: PG_URL, dataDir: "memory" });
  try {
    const exists = await sql`select 1 from pg_database where datname = ${name}`.execute(admin.db);
    if (exists.rows.length > 0 && (await caseCount(url)) >= cases) return await vacuum(url);
    await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
    await sql.raw(`create database ${name}`).execute(admin.db);
  } finally {
    await admin.close();
  }
  console.log(`seeding ${cases.toLocaleString("en")} synthetic cases into ${name} (kept for later runs)…`);
  for (const args of [["migrate"], ["seed", "--synthetic", "--cases", String(cases)]]) {
    const run = spawnSync(NODE, [path.join(ROOT, "cli", "cams.ts"), ...args], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "warn" },
    });
    if (run.status !== 0) throw new Error(`cams ${args.join(" ")} failed (exit ${run.status})`);
  }
  await vacuum(url);
}

/**
 * The state autovacuum keeps a live database in: visibility map set (index-only scans), hint bits written. A
 * fresh bulk load has neither, and its first readers would pay for writing them.
 */
async function vacuum(url: string) {
  const { db, close } = await openBenchDb(url);
  try {
    await sql`vacuum (analyze)`.execute(db);
  } finally {
    await close();
  }
}

/**
 * The SQL one read ran, per request: the service is called once unrecorded (a first dashboard of the day makes
 * its count), then `n` times with the query log on.
 */
export async function captureRequests(
  url: string,
  actor: Actor,
  service: (db: Database, actor: Actor, i: number) => Promise<unknown>,
  n: number,
): Promise<Captured[]> {
  let current: Statement[] | null = null;
  const { db, close } = await openDatabase({
    databaseUrl: url,
    dataDir: "memory",
    log: (event) => {
      if (event.level === "query" && current)
        current.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  try {
    await service(db, actor, 0);
    const requests: Captured[] = [];
    for (let i = 0; i < n; i++) {
      current = [];
      await service(db, actor, i);
      requests.push(current);
    }
    return requests;
  } finally {
    current = null;
    await close();
  }
}

/**
 * Waits until no query of the app runs on the database (three looks in a row, a fifth of a second apart, two
 * minutes at most): a journey's requests still queued in the app when autocannon stops must not slow the next.
 */
export async function waitIdle(url: string): Promise<number> {
  const name = new URL(url).pathname.slice(1);
  const { db, close } = await openBenchDb(url);
  const t0 = performance.now();
  try {
    let quiet = 0;
    while (quiet < 3 && performance.now() - t0 < 120_000) {
      const r = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where datname = ${name} and state = 'active' and pid <> pg_backend_pid()`.execute(db);
      quiet = (r.rows[0]?.n ?? 0) === 0 ? quiet + 1 : 0;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return performance.now() - t0;
  } finally {
    await close();
  }
}
