import pg from "pg";
import { quantile } from "../bench-report.ts";

/**
 * The floor under an API read: the very SQL the service ran for a request (captured through the query log),
 * replayed straight through `pg` with the same concurrency and no HTTP, session, validation or JSON in between.
 * The API's throughput over the floor's says what the layers above the database cost.
 */
export type Statement = { sql: string; parameters: readonly unknown[] };
export type Captured = Statement[]; // one request's statements, in order

export type FloorResult = { rps: number; p50: number; p95: number; p99: number };

export async function replay(
  url: string,
  requests: Captured[],
  opts: { connections: number; seconds: number },
): Promise<FloorResult> {
  const pool = new pg.Pool({ connectionString: url, max: opts.connections });
  const times: number[] = [];
  const until = performance.now() + opts.seconds * 1000;
  let i = 0;
  const worker = async () => {
    while (performance.now() < until) {
      const request = requests[i++ % requests.length] ?? [];
      const t0 = performance.now();
      const client = await pool.connect();
      try {
        for (const s of request) await client.query(s.sql, s.parameters as unknown[]);
      } finally {
        client.release();
      }
      times.push(performance.now() - t0);
    }
  };
  try {
    await Promise.all(Array.from({ length: opts.connections }, worker));
  } finally {
    await pool.end();
  }
  times.sort((a, b) => a - b);
  return {
    rps: times.length / opts.seconds,
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    p99: quantile(times, 0.99),
  };
}

/** Tables large enough at 1,000,000 cases that a sequential scan of one is a missing index. */
const LARGE = new Set([
  "cases",
  "case_search",
  "case_parties",
  "hearings",
  "documents",
  "document_versions",
  "tasks",
  "deadlines",
  "audit_events",
  "case_assignments",
]);

type PlanNode = { "Node Type": string; "Relation Name"?: string; Plans?: PlanNode[] };

function seqScans(node: PlanNode, out: Set<string>) {
  if (node["Node Type"] === "Seq Scan" && node["Relation Name"] && LARGE.has(node["Relation Name"]))
    out.add(node["Relation Name"]);
  for (const child of node.Plans ?? []) seqScans(child, out);
}

/**
 * EXPLAIN of every select a request ran: the large tables any of them reads by a sequential scan (none means
 * every read of a large table goes through an index).
 */
export async function planCheck(url: string, request: Captured): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const scanned = new Set<string>();
  try {
    for (const s of request) {
      if (!/^\s*(select|with)\b/i.test(s.sql)) continue;
      const res = await client.query(`explain (format json) ${s.sql}`, s.parameters as unknown[]);
      const plan = (res.rows[0] as { "QUERY PLAN": [{ Plan: PlanNode }] })["QUERY PLAN"][0].Plan;
      seqScans(plan, scanned);
    }
  } finally {
    await client.end();
  }
  return [...scanned].sort();
}
