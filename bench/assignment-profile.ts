import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { ROOT } from "../e2e/server.ts";
import type { Generated } from "./assignment-data.ts";
import type { Bulk, CommitBody, PreviewBody } from "./assignment-measure.ts";
import type { Explained, Phase } from "./assignment-phases.ts";
import { ms, printTable } from "./bench-report.ts";
import { cpuMs, DB_NAME, expectStatus, login, request, startServer } from "./bench-server.ts";

export type LogStmt = { phase: string; ms: number; sql: string };

export async function logFile(admin: pg.Client): Promise<string | null> {
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

export async function logSize(admin: pg.Client, file: string): Promise<number> {
  return Number((await admin.query<{ s: string }>("select (pg_stat_file($1)).size as s", [file])).rows[0]!.s);
}

export async function readLog(admin: pg.Client, file: string, from: number, to: number): Promise<LogStmt[]> {
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
export function shape(sqlText: string, width = 110): string {
  const folded = sqlText
    .replace(/\(\$\d+(, \$\d+)*\)/g, "($…)")
    .replace(/(\(\$…\), )+\(\$…\)/g, "($…), …")
    .replace(/\(\$\d+::uuid, \$\d+::uuid, \$\d+::int\)(, \(\$\d+::uuid, \$\d+::uuid, \$\d+::int\))*/g, "(…)")
    .replace(/\$\d+/g, "$");
  return folded.length > width ? `${folded.slice(0, width - 1)}…` : folded;
}

export function summariseSql(stmts: LogStmt[]) {
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

export type CpuProfile = {
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
export function hotFunctions(profile: CpuProfile, top: number, from: number, to: number) {
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

export const monoUs = () => Number(process.hrtime.bigint() / 1000n);

export async function profileRun(admin: pg.Client, data: Generated, ids: string[]) {
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

/** The profile part of the report: in-process phases, EXPLAIN, SQL by statement and the CPU profile. */
export function printProfile(
  phases: Phase[],
  explained: Explained[],
  profiled: Awaited<ReturnType<typeof profileRun>> | null,
) {
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
        rows.slice(0, 14).map(([k, e]) => [k, String(e.n), ms(e.ms), ms(e.parse), ms(e.bind), ms(e.execute)]),
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
}
