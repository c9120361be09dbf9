import { describe, expect, it } from "vitest";
import { caseBody, decideCase, signedIn } from "../../test/factories.ts";
import { call, type Session } from "../../test/harness.ts";

/**
 * The deadline engine over HTTP, on the calendars loaded from reference/court-calendars.json: the Islamabad
 * High Court sits every day but Sunday; 9 Nov (Iqbal Day) and 25 Dec are holidays for every court.
 */
async function newCase(focal: Session, overrides: Record<string, unknown> = {}) {
  const res = await call(focal, { method: "POST", url: "/api/v1/cases", body: await caseBody(overrides) });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; version: number };
}

const decide = decideCase;

const deadlinesOf = async (who: Session, caseId: string) =>
  (await call(who, { method: "GET", url: `/api/v1/cases/${caseId}/deadlines` })).json().items;

const tasksOf = async (who: Session, caseId: string) =>
  (await call(who, { method: "GET", url: `/api/v1/tasks?scope=case&caseId=${caseId}&state=all` })).json()
    .items;

describe("limitation deadlines", () => {
  it("an adverse judgment opens the appeal deadline with its derivation, the task, and a report to the Solicitor", async () => {
    const focal = await signedIn(["focal_person"]);
    const solicitor = await signedIn(["law_ministry"]);
    const c = await newCase(focal); // W.P. in the Islamabad High Court: an ICA lies, 20 days, no copy exclusion
    const decided = await decide(focal, c, "against", "2026-10-26");
    expect(decided.statusCode).toBe(200);

    const [deadline] = await deadlinesOf(focal, c.id);
    expect(deadline).toMatchObject({
      kind: "appeal",
      state: "open",
      triggerOn: "2026-10-26",
      rule: { code: "ica_high_court", status: "V" },
      calendarCourt: { nameEn: "Islamabad High Court" },
      // 20 days end on Sunday 15 Nov: filed Monday 16 Nov (s.4); internal 3 days earlier, Friday 13 Nov
      legalDueOn: "2026-11-16",
      internalDueOn: "2026-11-13",
      provisional: false,
      abilities: { edit: true },
    });
    expect(deadline.steps.map((s: { code: string }) => s.code)).toEqual([
      "period",
      "court_closed",
      "internal",
    ]);
    expect(deadline.steps[0].text).toContain("Limitation Act 1908, First Schedule Art. 151");
    expect(deadline.steps[0].text).toContain("s.12(1)");
    expect(deadline.steps[1].text).toContain("2026-11-15 (Sunday)");

    const [task] = await tasksOf(focal, c.id);
    expect(task).toMatchObject({
      kind: "appeal_decision",
      title: "Decide whether to appeal",
      priority: "high",
      dueOn: "2026-11-13",
      deadlineId: deadline.id,
      state: "open",
      assigneeOrganisation: { id: focal.organisationId },
      abilities: { update: true },
    });
    const mine = (await call(focal, { method: "GET", url: "/api/v1/tasks" })).json().items;
    expect(mine.map((t: { id: string }) => t.id)).toContain(task.id);

    const notices = (await call(solicitor, { method: "GET", url: "/api/v1/notifications" })).json().items;
    expect(notices.find((n: { caseId: string }) => n.caseId === c.id)).toMatchObject({
      kind: "adverse_decision",
      params: { decidedOn: "2026-10-26", legalDueOn: "2026-11-16", result: "against" },
    });
    const history = (await call(focal, { method: "GET", url: `/api/v1/cases/${c.id}/history` })).json().items;
    expect(history.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(["deadline.opened", "task.created", "case.adverse_decision_reported"]),
    );
  });

  it("a favourable decision opens nothing; a decision announced by event does, once", async () => {
    const focal = await signedIn(["focal_person"]);
    const c = await newCase(focal);
    expect((await decide(focal, c, "in_favour", "2026-10-26")).statusCode).toBe(200);
    expect(await deadlinesOf(focal, c.id)).toEqual([]);
    const event = { event: "decision_announced", date: "2026-10-26", ruleCode: "cpla_supreme_court" };
    const opened = await call(focal, {
      method: "POST",
      url: `/api/v1/cases/${c.id}/deadline-events`,
      body: event,
    });
    expect(opened.statusCode).toBe(201);
    // 60 days end on Fri 25 Dec (a holiday): the Supreme Court sits on Saturday 26 Dec
    expect(opened.json().deadlines[0]).toMatchObject({
      legalDueOn: "2026-12-26",
      calendarCourt: { nameEn: "Supreme Court of Pakistan" },
    });
    expect(opened.json().tasks[0]).toMatchObject({ kind: "appeal_decision" });
    const again = await call(focal, {
      method: "POST",
      url: `/api/v1/cases/${c.id}/deadline-events`,
      body: event,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("deadline_exists");
  });

  it("the certified copy moves a CPLA but not an ICA; a changed rule recomputes; closing is final", async () => {
    const focal = await signedIn(["focal_person"]);
    const c = await newCase(focal);
    await decide(focal, c, "partly", "2026-10-26");
    const [ica] = await deadlinesOf(focal, c.id);
    const patch = (body: Record<string, unknown>) =>
      call(focal, { method: "PATCH", url: `/api/v1/deadlines/${ica.id}`, body });

    const applied = await patch({ version: ica.version, copyAppliedOn: "2026-10-27" });
    expect(applied.json()).toMatchObject({ legalDueOn: "2026-11-16", provisional: false });
    expect(applied.json().steps.map((s: { code: string }) => s.code)).toContain("no_copy_exclusion");

    const cpla = await patch({ version: applied.json().version, ruleCode: "cpla_supreme_court" });
    expect(cpla.statusCode).toBe(200);
    expect(cpla.json()).toMatchObject({ rule: { code: "cpla_supreme_court" }, provisional: true });

    // copy applied 27 Oct, ready 2 Nov: 7 days excluded → 25 Dec + 7 = Fri 1 Jan 2027
    const ready = await patch({ version: cpla.json().version, copyReadyOn: "2026-11-02" });
    expect(ready.json()).toMatchObject({
      legalDueOn: "2027-01-01",
      provisional: false,
      copyReadyOn: "2026-11-02",
    });
    expect(ready.json().steps.find((s: { code: string }) => s.code === "copy_excluded").days).toBe(7);
    // the decision to appeal follows its deadline's internal date
    expect((await tasksOf(focal, c.id))[0]).toMatchObject({
      dueOn: ready.json().internalDueOn,
      state: "open",
    });

    const stale = await patch({ version: cpla.json().version, state: "met" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("stale_version");
    const met = await patch({ version: ready.json().version, state: "met", note: "CPLA filed on 20 Dec" });
    expect(met.json()).toMatchObject({
      state: "met",
      closedNote: "CPLA filed on 20 Dec",
      closedBy: { id: focal.userId },
    });
    expect((await tasksOf(focal, c.id))[0]).toMatchObject({ kind: "appeal_decision", state: "done" });
    const after = await patch({ version: met.json().version, copyReadyOn: "2026-11-03" });
    expect(after.statusCode).toBe(409);
    expect(after.json().code).toBe("deadline_closed");
  });

  it("a notice received opens the reply deadline on the next hearing, with comments and reply tasks", async () => {
    const focal = await signedIn(["focal_person"]);
    const c = await newCase(focal);
    const url = `/api/v1/cases/${c.id}/deadline-events`;
    const none = await call(focal, {
      method: "POST",
      url,
      body: { event: "notice_received", date: "2026-10-01" },
    });
    expect(none.statusCode).toBe(422);
    expect(none.json().errors[0].path).toBe("body.replyDueOn");
    await call(focal, {
      method: "POST",
      url: `/api/v1/cases/${c.id}/hearings`,
      body: { date: "2026-11-10" },
    });
    const opened = await call(focal, {
      method: "POST",
      url,
      body: { event: "notice_received", date: "2026-10-01" },
    });
    expect(opened.statusCode).toBe(201);
    // hearing Tue 10 Nov; 3 days earlier is Sat 7 Nov, a day the IHC sits
    expect(opened.json().deadlines[0]).toMatchObject({
      kind: "reply",
      legalDueOn: "2026-11-10",
      internalDueOn: "2026-11-07",
    });
    expect(opened.json().tasks.map((t: { kind: string; dueOn: string }) => [t.kind, t.dueOn])).toEqual([
      ["para_wise_comments", "2026-10-31"],
      ["file_reply", "2026-11-07"],
    ]);
    // the reply deadline cancelled (the petition withdrawn): its tasks go with it
    const reply = opened.json().deadlines[0];
    const cancelled = await call(focal, {
      method: "PATCH",
      url: `/api/v1/deadlines/${reply.id}`,
      body: { version: reply.version, state: "cancelled", note: "Petition withdrawn" },
    });
    expect(cancelled.statusCode).toBe(200);
    expect((await tasksOf(focal, c.id)).map((t: { state: string }) => t.state)).toEqual([
      "cancelled",
      "cancelled",
    ]);
  });

  it("marking the case appealed meets the appeal deadline and completes the decision task", async () => {
    const focal = await signedIn(["focal_person"]);
    const c = await newCase(focal);
    const decided = (await decide(focal, c, "against", "2026-10-26")).json();
    const appealed = await call(focal, {
      method: "POST",
      url: `/api/v1/cases/${c.id}/status`,
      body: { version: decided.version, status: "appealed" },
    });
    expect(appealed.statusCode).toBe(200);
    expect((await deadlinesOf(focal, c.id))[0]).toMatchObject({
      state: "met",
      closedBy: { id: focal.userId },
    });
    expect((await tasksOf(focal, c.id))[0]).toMatchObject({ kind: "appeal_decision", state: "done" });
  });

  it("a decision set aside (the case pending again) cancels its appeal deadline and decision task", async () => {
    const focal = await signedIn(["focal_person"]);
    const c = await newCase(focal);
    const decided = (await decide(focal, c, "against", "2026-10-26")).json();
    const again = await call(focal, {
      method: "POST",
      url: `/api/v1/cases/${c.id}/status`,
      body: { version: decided.version, status: "pending", stage: "arguments" },
    });
    expect(again.statusCode).toBe(200);
    expect((await deadlinesOf(focal, c.id))[0]).toMatchObject({ state: "cancelled" });
    expect((await tasksOf(focal, c.id))[0]).toMatchObject({ state: "cancelled" });
  });

  it("refuses bad events and edits with precise answers, and hides other organisations' deadlines", async () => {
    const focal = await signedIn(["focal_person"]);
    const stranger = await signedIn(["focal_person"]);
    const c = await newCase(focal);
    const url = `/api/v1/cases/${c.id}/deadline-events`;
    const post = (who: Session, body: unknown) => call(who, { method: "POST", url, body });
    expect(
      (await post(focal, { event: "decision_announced", date: "2026-10-01", ruleCode: "nope" })).json()
        .errors[0],
    ).toMatchObject({ path: "body.ruleCode" });
    expect(
      (await post(focal, { event: "decision_announced", date: "2099-01-01" })).json().errors[0],
    ).toMatchObject({ path: "body.date" });
    const acquittal = await post(focal, {
      event: "decision_announced",
      date: "2026-10-01",
      ruleCode: "appeal_from_acquittal",
    });
    expect(acquittal.statusCode).toBe(422);
    expect(acquittal.json().code).toBe("rule_without_period");
    expect((await post(focal, { event: "judgment", date: "2026-10-01" })).statusCode).toBe(400);
    expect((await post(stranger, { event: "decision_announced", date: "2026-10-01" })).statusCode).toBe(404);

    const opened = (await post(focal, { event: "decision_announced", date: "2026-10-01" })).json();
    const id = opened.deadlines[0].id;
    const strangerPatch = await call(stranger, {
      method: "PATCH",
      url: `/api/v1/deadlines/${id}`,
      body: { version: 1, state: "met" },
    });
    expect(strangerPatch.statusCode).toBe(404);
    const strangerList = (
      await call(stranger, { method: "GET", url: "/api/v1/deadlines?withinDays=366" })
    ).json().items;
    expect(strangerList.map((d: { id: string }) => d.id)).not.toContain(id);
    const empty = await call(focal, {
      method: "PATCH",
      url: `/api/v1/deadlines/${id}`,
      body: { version: 1 },
    });
    expect(empty.statusCode).toBe(400);
    const badDates = await call(focal, {
      method: "PATCH",
      url: `/api/v1/deadlines/${id}`,
      body: { version: 1, copyAppliedOn: "2026-10-05", copyReadyOn: "2026-10-03" },
    });
    expect(badDates.statusCode).toBe(422);
    expect(badDates.json().code).toBe("inconsistent_dates");
    expect((await deadlinesOf(focal, c.id))[0].version).toBe(1); // nothing written
  });
});
