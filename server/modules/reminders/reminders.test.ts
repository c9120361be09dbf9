import { describe, expect, it } from "vitest";
import { startJobs } from "../../platform/jobs.ts";
import { caseBody, decideCase, makeUser, signedIn } from "../../test/factories.ts";
import { call, type Session, testApp } from "../../test/harness.ts";
import { escalateOverdueTasks } from "../tasks/tasks.escalation.ts";
import { sendDailyDigests } from "./digest.ts";
import { sendDueReminders } from "./reminders.scan.ts";
import { flagStaleCases } from "./stale.ts";

async function db() {
  return (await testApp()).handle.db;
}

async function withEmail(session: Session, email: string) {
  await (await db()).updateTable("users").set({ email }).where("id", "=", session.userId).execute();
}

/** A W.P. decided against the government on 26 Oct 2026: ICA deadline, internal due date Fri 13 Nov. */
async function adverseCase(focal: Session) {
  const c = (await call(focal, { method: "POST", url: "/api/v1/cases", body: await caseBody() })).json();
  const decided = await decideCase(focal, c, "against", "2026-10-26");
  expect(decided.statusCode).toBe(200);
  const [deadline] = (await call(focal, { method: "GET", url: `/api/v1/cases/${c.id}/deadlines` })).json()
    .items;
  return { caseId: c.id as string, deadlineId: deadline.id as string };
}

async function noticesOf(userId: string, kind: string) {
  return (await db())
    .selectFrom("notifications")
    .select(["kind", "case_id", "params"])
    .where("user_id", "=", userId)
    .where("kind", "=", kind)
    .execute();
}

describe("reminders", () => {
  it("go out at each lead time, once, with a notice and an email, and again for a moved date", async () => {
    const focal = await signedIn(["focal_person"]);
    await withEmail(focal, "focal@example.gov.pk");
    const { caseId, deadlineId } = await adverseCase(focal);
    const scan = async (today: string) =>
      sendDueReminders(await db(), [7, 3, 1], today, "https://cams.example");

    await scan("2026-11-01"); // 12 days before: nothing yet
    expect(await noticesOf(focal.userId, "deadline_reminder")).toEqual([]);
    await scan("2026-11-06"); // 7 days before
    await scan("2026-11-06");
    await Promise.all([scan("2026-11-06"), scan("2026-11-06")]); // concurrent scans add nothing
    await scan("2026-11-11"); // 2 days before: the 3-day reminder
    await scan("2026-11-12"); // 1 day before
    await scan("2026-11-12");
    const deadlineNotices = (await noticesOf(focal.userId, "deadline_reminder")).filter(
      (n) => n.case_id === caseId,
    );
    expect(deadlineNotices.map((n) => (n.params as { leadDays: number }).leadDays)).toEqual([7, 3, 1]);
    expect(deadlineNotices[0]!.params).toMatchObject({
      subjectId: deadlineId,
      dueOn: "2026-11-13",
      legalDueOn: "2026-11-16",
    });
    // the appeal-decision task (due the same day, assigned to the ministry) is reminded to its focal person too
    const taskNotices = (await noticesOf(focal.userId, "task_reminder")).filter((n) => n.case_id === caseId);
    expect(taskNotices.map((n) => (n.params as { leadDays: number }).leadDays)).toEqual([7, 3, 1]);

    const mails = await (await db())
      .selectFrom("mail_outbox")
      .selectAll()
      .where("user_id", "=", focal.userId)
      .orderBy("created_at")
      .execute();
    expect(mails).toHaveLength(6);
    expect(mails.find((m) => m.kind === "deadline_reminder")).toMatchObject({
      to_address: "focal@example.gov.pk",
      subject: expect.stringContaining("Deadline due 2026-11-13"),
      body_text: expect.stringContaining(`https://cams.example/cases/${caseId}`),
      sent_at: null,
    });

    // a recomputed deadline (a later date) is reminded again at the lead it is now in
    await (await db())
      .updateTable("deadlines")
      .set({ internal_due_on: "2026-11-20" })
      .where("id", "=", deadlineId)
      .execute();
    await scan("2026-11-18");
    const again = (await noticesOf(focal.userId, "deadline_reminder")).filter((n) => n.case_id === caseId);
    expect(again.map((n) => (n.params as { dueOn: string }).dueOn)).toEqual([
      "2026-11-13",
      "2026-11-13",
      "2026-11-13",
      "2026-11-20",
    ]);
  });

  it("a confidential case's deadline reaches only the people named on it", async () => {
    const focal = await signedIn(["focal_person"]);
    const colleague = await makeUser(focal.organisationId, ["focal_person"]);
    const c = (
      await call(focal, {
        method: "POST",
        url: "/api/v1/cases",
        body: await caseBody({ flags: { confidential: true } }),
      })
    ).json();
    await decideCase(focal, c, "against", "2026-10-26");
    await sendDueReminders(await db(), [7, 3, 1], "2026-11-12");
    expect(
      (await noticesOf(focal.userId, "deadline_reminder")).filter((n) => n.case_id === c.id),
    ).toHaveLength(1);
    expect((await noticesOf(colleague.id, "deadline_reminder")).filter((n) => n.case_id === c.id)).toEqual(
      [],
    );
    // its appeal-decision task is the recording user's, not the whole ministry's
    expect((await noticesOf(focal.userId, "task_reminder")).filter((n) => n.case_id === c.id)).toHaveLength(
      1,
    );
    expect((await noticesOf(colleague.id, "task_reminder")).filter((n) => n.case_id === c.id)).toEqual([]);
  });
});

describe("escalation, stale cases and the digest", () => {
  it("an overdue task escalates once to the nodal officer", async () => {
    const focal = await signedIn(["focal_person"]);
    const nodal = await makeUser(focal.organisationId, ["nodal_officer"]);
    const { caseId } = await adverseCase(focal);
    await escalateOverdueTasks(await db(), "2026-11-13"); // due that day: not overdue yet
    expect((await noticesOf(nodal.id, "task_overdue")).filter((n) => n.case_id === caseId)).toEqual([]);
    await escalateOverdueTasks(await db(), "2026-11-14");
    await escalateOverdueTasks(await db(), "2026-11-15");
    const notices = (await noticesOf(nodal.id, "task_overdue")).filter((n) => n.case_id === caseId);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.params).toMatchObject({ title: "Decide whether to appeal", dueOn: "2026-11-13" });
    const [task] = (
      await call(focal, { method: "GET", url: `/api/v1/tasks?scope=case&caseId=${caseId}` })
    ).json().items;
    expect(task.escalatedAt).not.toBeNull();
  });

  it("a case without an update for the organisation's N days is flagged and escalated, once", async () => {
    const focal = await signedIn(["focal_person"]);
    const nodal = await makeUser(focal.organisationId, ["nodal_officer"]);
    const d = await db();
    await d
      .updateTable("organisations")
      .set({ stale_after_days: 30 })
      .where("id", "=", focal.organisationId)
      .execute();
    const fresh = (
      await call(focal, { method: "POST", url: "/api/v1/cases", body: await caseBody() })
    ).json();
    const old = (await call(focal, { method: "POST", url: "/api/v1/cases", body: await caseBody() })).json();
    await d
      .updateTable("cases")
      .set({ updated_at: new Date(Date.now() - 31 * 86_400_000) })
      .where("id", "=", old.id)
      .execute();
    await flagStaleCases(d, 90);
    await flagStaleCases(d, 90);
    const notices = await noticesOf(nodal.id, "case_stale");
    expect(notices.map((n) => n.case_id)).toEqual([old.id]);
    expect(notices[0]!.params).toMatchObject({ days: 30 });
    const detail = (await call(focal, { method: "GET", url: `/api/v1/cases/${old.id}` })).json();
    expect(detail.staleSince).not.toBeNull();
    expect(
      (await call(focal, { method: "GET", url: `/api/v1/cases/${fresh.id}` })).json().staleSince,
    ).toBeNull();
  });

  it("the daily digest goes once a day to those with something due", async () => {
    const focal = await signedIn(["focal_person"]);
    const idle = await signedIn(["focal_person"]);
    await adverseCase(focal);
    await sendDailyDigests(await db(), "2026-11-10");
    await sendDailyDigests(await db(), "2026-11-10");
    const digests = await noticesOf(focal.userId, "daily_digest");
    expect(digests).toHaveLength(1);
    expect(digests[0]!.params).toMatchObject({
      day: "2026-11-10",
      tasksDue: 1,
      deadlinesDue: 1,
      tasksOverdue: 0,
      deadlinesOverdue: 0,
    });
    expect(await noticesOf(idle.userId, "daily_digest")).toEqual([]);
  });
});

describe("the job queue", () => {
  it("runs a job through pg-boss on this database (PGlite or PostgreSQL)", async () => {
    const { handle, databaseUrl } = await testApp();
    let ran = 0;
    const jobs = await startJobs(
      handle,
      databaseUrl,
      [{ name: "test-ping", cron: "0 0 1 1 *", run: async () => void ran++ }],
      {
        error: () => {},
      },
    );
    try {
      await jobs.trigger("test-ping");
      for (let i = 0; i < 100 && ran === 0; i++) await new Promise((r) => setTimeout(r, 200));
      expect(ran).toBe(1);
    } finally {
      await jobs.stop();
    }
  }, 60_000);
});

describe("the mail outbox and the notification centre", () => {
  it("administrators read the outbox; everyone marks their own notices read", async () => {
    const admin = await signedIn(["administrator"]);
    const focal = await signedIn(["focal_person"]);
    await withEmail(focal, "outbox@example.gov.pk");
    await adverseCase(focal);
    await sendDailyDigests(await db(), "2026-11-09");
    const outbox = await call(admin, { method: "GET", url: "/api/v1/mail-outbox" });
    expect(outbox.statusCode).toBe(200);
    expect(outbox.json().smtpConfigured).toBe(false);
    expect(outbox.json().items.find((m: { to: string }) => m.to === "outbox@example.gov.pk")).toMatchObject({
      kind: "daily_digest",
      sentAt: null,
    });
    expect((await call(focal, { method: "GET", url: "/api/v1/mail-outbox" })).statusCode).toBe(403);
    expect(
      (await call(focal, { method: "GET", url: "/api/v1/notifications" })).json().unread,
    ).toBeGreaterThan(0);
    expect((await call(focal, { method: "POST", url: "/api/v1/notifications/read-all" })).statusCode).toBe(
      204,
    );
    expect((await call(focal, { method: "GET", url: "/api/v1/notifications" })).json().unread).toBe(0);
  });
});
