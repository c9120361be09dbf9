import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { sql } from "kysely";
import { PgBoss } from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";
import { addDays, courtDay } from "../../platform/clock.ts";
import { caseBody, decideCase, signedIn } from "../../test/factories.ts";
import { call, testApp } from "../../test/harness.ts";

/**
 * Two real app processes (server/main.ts) against one PostgreSQL, both running the job queue; scans are sent
 * to them while one is killed outright and started again. Every reminder must go out exactly once. Needs a
 * PostgreSQL server (TEST_DATABASE_URL): PGlite lives inside one process.
 */
const ROOT = path.resolve(import.meta.dirname, "../../..");
const NODE = path.join(ROOT, "node_modules", ".bin", "node");
const CASES = 30;

function startApp(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(NODE, ["server/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: "0",
      CAMS_SEED_DEMO: "never",
      CAMS_JOBS: "on",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("CAMS is serving")) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.once("exit", (code) => reject(new Error(`app exited with ${code}:\n${output}`)));
  });
}

const stopped = (child: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill(signal);
  });

describe.skipIf(!process.env.TEST_DATABASE_URL)("reminders across processes", () => {
  const children: ChildProcess[] = [];
  afterAll(async () => {
    await Promise.all(children.map((c) => stopped(c, "SIGKILL")));
  });

  it("two processes, one killed and restarted mid-way: each reminder exactly once", async () => {
    const { handle, databaseUrl } = await testApp();
    const db = handle.db;
    const focal = await signedIn(["focal_person"]);
    await db
      .updateTable("users")
      .set({ email: "focal@example.gov.pk" })
      .where("id", "=", focal.userId)
      .execute();
    // decided 15 days ago: the 20-day ICA deadline's internal date falls within the coming week
    const decidedOn = addDays(courtDay(), -15);
    const caseIds: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const c = (await call(focal, { method: "POST", url: "/api/v1/cases", body: await caseBody() })).json();
      const res = await decideCase(focal, c, "against", decidedOn);
      expect(res.statusCode).toBe(200);
      caseIds.push(c.id);
    }

    const a = await startApp(databaseUrl!);
    children.push(a);
    let b = await startApp(databaseUrl!);
    children.push(b);
    const boss = new PgBoss({
      connectionString: databaseUrl!,
      schema: "pgboss",
      supervise: false,
      schedule: false,
    });
    await boss.start();
    const completed = async () =>
      Number(
        (
          await sql<{
            n: string;
          }>`select count(*) as n from pgboss.job where name = 'reminders-scan' and state = 'completed'`.execute(
            db,
          )
        ).rows[0]!.n,
      );
    const waitForCompleted = async (n: number) => {
      for (let i = 0; i < 300 && (await completed()) < n; i++) await new Promise((r) => setTimeout(r, 200));
      expect(await completed()).toBeGreaterThanOrEqual(n);
    };
    try {
      for (let i = 0; i < 6; i++) await boss.send("reminders-scan", null);
      await waitForCompleted(1);
      await stopped(b, "SIGKILL"); // mid-way: whatever it held is rolled back or done
      b = await startApp(databaseUrl!);
      children.push(b);
      for (let i = 0; i < 6; i++) await boss.send("reminders-scan", null);
      await waitForCompleted(8);
    } finally {
      await boss.stop({ graceful: false });
      await Promise.all([stopped(a, "SIGTERM"), stopped(b, "SIGTERM")]);
    }

    const notices = await db
      .selectFrom("notifications")
      .select(["kind", "case_id"])
      .where("user_id", "=", focal.userId)
      .where("kind", "in", ["deadline_reminder", "task_reminder"])
      .execute();
    const perCase = (kind: string) =>
      caseIds.map((id) => notices.filter((n) => n.kind === kind && n.case_id === id).length);
    expect(perCase("deadline_reminder")).toEqual(caseIds.map(() => 1));
    expect(perCase("task_reminder")).toEqual(caseIds.map(() => 1));
    const mails = await db
      .selectFrom("mail_outbox")
      .select("kind")
      .where("user_id", "=", focal.userId)
      .execute();
    expect(mails).toHaveLength(2 * CASES);
  }, 180_000);
});
