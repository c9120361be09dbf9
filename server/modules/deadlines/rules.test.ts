import { describe, expect, it } from "vitest";
import { caseBody, decideCase as decide, referenceIds, signedIn } from "../../test/factories.ts";
import { call, type Session, testApp } from "../../test/harness.ts";
import { loadLimitationReference } from "./deadlines.reference.ts";

/** Administration of the limitation rules and the courts' calendars, and what an edit does to running deadlines. */
async function newCase(focal: Session) {
  const res = await call(focal, { method: "POST", url: "/api/v1/cases", body: await caseBody() });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; version: number };
}

const deadlinesOf = async (who: Session, caseId: string) =>
  (await call(who, { method: "GET", url: `/api/v1/cases/${caseId}/deadlines` })).json().items;

describe("limitation rules and court calendars (administration)", () => {
  it("an administrator's edits are audited and move the open deadlines they touch; others get 403", async () => {
    const focal = await signedIn(["focal_person"]);
    const admin = await signedIn(["administrator"]);
    const c = await newCase(focal);
    await decide(focal, c, "against", "2026-10-26");
    const [before] = await deadlinesOf(focal, c.id);
    expect(before.legalDueOn).toBe("2026-11-16");

    const rules = (await call(focal, { method: "GET", url: "/api/v1/limitation-rules" })).json().items;
    const ica = rules.find((r: { code: string }) => r.code === "ica_high_court");
    expect(ica).toMatchObject({ days: 20, certifiedCopyExcluded: false, filedIn: "same_court", status: "V" });
    const denied = await call(focal, {
      method: "PATCH",
      url: "/api/v1/limitation-rules/ica_high_court",
      body: { version: ica.version, marginDays: 5 },
    });
    expect(denied.statusCode).toBe(403);

    const { court } = await referenceIds();
    const closure = await call(admin, {
      method: "POST",
      url: "/api/v1/court-calendar/closures",
      body: {
        courtId: court("IHC"),
        startsOn: "2026-11-16",
        endsOn: "2026-11-16",
        nameEn: "Test closure",
        kind: "holiday",
        source: "test",
        status: "S",
      },
    });
    expect(closure.statusCode).toBe(201);
    const [moved] = await deadlinesOf(focal, c.id);
    expect(moved.legalDueOn).toBe("2026-11-17");
    expect(moved.steps[1].text).toContain("2026-11-16 (Test closure)");
    const history = (await call(focal, { method: "GET", url: `/api/v1/cases/${c.id}/history` })).json().items;
    expect(history.find((e: { action: string }) => e.action === "deadline.recomputed")).toBeDefined();
    const dup = await call(admin, {
      method: "POST",
      url: "/api/v1/court-calendar/closures",
      body: {
        ...(closure.json() as object),
        courtId: court("IHC"),
        id: undefined,
        version: undefined,
        court: undefined,
      },
    });
    expect(dup.statusCode).toBe(409);

    const removed = await call(admin, {
      method: "DELETE",
      url: `/api/v1/court-calendar/closures/${closure.json().id}`,
      body: { version: 1 },
    });
    expect(removed.statusCode).toBe(204);
    expect((await deadlinesOf(focal, c.id))[0].legalDueOn).toBe("2026-11-16");

    // an unconfirmed closure (an expected lunar holiday) is named but never extends the deadline
    const expected = await call(admin, {
      method: "POST",
      url: "/api/v1/court-calendar/closures",
      body: {
        courtId: court("IHC"),
        startsOn: "2026-11-16",
        endsOn: "2026-11-16",
        nameEn: "Expected holiday",
        kind: "holiday",
        source: "test",
        status: "U",
      },
    });
    expect(expected.statusCode).toBe(201);
    const [unmoved] = await deadlinesOf(focal, c.id);
    expect(unmoved.legalDueOn).toBe("2026-11-16");
    expect(unmoved.steps.map((s: { code: string }) => s.code)).toContain("unconfirmed_closure");
    await call(admin, {
      method: "DELETE",
      url: `/api/v1/court-calendar/closures/${expected.json().id}`,
      body: { version: 1 },
    });

    const { handle } = await testApp();
    const events = await handle.db
      .selectFrom("audit_events")
      .select(["action", "changes"])
      .where("action", "in", ["court_calendar.closure_added", "court_calendar.closure_removed"])
      .where("entity_id", "=", closure.json().id)
      .orderBy("seq")
      .execute();
    expect(
      events.map((e) => [e.action, (e.changes as { deadlinesMoved: number }).deadlinesMoved >= 1]),
    ).toEqual([
      ["court_calendar.closure_added", true],
      ["court_calendar.closure_removed", true],
    ]);
  });

  it("a closure an administrator removed is not brought back by the reference file at the next start", async () => {
    const admin = await signedIn(["administrator"]);
    const calendar = (await call(admin, { method: "GET", url: "/api/v1/court-calendar?year=2027" })).json();
    const kashmir = calendar.closures.find(
      (k: { startsOn: string; court: unknown }) => k.startsOn === "2027-02-05" && k.court === null,
    );
    expect(kashmir).toBeDefined();
    const removed = await call(admin, {
      method: "DELETE",
      url: `/api/v1/court-calendar/closures/${kashmir.id}`,
      body: { version: kashmir.version },
    });
    expect(removed.statusCode).toBe(204);
    await loadLimitationReference((await testApp()).handle.db);
    const after = (await call(admin, { method: "GET", url: "/api/v1/court-calendar?year=2027" })).json();
    expect(after.closures.some((k: { startsOn: string }) => k.startsOn === "2027-02-05")).toBe(false);
  });

  it("a rule's period cannot be removed while deadlines run under it", async () => {
    const admin = await signedIn(["administrator"]);
    const focal = await signedIn(["focal_person"]);
    await decide(focal, await newCase(focal), "against", "2026-10-26");
    const rules = (await call(admin, { method: "GET", url: "/api/v1/limitation-rules" })).json().items;
    const ica = rules.find((r: { code: string }) => r.code === "ica_high_court");
    const res = await call(admin, {
      method: "PATCH",
      url: "/api/v1/limitation-rules/ica_high_court",
      body: { version: ica.version, days: null },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("rule_in_use");
    const unknown = await call(admin, {
      method: "PATCH",
      url: "/api/v1/limitation-rules/no_such_rule",
      body: { version: 1, days: 5 },
    });
    expect(unknown.statusCode).toBe(404);
  });
});
