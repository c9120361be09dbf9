import { describe, expect, it } from "vitest";
import { addDays, courtDay } from "../../platform/clock.ts";
import { call, testApp } from "../../test/harness.ts";
import { makeOffice, registerCases, verifyLedger } from "./assignment.fixtures.ts";
import { chosenOnly } from "./assignment.service.ts";

/**
 * A commit reuses its preview's decisions only when nothing they rest on has moved (assignment.reuse.ts): an
 * officer fact changed or a link made in between makes the commit decide again, on the facts as they now are.
 */
async function previewOf(office: Awaited<ReturnType<typeof makeOffice>>, caseIds: string[]) {
  const res = await call(office.assigner, {
    method: "POST",
    url: "/api/v1/assignment/preview",
    body: { caseIds },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as {
    batchId: string;
    items: { caseId: string; decision: { chosenOfficerId: string } }[];
  };
}

const commit = (office: Awaited<ReturnType<typeof makeOffice>>, batchId: string) =>
  call(office.assigner, { method: "POST", url: `/api/v1/assignment/batches/${batchId}/commit`, body: {} });

describe("committing a previewed batch", () => {
  it("gives each case the previewed officer when nothing has changed", async () => {
    const office = await makeOffice(3);
    const { focal, ids } = await registerCases(4);
    const p = await previewOf(office, ids);
    const res = await commit(office, p.batchId);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { officerId: string }) => i.officerId)).toEqual(
      p.items.map((i) => i.decision.chosenOfficerId),
    );
    expect(await verifyLedger(office.id)).toMatchObject({ checked: 4, reproduced: 4, failures: [] });
    // audited as one event per batch and organisation; each case's history shows its own line of it
    const { handle } = await testApp();
    const events = await handle.db
      .selectFrom("audit_events")
      .select(["action", "organisation_id"])
      .where("entity_type", "=", "assignment_batch")
      .where("entity_id", "=", p.batchId)
      .where("action", "=", "assignment.committed")
      .execute();
    expect(events).toHaveLength(1); // the four cases are one ministry's
    const chosen = p.items[2]!.decision.chosenOfficerId;
    const history = await call(focal, { method: "GET", url: `/api/v1/cases/${ids[2]}/history` });
    expect(history.statusCode).toBe(200);
    const line = history.json().items.find((i: { action: string }) => i.action === "case.assigned");
    expect(line).toMatchObject({
      actor: { id: office.assigner.userId },
      changes: {
        officerId: { from: null, to: chosen },
        officer: { to: expect.stringMatching(/^Officer \d/) },
        method: "policy",
        batchId: p.batchId,
        position: 2,
      },
    });
  });

  it("decides again when the previewed officer went on leave in between, and the ledger still reproduces", async () => {
    const office = await makeOffice(2);
    const { ids } = await registerCases(1);
    const p = await previewOf(office, ids);
    const chosen = p.items[0]!.decision.chosenOfficerId;
    const leave = await call(office.assigner, {
      method: "POST",
      url: `/api/v1/assignment/officers/${chosen}/leaves`,
      body: { startsOn: courtDay(), endsOn: addDays(courtDay(), 10), reason: "Hajj" },
    });
    expect(leave.statusCode).toBe(201);
    const res = await commit(office, p.batchId);
    expect(res.statusCode).toBe(200);
    const given = res.json().items[0].officerId;
    expect(given).not.toBe(chosen);
    expect(office.officers.map((o) => o.id)).toContain(given);
    expect(await verifyLedger(office.id)).toMatchObject({ checked: 1, reproduced: 1, failures: [] });
  });

  it("decides again when a case was linked to another officer's case in between (related cases stay together)", async () => {
    const office = await makeOffice(3);
    const { focal, ids } = await registerCases(2);
    // the first case is assigned; the second is previewed, then linked to the first
    const first = await commit(office, (await previewOf(office, [ids[0]!])).batchId);
    const holder = first.json().items[0].officerId as string;
    const p = await previewOf(office, [ids[1]!]);
    const link = await call(focal, {
      method: "POST",
      url: `/api/v1/cases/${ids[1]}/links`,
      body: { kind: "connected_with", linkedCaseId: ids[0] },
    });
    expect(link.statusCode).toBe(201);
    const res = await commit(office, p.batchId);
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({ officerId: holder, step: "related_case" });
  });
});

describe("a large preview", () => {
  it("lists only the proposed officer and counts the others it leaves out", () => {
    const candidate = (officerId: string) => ({ officerId, rank: 1, name: officerId, factors: [] }) as never;
    const d = {
      chosenOfficerId: "b",
      step: "least_load",
      stepText: "",
      stepParams: {},
      candidates: [candidate("a"), candidate("b"), candidate("c")],
      excluded: [],
      excludedBy: { on_leave: 4 },
      omitted: { candidates: 10, excluded: 4 },
      seed: "s",
    } as unknown as Parameters<typeof chosenOnly>[0];
    const trimmed = chosenOnly(d);
    expect(trimmed.candidates.map((c) => c.officerId)).toEqual(["b"]);
    expect(trimmed.omitted).toEqual({ candidates: 12, excluded: 4 });
    expect(trimmed.excludedBy).toEqual({ on_leave: 4 });
  });
});
