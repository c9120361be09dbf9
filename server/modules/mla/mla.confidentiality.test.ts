import { describe, expect, it } from "vitest";
import { caseBody, signedIn } from "../../test/factories.ts";
import { call, type Session } from "../../test/harness.ts";

/**
 * Issue 5 item 8: an MLA request is seen only by the Central Authority, the requesting agency unit and the users
 * named on it. A ministry user, a law officer and another agency's officer cannot find it or open it — by id, in
 * a list, in a search, through a linked case or through any of its sub-resources — and cannot change it.
 */
const get = (who: Session, url: string) => call(who, { method: "GET", url });

async function setting() {
  const agencyOrg = (await signedIn(["requesting_agency"])).organisationId;
  const fia = await signedIn(["requesting_agency"], agencyOrg);
  const colleague = await signedIn(["requesting_agency"], agencyOrg);
  const ca = await signedIn(["central_authority"]);
  const ministryOrg = (await signedIn(["focal_person"])).organisationId;
  const ministry = await signedIn(["focal_person", "nodal_officer"], ministryOrg);
  const lawOfficer = await signedIn(["law_officer"]);
  const otherAgency = await signedIn(["requesting_agency"]);
  const solicitor = await signedIn(["law_ministry"]);
  const kase = (
    await call(ministry, { method: "POST", url: "/api/v1/cases", body: await caseBody() })
  ).json();
  return { fia, colleague, ca, ministry, lawOfficer, otherAgency, solicitor, kase };
}

describe("who sees an MLA request", () => {
  it("MLA figures are the Central Authority's alone", async () => {
    const s = await setting();
    for (const outsider of [s.ministry, s.lawOfficer, s.otherAgency, s.solicitor, s.fia]) {
      expect((await get(outsider, "/api/v1/mla/metrics")).statusCode).toBe(403);
    }
  });

  it("outsiders cannot open, list, search, link, name or move it; the unit, the Central Authority and named users can", async () => {
    const s = await setting();
    const secretWord = `Zephyrine${Date.now()}`;
    const created = await call(s.fia, {
      method: "POST",
      url: "/api/v1/mla/requests",
      body: {
        kind: "preservation",
        title: `Preservation — ${secretWord} TikTok account`,
        draft: { facts: `The suspect ${secretWord} financed a proscribed organisation.` },
      },
    });
    expect(created.statusCode).toBe(201);
    const r = created.json();
    const outsiders = {
      ministry: s.ministry,
      lawOfficer: s.lawOfficer,
      otherAgency: s.otherAgency,
      solicitor: s.solicitor,
    };

    for (const [who, outsider] of Object.entries(outsiders)) {
      const base = `/api/v1/mla/requests/${r.id}`;
      expect((await get(outsider, base)).statusCode, `${who} by id`).toBe(404);
      const list = await get(outsider, "/api/v1/mla/requests");
      expect(list.statusCode, `${who} list`).toBe(200);
      expect(list.body, `${who} list`).not.toContain(secretWord);
      const filtered = await get(outsider, "/api/v1/mla/requests?kind=preservation&state=draft");
      expect(filtered.body).not.toContain(r.id);
      for (const q of [secretWord, r.reference]) {
        const search = await get(outsider, `/api/v1/cases?q=${encodeURIComponent(q)}`);
        expect(search.statusCode).toBe(200);
        expect(search.json().total, `${who} case search ${q}`).toBe(0);
      }
      const writes = [
        { method: "PUT", url: `${base}/draft`, body: { version: 1, draft: {} } },
        { method: "POST", url: `${base}/transitions`, body: { version: 1, to: "sent" } },
        { method: "POST", url: `${base}/links`, body: { reference: r.reference } },
        { method: "POST", url: `${base}/access`, body: { userId: s.ministry.userId } },
        { method: "GET", url: `${base}/access-candidates?q=User` },
        { method: "GET", url: `${base}/export.docx` },
        { method: "GET", url: `${base}/export.pdf` },
        { method: "GET", url: `${base}/evidence` },
        { method: "GET", url: `${base}/deadlines` },
        {
          method: "POST",
          url: `${base}/evidence`,
          body: {
            label: "Subscriber records",
            sourceKind: "provider",
            sourceName: "TikTok Pte. Ltd",
            receivedAt: "2026-11-01T10:00:00+05:00",
            sha256: "a".repeat(64),
          },
        },
      ] as const;
      for (const w of writes) {
        const res = await call(outsider, {
          method: w.method,
          url: w.url,
          body: "body" in w ? w.body : undefined,
        });
        expect(res.statusCode, `${who} ${w.method} ${w.url}`).toBe(404);
        expect(res.body).not.toContain(secretWord);
      }
    }

    expect((await get(s.colleague, `/api/v1/mla/requests/${r.id}`)).statusCode).toBe(200);
    expect((await get(s.ca, `/api/v1/mla/requests/${r.id}`)).statusCode).toBe(200);

    // naming the law officer opens the request to them, and only to them
    const named = await call(s.fia, {
      method: "POST",
      url: `/api/v1/mla/requests/${r.id}/access`,
      body: { userId: s.lawOfficer.userId },
    });
    expect(named.statusCode).toBe(200);
    expect(named.json().access.map((u: { id: string }) => u.id)).toContain(s.lawOfficer.userId);
    expect((await get(s.lawOfficer, `/api/v1/mla/requests/${r.id}`)).statusCode).toBe(200);
    expect((await get(s.ministry, `/api/v1/mla/requests/${r.id}`)).statusCode).toBe(404);
    const asNamed = (await get(s.lawOfficer, `/api/v1/mla/requests/${r.id}`)).json();
    expect(asNamed.abilities).toEqual({ editDraft: false, manageAccess: false });
    const unnamed = await call(s.ca, {
      method: "DELETE",
      url: `/api/v1/mla/requests/${r.id}/access/${s.lawOfficer.userId}`,
    });
    expect(unnamed.statusCode).toBe(200);
    expect((await get(s.lawOfficer, `/api/v1/mla/requests/${r.id}`)).statusCode).toBe(404);
    const keepCreator = await call(s.ca, {
      method: "DELETE",
      url: `/api/v1/mla/requests/${r.id}/access/${s.fia.userId}`,
    });
    expect(keepCreator.statusCode).toBe(422);
  });

  it("a case linked to a request shows no trace of it to the case's ministry, and the request shows the case only to those who may see it", async () => {
    const s = await setting();
    // an agency officer who is also its litigation focal person records the agency's own case
    const fia = await signedIn(["requesting_agency", "focal_person"], s.fia.organisationId);
    const created = await call(fia, { method: "POST", url: "/api/v1/cases", body: await caseBody() });
    expect(created.statusCode).toBe(201);
    const ownCase = created.json();
    const r = (
      await call(fia, {
        method: "POST",
        url: "/api/v1/mla/requests",
        body: { kind: "mla_outgoing", title: "MLA to the UK for the case", caseId: ownCase.id },
      })
    ).json();
    expect(r.case).toMatchObject({
      id: ownCase.id,
      displayNumber: ownCase.displayNumber,
      title: ownCase.title,
    });
    // the agency cannot link a case it cannot see
    const foreign = await call(fia, {
      method: "PUT",
      url: `/api/v1/mla/requests/${r.id}/draft`,
      body: { version: r.version, caseId: s.kase.id, draft: {} },
    });
    expect(foreign.statusCode).toBe(404);
    // the Central Authority sees that a case is linked, not what it is, as the case is outside its scope
    const asCa = (await get(s.ca, `/api/v1/mla/requests/${r.id}`)).json();
    expect(asCa.case).toEqual({ id: ownCase.id, displayNumber: null, title: null });
    const listed = (await get(fia, `/api/v1/mla/requests?caseId=${ownCase.id}`)).json().items;
    expect(listed.map((x: { id: string }) => x.id)).toEqual([r.id]);
    for (const outsider of [s.ministry, s.solicitor, s.lawOfficer]) {
      const byOutsider = await get(outsider, `/api/v1/mla/requests?caseId=${ownCase.id}`);
      expect([200, 403]).toContain(byOutsider.statusCode);
      expect(byOutsider.body).not.toContain(r.id);
    }
    const solicitorView = await get(s.solicitor, `/api/v1/cases/${ownCase.id}`);
    expect(solicitorView.statusCode).toBe(200);
    expect(solicitorView.body).not.toContain(r.reference);
    const caseHistory = await get(s.solicitor, `/api/v1/cases/${ownCase.id}/history`);
    expect(caseHistory.body).not.toContain(r.reference);
    const history = await get(s.ministry, `/api/v1/cases/${s.kase.id}/history`);
    expect(history.statusCode).toBe(200);
    expect(history.body).not.toContain(r.reference);
  });
});

describe("links between requests", () => {
  it("an MLA request follows its preservation: the link counts for rule 13 and shows both ways, only within scope", async () => {
    const s = await setting();
    const open = async (kind: string, title: string) =>
      (await call(s.fia, { method: "POST", url: "/api/v1/mla/requests", body: { kind, title } })).json();
    const pres = await open("preservation", "Preservation — TikTok account");
    const mla = await open("mla_outgoing", "MLA — TikTok content");
    const linked = await call(s.fia, {
      method: "POST",
      url: `/api/v1/mla/requests/${mla.id}/links`,
      body: { reference: pres.reference },
    });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().links).toEqual([
      expect.objectContaining({ direction: "earlier", relation: "follows", reference: pres.reference }),
    ]);
    // rule 13: the linked preservation must now be cited; citing it clears the finding
    const uncited = linked
      .json()
      .check.findings.filter(
        (f: { rule: string; severity: string }) => f.rule === "earlier_references" && f.severity === "error",
      );
    expect(uncited).toEqual([expect.objectContaining({ message: expect.stringContaining(pres.reference) })]);
    const cited = await call(s.fia, {
      method: "PUT",
      url: `/api/v1/mla/requests/${mla.id}/draft`,
      body: {
        version: linked.json().version,
        draft: { earlierReferences: [{ kind: "preservation", reference: pres.reference }] },
      },
    });
    expect(
      cited.json().check.findings.filter((f: { rule: string }) => f.rule === "earlier_references"),
    ).toEqual([]);
    const back = (await get(s.fia, `/api/v1/mla/requests/${pres.id}`)).json();
    expect(back.links).toEqual([expect.objectContaining({ direction: "later", reference: mla.reference })]);

    const again = await call(s.fia, {
      method: "POST",
      url: `/api/v1/mla/requests/${mla.id}/links`,
      body: { reference: pres.reference },
    });
    expect(again.statusCode).toBe(409);
    const self = await call(s.fia, {
      method: "POST",
      url: `/api/v1/mla/requests/${mla.id}/links`,
      body: { reference: mla.reference },
    });
    expect(self.statusCode).toBe(422);
    // another agency's request cannot be linked, and is not revealed by trying
    const theirs = (
      await call(s.otherAgency, {
        method: "POST",
        url: "/api/v1/mla/requests",
        body: { kind: "preservation", title: "Theirs" },
      })
    ).json();
    const cross = await call(s.fia, {
      method: "POST",
      url: `/api/v1/mla/requests/${mla.id}/links`,
      body: { reference: theirs.reference },
    });
    expect(cross.statusCode).toBe(404);
    const removed = await call(s.fia, {
      method: "DELETE",
      url: `/api/v1/mla/requests/${mla.id}/links/${pres.id}`,
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().links).toEqual([]);
  });
});
