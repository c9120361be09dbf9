import type { FastifyInstance } from "fastify";
import { Problem } from "./errors.ts";

/**
 * Where a process is in its life, for readiness and for requests that arrive before it can serve them:
 * - `starting`: listening, but migrations, reference data or the demo seed are still being applied;
 * - `ready`: serving;
 * - `draining`: SIGTERM received; requests are still served while the load balancer notices readiness
 *   failing, then the listener closes and in-flight requests and jobs finish.
 */
export type Phase = "starting" | "ready" | "draining";

export class Lifecycle {
  phase: Phase;
  /** What the process is doing while starting, for the readiness answer ("migrating", "seeding demo"…). */
  step = "";

  constructor(phase: Phase = "starting") {
    this.phase = phase;
  }

  starting(step: string) {
    this.phase = "starting";
    this.step = step;
  }

  ready() {
    this.phase = "ready";
    this.step = "";
  }

  drain() {
    this.phase = "draining";
  }
}

/** Paths that answer while the process is starting: probes need them to see it is not ready yet. */
const ALWAYS_ANSWERED = ["/health/"];

/**
 * While starting, every request except the health probes answers 503 `starting` with Retry-After: the
 * schema may not be migrated yet, so no route may touch the database. Draining serves requests as usual.
 */
export function installStartGate(app: FastifyInstance, lifecycle: Lifecycle) {
  app.addHook("onRequest", async (request, reply) => {
    if (lifecycle.phase !== "starting") return;
    if (ALWAYS_ANSWERED.some((p) => request.url.startsWith(p))) return;
    reply.header("retry-after", "5");
    throw new Problem(
      503,
      "starting",
      `CAMS is starting (${lifecycle.step || "preparing"}); try again shortly.`,
    );
  });
}

/**
 * Stops a process in order: readiness fails at once; after `drainSeconds` the listener closes (Fastify waits
 * for in-flight requests, answers late arrivals 503 and closes idle keep-alive connections) while the job
 * runner finishes the jobs it holds; then the database closes. Past `timeoutSeconds` it gives up with exit 1.
 */
export async function shutDown(opts: {
  app: FastifyInstance;
  lifecycle: Lifecycle;
  drainSeconds: number;
  timeoutSeconds: number;
  stopJobs: () => Promise<void>;
  closeDatabase: () => Promise<void>;
}): Promise<number> {
  const { app, lifecycle } = opts;
  lifecycle.drain();
  const deadline = new Promise<"timeout">((resolve) =>
    setTimeout(() => resolve("timeout"), opts.timeoutSeconds * 1000).unref(),
  );
  const orderly = (async () => {
    if (opts.drainSeconds > 0) await new Promise((r) => setTimeout(r, opts.drainSeconds * 1000));
    await Promise.all([app.close(), opts.stopJobs()]);
    await opts.closeDatabase();
    return "done" as const;
  })();
  const outcome = await Promise.race([orderly, deadline]);
  if (outcome === "timeout") {
    app.log.error({ timeoutSeconds: opts.timeoutSeconds }, "shutdown did not finish in time; exiting");
    return 1;
  }
  app.log.info("shut down cleanly");
  return 0;
}
