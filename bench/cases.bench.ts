/**
 * Case-register latency over real HTTP: starts the server as a child process (embedded PGlite in a fresh
 * temporary directory, demo data seeded), logs in as the law-ministry solicitor (who sees every case), warms
 * up, then times N sequential requests of each kind and prints median, p95 and max. Writes no files.
 *
 *   npm run bench            (N=200; BENCH_N=50 npm run bench for a quick look)
 */
import os from "node:os";
import { startServer } from "../e2e/server.ts";
import { DEMO_PASSWORD } from "../server/modules/demo/demo.seed.ts";
import { printTable, quantile } from "./bench-report.ts";

const N = Number(process.env.BENCH_N ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 20);
const GOAL_MS = 50;

type Case = { name: string; path: string; goal: boolean };

async function main() {
  console.log(`Starting the server (PGlite, demo data)…`);
  const t0 = performance.now();
  const server = await startServer({ readyTimeoutMs: 300_000 });
  console.log(`Server ready at ${server.url} after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  try {
    await run(server.url);
  } finally {
    await server.stop();
  }
}

async function run(base: string) {
  const cookie = await login(base, "solicitor", DEMO_PASSWORD);
  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`, { headers: { cookie, accept: "application/json" } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`GET ${path} → ${res.status}: ${body.slice(0, 500)}`);
    return body;
  };

  const all = JSON.parse(await get("/api/v1/cases?pageSize=1")) as { total: number };
  const first = JSON.parse(await get("/api/v1/cases?pageSize=25")) as { items: { id: string }[] };
  const someId = first.items[0]?.id;
  if (!someId) throw new Error("the case list is empty: was the demo seeded?");

  const cases: Case[] = [
    { name: "list, page 1 (pageSize=25)", path: "/api/v1/cases?pageSize=25", goal: true },
    {
      name: "list, status=pending&year=2024",
      path: "/api/v1/cases?pageSize=25&status=pending&year=2024",
      goal: true,
    },
    {
      name: "search q=Muhammad",
      path: `/api/v1/cases?pageSize=25&q=${encodeURIComponent("Muhammad")}`,
      goal: true,
    },
    {
      name: "search q=Muhamad Athar (misspelt)",
      path: `/api/v1/cases?pageSize=25&q=${encodeURIComponent("Muhamad Athar")}`,
      goal: true,
    },
    {
      name: "search q=WP 1234/2025 (case number)",
      path: `/api/v1/cases?pageSize=25&q=${encodeURIComponent("WP 1234/2025")}`,
      goal: true,
    },
    { name: "case detail GET /cases/:id", path: `/api/v1/cases/${someId}`, goal: false },
  ];

  const rows: string[][] = [];
  for (const c of cases) {
    const body = await get(c.path);
    const hits = (JSON.parse(body) as { total?: number }).total;
    for (let i = 0; i < WARMUP; i++) await get(c.path);
    const times: number[] = [];
    for (let i = 0; i < N; i++) {
      const start = performance.now();
      await get(c.path);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const median = quantile(times, 0.5);
    const verdict = c.goal ? (median < GOAL_MS ? "ok" : `MISSES <${GOAL_MS} ms`) : "—";
    rows.push([
      c.name,
      hits === undefined ? "—" : String(hits),
      median.toFixed(1),
      quantile(times, 0.95).toFixed(1),
      times[times.length - 1]!.toFixed(1),
      verdict,
    ]);
  }

  console.log();
  console.log(
    `Data: ${all.total} cases (demo seed), user solicitor (law_ministry). N=${N} sequential requests each, ` +
      `after ${WARMUP} warm-up requests.`,
  );
  console.log(
    `Machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${new Date().toISOString()}, ` +
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
  );
  console.log();
  printTable(["query", "hits", "median ms", "p95 ms", "max ms", `goal median <${GOAL_MS} ms`], rows);
}

async function login(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${username} → ${res.status}: ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]);
  if (cookies.length === 0) throw new Error("login set no cookie");
  return cookies.join("; ");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
