/**
 * One crash-consistency run: start the real server, let writers hammer it, SIGKILL it at a random moment, check
 * the database while it is down, start it again on the same database, and repeat. Used by `npm run crash`
 * (bench/crash/crash.ts) and, bounded, by server/test/crash.test.ts.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type RunningServer, startServer } from "../../e2e/server.ts";
import { openDatabase } from "../../server/db/connection.ts";
import { DEMO_PASSWORD } from "../../server/modules/demo/demo.seed.ts";
import { expectAnswer, login, type Session } from "./client.ts";
import { verifyAfterCrash } from "./verify.ts";
import { type Ledger, newLedger, startWriters, type World } from "./writers.ts";

export type CrashOptions = {
  db: "pglite" | "postgres";
  iterations: number;
  workers: number;
  /** PostgreSQL server to make the run's database on (postgres mode). */
  pgUrl?: string;
  /** The run's database (postgres mode); cams_crash_<pid> unless said. */
  dbName?: string;
  /** Keep the database (and data directory) afterwards, for a post-mortem. */
  keep?: boolean;
  /** Longest wait before a kill, in ms (the shortest is 200 ms). */
  maxKillDelayMs?: number;
  log?: (line: string) => void;
};

export type CrashSummary = {
  db: "pglite" | "postgres";
  iterations: number;
  survived: number;
  acknowledged: Ledger["acknowledged"];
  /** Acknowledged records (cases and hearings) looked for, summed over the checks after each kill. */
  checked: number;
  unanswered: number;
  /** Of those, edits and assignments found committed (whole): the kill fell between commit and answer. */
  committedUnanswered: number;
  refused: Ledger["refused"];
  lost: string[];
  halfWritten: string[];
  chainVerified: boolean;
  chainEvents: number;
  chainProblems: string[];
  /** The servers' logged errors (pino level 50 and up), for a refused write's cause. */
  serverErrors: string[];
  /** Why the run stopped early (a restart that failed, a check that threw), with the server's last words. */
  failure?: string;
  seconds: number;
  location: string;
};

export function crashFailed(s: CrashSummary): boolean {
  // writers own their cases, so nothing should be refused: a refusal (a 500 above all) is a defect too
  const broken = s.lost.length > 0 || s.halfWritten.length > 0 || !s.chainVerified;
  return broken || s.refused.length > 0 || s.failure !== undefined || s.survived < s.iterations;
}

type Target = { dataDir: string; databaseUrl?: string; location: string; drop: () => Promise<void> };

async function makeTarget(opts: CrashOptions): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cams-crash-"));
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (opts.db === "pglite") return { dataDir, location: dataDir, drop: async () => removeDir() };
  // the server's maintenance database: the URL's own database may not exist yet
  const admin = new URL(opts.pgUrl ?? "postgres://postgres@127.0.0.1:5432/postgres");
  admin.pathname = "/postgres";
  const name = opts.dbName ?? `cams_crash_${process.pid}`;
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`database name ${name} is not a plain identifier`);
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  try {
    await run(`drop database if exists "${name}" with (force)`);
    await run(`create database "${name}"`);
  } catch (error) {
    removeDir();
    throw error;
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    dataDir,
    databaseUrl: url.toString(),
    location: name,
    drop: async () => {
      await run(`drop database if exists "${name}" with (force)`);
      removeDir();
    },
  };
}

function start(target: Target, first: boolean): Promise<RunningServer> {
  return startServer({
    dataDir: target.dataDir,
    ...(target.databaseUrl ? { databaseUrl: target.databaseUrl } : {}),
    // PGlite seeds the demo on its empty first start; PostgreSQL is seeded once, on the first start only
    seedDemo: target.databaseUrl ? (first ? "always" : "never") : "auto",
    readyTimeoutMs: 300_000,
    env: { CAMS_LOGIN_RATE_PER_MINUTE: "100000" },
  });
}

async function setUp(url: string, runTag: string) {
  const [editor, assigner, auditor] = await Promise.all(
    ["focal.interior", "assigner.agp", "auditor"].map((u) => login(url, u, DEMO_PASSWORD)),
  );
  const courts = await expectAnswer(editor!, 200, "GET", "/api/v1/reference/courts");
  const types = await expectAnswer(editor!, 200, "GET", "/api/v1/reference/case-types");
  const officers = await expectAnswer(assigner!, 200, "GET", "/api/v1/assignment/officers");
  const world: World = {
    runTag,
    editor: editor!,
    assigner: assigner!,
    courtId: courts.items.find((c: { code: string }) => c.code === "IHC").id,
    caseTypeId: types.items.find((t: { code: string }) => t.code === "WP").id,
    officerIds: officers.items
      .filter((o: { active: boolean }) => o.active)
      .map((o: { userId: string }) => o.userId),
  };
  return { world, auditor: auditor! };
}

const loggedErrors = (output: string) => output.split("\n").filter((line) => /"level":(50|60)/.test(line));
const ms = (n: number) => `${Math.round(n)} ms`;
const sleep = (n: number) => new Promise((r) => setTimeout(r, n));

export async function runCrash(opts: CrashOptions): Promise<CrashSummary> {
  const log = opts.log ?? (() => {});
  const started = performance.now();
  const target = await makeTarget(opts);
  const runTag = `r${process.pid}x${Date.now().toString(36)}`;
  const ledger = newLedger();
  const summary: CrashSummary = {
    db: opts.db,
    iterations: opts.iterations,
    survived: 0,
    acknowledged: ledger.acknowledged,
    checked: 0,
    unanswered: 0,
    committedUnanswered: 0,
    refused: ledger.refused,
    lost: [],
    halfWritten: [],
    chainVerified: true,
    chainEvents: 0,
    chainProblems: [],
    serverErrors: [],
    seconds: 0,
    location: target.location,
  };
  let server: RunningServer | null = null;
  try {
    server = await start(target, true);
    log(
      `crash: ${opts.db} server up in ${ms(performance.now() - started)} at ${server.url} (${target.location})`,
    );
    const { world, auditor } = await setUp(server.url, runTag);
    const sessions: Session[] = [world.editor, world.assigner, auditor];
    for (let i = 1; i <= opts.iterations; i++) {
      const writers = startWriters(world, ledger, opts.workers);
      await sleep(200 + Math.random() * ((opts.maxKillDelayMs ?? 3000) - 200));
      await server.kill();
      summary.serverErrors.push(...loggedErrors(server.output()));
      writers.stop();
      await writers.done;
      server = null;
      const t0 = performance.now();
      await checkWhileDown(target, ledger, runTag, summary, i, log);
      const t1 = performance.now();
      server = await start(target, false);
      log(`crash: checked in ${ms(t1 - t0)}, restarted in ${ms(performance.now() - t1)}`);
      for (const s of sessions) s.base = server.url;
      const chain = await expectAnswer(auditor, 200, "GET", "/api/v1/audit/verify");
      if (!chain.ok)
        summary.chainProblems.push(`iteration ${i}, after restart, GET /audit/verify: ${chain.reason}`);
      summary.chainVerified &&= chain.ok;
      summary.survived = i;
    }
  } catch (error) {
    summary.failure = (error as Error).stack ?? String(error);
  } finally {
    summary.unanswered = ledger.unanswered;
    summary.seconds = (performance.now() - started) / 1000;
    if (server) summary.serverErrors.push(...loggedErrors(server.output()));
    await server?.stop();
    if (opts.keep) log(`crash: kept ${target.location}`);
    else await target.drop();
  }
  return summary;
}

/** The checks on the database itself, opened directly while the server is down (PGlite allows one process). */
async function checkWhileDown(
  target: Target,
  ledger: Ledger,
  runTag: string,
  summary: CrashSummary,
  iteration: number,
  log: (line: string) => void,
) {
  if (target.databaseUrl) await settleDeadConnections(target.databaseUrl);
  const handle = await openDatabase({
    dataDir: target.dataDir,
    ...(target.databaseUrl ? { databaseUrl: target.databaseUrl } : {}),
    poolSize: 2,
  });
  try {
    const verdict = await verifyAfterCrash(handle.db, ledger, runTag);
    summary.checked += verdict.checked;
    summary.committedUnanswered += verdict.committedUnanswered;
    summary.lost.push(...verdict.lost.map((l) => `iteration ${iteration}: ${l}`));
    summary.halfWritten.push(...verdict.halfWritten.map((l) => `iteration ${iteration}: ${l}`));
    summary.chainVerified &&= verdict.chainOk;
    summary.chainEvents = verdict.chainEvents;
    if (verdict.chainProblem) summary.chainProblems.push(`iteration ${iteration}: ${verdict.chainProblem}`);
    const a = ledger.acknowledged;
    log(
      `crash: iteration ${iteration}: ${a.patch + a.hearing + a.assignment + a.create} acknowledged so far, ` +
        `${verdict.checked} records checked, ${verdict.lost.length} lost, ${verdict.halfWritten.length} half-written, ` +
        `chain ${verdict.chainOk ? "ok" : "BROKEN"} (${verdict.chainEvents} events)`,
    );
  } finally {
    await handle.close();
  }
}

/**
 * PostgreSQL outlives the killed app: a COMMIT the app sent just before it died is still carried out by its
 * backend, possibly after the check has begun — a state that would then appear "from nowhere" at the next check.
 * End the dead process's backends (every other client of the database: the server is down) and wait until they
 * are gone, so what the check reads is final.
 */
async function settleDeadConnections(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const others = `from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
      and backend_type = 'client backend'`;
    for (let attempt = 0; attempt < 100; attempt++) {
      const left = await client.query(`select count(*)::int as n ${others}`);
      if (left.rows[0].n === 0) return;
      await client.query(`select pg_terminate_backend(pid) ${others}`);
      await sleep(50);
    }
    throw new Error("the killed server's database connections did not end within 5 s");
  } finally {
    await client.end();
  }
}
