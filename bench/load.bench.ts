/**
 * Issue 7's HTTP load benchmark: the main journeys against the real server on PostgreSQL, at 100,000 and
 * 1,000,000 synthetic cases (`cams seed --synthetic`), with one and with two app processes — first at saturation
 * (autocannon, 50 connections, each asking again as soon as it is answered), then paced (50 users whose requests
 * arrive at random, BENCH_USER_RATE a second each: load/paced.ts); for each read, the same SQL replayed straight
 * through `pg` as the floor; EXPLAIN of every list and search query; the app process's resident memory under
 * load and over a soak.
 *
 * Data: a database per size (cams_load_<N>), seeded once and kept — seeding 1,000,000 cases takes minutes —
 * and re-used while it holds N cases. Writes made by a run (cases, hearings) stay; they are a rounding error.
 *
 * Settings: BENCH_SIZES (100000,1000000), BENCH_SECONDS per journey (15), BENCH_CONNECTIONS (50),
 * BENCH_PROCESSES (1,2), BENCH_SOAK_MINUTES (10; 0 skips), BENCH_USER_RATE (1), BENCH_MODES (saturation,paced),
 * BENCH_JOURNEYS (names to run, separated by ";": names hold commas), BENCH_PG_URL (the server, database `test`).
 */
import os from "node:os";
import { activeActor } from "../server/platform/actor.load.ts";
import { ms, printTable } from "./bench-report.ts";
import { cpuMs, login, PG_URL, startServer } from "./bench-server.ts";
import { captureRequests, dbUrl, ensureData, openBenchDb, waitIdle } from "./load/data.ts";
import { planCheck, replay } from "./load/floor.ts";
import { drawSample, journeys } from "./load/journeys.ts";
import { rssMb, soak, watchRss } from "./load/memory.ts";
import { runPaced } from "./load/paced.ts";
import { type LoadRequest, runLoad } from "./load/run-load.ts";

const SIZES = (process.env.BENCH_SIZES ?? "100000,1000000").split(",").map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PROCESSES = (process.env.BENCH_PROCESSES ?? "1,2").split(",").map(Number);
const SOAK_MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 10);
/** Requests a second each paced user sends: 50 users at 1/s is a busy office, far above a real one's rate. */
const USER_RATE = Number(process.env.BENCH_USER_RATE ?? 1);
const MODES = (process.env.BENCH_MODES ?? "saturation,paced").split(",");
const ONLY = process.env.BENCH_JOURNEYS?.split(";");
const PASSWORD = "cams-demo-2026"; // the synthetic seed's password (the demo's)
const READER = "solicitor.1";
const WRITER = "focal.interior.1";

async function benchSize(cases: number) {
  const url = dbUrl(`cams_load_${cases}`);
  await ensureData(url, cases);
  const { db, close } = await openBenchDb(url);
  const reader = await db
    .selectFrom("users")
    .select("id")
    .where("username", "=", READER)
    .executeTakeFirstOrThrow();
  // the reader as the server sees them: their own roles, not an assumed set
  const actor = await activeActor(db, reader.id, "load-bench");
  if (!actor) throw new Error(`${READER} is not active`);
  const writerOrg = await db
    .selectFrom("users")
    .select("organisation_id")
    .where("username", "=", WRITER)
    .executeTakeFirstOrThrow();
  const sample = await drawSample(db, writerOrg.organisation_id);
  await close();
  const all = journeys(sample, { username: READER, password: PASSWORD }).filter(
    (j) => !ONLY || ONLY.includes(j.name),
  );

  // the floor and the plans, from the SQL each read's service ran
  const floors = new Map<string, Awaited<ReturnType<typeof replay>>>();
  const plans = new Map<string, string[]>();
  for (const j of all) {
    if (!j.service || !MODES.includes("saturation")) continue;
    const requests = await captureRequests(url, actor, j.service, 50);
    if (j.planChecked) plans.set(j.name, await planCheck(url, requests[0] ?? []));
    floors.set(j.name, await replay(url, requests, { connections: CONNECTIONS, seconds: SECONDS }));
  }

  const rows: string[][] = [];
  const paced: string[][] = [];
  const rps = new Map<string, number[]>();
  for (const processes of PROCESSES) {
    const servers = await Promise.all(
      Array.from({ length: processes }, () => startServer([], { DATABASE_URL: url, CAMS_JOBS: "off" })),
    );
    try {
      const bases = servers.map((s) => s.url);
      const sessions = {
        reader: await login(bases[0]!, READER, PASSWORD),
        writer: await login(bases[0]!, WRITER, PASSWORD),
      };
      for (const j of all) {
        const s = j.as === "anonymous" ? null : sessions[j.as];
        const headers: Record<string, string> = s ? { cookie: s.cookie, "x-csrf-token": s.csrf } : {};
        await runLoad(bases, headers, j.request, { connections: CONNECTIONS, seconds: 2 }); // warm-up
        const label = `${j.name} (${processes} process${processes > 1 ? "es" : ""})`;
        if (MODES.includes("saturation")) {
          const cpu0 = servers.map((sv) => cpuMs(sv.pid) ?? 0);
          const rss = watchRss(servers.map((sv) => sv.pid));
          const r = await runLoad(bases, headers, j.request, { connections: CONNECTIONS, seconds: SECONDS });
          const maxRss = rss.stop();
          const drained = await waitIdle(url); // before the next journey, and before reading CPU
          const cpu = servers.reduce((sum, sv, i) => sum + ((cpuMs(sv.pid) ?? 0) - (cpu0[i] ?? 0)), 0);
          if (drained > 1000)
            console.log(`  ${j.name}: ${(drained / 1000).toFixed(1)} s until the database was idle`);
          rps.set(j.name, [...(rps.get(j.name) ?? []), r.rps]);
          const floor = floors.get(j.name);
          rows.push([
            label,
            r.rps.toFixed(0),
            ms(r.p50),
            ms(r.p95),
            ms(r.p99),
            `${r.non2xx + r.errors}/${r.requests}`,
            floor ? `${floor.rps.toFixed(0)} (p95 ${ms(floor.p95)})` : "—",
            floor ? `${((100 * r.rps) / floor.rps).toFixed(0)}%` : "—",
            `${maxRss.toFixed(0)} MiB`,
            `${((cpu / (SECONDS * 1000)) * 100).toFixed(0)}%`,
          ]);
        }
        if (MODES.includes("paced")) {
          const rate = CONNECTIONS * USER_RATE;
          const p = await runPaced(bases, headers, j.request, { users: CONNECTIONS, seconds: SECONDS, rate });
          await waitIdle(url);
          const served = `${rate} → ${p.rps.toFixed(0)}`;
          paced.push([
            label,
            served,
            ms(p.p50),
            ms(p.p95),
            ms(p.p99),
            `${p.non2xx + p.errors}/${p.requests}`,
          ]);
        }
      }
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  }

  if (rows.length > 0) {
    console.log(
      `\n${cases.toLocaleString("en")} cases — ${CONNECTIONS} connections at saturation, ${SECONDS} s per journey`,
    );
    printTable(
      [
        "journey",
        "req/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "failed",
        "SQL floor req/s",
        "API/floor",
        "RSS max",
        "app CPU",
      ],
      rows,
    );
  }
  if (paced.length > 0) {
    console.log(
      `\n${cases.toLocaleString("en")} cases — ${CONNECTIONS} users, ${USER_RATE} request/s each, arriving at random`,
    );
    printTable(["journey", "req/s offered → served", "p50 ms", "p95 ms", "p99 ms", "failed"], paced);
  }
  if (PROCESSES.length === 2) {
    console.log("\nscaling, two processes over one:");
    for (const [name, [one, two]] of rps)
      if (one && two) console.log(`  ${name}: ${(two / one).toFixed(2)}×`);
  }
  console.log("\nquery plans (large tables read by a sequential scan):");
  for (const [name, scans] of plans) console.log(`  ${name}: ${scans.length ? scans.join(", ") : "none"}`);
  const reads = all.filter((j) => j.service);
  let turn = 0;
  const mixed: LoadRequest = {
    method: "GET",
    next: () => (reads[turn++ % reads.length] ?? reads[0]!).request.next(),
  };
  return { url, mixed };
}

async function main() {
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ` +
      `load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}; PostgreSQL ${PG_URL}`,
  );
  let last: Awaited<ReturnType<typeof benchSize>> | null = null;
  for (const size of SIZES) last = await benchSize(size);
  if (SOAK_MINUTES > 0 && last) {
    const result = await soak(last.url, {
      minutes: SOAK_MINUTES,
      connections: CONNECTIONS,
      reader: READER,
      password: PASSWORD,
      request: last.mixed,
    });
    console.log(
      `\nsoak, ${SOAK_MINUTES} min of mixed reads (${result.requests} requests, ${result.failed} failed):`,
    );
    console.log(
      `  RSS first minute ${rssMb(result.first)}, last minute ${rssMb(result.last)}, max ${rssMb(result.max)}; ` +
        `growth ${result.growthPct.toFixed(1)}%`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
