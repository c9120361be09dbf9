import { describe, expect, it } from "vitest";
import { caseBody, signedIn } from "../../test/factories.ts";
import { call, type Session } from "../../test/harness.ts";
import { readDirectory } from "./mla.reference.ts";

const open = (who: Session, body: Record<string, unknown>) =>
  call(who, { method: "POST", url: "/api/v1/mla/requests", body });
const move = (who: Session, id: string, body: Record<string, unknown>) =>
  call(who, { method: "POST", url: `/api/v1/mla/requests/${id}/transitions`, body });

describe("MLA reference data", () => {
  it("the directory file parses and answers the drafting rules' questions", () => {
    const dir = readDirectory();
    expect(dir.states.map((s) => s.code)).toEqual(expect.arrayContaining(["PK", "US", "GB"]));
    expect(dir.providers.map((p) => p.code)).toEqual(expect.arrayContaining(["meta", "google", "tiktok"]));
    const us = dir.states.find((s) => s.code === "US")!;
    expect(us.mlaTreatyWithPakistan).toMatchObject({ value: false, source: expect.any(String) });
  });
});

describe("MLA register", () => {
  it("an agency drafts a preservation request, the checker names what is missing, and the draft is completed", async () => {
    const fia = await signedIn(["requesting_agency"]);
    const created = await open(fia, {
      kind: "preservation",
      title: "Preservation — Facebook account of suspect A",
    });
    expect(created.statusCode).toBe(201);
    const r = created.json();
    expect(r).toMatchObject({
      kind: "preservation",
      state: "draft",
      version: 1,
      abilities: { editDraft: true },
    });
    expect(r.reference).toMatch(/^PRES-\d{4}-\d{4}$/);
    const rules = new Set(r.check.findings.map((f: { rule: string }) => f.rule));
    expect(rules.has("preservation_contents")).toBe(true); // Budapest Art. 29(2): the authority, offence, data…
    expect(r.check.score).toBeLessThan(100);
    expect(r.check.findings[0]).toMatchObject({
      severity: "error",
      source: expect.any(String),
      fix: expect.any(String),
    });

    const saved = await call(fia, {
      method: "PUT",
      url: `/api/v1/mla/requests/${r.id}/draft`,
      body: {
        version: 1,
        draft: { mlaWillFollow: true, preservationNeed: "The provider deletes logs after 90 days." },
      },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().version).toBe(2);
    expect(saved.json().check.score).toBeGreaterThanOrEqual(r.check.score);
    const stale = await call(fia, {
      method: "PUT",
      url: `/api/v1/mla/requests/${r.id}/draft`,
      body: { version: 1, draft: {} },
    });
    expect(stale.statusCode).toBe(409);
  });

  it("an outgoing request moves only as its flow allows, by the right role, with reasons, and records time per state", async () => {
    const fia = await signedIn(["requesting_agency"]);
    const ca = await signedIn(["central_authority"]);
    const r = (
      await open(fia, { kind: "mla_outgoing", title: "MLA to the United States — subscriber and content" })
    ).json();
    expect(r.moves.map((m: { to: string }) => m.to)).toEqual(["agency_legal_review"]);
    const skip = await move(fia, r.id, { version: 1, to: "approved" });
    expect(skip.statusCode).toBe(422);
    expect(skip.json().code).toBe("invalid_transition");
    let cur = (await move(fia, r.id, { version: 1, to: "agency_legal_review" })).json();
    cur = (await move(fia, r.id, { version: cur.version, to: "submitted_to_central_authority" })).json();
    expect((await move(fia, r.id, { version: cur.version, to: "central_authority_review" })).statusCode).toBe(
      403,
    );
    cur = (await move(ca, r.id, { version: cur.version, to: "central_authority_review" })).json();
    const noReason = await move(ca, r.id, { version: cur.version, to: "returned_for_amendment" });
    expect(noReason.json().errors[0].path).toBe("body.reason");
    cur = (
      await move(ca, r.id, {
        version: cur.version,
        to: "returned_for_amendment",
        reason: "State the link between the data and the offence.",
      })
    ).json();
    expect(cur).toMatchObject({ state: "returned_for_amendment" });
    expect(cur.history.map((h: { to: string; role: string }) => [h.to, h.role])).toEqual([
      ["agency_legal_review", "requesting_agency"],
      ["submitted_to_central_authority", "requesting_agency"],
      ["central_authority_review", "central_authority"],
      ["returned_for_amendment", "central_authority"],
    ]);
    expect(cur.history[3]).toMatchObject({
      reason: "State the link between the data and the offence.",
      secondsInPrevious: expect.any(Number),
    });
    // returned: the agency may edit again
    const view = (await call(fia, { method: "GET", url: `/api/v1/mla/requests/${r.id}` })).json();
    expect(view.abilities.editDraft).toBe(true);
    expect(view.moves.map((m: { to: string }) => m.to)).toEqual(["submitted_to_central_authority"]);
  });

  it("keeps requests to the Central Authority, the agency unit and named users; refuses what a role may not open", async () => {
    const fia = await signedIn(["requesting_agency"]);
    const otherAgency = await signedIn(["requesting_agency"]);
    const ca = await signedIn(["central_authority"]);
    const solicitor = await signedIn(["law_ministry"]);
    const r = (
      await open(fia, { kind: "voluntary_disclosure", title: "Voluntary disclosure — subscriber data" })
    ).json();
    for (const outsider of [otherAgency, solicitor]) {
      expect((await call(outsider, { method: "GET", url: `/api/v1/mla/requests/${r.id}` })).statusCode).toBe(
        404,
      );
      const list = (await call(outsider, { method: "GET", url: "/api/v1/mla/requests" })).json().items;
      expect(list.map((x: { id: string }) => x.id)).not.toContain(r.id);
      expect(
        (await move(outsider, r.id, { version: 1, to: "submitted_to_central_authority" })).statusCode,
      ).toBe(404);
    }
    expect((await call(ca, { method: "GET", url: `/api/v1/mla/requests/${r.id}` })).statusCode).toBe(200);
    expect((await open(fia, { kind: "mla_incoming", title: "From abroad" })).statusCode).toBe(403);
    expect((await open(solicitor, { kind: "mla_outgoing", title: "x" })).statusCode).toBe(403);
    const incoming = await open(ca, {
      kind: "mla_incoming",
      title: "Request from the UK",
      draft: { requestingState: "GB" },
    });
    expect(incoming.json()).toMatchObject({
      state: "received",
      reference: expect.stringMatching(/^MLA-IN-/),
    });
    expect((await open(fia, { kind: "mla_outgoing", title: "" })).statusCode).toBe(400);
    expect((await open(fia, { kind: "letter_rogatory", title: "x" })).statusCode).toBe(400);
    expect(
      (await open(fia, { kind: "mla_outgoing", title: "x", draft: { requestedState: "usa" } })).json()
        .errors[0].path,
    ).toBe("body.draft.requestedState");
    const caseOfAnother = (
      await call(solicitor, { method: "POST", url: "/api/v1/cases", body: await caseBody() })
    ).json();
    expect((await open(fia, { kind: "mla_outgoing", title: "x", caseId: caseOfAnother.id })).statusCode).toBe(
      404,
    );
  });
});
