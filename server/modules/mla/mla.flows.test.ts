import { describe, expect, it } from "vitest";
import { MLA_REQUEST_KINDS, type MlaRequestKind } from "../../../common/mla/request.ts";
import { MLA_FLOWS, type MlaMove, statesOf } from "../../../common/mla/states.ts";
import { signedIn } from "../../test/factories.ts";
import { call, type Session, testApp } from "../../test/harness.ts";

/**
 * Issue 5's state-machine must-shows, exhaustively: from every state of every kind, every move that is not in the
 * flow is refused with `invalid_transition`, every move of the flow is refused to the role it is not for (403) and
 * made by the role it is for, and a move that needs a reason is refused without one. The request is put in each
 * state directly in the database, so each case is tested from a known state.
 */
type Actors = { agency: Session; ca: Session };

async function openAs(actors: Actors, kind: MlaRequestKind): Promise<string> {
  const who = kind === "mla_incoming" ? actors.ca : actors.agency;
  const res = await call(who, {
    method: "POST",
    url: "/api/v1/mla/requests",
    body: { kind, title: `Flow ${kind}` },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

/** Puts the request in `state` and answers its version. */
async function placeIn(id: string, state: string): Promise<number> {
  const { handle } = await testApp();
  const row = await handle.db
    .updateTable("mla_requests")
    .set((eb) => ({ state, version: eb("version", "+", 1) }))
    .where("id", "=", id)
    .returning("version")
    .executeTakeFirstOrThrow();
  return row.version;
}

const move = (who: Session, id: string, body: Record<string, unknown>) =>
  call(who, { method: "POST", url: `/api/v1/mla/requests/${id}/transitions`, body });

const roleSession = (actors: Actors, m: MlaMove, allowed: boolean) => {
  const allowedRoles = new Set<string>(m.by);
  const pick = (role: "requesting_agency" | "central_authority") => allowedRoles.has(role) === allowed;
  if (pick("central_authority")) return actors.ca;
  if (pick("requesting_agency")) return actors.agency;
  return undefined;
};

describe.each(MLA_REQUEST_KINDS)("the %s flow, enforced on the server", (kind) => {
  const flow = MLA_FLOWS[kind];
  const states = statesOf(kind);

  it("refuses every move that is not in the flow, from every state, with a clear error", async () => {
    const actors = {
      agency: await signedIn(["requesting_agency"]),
      ca: await signedIn(["central_authority"]),
    };
    const id = await openAs(actors, kind);
    let refused = 0;
    for (const from of states) {
      const version = await placeIn(id, from);
      const legal = new Set((flow.moves[from] ?? []).map((m) => m.to));
      for (const to of [...states, "nowhere"].filter((s) => !legal.has(s))) {
        const res = await move(actors.ca, id, { version, to, reason: "testing" });
        expect(res.statusCode, `${from} → ${to}`).toBe(422);
        expect(res.json()).toMatchObject({
          code: "invalid_transition",
          detail: expect.stringContaining(from),
        });
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(states.length);
    const { handle } = await testApp();
    const transitions = await handle.db
      .selectFrom("mla_transitions")
      .select("id")
      .where("request_id", "=", id)
      .execute();
    expect(transitions).toEqual([]); // nothing was written by any refusal
  });

  it("lets each move be made only by the role it is for, and only with its reason where one is needed", async () => {
    const agencyOrg = (await signedIn(["requesting_agency"])).organisationId;
    const actors = {
      agency: await signedIn(["requesting_agency"], agencyOrg),
      ca: await signedIn(["central_authority"]),
    };
    const id = await openAs(actors, kind);
    for (const [from, moves] of Object.entries(flow.moves)) {
      for (const m of moves) {
        const outsider = roleSession(actors, m, false);
        const reason = m.reason === "required" ? "Stated for the test." : "";
        if (outsider && !(kind === "mla_incoming" && outsider === actors.agency)) {
          const version = await placeIn(id, from);
          const res = await move(outsider, id, { version, to: m.to, reason });
          expect(res.statusCode, `${from} → ${m.to} by the wrong role`).toBe(403);
        }
        const insider = roleSession(actors, m, true)!;
        if (m.reason === "required") {
          const version = await placeIn(id, from);
          const res = await move(insider, id, { version, to: m.to });
          expect(res.statusCode, `${from} → ${m.to} without a reason`).toBe(400);
          expect(res.json().errors[0].path).toBe("body.reason");
        }
        const version = await placeIn(id, from);
        const ok = await move(insider, id, { version, to: m.to, reason });
        expect(ok.statusCode, `${from} → ${m.to}`).toBe(200);
        expect(ok.json()).toMatchObject({ state: m.to, version: version + 1 });
        const last = ok.json().history.at(-1);
        expect(last).toMatchObject({ from, to: m.to, reason, role: expect.any(String) });
        expect(m.by).toContain(last.role);
      }
    }
  });
});

describe("grounds of returns and refusals", () => {
  it("records drafting rules on a return and refusal grounds on a refusal; refuses unknown or misplaced grounds", async () => {
    const actors = {
      agency: await signedIn(["requesting_agency"]),
      ca: await signedIn(["central_authority"]),
    };
    const id = await openAs(actors, "mla_outgoing");
    let version = await placeIn(id, "central_authority_review");
    const wrongKind = await move(actors.ca, id, {
      version,
      to: "returned_for_amendment",
      reason: "See the findings.",
      grounds: ["political_offence"],
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().errors[0]).toMatchObject({ path: "body.grounds" });
    const returned = await move(actors.ca, id, {
      version,
      to: "returned_for_amendment",
      reason: "The identifiers lack time zones.",
      grounds: ["precise_identifiers", "facts_offences_link"],
    });
    expect(returned.statusCode).toBe(200);
    expect(returned.json().history.at(-1).grounds).toEqual(["precise_identifiers", "facts_offences_link"]);

    version = await placeIn(id, "in_execution");
    const refused = await move(actors.ca, id, {
      version,
      to: "refused",
      reason: "The requested state found the offence political.",
      grounds: ["political_offence"],
    });
    expect(refused.json().history.at(-1).grounds).toEqual(["political_offence"]);

    version = await placeIn(id, "approved");
    const noGrounds = await move(actors.ca, id, {
      version,
      to: "translated_authenticated",
      grounds: ["other"],
    });
    expect(noGrounds.statusCode).toBe(400);
    expect(noGrounds.json().errors[0].message).toMatch(/records no grounds/);
  });
});
