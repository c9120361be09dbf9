import os from "node:os";
import pg from "pg";
import { hashPassword } from "../server/platform/auth/passwords.ts";
import { generate } from "./assignment-data.ts";
import { type Bulk, bulk, type Suggest, suggestions, type VerifyBody, verify } from "./assignment-measure.ts";
import { type Explained, explainOfficerAggregates, inProcess, type Phase } from "./assignment-phases.ts";
import { printProfile, profileRun } from "./assignment-profile.ts";
import { cpu, mb, ms, printTable, quantile } from "./bench-report.ts";
import {
  adminClient,
  agent,
  DB_NAME,
  DB_URL,
  login,
  PASSWORD,
  PG_URL,
  type Res,
  type Server,
  startServer,
} from "./bench-server.ts";

const N = Number(process.env.BENCH_N ?? 100);
const OFFICERS = Number(process.env.BENCH_OFFICERS ?? 1000);
const BULK = Number(process.env.BENCH_BULK ?? 10_000);
const ASSIGNED = Number(process.env.BENCH_ASSIGNED ?? 20_000);
const CLOSED = Number(process.env.BENCH_CLOSED ?? 5_000);
const BULK_RUNS = Number(process.env.BENCH_BULK_RUNS ?? 2);
const PROFILE = process.env.BENCH_PROFILE !== "0";
const SUGGEST_GOAL_MS = 20;
const BULK_GOAL_MS = 2000;

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

    printProfile(phases, explained, profiled);
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
