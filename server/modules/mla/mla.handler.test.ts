import { describe, expect, it } from "vitest";
import { makeOrganisation, signedIn } from "../../test/factories.ts";
import { call, testApp } from "../../test/harness.ts";
import { complete } from "../training/training.fixtures.ts";

/** Choosing the Central Authority officer who handles a request, with competence from training ranked first. */
describe("MLA request handler", () => {
  it("ranks a Central Authority officer trained in MLA drafting first, and records the choice", async () => {
    const ca = (await makeOrganisation("central_authority", "Test Central Authority")).id;
    const chief = await signedIn(["central_authority"], ca);
    const trained = await signedIn(["central_authority"], ca);
    const agency = await signedIn(["requesting_agency"]);
    const open = await call(agency, {
      method: "POST",
      url: "/api/v1/mla/requests",
      body: { kind: "mla_outgoing", title: "Request" },
    });
    const request = open.json();
    const url = `/api/v1/mla/requests/${request.id}/handler`;

    const before = (await call(chief, { method: "GET", url })).json();
    expect(before.relevantCompetences.map((c: { code: string }) => c.code)).toContain("mla_drafting");
    expect(before.candidates.map((c: { userId: string }) => c.userId).sort()).toEqual(
      [chief.userId, trained.userId].sort(),
    );
    await complete(trained, "mla-drafting");
    // the trained officer gets one open request more, and still ranks first
    const other = (
      await call(agency, {
        method: "POST",
        url: "/api/v1/mla/requests",
        body: { kind: "mla_outgoing", title: "Other" },
      })
    ).json();
    await call(chief, {
      method: "PUT",
      url: `/api/v1/mla/requests/${other.id}/handler`,
      body: { userId: trained.userId, version: other.version },
    });

    const ranked = (await call(chief, { method: "GET", url })).json();
    expect(ranked.candidates[0]).toMatchObject({ userId: trained.userId, rank: 1, openRequests: 1 });
    expect(ranked.candidates[0].competences.map((c: { code: string }) => c.code)).toEqual(["mla_drafting"]);
    expect(ranked.candidates[1]).toMatchObject({ userId: chief.userId, competences: [], openRequests: 0 });

    const assigned = await call(chief, {
      method: "PUT",
      url,
      body: { userId: trained.userId, version: request.version },
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({ handler: { id: trained.userId }, version: request.version + 1 });
    expect(
      (await call(agency, { method: "GET", url: `/api/v1/mla/requests/${request.id}` })).json().handler,
    ).toMatchObject({ id: trained.userId });

    // refusals: stale version, someone not a Central Authority officer, a role that may not choose
    expect(
      (
        await call(chief, { method: "PUT", url, body: { userId: chief.userId, version: request.version } })
      ).json(),
    ).toMatchObject({ status: 409, code: "stale_version" });
    expect(
      (
        await call(chief, {
          method: "PUT",
          url,
          body: { userId: agency.userId, version: request.version + 1 },
        })
      ).json(),
    ).toMatchObject({ status: 422, code: "not_a_candidate" });
    expect(
      (
        await call(agency, {
          method: "PUT",
          url,
          body: { userId: agency.userId, version: request.version + 1 },
        })
      ).statusCode,
    ).toBe(403);
    expect((await call(agency, { method: "GET", url })).statusCode).toBe(403);

    const { handle } = await testApp();
    const events = await handle.db
      .selectFrom("audit_events")
      .select(["changes"])
      .where("action", "=", "mla.handler_assigned")
      .where("entity_id", "=", request.id)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.changes).toMatchObject({
      handler: { from: null, to: trained.userId },
      rank: 1,
      competences: ["mla_drafting"],
    });

    const cleared = await call(chief, {
      method: "PUT",
      url,
      body: { userId: null, version: request.version + 1 },
    });
    expect(cleared.json()).toMatchObject({ handler: null });

    // a request in a final state is in nobody's hands any more
    await handle.db.updateTable("mla_requests").set({ state: "closed" }).where("id", "=", other.id).execute();
    const closed = await call(chief, {
      method: "PUT",
      url: `/api/v1/mla/requests/${other.id}/handler`,
      body: { userId: chief.userId, version: other.version + 1 },
    });
    expect(closed.json()).toMatchObject({ status: 409, code: "request_closed" });
  });
});
