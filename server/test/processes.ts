import { type Answer, send } from "../../bench/crash/client.ts";
import { type RunningServer, startServer } from "../../e2e/server.ts";
import type { Session } from "./harness.ts";

/**
 * Real app processes (server/main.ts) against the test's PostgreSQL database, for the tests that need more than
 * one (PGlite lives inside one process): no demo, the job queue on, ready once /health/ready answers 200.
 * Processes sharing `dataDir` share the document store, as a deployment's processes must.
 */
export function startApp(
  databaseUrl: string,
  opts: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  return startServer({
    databaseUrl,
    seedDemo: "never",
    readyTimeoutMs: 60_000,
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    env: { CAMS_JOBS: "on", CAMS_LOGIN_RATE_PER_MINUTE: "100000", ...opts.env },
  });
}

export type { Answer } from "../../bench/crash/client.ts";

/** A request to a child process as a session signed in through the test harness (sessions live in the database). */
export function sendTo(
  app: RunningServer,
  session: Session,
  method: "GET" | "POST" | "PATCH",
  path: string,
  body?: unknown,
): Promise<Answer> {
  return send({ base: app.url, ...session }, method, path, body);
}
