import { describe, expect, it } from "vitest";
import type { MlaMetrics } from "../../../../common/schemas/mla-metrics.ts";
import { signedIn } from "../../../test/factories.ts";
import { call, type Session, testApp } from "../../../test/harness.ts";

/**
 * The Central Authority's figures move exactly as the register does. Other tests share the database, so each
 * figure is read before and after this test's requests and the difference is checked.
 */
const db = async () => (await testApp()).handle.db;
const metrics = async (who: Session): Promise<MlaMetrics> =>
  (await call(who, { method: "GET", url: "/api/v1/mla/metrics" })).json();

async function open(who: Session, kind: string, title: string) {
  const res = await call(who, { method: "POST", url: "/api/v1/mla/requests", body: { kind, title } });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; reference: string; version: number };
}

/** Moves through `steps` ([state, session, reason?, grounds?]), answering the last version. */
async function walk(id: string, steps: [string, Session, string?, string[]?][]) {
  let version = (await call(steps[0]![1], { method: "GET", url: `/api/v1/mla/requests/${id}` })).json()
    .version;
  for (const [to, who, reason = "", grounds = []] of steps) {
    const res = await call(who, {
      method: "POST",
      url: `/api/v1/mla/requests/${id}/transitions`,
      body: { version, to, reason, grounds },
    });
    expect(res.statusCode, `${to}: ${res.body}`).toBe(200);
    version = res.json().version;
  }
}

/** Sets how long the request stayed in `state` before leaving it (the clock cannot be run for days in a test). */
async function stayed(id: string, state: string, days: number) {
  await (await db())
    .updateTable("mla_transitions")
    .set({ seconds_in_previous: days * 86_400 })
    .where("request_id", "=", id)
    .where("from_state", "=", state)
    .execute();
}

const holderDays = (m: MlaMetrics, holder: string) =>
  m.timeInState.byHolder.find((h) => h.holder === holder)?.totalDays ?? 0;
const ground = (list: { ground: string; count: number }[], g: string) =>
  list.find((x) => x.ground === g)?.count ?? 0;
const pendingIn = (m: MlaMetrics, kind: string, state: string) =>
  m.pending.rows.find((r) => r.kind === kind && r.state === state)?.total ?? 0;

describe("the Central Authority's MLA figures", () => {
  it("are the Central Authority's alone", async () => {
    for (const roles of [["requesting_agency"], ["law_ministry"], ["auditor"]] as const) {
      const who = await signedIn([...roles]);
      const res = await call(who, { method: "GET", url: "/api/v1/mla/metrics" });
      expect(res.statusCode, roles[0]).toBe(403);
    }
  });

  it("count pending requests, returns and refusals by ground, time by whose turn it was, and expired preservations", async () => {
    const fia = await signedIn(["requesting_agency"]);
    const ca = await signedIn(["central_authority"]);
    const before = await metrics(ca);

    // an outgoing request, returned once for imprecise identifiers, then transmitted and acknowledged
    const out = await open(fia, "mla_outgoing", "MLA — metrics");
    await walk(out.id, [
      ["agency_legal_review", fia],
      ["submitted_to_central_authority", fia],
      ["central_authority_review", ca],
      ["returned_for_amendment", ca, "IP addresses lack time zones.", ["precise_identifiers"]],
      ["submitted_to_central_authority", fia],
      ["central_authority_review", ca],
      ["approved", ca],
      ["translated_authenticated", ca],
      ["transmitted", ca],
      ["acknowledged", ca],
    ]);
    await stayed(out.id, "draft", 5); // the agency's turn
    await stayed(out.id, "central_authority_review", 2); // twice: 4 days of the Central Authority's
    await stayed(out.id, "transmitted", 10); // the requested state's

    // an incoming request refused as a political offence
    const inc = await open(ca, "mla_incoming", "Incoming — metrics");
    await walk(inc.id, [
      ["registered", ca],
      ["acknowledged", ca],
      ["assessment", ca],
      ["refused", ca, "The offence is political.", ["political_offence"]],
    ]);

    // a preservation sent, which expired with its MLA request still unsent
    const pres = await open(fia, "preservation", "Preservation — metrics");
    await walk(pres.id, [
      ["submitted_to_central_authority", fia],
      ["approved", ca],
      ["sent", ca],
    ]);
    await (await db())
      .updateTable("mla_deadlines")
      .set({ due_on: "2026-01-31" })
      .where("request_id", "=", pres.id)
      .execute();
    const follow = await open(fia, "mla_outgoing", "MLA after the preservation — metrics");
    const linked = await call(fia, {
      method: "POST",
      url: `/api/v1/mla/requests/${follow.id}/links`,
      body: { reference: pres.reference },
    });
    expect(linked.statusCode).toBe(200);

    const after = await metrics(ca);
    expect(
      pendingIn(after, "mla_outgoing", "acknowledged") - pendingIn(before, "mla_outgoing", "acknowledged"),
    ).toBe(1);
    expect(pendingIn(after, "mla_outgoing", "draft") - pendingIn(before, "mla_outgoing", "draft")).toBe(1);
    const d = after.rates.deficiency;
    expect(d.submitted - before.rates.deficiency.submitted).toBe(4); // the outgoing twice, the preservation once, the incoming on receipt
    expect(d.returned - before.rates.deficiency.returned).toBe(1);
    expect(
      ground(d.byGround, "precise_identifiers") -
        ground(before.rates.deficiency.byGround, "precise_identifiers"),
    ).toBe(1);
    const r = after.rates.refusal;
    expect(r.refused - before.rates.refusal.refused).toBe(1);
    expect(
      ground(r.byGround, "political_offence") - ground(before.rates.refusal.byGround, "political_offence"),
    ).toBe(1);
    expect(holderDays(after, "agency") - holderDays(before, "agency")).toBeCloseTo(5, 0);
    expect(holderDays(after, "central_authority") - holderDays(before, "central_authority")).toBeCloseTo(
      4,
      0,
    );
    expect(holderDays(after, "foreign") - holderDays(before, "foreign")).toBeCloseTo(10, 0);
    const shares = after.timeInState.byHolder.reduce((s, h) => s + h.share, 0);
    expect(shares).toBeCloseTo(100, 0);
    const ack = after.acknowledgement.find((a) => a.kind === "mla_outgoing")!;
    const ackBefore = before.acknowledgement.find((a) => a.kind === "mla_outgoing")?.acknowledged ?? 0;
    expect(ack.acknowledged - ackBefore).toBe(1);
    expect(after.expiredPreservations).toContainEqual({
      id: pres.id,
      reference: pres.reference,
      expiredOn: "2026-01-31",
      mlaReference: follow.reference,
      mlaTransmittedOn: null,
    });
  });
});
