import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { testApp } from "../harness.ts";
import { loadOperations, operationName } from "./openapi.ts";
import { type FuzzRequest, requestsFor } from "./requests.ts";
import { installWriteCounter, type Snapshot, snapshot, writesBetween } from "./snapshot.ts";
import { buildWorld, readPools, type World } from "./world.ts";

/**
 * The property run shared by the CI test (few runs, fixed seed) and `npm run fuzz` (many runs, random seed):
 * for every operation of the OpenAPI document, `runs` generated requests, each of which must
 *   - answer (within REQUEST_TIMEOUT_MS) with a status below 500,
 *   - when ≥ 400, answer application/problem+json with a `code`,
 *   - when ≥ 400, write nothing: no committed INSERT, UPDATE or DELETE on any table (snapshot.ts) beyond the
 *     writes a refusal makes by design.
 * Failures are collected across all operations, not stopped at the first, so one run reports them all. Each
 * operation runs from its own seed (the run's seed + its index), printed with a failure: FUZZ_ONLY=<operation>
 * FUZZ_SEED=<that seed> replays its requests (against a fresh world, so a failure that needed an earlier
 * operation's writes may need the whole run).
 */
export type FuzzOptions = { runs: number; seed: number; only?: RegExp; log?: (line: string) => void };
export type FuzzFailure = {
  operation: string;
  seed: number;
  path: number[] | string;
  request: string;
  problem: string;
};
export type FuzzReport = {
  operations: number;
  requests: number;
  byStatus: Record<string, number>;
  failures: FuzzFailure[];
  ms: number;
};

const REQUEST_TIMEOUT_MS = 20_000;
const POOL_REFRESH = 12;

export async function runFuzz(opts: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const operations = (await loadOperations()).filter((op) => !opts.only || opts.only.test(operationName(op)));
  const world = await buildWorld();
  await installWriteCounter();
  const report: FuzzReport = {
    operations: operations.length,
    requests: 0,
    byStatus: {},
    failures: [],
    ms: 0,
  };
  let pools = await readPools(world);
  const empty = [...pools.path].filter(([, ids]) => ids.length === 0).map(([key]) => key);
  if (empty.length > 0) opts.log?.(`no real records yet for path parameters ${empty.join(", ")}`);
  const timings: [string, number][] = [];
  for (const [i, op] of operations.entries()) {
    // Re-read now and then, so records the run created become targets (a read costs ~150 ms on PGlite).
    if (i % POOL_REFRESH === POOL_REFRESH - 1) pools = await readPools(world);
    const seed = opts.seed + i;
    const opStarted = performance.now();
    const result = await fc.check(
      fc.asyncProperty(requestsFor(op, pools), async (req) => {
        const { problem, res } = await sendAndCheck(world, req, report);
        if (res) await afterwards(world, req, res);
        if (problem) throw new Error(problem);
      }),
      { numRuns: opts.runs, seed, endOnFailure: !process.env.FUZZ_SHRINK },
    );
    timings.push([operationName(op), performance.now() - opStarted]);
    if (result.failed) {
      const failure: FuzzFailure = {
        operation: operationName(op),
        seed,
        path: result.counterexamplePath ?? "",
        request: describe(result.counterexample?.[0] as FuzzRequest | undefined),
        problem: String((result.errorInstance as Error | undefined)?.message ?? result.errorInstance),
      };
      report.failures.push(failure);
      opts.log?.(`FAIL ${failure.operation} (seed ${seed}): ${failure.problem}\n  ${failure.request}`);
    }
  }
  report.ms = Math.round(performance.now() - started);
  if (process.env.FUZZ_TIMINGS)
    opts.log?.(
      timings
        .sort((a, b) => b[1] - a[1])
        .slice(0, 15)
        .map(([n, ms]) => `${Math.round(ms)} ms ${n}`)
        .join("\n"),
    );
  return report;
}

/** Sends one request and says what is wrong with the answer (problem null when nothing is). */
async function sendAndCheck(
  world: World,
  req: FuzzRequest,
  report: FuzzReport,
): Promise<{ problem: string | null; res: LightMyRequestResponse | null }> {
  const before = await snapshot();
  const res = await withTimeout(send(world, req), REQUEST_TIMEOUT_MS);
  report.requests += 1;
  if (!res) return { problem: `no answer within ${REQUEST_TIMEOUT_MS} ms`, res };
  return { problem: await judge(req, res, before, report), res };
}

async function judge(
  req: FuzzRequest,
  res: LightMyRequestResponse,
  before: Snapshot,
  report: FuzzReport,
): Promise<string | null> {
  report.byStatus[res.statusCode] = (report.byStatus[res.statusCode] ?? 0) + 1;
  if (res.statusCode >= 500) return `${res.statusCode} ${res.body.slice(0, 300)}`;
  if (res.statusCode < 400) return null;
  const type = String(res.headers["content-type"] ?? "");
  if (!type.startsWith("application/problem+json"))
    return `${res.statusCode} answered as ${type || "no type"}`;
  const code = (res.json() as { code?: unknown }).code;
  if (typeof code !== "string" || code === "") return `${res.statusCode} problem without a code`;
  const written = writesBetween(before, await snapshot(), req.url, code);
  return written.length > 0 ? `${res.statusCode} ${code} but wrote: ${written.join("; ")}` : null;
}

/**
 * Puts the world back in order after a request: a fuzzed logout, a sign-in attempt (it discards the session it
 * came with) or a lockout ends the actor's session, so it signs in again; an export job a request started runs
 * in the background, so it is waited for — its writes must not be taken for the next request's.
 */
async function afterwards(world: World, req: FuzzRequest, res: LightMyRequestResponse) {
  const sessionEnded =
    req.actor !== "anonymous" &&
    req.headers.cookie === "send" &&
    (res.statusCode === 401 || (res.statusCode < 300 && req.url.startsWith("/api/v1/auth/logout")));
  if (sessionEnded) await world.signInAgain(req.actor);
  if (res.statusCode === 202) await exportsSettled();
}

async function exportsSettled(): Promise<void> {
  const { handle } = await testApp();
  for (let waited = 0; waited < REQUEST_TIMEOUT_MS; waited += 50) {
    const busy = await handle.db
      .selectFrom("export_jobs")
      .select("id")
      .where("state", "in", ["queued", "running"])
      .executeTakeFirst();
    if (!busy) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function send(world: World, req: FuzzRequest): Promise<LightMyRequestResponse> {
  const { app } = await testApp();
  const session = world.sessions.get(req.actor) ?? null;
  const headers: Record<string, string> = {};
  const twist = req.headers;
  if (session) {
    headers.cookie =
      twist.cookie === "send"
        ? session.cookie
        : twist.cookie === "garbage"
          ? "cams_session=%zz; other=\u00ff"
          : `cams_session=${"A".repeat(8_000)}`;
    if (req.method !== "GET" && twist.csrf !== "omit")
      headers["x-csrf-token"] = twist.csrf === "send" ? session.csrf : "0".repeat(session.csrf.length);
  }
  if (twist.accept !== undefined) headers.accept = twist.accept;
  if (twist.extra) headers[twist.extra[0]] = twist.extra[1];
  const contentType = twist.contentType ?? req.body.contentType;
  if (contentType !== undefined && req.body.payload !== undefined) headers["content-type"] = contentType;
  return app.inject({
    method: req.method,
    url: req.url,
    headers,
    ...(req.body.payload !== undefined ? { payload: req.body.payload } : {}),
  });
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The request as a line a developer can replay by hand (long payloads cut). */
export function describe(req: FuzzRequest | undefined): string {
  if (!req) return "(no counterexample)";
  const payload = req.body.payload === undefined ? "" : String(req.body.payload);
  const shown = payload.length > 400 ? `${payload.slice(0, 400)}… (${payload.length} chars)` : payload;
  return `${req.actor} ${req.method} ${req.url.slice(0, 400)} [${req.focus}; ${req.body.label}; headers ${JSON.stringify(req.headers).slice(0, 200)}] ${shown}`;
}
