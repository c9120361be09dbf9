import { describe, expect, it } from "vitest";
import { addDays, courtDay } from "../../platform/clock.ts";
import { caseBody, makeOrganisation, makeUser, referenceIds, signedIn } from "../../test/factories.ts";
import { call, type Session } from "../../test/harness.ts";

async function newCase(focal: Session, overrides: Record<string, unknown> = {}) {
  const res = await call(focal, { method: "POST", url: "/api/v1/cases", body: await caseBody(overrides) });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; version: number };
}

const schedule = (who: Session, caseId: string, body: Record<string, unknown>) =>
  call(who, { method: "POST", url: `/api/v1/cases/${caseId}/hearings`, body });

describe("hearings", () => {
  it("schedules a hearing, records an adjournment with its reason and side, and the next date follows", async () => {
    const focal = await signedIn(["focal_person"]);
    const c = await newCase(focal);
    const first = await schedule(focal, c.id, {
      date: "2026-12-01",
      time: "09:30",
      serial: 14,
      purpose: "Notice",
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      date: "2026-12-01",
      time: "09:30",
      serial: 14,
      state: "scheduled",
      outcome: null,
      court: { code: "IHC" },
      version: 1,
    });
    const recorded = await call(focal, {
      method: "POST",
      url: `/api/v1/hearings/${first.json().id}/outcome`,
      body: {
        version: 1,
        outcome: "adjourned",
        adjournmentReason: "Counsel for the respondent sought time to file para-wise comments",
        adjournedAtRequestOf: "government",
        coram: "Justice A; Justice B",
        appeared: "Standing Counsel for the Federation",
        nextDate: "2026-12-15",
        nextPurpose: "Para-wise comments",
      },
    });
    expect(recorded.statusCode).toBe(200);
    const { hearing, next } = recorded.json();
    expect(hearing).toMatchObject({
      state: "held",
      outcome: "adjourned",
      adjournedAtRequestOf: "government",
      coram: "Justice A; Justice B",
      nextHearingId: next.id,
      version: 2,
    });
    expect(next).toMatchObject({ date: "2026-12-15", state: "scheduled", previousHearingId: hearing.id });

    const list = (await call(focal, { method: "GET", url: `/api/v1/cases/${c.id}/hearings` })).json().items;
    expect(list.map((h: { date: string; state: string }) => [h.date, h.state])).toEqual([
      ["2026-12-01", "held"],
      ["2026-12-15", "scheduled"],
    ]);
    const history = (await call(focal, { method: "GET", url: `/api/v1/cases/${c.id}/history` })).json().items;
    expect(history.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(["hearing.scheduled", "hearing.recorded"]),
    );

    // recorded once: a second outcome, or one on a stale version, is refused
    const again = await call(focal, {
      method: "POST",
      url: `/api/v1/hearings/${hearing.id}/outcome`,
      body: { version: 2, outcome: "reserved" },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("hearing_not_scheduled");
    const stale = await call(focal, {
      method: "POST",
      url: `/api/v1/hearings/${next.id}/outcome`,
      body: { version: 7, outcome: "reserved" },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("stale_version");
  });

  it("a decision carries its result and fixes no next date; dates must move forward", async () => {
    const focal = await signedIn(["focal_person"]);
    const c = await newCase(focal);
    const h = (await schedule(focal, c.id, { date: "2026-12-02" })).json();
    const backwards = await call(focal, {
      method: "POST",
      url: `/api/v1/hearings/${h.id}/outcome`,
      body: { version: 1, outcome: "argued", nextDate: "2026-12-01" },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].path).toBe("body.nextDate");
    const withNext = await call(focal, {
      method: "POST",
      url: `/api/v1/hearings/${h.id}/outcome`,
      body: { version: 1, outcome: "decided", result: "dismissed", nextDate: "2026-12-09" },
    });
    expect(withNext.statusCode).toBe(400);
    const decided = await call(focal, {
      method: "POST",
      url: `/api/v1/hearings/${h.id}/outcome`,
      body: { version: 1, outcome: "decided", result: "dismissed" },
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({
      hearing: { outcome: "decided", result: "dismissed" },
      next: null,
    });
  });

  it("reschedules and cancels only scheduled hearings; a bench must belong to the case's court", async () => {
    const focal = await signedIn(["focal_person"]);
    const ref = await referenceIds();
    const c = await newCase(focal);
    const wrong = await schedule(focal, c.id, { date: "2026-12-03", benchId: ref.bench("LHC", "RWP") });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe("body.benchId");
    const h = (await schedule(focal, c.id, { date: "2026-12-03" })).json();
    const moved = await call(focal, {
      method: "PATCH",
      url: `/api/v1/hearings/${h.id}`,
      body: { version: 1, date: "2026-12-10", time: "11:00" },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ date: "2026-12-10", time: "11:00", version: 2 });
    const cancelled = await call(focal, {
      method: "POST",
      url: `/api/v1/hearings/${h.id}/cancel`,
      body: { version: 2, reason: "Bench not available; the court will notify a new date" },
    });
    expect(cancelled.json()).toMatchObject({ state: "cancelled", version: 3 });
    const moveCancelled = await call(focal, {
      method: "PATCH",
      url: `/api/v1/hearings/${h.id}`,
      body: { version: 3, date: "2026-12-11" },
    });
    expect(moveCancelled.statusCode).toBe(409);
  });

  it("whoever sees the case sees its hearings; only those who may edit it change them; others get 404", async () => {
    const focal = await signedIn(["focal_person"]);
    const c = await newCase(focal);
    const h = (await schedule(focal, c.id, { date: "2026-12-04" })).json();
    const other = await signedIn(["focal_person"]);
    expect((await call(other, { method: "GET", url: `/api/v1/cases/${c.id}/hearings` })).statusCode).toBe(
      404,
    );
    const outsider = await call(other, {
      method: "POST",
      url: `/api/v1/hearings/${h.id}/outcome`,
      body: { version: 1, outcome: "reserved" },
    });
    expect(outsider.statusCode).toBe(404);
    // an assigning officer sees the unassigned case (their queue) but may not edit it
    const assigner = await signedIn(["assigning_officer"], (await makeOrganisation("law_office")).id);
    expect((await call(assigner, { method: "GET", url: `/api/v1/cases/${c.id}/hearings` })).statusCode).toBe(
      200,
    );
    const readOnly = await schedule(assigner, c.id, { date: "2026-12-05" });
    expect(readOnly.statusCode).toBe(403);
    // an order sheet must be a document of this case
    const foreignDoc = await call(focal, {
      method: "POST",
      url: `/api/v1/hearings/${h.id}/outcome`,
      body: { version: 1, outcome: "reserved", orderSheetDocumentId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(foreignDoc.statusCode).toBe(400);
    expect(foreignDoc.json().errors[0].path).toBe("body.orderSheetDocumentId");
  });

  it("the workload board counts each officer's scheduled hearings in the next 14 days", async () => {
    const office = await makeOrganisation("law_office", "Hearings law office");
    const assigner = await signedIn(["assigning_officer"], office.id);
    const officer = await makeUser(office.id, ["law_officer"], { fullName: "Hearing Counsel" });
    const ref = await referenceIds();
    const profile = await call(assigner, {
      method: "PUT",
      url: `/api/v1/assignment/officers/${officer.id}`,
      body: {
        version: 0,
        tier: "deputy_ag",
        expertise: ["service"],
        maxLoad: 100,
        active: true,
        seats: [{ courtId: ref.court("IHC"), benchId: null }],
      },
    });
    expect(profile.statusCode).toBe(200);
    const focal = await signedIn(["focal_person"]);
    const c = await newCase(focal);
    const solicitor = await signedIn(["law_ministry"]);
    const assigned = await call(solicitor, {
      method: "POST",
      url: `/api/v1/cases/${c.id}/assignment`,
      body: { version: 1, officerId: officer.id, reason: "Holds the connected matter" },
    });
    expect(assigned.statusCode).toBe(200);
    const today = courtDay();
    for (const [offset, keep] of [
      [0, true],
      [13, true],
      [14, false],
      [-1, false],
      [3, false], // cancelled below
    ] as const) {
      const h = (await schedule(focal, c.id, { date: addDays(today, offset) })).json();
      if (!keep && offset === 3) {
        await call(focal, {
          method: "POST",
          url: `/api/v1/hearings/${h.id}/cancel`,
          body: { version: 1, reason: "Withdrawn from the list" },
        });
      }
    }
    const board = (await call(assigner, { method: "GET", url: "/api/v1/assignment/workload" })).json().items;
    expect(board.find((o: { officerId: string }) => o.officerId === officer.id)).toMatchObject({
      openCases: 1,
      hearingsNext14Days: 2,
    });
  });
});
