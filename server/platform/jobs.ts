import { PgBoss } from "pg-boss";
import { fromPglite } from "pg-boss/dist/adapters/pglite.js";
import type { DatabaseHandle } from "../db/connection.ts";

/**
 * Background jobs on pg-boss, in the same PostgreSQL as everything else (DESIGN.md: jobs survive restarts and
 * run once across many app processes). Each job is a cron schedule and a handler; pg-boss's scheduler sends
 * one job per occurrence however many processes run, and a job whose process dies is retried after it
 * expires. Handlers must still be idempotent (the reminders' log makes them so): a retry runs them again.
 *
 * On PGlite the queue speaks to the same single connection as Kysely, so every statement waits for its
 * turn on Kysely's connection — otherwise a job's statement could land inside a request's transaction.
 */
export type ScheduledJob = {
  name: string;
  /** Cron in Pakistan time (Asia/Karachi). */
  cron: string;
  run: () => Promise<unknown>;
};

export type Jobs = {
  /** Sends one job now (tests, and "run it now" from the command line). */
  trigger(name: string): Promise<void>;
  stop(): Promise<void>;
};

export async function startJobs(
  handle: DatabaseHandle,
  databaseUrl: string | undefined,
  jobs: ScheduledJob[],
  log: { error: (obj: object, msg: string) => void },
): Promise<Jobs> {
  const boss = new PgBoss(
    databaseUrl
      ? { connectionString: databaseUrl, schema: "pgboss", max: 4 }
      : { db: serialisedPglite(handle), backend: "pglite", schema: "pgboss" },
  );
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name, { retryLimit: 3, retryDelay: 30, expireInSeconds: 300 });
    await boss.schedule(job.name, job.cron, null, { tz: "Asia/Karachi" });
    await boss.work(job.name, { pollingIntervalSeconds: 5 }, async () => {
      await job.run();
    });
  }
  return {
    async trigger(name) {
      await boss.send(name, null);
    },
    stop: () => boss.stop({ graceful: true, timeout: 10_000 }),
  };
}

function serialisedPglite(handle: DatabaseHandle) {
  if (!handle.pglite) throw new Error("PGlite handle expected");
  const direct = fromPglite(handle.pglite);
  return {
    executeSql: (text: string, values?: unknown[]) =>
      handle.db.connection().execute(() => direct.executeSql(text, values)),
  };
}
