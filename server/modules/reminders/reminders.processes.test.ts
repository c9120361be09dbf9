import { sql } from "kysely";
import { PgBoss } from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../../e2e/server.ts";
import { addDays, courtDay } from "../../platform/clock.ts";
import { caseBody, decideCase, signedIn } from "../../test/factories.ts";
import { call, testApp } from "../../test/harness.ts";
import { startApp } from "../../test/processes.ts";

/**
 * Two real app processes (server/main.ts) against one PostgreSQL, both running the job queue; scans are sent
 * to them while one is killed outright and started again. Every reminder must go out exactly once. Needs a
 * PostgreSQL server (TEST_DATABASE_URL): PGlite lives inside one process.
 */
const CASES = 30;

describe.skipIf(!process.env.TEST_DATABASE_URL)("reminders across processes", () => {
  const children: RunningServer[] = [];
  afterAll(async () => {
    await Promise.all(children.map((c) => c.kill()));
    await Promise.all(children.map((c) => c.stop()));
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
      await b.kill(); // mid-way: whatever it held is rolled back or done
      b = await startApp(databaseUrl!);
      children.push(b);
      for (let i = 0; i < 6; i++) await boss.send("reminders-scan", null);
      await waitForCompleted(8);
    } finally {
      await boss.stop({ graceful: false });
      await Promise.all([a.stop(), b.stop()]);
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
