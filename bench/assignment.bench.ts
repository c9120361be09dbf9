/**
 * Assignment engine over real HTTP on PostgreSQL (issue 3's goals: a suggestion for one case among 1,000
 * officers under 20 ms; bulk assignment of 10,000 cases over 1,000 officers under 2 s end to end, database
 * writes included).
 *
 *   npx node bench/assignment.bench.ts
 *
 * Steps:
 *  1. drops and creates the database `cams_bench` on the PostgreSQL server at BENCH_PG_URL (default
 *     postgres://postgres@127.0.0.1:5432/test, trust auth); skips with a message when nobody answers there;
 *  2. starts the real server (`node server/main.ts`) as a child process on a free port with DATABASE_URL
 *     pointing at cams_bench, CAMS_SEED_DEMO=never, LOG_LEVEL=warn, a high login rate — it migrates and loads
 *     the reference data and default weights;
 *  3. writes the office straight into the database (bench/assignment-data.ts, fixed PRNG seed): 1,000 law
 *     officers, 20,000 assigned open cases, 5,000 decided ones, and BENCH_BULK_RUNS + 1 sets of 10,000
 *     unassigned cases;
 *  4. signs in as the office's assigning officer and times over HTTP (node:http, keep-alive, one client):
 *     single-case suggestions `POST /api/v1/cases/:id/suggestion` (BENCH_N runs after 10 warm-ups, before and
 *     after the bulk runs); bulk `POST /api/v1/assignment/preview` of 10,000 ids then
 *     `POST /api/v1/assignment/batches/:id/commit` (sets 1 and 2; BENCH_BULK_RUNS); `GET /api/v1/assignment/verify` as the
 *     office's auditor after each bulk run;
 *  5. profile (BENCH_PROFILE=0 skips it), on set 3, which is still in the queue:
 *     a. calls the steps of preview() one by one from this process (visible-cases query, policy, officer
 *        facts, case facts for 1,000 and 10,000 ids, the engine, the response's zod check and JSON) and runs
 *        EXPLAIN ANALYZE on loadOfficerFacts' two aggregates — reads only;
 *     b. restarts the server with `--cpu-prof` and PostgreSQL statement logging for cams_bench
 *        (log_min_duration_statement=0, read back with pg_read_file), times 30 suggestions and then a bulk
 *        preview and commit of set 3, and prints the SQL time by statement and the server's hottest functions
 *        for the suggestions and for the bulk run. Profiling slows the server, so its wall times are not the
 *        figures to quote.
 * The office's policy is the CAMS default (least load, seat required, capacity respected, related cases kept,
 * sensitive cases to additional/deputy AG, additional AG capped at 10% of pending cases).
 * The database is dropped at the end unless BENCH_KEEP_DB=1.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { z } from "zod";
import { policyConfig, previewSchema } from "../common/schemas/assignment.ts";
import { freePort, ROOT } from "../e2e/server.ts";
import { openDatabase } from "../server/db/connection.ts";
import { runBatch } from "../server/modules/assignment/assignment.batch.ts";
import {
  loadCaseFacts,
  loadOfficerFacts,
  tierTotalsOf,
} from "../server/modules/assignment/assignment.facts.ts";
import { readPolicy } from "../server/modules/assignment/policies.service.ts";
import { loadWeights } from "../server/modules/cases/case-weight.ts";
import { displayNumber } from "../server/modules/cases/cases.present.ts";
import { caseQuery } from "../server/modules/cases/cases.repo.ts";
import type { Actor } from "../server/platform/actor.ts";
import { hashPassword } from "../server/platform/auth/passwords.ts";
import { type Generated, generate } from "./assignment-data.ts";

const PG_URL = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const DB_NAME = "cams_bench";
const DB_URL = (() => {
  const u = new URL(PG_URL);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
})();
const N = Number(process.env.BENCH_N ?? 100);
const OFFICERS = Number(process.env.BENCH_OFFICERS ?? 1000);
const BULK = Number(process.env.BENCH_BULK ?? 10_000);
const ASSIGNED = Number(process.env.BENCH_ASSIGNED ?? 20_000);
const CLOSED = Number(process.env.BENCH_CLOSED ?? 5_000);
const BULK_RUNS = Number(process.env.BENCH_BULK_RUNS ?? 2);
const PROFILE = process.env.BENCH_PROFILE !== "0";
const PASSWORD = "bench-password-42";
const SUGGEST_GOAL_MS = 20;
const BULK_GOAL_MS = 2000;
const NODE = path.join(ROOT, "node_modules", ".bin", "node");

type Server = { url: string; pid: number; output: () => string; stop: () => Promise<void> };
type Session = { cookie: string; csrf: string };
type Res = { status: number; text: string; bytes: number; ms: number };

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One HTTP request with no client-side timeout; `ms` runs until the last byte of the body has arrived. */
function request(base: string, method: string, p: string, s: Session | null, body?: unknown): Promise<Res> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const headers: Record<string, string> = { accept: "application/json" };
  if (payload) {
    headers["content-type"] = "application/json";
    headers["content-length"] = String(payload.length);
  }
  if (s) {
    headers.cookie = s.cookie;
    if (method !== "GET") headers["x-csrf-token"] = s.csrf;
  }
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request(`${base}${p}`, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const ms = performance.now() - t0;
        const buf = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, text: buf.toString("utf8"), bytes: buf.length, ms });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    if (payload) req.write(payload);
    req.end();
  });
}

function expectStatus(res: Res, status: number, what: string) {
  if (res.status !== status) throw new Error(`${what} → HTTP ${res.status}: ${res.text.slice(0, 1000)}`);
}

async function login(base: string, username: string): Promise<Session> {
  const res = await new Promise<{ status: number; text: string; cookies: string[] }>((resolve, reject) => {
    const payload = JSON.stringify({ username, password: PASSWORD });
    const req = http.request(
      `${base}/api/v1/auth/login`,
      { method: "POST", headers: { "content-type": "application/json" }, agent },
      (r) => {
        let text = "";
        r.on("data", (c) => {
          text += c;
        });
        r.on("end", () =>
          resolve({ status: r.statusCode ?? 0, text, cookies: (r.headers["set-cookie"] ?? []) as string[] }),
        );
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
  if (res.status !== 200) throw new Error(`login as ${username} → ${res.status}: ${res.text}`);
  return {
    cookie: res.cookies.map((c) => c.split(";")[0]).join("; "),
    csrf: (JSON.parse(res.text) as { csrfToken: string }).csrfToken,
  };
}

// ---------------------------------------------------------------------------------------------------------
// database and server

async function adminClient(): Promise<pg.Client | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return client;
  } catch (error) {
    console.log(
      `SKIPPED: PostgreSQL does not answer at ${PG_URL} (${(error as Error).message}). ` +
        "Start PostgreSQL (trust auth for user postgres) or set BENCH_PG_URL.",
    );
    return null;
  }
}

async function startServer(extraArgs: string[] = [], extraEnv: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cams-bench-"));
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: DB_URL,
    CAMS_DATA_DIR: dataDir,
    CAMS_SEED_DEMO: "never",
    LOG_LEVEL: "warn",
    CAMS_LOGIN_RATE_PER_MINUTE: "100000",
    ...extraEnv,
  };
  delete env.CAMS_PUBLIC_URL;
  const child: ChildProcess = spawn(NODE, [...extraArgs, "server/main.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", () => {
      exited = true;
      resolve();
    }),
  );
  const stop = async () => {
    if (!exited) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await exit;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const started = Date.now();
  for (;;) {
    if (exited) throw new Error(`the server exited before it was ready:\n${output.slice(-4000)}`);
    if (Date.now() - started > 180_000) {
      await stop();
      throw new Error(`the server was not ready within 180 s:\n${output.slice(-4000)}`);
    }
    try {
      const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(5000) });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, pid: child.pid!, output: () => output, stop };
}

/** CPU time (user + system) the process has used so far, in ms, from /proc; null off Linux. */
function cpuMs(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------
// measurements

type Suggest = { times: number[]; bytes: number; candidates: number; excluded: number; steps: Set<string> };

async function suggestions(base: string, s: Session, ids: string[], warmIds: string[]): Promise<Suggest> {
  for (const id of warmIds) {
    expectStatus(
      await request(base, "POST", `/api/v1/cases/${id}/suggestion`, s, {}),
      201,
      "warm-up suggestion",
    );
  }
  const out: Suggest = { times: [], bytes: 0, candidates: 0, excluded: 0, steps: new Set() };
  for (const id of ids) {
    const res = await request(base, "POST", `/api/v1/cases/${id}/suggestion`, s, {});
    expectStatus(res, 201, `suggestion for ${id}`);
    out.times.push(res.ms);
    out.bytes += res.bytes;
    const body = JSON.parse(res.text) as PreviewBody;
    const d = body.items[0]!.decision;
    out.candidates += d.candidates.length + (d.omitted?.candidates ?? 0);
    out.excluded += d.excluded.length + (d.omitted?.excluded ?? 0);
    out.steps.add(d.step);
  }
  out.times.sort((a, b) => a - b);
  return out;
}

type PreviewBody = {
  batchId: string;
  items: {
    caseId: string;
    decision: {
      chosenOfficerId: string | null;
      step: string;
      candidates: unknown[];
      excluded: unknown[];
      omitted?: { candidates: number; excluded: number };
    };
  }[];
};
type CommitBody = { assigned: number; queued: number; items: { officerId: string | null; step: string }[] };
type VerifyBody = { checked: number; reproduced: number; failures: { difference: string }[] };

type Bulk = {
  label: string;
  preview: Res;
  previewParse: number;
  commit: Res;
  total: number;
  assigned: number;
  queued: number;
  steps: Record<string, number>;
  sameAsPreview: number;
  serverCpu: { preview: number | null; commit: number | null };
};

async function bulk(server: Server, s: Session, label: string, ids: string[]): Promise<Bulk> {
  const cpu0 = cpuMs(server.pid);
  const preview = await request(server.url, "POST", "/api/v1/assignment/preview", s, { caseIds: ids });
  const cpu1 = cpuMs(server.pid);
  expectStatus(preview, 201, "bulk preview");
  const p0 = performance.now();
  const body = JSON.parse(preview.text) as PreviewBody;
  const previewParse = performance.now() - p0;
  const cpu2 = cpuMs(server.pid);
  const commit = await request(
    server.url,
    "POST",
    `/api/v1/assignment/batches/${body.batchId}/commit`,
    s,
    {},
  );
  const cpu3 = cpuMs(server.pid);
  expectStatus(commit, 200, "bulk commit");
  const c = JSON.parse(commit.text) as CommitBody;
  const steps: Record<string, number> = {};
  let same = 0;
  for (const [i, item] of c.items.entries()) {
    steps[item.step] = (steps[item.step] ?? 0) + 1;
    if (item.officerId === body.items[i]!.decision.chosenOfficerId) same++;
  }
  const d = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
  return {
    label,
    preview,
    previewParse,
    commit,
    total: preview.ms + commit.ms,
    assigned: c.assigned,
    queued: c.queued,
    steps,
    sameAsPreview: same,
    serverCpu: { preview: d(cpu0, cpu1), commit: d(cpu2, cpu3) },
  };
}

async function verify(base: string, s: Session): Promise<{ res: Res; body: VerifyBody }> {
  const res = await request(base, "GET", "/api/v1/assignment/verify", s);
  expectStatus(res, 200, "verify");
  return { res, body: JSON.parse(res.text) as VerifyBody };
}

// ---------------------------------------------------------------------------------------------------------
// profile: SQL statement log and CPU profile of the server

type LogStmt = { phase: string; ms: number; sql: string };

async function logFile(admin: pg.Client): Promise<string | null> {
  const candidates: string[] = [];
  const current = (await admin.query<{ f: string | null }>("select pg_current_logfile() as f")).rows[0]?.f;
  if (current) candidates.push(current);
  const major = (
    await admin.query<{ v: string }>("select current_setting('server_version_num') as v")
  ).rows[0]!.v.slice(0, 2);
  candidates.push(`/var/log/postgresql/postgresql-${major}-main.log`);
  for (const f of candidates) {
    try {
      await admin.query("select (pg_stat_file($1)).size", [f]);
      return f;
    } catch {
      // not there or not readable
    }
  }
  return null;
}

async function logSize(admin: pg.Client, file: string): Promise<number> {
  return Number((await admin.query<{ s: string }>("select (pg_stat_file($1)).size as s", [file])).rows[0]!.s);
}

async function readLog(admin: pg.Client, file: string, from: number, to: number): Promise<LogStmt[]> {
  const text = (
    await admin.query<{ t: string }>("select pg_read_file($1, $2, $3) as t", [file, from, to - from])
  ).rows[0]!.t;
  const out: LogStmt[] = [];
  let current: string[] | null = null;
  const flush = () => {
    if (!current) return;
    const entry = current.join("\n");
    current = null;
    if (!entry.includes(`@${DB_NAME} `)) return;
    const m = /LOG: {2}duration: ([\d.]+) ms {2}(parse|bind|execute|statement)( [^:]*)?: ([\s\S]*)$/.exec(
      entry,
    );
    if (m) out.push({ phase: m[2]!, ms: Number(m[1]), sql: m[4]!.replace(/\s+/g, " ").trim() });
  };
  for (const line of text.split("\n")) {
    if (/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/.test(line)) {
      flush();
      current = [line];
    } else if (current) current.push(line);
  }
  flush();
  return out;
}

/** Statement shape: the SQL with parameter lists folded, cut to `width` characters. */
function shape(sqlText: string, width = 110): string {
  const folded = sqlText
    .replace(/\(\$\d+(, \$\d+)*\)/g, "($…)")
    .replace(/(\(\$…\), )+\(\$…\)/g, "($…), …")
    .replace(/\(\$\d+::uuid, \$\d+::uuid, \$\d+::int\)(, \(\$\d+::uuid, \$\d+::uuid, \$\d+::int\))*/g, "(…)")
    .replace(/\$\d+/g, "$");
  return folded.length > width ? `${folded.slice(0, width - 1)}…` : folded;
}

function summariseSql(stmts: LogStmt[]) {
  const by = new Map<string, { n: number; ms: number; parse: number; bind: number; execute: number }>();
  for (const s of stmts) {
    const k = shape(s.sql);
    const e = by.get(k) ?? { n: 0, ms: 0, parse: 0, bind: 0, execute: 0 };
    e.ms += s.ms;
    if (s.phase === "execute" || s.phase === "statement") e.n += 1;
    if (s.phase === "parse") e.parse += s.ms;
    else if (s.phase === "bind") e.bind += s.ms;
    else e.execute += s.ms;
    by.set(k, e);
  }
  const rows = [...by.entries()].sort((a, b) => b[1].ms - a[1].ms);
  const total = stmts.reduce((a, s) => a + s.ms, 0);
  return { rows, total };
}

type CpuProfile = {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
  }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
};

/**
 * Self time by function (name, file:line) over the samples taken between `from` and `to` (µs on the monotonic
 * clock, which V8's profiler shares with process.hrtime on Linux); every sample when the window misses.
 */
function hotFunctions(profile: CpuProfile, top: number, from: number, to: number) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const inWindow = from >= profile.startTime && to <= profile.endTime;
  let t = profile.startTime;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    if (inWindow && (t < from || t > to)) continue;
    const n = byNode.get(profile.samples[i]!)!;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const f = n.callFrame;
    if (f.functionName === "(idle)") continue;
    const file = f.url.replace(`file://${ROOT}/`, "").replace(/^.*node_modules\//, "node_modules/");
    const k = `${f.functionName || "(anonymous)"}  ${file || "(native)"}${file ? `:${f.lineNumber + 1}` : ""}`;
    self.set(k, (self.get(k) ?? 0) + dt);
    total += dt;
  }
  return { inWindow, total, rows: [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top) };
}

const monoUs = () => Number(process.hrtime.bigint() / 1000n);

async function profileRun(admin: pg.Client, data: Generated, ids: string[]) {
  const file = await logFile(admin);
  if (!file)
    console.log("Profile: the PostgreSQL log file is not readable; SQL statement times are skipped.");
  if (file) {
    await admin.query(`alter database ${DB_NAME} set log_min_duration_statement = 0`);
    await admin.query(`alter database ${DB_NAME} set log_parameter_max_length = 0`);
  }
  const profDir = fs.mkdtempSync(path.join(os.tmpdir(), "cams-bench-prof-"));
  const server = await startServer(["--cpu-prof", "--cpu-prof-dir", profDir, "--cpu-prof-interval", "500"]);
  let result:
    | {
        bulk: Bulk;
        previewSql: LogStmt[];
        commitSql: LogStmt[];
        window: [number, number];
        suggestSql: LogStmt[];
        suggestWindow: [number, number];
        suggestRuns: number;
      }
    | undefined;
  try {
    const s = await login(server.url, data.assigningOfficer.username);
    // one warm suggestion so that the first-request costs (JIT, pool connections) are not in the bulk figures
    expectStatus(
      await request(server.url, "POST", `/api/v1/cases/${ids[0]}/suggestion`, s, {}),
      201,
      "warm-up",
    );
    // single-case suggestions with the statement log and the profiler on
    const SUGGEST_RUNS = 30;
    const offS = file ? await logSize(admin, file) : 0;
    const ws0 = monoUs();
    for (const id of ids.slice(100, 100 + SUGGEST_RUNS)) {
      expectStatus(
        await request(server.url, "POST", `/api/v1/cases/${id}/suggestion`, s, {}),
        201,
        "profiled suggestion",
      );
    }
    const ws1 = monoUs();
    const offS1 = file ? await logSize(admin, file) : 0;
    const off0 = file ? await logSize(admin, file) : 0;
    const w0 = monoUs();
    const cpu0 = cpuMs(server.pid);
    const preview = await request(server.url, "POST", "/api/v1/assignment/preview", s, { caseIds: ids });
    const cpu1 = cpuMs(server.pid);
    expectStatus(preview, 201, "profiled preview");
    const off1 = file ? await logSize(admin, file) : 0;
    const body = JSON.parse(preview.text) as PreviewBody;
    const cpu2 = cpuMs(server.pid);
    const commit = await request(
      server.url,
      "POST",
      `/api/v1/assignment/batches/${body.batchId}/commit`,
      s,
      {},
    );
    const cpu3 = cpuMs(server.pid);
    const w1 = monoUs();
    expectStatus(commit, 200, "profiled commit");
    const off2 = file ? await logSize(admin, file) : 0;
    const c = JSON.parse(commit.text) as CommitBody;
    result = {
      bulk: {
        label: "set 3 (profiled)",
        preview,
        previewParse: 0,
        commit,
        total: preview.ms + commit.ms,
        assigned: c.assigned,
        queued: c.queued,
        steps: {},
        sameAsPreview: 0,
        serverCpu: {
          preview: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0,
          commit: cpu2 === null || cpu3 === null ? null : cpu3 - cpu2,
        },
      },
      previewSql: file ? await readLog(admin, file, off0, off1) : [],
      commitSql: file ? await readLog(admin, file, off1, off2) : [],
      window: [w0, w1],
      suggestSql: file ? await readLog(admin, file, offS, offS1) : [],
      suggestWindow: [ws0, ws1],
      suggestRuns: SUGGEST_RUNS,
    };
  } finally {
    await server.stop();
    if (file) {
      await admin.query(`alter database ${DB_NAME} reset log_min_duration_statement`);
      await admin.query(`alter database ${DB_NAME} reset log_parameter_max_length`);
    }
  }
  const profFile = fs.readdirSync(profDir).find((f) => f.endsWith(".cpuprofile"));
  const profile = profFile
    ? (JSON.parse(fs.readFileSync(path.join(profDir, profFile), "utf8")) as CpuProfile)
    : null;
  fs.rmSync(profDir, { recursive: true, force: true });
  return { ...result!, profile };
}

// ---------------------------------------------------------------------------------------------------------
// in-process breakdown: the steps of preview() called one by one from this process (reads only)

type Phase = { step: string; ms: number; note: string };

async function inProcess(data: Generated, ids: string[]): Promise<Phase[]> {
  const handle = await openDatabase({ databaseUrl: DB_URL, dataDir: "memory" });
  const db = handle.db;
  const actor: Actor = {
    userId: data.assigningOfficer.id,
    username: data.assigningOfficer.username,
    fullName: "Bench Assigning Officer",
    organisationId: data.officeId,
    organisationKind: "law_office",
    roles: new Set(["assigning_officer"]),
    locale: "en",
    sessionId: "bench",
    ip: null,
    userAgent: null,
    requestId: null,
  };
  const out: Phase[] = [];
  const median = async (runs: number, f: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await f();
      times.push(performance.now() - t0);
    }
    return quantile(
      times.sort((a, b) => a - b),
      0.5,
    );
  };
  const time = async <T>(f: () => Promise<T> | T): Promise<[T, number]> => {
    const t0 = performance.now();
    const r = await f();
    return [r, performance.now() - t0];
  };
  try {
    const today = new Date().toISOString().slice(0, 10);
    const visible = (xs: string[]) =>
      caseQuery(db, actor)
        .select([
          "c.id",
          "c.version",
          "c.title",
          "c.number",
          "c.number_suffix",
          "c.year",
          "c.assigned_officer_id",
          "t.abbreviation as type_abbreviation",
        ])
        .where("c.id", "in", xs)
        .execute();
    await loadOfficerFacts(db, data.officeId, today); // warm the pool and the JIT
    const weights = await loadWeights(db);
    // one case, as a suggestion does it (median of 10)
    out.push({
      step: "1 case: visible-cases query",
      ms: await median(10, () => visible([ids[0]!])),
      note: "",
    });
    out.push({
      step: "1 case: readPolicy + loadWeights",
      ms: await median(10, async () => {
        await readPolicy(db, data.officeId);
        await loadWeights(db);
      }),
      note: "",
    });
    out.push({
      step: "1 case: loadOfficerFacts (1,000 officers)",
      ms: await median(10, () => loadOfficerFacts(db, data.officeId, today)),
      note: "6 queries; two aggregate every open assignment",
    });
    out.push({
      step: "1 case: loadCaseFacts",
      ms: await median(10, () => loadCaseFacts(db, [ids[0]!], weights)),
      note: "",
    });
    // 10,000 cases, as a bulk preview does it
    const [rows, tVisible] = await time(() => visible(ids));
    out.push({ step: "10k: visible-cases query", ms: tVisible, note: `${rows.length} rows` });
    const [policy, tPolicy] = await time(() => readPolicy(db, data.officeId));
    out.push({ step: "10k: readPolicy", ms: tPolicy, note: "" });
    const [officers, tOfficers] = await time(() => loadOfficerFacts(db, data.officeId, today));
    out.push({ step: "10k: loadOfficerFacts", ms: tOfficers, note: `${officers.length} officers` });
    const tenth = ids.slice(0, Math.ceil(ids.length / 10));
    const [, tTenth] = await time(() => loadCaseFacts(db, tenth, weights));
    out.push({
      step: `${tenth.length}: loadCaseFacts (for comparison)`,
      ms: tTenth,
      note: `${tenth.length} ids`,
    });
    const [facts, tFacts] = await time(() => loadCaseFacts(db, ids, weights));
    out.push({
      step: "10k: loadCaseFacts",
      ms: tFacts,
      note: `10× the cases of the line above; ${(tFacts / tTenth).toFixed(0)}× the time`,
    });
    const inputs = {
      officers,
      tiers: tierTotalsOf(officers),
      policy: policyConfig.parse(policy.config),
      now: new Date().toISOString(),
    };
    const [outcomes, tRun] = await time(() => runBatch(inputs, facts, "0".repeat(32)));
    out.push({ step: "10k: runBatch (engine, decideMany)", ms: tRun, note: "pure JS" });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const response = {
      batchId: "00000000-0000-4000-8000-000000000000",
      kind: "bulk" as const,
      policy: { id: policy.id, version: policy.version, strategy: policy.config.strategy },
      items: outcomes.map((o) => {
        const c = byId.get(o.facts.id)!;
        return {
          caseId: c.id,
          displayNumber: displayNumber(c),
          title: c.title,
          weight: o.facts.weight,
          decision: o.decision,
        };
      }),
    };
    const [encoded, tEncode] = await time(() => z.safeEncode(previewSchema, response));
    out.push({
      step: "10k: response schema check (zod safeEncode)",
      ms: tEncode,
      note: "fastify-type-provider-zod",
    });
    const [json, tJson] = await time(() => JSON.stringify(encoded.data));
    out.push({ step: "10k: JSON.stringify of the response", ms: tJson, note: mb(json.length) });
    const [, tLedgerJson] = await time(() =>
      outcomes.map((o) => [JSON.stringify({ case: o.facts }), JSON.stringify(o.decision)]),
    );
    out.push({
      step: "10k: JSON.stringify of the ledger rows (commit)",
      ms: tLedgerJson,
      note: "decision + inputs per row",
    });
  } finally {
    await handle.close();
  }
  return out;
}

type Explained = { query: string; planning: number; execution: number; top: string };

/** EXPLAIN ANALYZE of loadOfficerFacts' two aggregates, written as Kysely writes them, officer ids inlined. */
async function explainOfficerAggregates(officeId: string): Promise<Explained[]> {
  const db = new pg.Client({ connectionString: DB_URL });
  await db.connect();
  try {
    const ids = (
      await db.query<{ id: string }>(
        `select u.id from officer_profiles p join users u on u.id = p.user_id where u.organisation_id = $1`,
        [officeId],
      )
    ).rows.map((r) => `'${r.id}'`);
    const list = ids.join(", ");
    const queries = {
      "load and open cases per officer": `select "a"."officer_id", sum(a.weight) as "load", count(*) as "open_cases" from "case_assignments" as "a" inner join "cases" as "c" on "c"."id" = "a"."case_id" where "a"."ended_at" is null and "c"."status" in ('pending', 'appealed') and "a"."officer_id" in (${list}) group by "a"."officer_id"`,
      "last assignment per officer": `select "officer_id", max(assigned_at) as "last" from "case_assignments" where "officer_id" in (${list}) group by "officer_id"`,
    };
    const out: Explained[] = [];
    for (const [name, q] of Object.entries(queries)) {
      await db.query(q); // warm
      const plan = (await db.query<{ "QUERY PLAN": string }>(`explain (analyze) ${q}`)).rows.map(
        (r) => r["QUERY PLAN"],
      );
      const num = (re: RegExp) =>
        Number(plan.find((l) => re.test(l))?.match(/([\d.]+) ms/)?.[1] ?? Number.NaN);
      out.push({
        query: name,
        planning: num(/Planning Time/),
        execution: num(/Execution Time/),
        top: plan
          .filter((l) => /Seq Scan|Index|Hash Join|Nested Loop|Aggregate/.test(l))
          .map((l) =>
            l
              .trim()
              .replace(/\s+\(cost=.*?\)/, "")
              .replace(/ \(actual time=[\d.]+\.\./, " (")
              .replace(/ loops=1\)/, ")"),
          )
          .join(" ← "),
      });
    }
    return out;
  } finally {
    await db.end();
  }
}

// ---------------------------------------------------------------------------------------------------------
// output

function quantile(sorted: number[], q: number): number {
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1]!;
}

function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  console.log(line(header));
  console.log(
    `|${widths.map((w, i) => (i === 0 || i === widths.length - 1 ? `-${"-".repeat(w)}-` : `-${"-".repeat(w)}:`)).join("|")}|`,
  );
  for (const r of rows) console.log(line(r));
}

const ms = (x: number) => x.toFixed(1);
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const cpu = (x: number | null) => (x === null ? "?" : `${Math.round(x)} ms`);

// ---------------------------------------------------------------------------------------------------------

async function main() {
  const admin = await adminClient();
  if (!admin) return;
  const pgVersion = (await admin.query<{ v: string }>("select current_setting('server_version') as v"))
    .rows[0]!.v;
  const pgSettings = (
    await admin.query<{ name: string; setting: string }>(
      `select name, current_setting(name) as setting from pg_settings
       where name in ('shared_buffers', 'work_mem', 'synchronous_commit', 'max_parallel_workers_per_gather')`,
    )
  ).rows
    .map((r) => `${r.name}=${r.setting}`)
    .join(", ");
  console.log(`PostgreSQL ${pgVersion} at ${PG_URL}; (re)creating database ${DB_NAME}…`);
  await admin.query(`drop database if exists ${DB_NAME} with (force)`);
  await admin.query(`create database ${DB_NAME}`);

  let server: Server | null = null;
  try {
    let t0 = performance.now();
    server = await startServer();
    console.log(
      `Server ready at ${server.url} after ${((performance.now() - t0) / 1000).toFixed(1)} s (migrated)`,
    );

    t0 = performance.now();
    const db = new pg.Client({ connectionString: DB_URL });
    await db.connect();
    const data = await generate(db, {
      seed: 20261122,
      officers: OFFICERS,
      assigned: ASSIGNED,
      closed: CLOSED,
      freshSets: BULK_RUNS + 1, // the last set stays in the queue for the later suggestions and the profile
      freshPerSet: BULK,
      passwordHash: await hashPassword(PASSWORD),
    });
    const sizes: { t: string; n: number; bytes: number }[] = [];
    for (const t of ["cases", "case_parties", "case_assignments", "case_links", "users", "officer_seats"]) {
      const r = (
        await db.query<{ n: string; bytes: string }>(
          `select (select count(*) from ${t}) as n, pg_total_relation_size('${t}') as bytes`,
        )
      ).rows[0]!;
      sizes.push({ t, n: Number(r.n), bytes: Number(r.bytes) });
    }
    await db.end();
    console.log(`Data generated in ${((performance.now() - t0) / 1000).toFixed(1)} s:`);
    for (const [k, v] of Object.entries(data.timings)) console.log(`  ${k.padEnd(24)} ${ms(v)} ms`);
    for (const [k, v] of Object.entries(data.counts)) console.log(`  ${k.padEnd(42)} ${v}`);
    for (const r of sizes)
      console.log(`  table ${r.t.padEnd(20)} ${String(r.n).padStart(7)} rows ${mb(r.bytes)} with indexes`);

    const s = await login(server.url, data.assigningOfficer.username);
    const auditor = await login(server.url, data.auditor.username);
    const set1 = data.freshSets[0]!;
    const lastSet = data.freshSets[data.freshSets.length - 1]!;

    console.log(`\nSingle-case suggestions (${N} runs after 10 warm-ups)…`);
    const before = await suggestions(server.url, s, set1.slice(10, 10 + N), set1.slice(0, 10));

    const bulks: Bulk[] = [];
    const verifies: { after: string; res: Res; body: VerifyBody }[] = [];
    for (let r = 0; r < BULK_RUNS; r++) {
      const label = `set ${r + 1}`;
      console.log(`Bulk run ${r + 1}: preview and commit ${BULK} cases…`);
      const b = await bulk(server, s, label, data.freshSets[r]!);
      bulks.push(b);
      console.log(
        `  preview ${ms(b.preview.ms)} ms (${mb(b.preview.bytes)}), commit ${ms(b.commit.ms)} ms, ` +
          `assigned ${b.assigned}, queued ${b.queued}`,
      );
      console.log("  verify…");
      const v = await verify(server.url, auditor);
      verifies.push({ after: label, ...v });
      console.log(`  verify ${ms(v.res.ms)} ms: checked ${v.body.checked}, reproduced ${v.body.reproduced}`);
    }

    console.log(`Single-case suggestions after the bulk runs (${N} runs)…`);
    const after = await suggestions(server.url, s, lastSet.slice(10, 10 + N), lastSet.slice(0, 10));
    await server.stop();
    server = null;

    let phases: Phase[] = [];
    let explained: Explained[] = [];
    if (PROFILE) {
      console.log("In-process breakdown of preview() on set 3 (reads only)…");
      phases = await inProcess(data, lastSet);
      explained = await explainOfficerAggregates(data.officeId);
    }
    let profiled: Awaited<ReturnType<typeof profileRun>> | null = null;
    if (PROFILE) {
      console.log("Profile run: restarting the server with --cpu-prof and statement logging (set 3)…");
      profiled = await profileRun(admin, data, lastSet);
    }

    // ---- report
    console.log();
    console.log(
      `Machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), ` +
        `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, PostgreSQL ${pgVersion}, ` +
        `(${pgSettings}), ${new Date().toISOString()}, load average ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(" ")}`,
    );
    console.log(
      `Data: ${OFFICERS} officers, ${ASSIGNED} assigned open cases, ${CLOSED} decided, ` +
        `${data.freshSets.length} × ${BULK} unassigned. Policy: CAMS default (least_load).`,
    );
    console.log();
    const sugRow = (name: string, x: Suggest): string[] => [
      name,
      ms(quantile(x.times, 0.5)),
      ms(quantile(x.times, 0.95)),
      ms(x.times[x.times.length - 1]!),
      `${Math.round(x.bytes / x.times.length / 1024)} KiB`,
      `${Math.round(x.candidates / x.times.length)} eligible / ${Math.round(x.excluded / x.times.length)} excluded`,
      quantile(x.times, 0.5) < SUGGEST_GOAL_MS ? "met" : "MISSED",
    ];
    printTable(
      [
        "single-case suggestion",
        "median ms",
        "p95 ms",
        "max ms",
        "response",
        "officers (avg)",
        "goal <20 ms",
      ],
      [
        sugRow(`before the bulk runs (${ASSIGNED} assigned)`, before),
        sugRow(`after the bulk runs (${ASSIGNED + BULK_RUNS * BULK} assigned)`, after),
      ],
    );
    console.log();
    printTable(
      ["bulk run", "preview ms", "commit ms", "total ms", "preview body", "assigned", "queued", "goal <2 s"],
      [...bulks, ...(profiled ? [profiled.bulk] : [])].map((b) => [
        b.label,
        ms(b.preview.ms),
        ms(b.commit.ms),
        ms(b.total),
        mb(b.preview.bytes),
        String(b.assigned),
        String(b.queued),
        b.total < BULK_GOAL_MS ? "met" : "MISSED",
      ]),
    );
    console.log();
    for (const b of bulks) {
      console.log(
        `${b.label}: steps ${JSON.stringify(b.steps)}; commit chose the previewed officer for ` +
          `${b.sameAsPreview}/${b.assigned + b.queued}; client JSON.parse of the preview ${ms(b.previewParse)} ms; ` +
          `server CPU: preview ${cpu(b.serverCpu.preview)}, commit ${cpu(b.serverCpu.commit)}`,
      );
    }
    if (profiled)
      console.log(
        `set 3 (profiled, --cpu-prof and statement logging on, so slower): server CPU preview ` +
          `${cpu(profiled.bulk.serverCpu.preview)}, commit ${cpu(profiled.bulk.serverCpu.commit)}`,
      );
    console.log();
    printTable(
      ["ledger check (GET /assignment/verify)", "ms", "checked", "reproduced", "failures"],
      verifies.map((v) => [
        `after ${v.after}`,
        ms(v.res.ms),
        String(v.body.checked),
        String(v.body.reproduced),
        v.body.failures.length === 0 ? "none" : v.body.failures[0]!.difference,
      ]),
    );

    if (phases.length > 0) {
      console.log(
        "\nIn-process breakdown of preview() (each step called from this process on set 3; reads only):",
      );
      printTable(
        ["step", "ms", "note"],
        phases.map((p) => [p.step, ms(p.ms), p.note]),
      );
      console.log("\nEXPLAIN ANALYZE of loadOfficerFacts' aggregates (run on every suggestion and preview):");
      printTable(
        ["query", "planning ms", "execution ms", "plan"],
        explained.map((e) => [e.query, ms(e.planning), ms(e.execution), e.top]),
      );
    }
    if (profiled && profiled.suggestSql.length > 0) {
      const { rows, total } = summariseSql(profiled.suggestSql);
      const k = profiled.suggestRuns;
      console.log(
        `\nSQL per single-case suggestion (profiled server, average of ${k}): ${ms(total / k)} ms in PostgreSQL over ` +
          `${(rows.reduce((a, [, e]) => a + e.n, 0) / k).toFixed(0)} statements`,
      );
      printTable(
        ["statement", "per run", "ms per run", "parse", "bind", "execute"],
        rows
          .slice(0, 14)
          .map(([q, e]) => [
            q,
            (e.n / k).toFixed(1),
            ms(e.ms / k),
            ms(e.parse / k),
            ms(e.bind / k),
            ms(e.execute / k),
          ]),
      );
      if (profiled.profile) {
        const [from, to] = profiled.suggestWindow;
        const { total: cpuTotal, rows: hot } = hotFunctions(profiled.profile, 15, from, to);
        console.log(
          `\nServer CPU during those ${k} suggestions: ${ms(cpuTotal / k)} ms per suggestion (idle left out); hottest:`,
        );
        printTable(
          ["function", "ms per run", "share"],
          hot.map(([f, v]) => [f, ms(v / k), `${((100 * v) / cpuTotal).toFixed(1)}%`]),
        );
      }
    }
    if (profiled) {
      for (const [label, stmts, wall] of [
        ["preview", profiled.previewSql, profiled.bulk.preview.ms],
        ["commit", profiled.commitSql, profiled.bulk.commit.ms],
      ] as const) {
        if (stmts.length === 0) continue;
        const { rows, total } = summariseSql(stmts);
        console.log(
          `\nSQL during the profiled ${label} (${ms(wall)} ms wall): ${ms(total)} ms in PostgreSQL over ` +
            `${rows.reduce((a, [, e]) => a + e.n, 0)} statements (parse+bind+execute, as logged)`,
        );
        printTable(
          ["statement", "count", "total ms", "parse", "bind", "execute"],
          rows
            .slice(0, 14)
            .map(([k, e]) => [k, String(e.n), ms(e.ms), ms(e.parse), ms(e.bind), ms(e.execute)]),
        );
      }
      if (profiled.profile) {
        const [from, to] = profiled.window;
        const { inWindow, total, rows } = hotFunctions(profiled.profile, 30, from, to);
        console.log(
          `\nServer CPU profile, ${inWindow ? "from the preview request to the commit's answer" : "whole process (the window did not match the profile's clock)"}: ` +
            `${ms(total)} ms on the CPU (idle left out); hottest functions by self time:`,
        );
        printTable(
          ["function", "self ms", "share"],
          rows.map(([k, v]) => [k, ms(v), `${((100 * v) / total).toFixed(1)}%`]),
        );
      }
    }
  } finally {
    if (server) await server.stop();
    if (process.env.BENCH_KEEP_DB !== "1") {
      await admin.query(`drop database if exists ${DB_NAME} with (force)`);
    } else {
      console.log(`\nKept database ${DB_NAME} (BENCH_KEEP_DB=1).`);
    }
    await admin.end();
    agent.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
