import { describe, expect, it } from "vitest";
import {
  caseBody,
  makeOrganisation,
  makeUser,
  randomLetters,
  referenceIds,
  signedIn,
} from "../../test/factories.ts";
import { call, testApp } from "../../test/harness.ts";

type S = Awaited<ReturnType<typeof signedIn>>;
const create = (s: S, body: unknown) => call(s, { method: "POST", url: "/api/v1/cases", body });
const search = (s: S, q: string) =>
  call(s, { method: "GET", url: `/api/v1/cases?q=${encodeURIComponent(q)}` });

describe("case register", () => {
  it("registers a case with parties in order and returns abilities", async () => {
    const focal = await signedIn(["focal_person"]);
    const res = await create(focal, await caseBody({ number: 1234, year: 2019 }));
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c.displayNumber).toBe("W.P. No. 1234 of 2019");
    expect(c.organisation.id).toBe(focal.organisationId);
    expect(c.bench.code).toBeTruthy(); // defaults to the principal seat
    expect(c.parties.map((p: { position: number; side: string }) => [p.position, p.side])).toEqual([
      [1, "petitioner"],
      [2, "respondent"],
    ]);
    expect(c.abilities).toMatchObject({ edit: true, assign: false, upload: true, download: true });
    expect(c.allowedTransitions).toEqual(["decided", "closed"]);
    expect(c.version).toBe(1);
  });

  it("finds the same case however its number is written", async () => {
    const focal = await signedIn(["focal_person"]);
    const number = 700_000 + Math.floor(Math.random() * 100_000);
    const created = (await create(focal, await caseBody({ number, year: 2025 }))).json();
    for (const q of [
      `WP ${number}/2025`,
      `W.P. No. ${number} of 2025`,
      `w.p.no.${number}/2025`,
      `Writ Petition No. ${number} of 2025`,
    ]) {
      const res = await search(focal, q);
      expect(res.statusCode).toBe(200);
      expect(
        res.json().items.map((i: { id: string }) => i.id),
        q,
      ).toEqual([created.id]);
    }
  });

  it("refuses the same court, type, number and year twice, pointing at the existing case", async () => {
    const focal = await signedIn(["focal_person"]);
    const body = await caseBody();
    const first = (await create(focal, body)).json();
    const again = await create(focal, { ...body, title: "Another title" });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "duplicate_case", existingCaseId: first.id });
    // Another ministry learns the number is taken but not where the case is.
    const other = await signedIn(["focal_person"]);
    const theirs = await create(other, body);
    expect(theirs.statusCode).toBe(409);
    expect(theirs.json().existingCaseId).toBeUndefined();
  });

  it("full-text search finds parties and subjects, in English and Urdu, and misspelt names", async () => {
    const focal = await signedIn(["focal_person"]);
    const name = `Zulfiqar${randomLetters()}`;
    const created = (
      await create(
        focal,
        await caseBody({
          title: `${name} Khan v. Federation`,
          subject: "محکمہ جاتی ترقی اور سنیارٹی",
          parties: [
            { side: "petitioner", name: `${name} Khan` },
            { side: "respondent", name: "وفاق پاکستان بذریعہ سیکرٹری داخلہ" },
          ],
        }),
      )
    ).json();
    const ids = async (q: string) => (await search(focal, q)).json().items.map((i: { id: string }) => i.id);
    expect(await ids(name)).toContain(created.id);
    expect(await ids("سنیارٹی")).toContain(created.id);
    expect(await ids("سیکرٹری داخلہ")).toContain(created.id);
    expect(await ids(`${name.slice(0, -1)}${name.endsWith("x") ? "q" : "x"} Khan`)).toContain(created.id); // one letter wrong
  });

  it("edits with optimistic concurrency: a stale version gets 409 and changes nothing", async () => {
    const focal = await signedIn(["focal_person"]);
    const c = (await create(focal, await caseBody())).json();
    const ok = await call(focal, {
      method: "PATCH",
      url: `/api/v1/cases/${c.id}`,
      body: { version: 1, title: "Revised title" },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(2);
    const stale = await call(focal, {
      method: "PATCH",
      url: `/api/v1/cases/${c.id}`,
      body: { version: 1, title: "Lost update" },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("stale_version");
    const now = (await call(focal, { method: "GET", url: `/api/v1/cases/${c.id}` })).json();
    expect(now.title).toBe("Revised title");
  });

  it("enforces status transitions and what a decision needs", async () => {
    const focal = await signedIn(["focal_person"]);
    const c = (await create(focal, await caseBody())).json();
    const url = `/api/v1/cases/${c.id}/status`;
    const bad = await call(focal, { method: "POST", url, body: { version: 1, status: "appealed" } });
    expect(bad.statusCode).toBe(422);
    const incomplete = await call(focal, { method: "POST", url, body: { version: 1, status: "decided" } });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().errors.map((e: { path: string }) => e.path)).toEqual([
      "body.decidedOn",
      "body.outcome",
      "body.governmentResult",
    ]);
    const decided = await call(focal, {
      method: "POST",
      url,
      body: {
        version: 1,
        status: "decided",
        decidedOn: "2026-01-15",
        outcome: "dismissed",
        governmentResult: "in_favour",
      },
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({
      status: "decided",
      stage: null,
      allowedTransitions: ["appealed", "closed", "pending"],
    });
  });

  it("links an appeal to the case below, shown from both sides", async () => {
    const focal = await signedIn(["focal_person"]);
    const ref = await referenceIds();
    const wp = (await create(focal, await caseBody())).json();
    const ica = (await create(focal, await caseBody({ caseTypeId: ref.type("ICA") }))).json();
    const linked = await call(focal, {
      method: "POST",
      url: `/api/v1/cases/${ica.id}/links`,
      body: { kind: "appeal_of", linkedCaseId: wp.id },
    });
    expect(linked.statusCode).toBe(201);
    expect(linked.json().links[0]).toMatchObject({
      kind: "appeal_of",
      direction: "outgoing",
      case: { id: wp.id },
    });
    const below = (await call(focal, { method: "GET", url: `/api/v1/cases/${wp.id}` })).json();
    expect(below.links[0]).toMatchObject({ kind: "appeal_of", direction: "incoming", case: { id: ica.id } });
    const self = await call(focal, {
      method: "POST",
      url: `/api/v1/cases/${wp.id}/links`,
      body: { kind: "connected_with", linkedCaseId: wp.id },
    });
    expect(self.statusCode).toBe(400);
  });

  it("the Law Ministry assigns a law officer with a reason; the officer then sees and edits the case", async () => {
    const focal = await signedIn(["focal_person"]);
    const c = (await create(focal, await caseBody())).json();
    const solicitor = await signedIn(["law_ministry"]);
    const agp = await makeOrganisation("law_office", "Office of the AGP");
    const officerUser = await makeUser(agp.id, ["law_officer"], { fullName: "Ayesha Siddiqui" });
    const assigned = await call(solicitor, {
      method: "POST",
      url: `/api/v1/cases/${c.id}/assignment`,
      body: { version: 1, officerId: officerUser.id, reason: "Service matters before IHC" },
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json().assignedOfficer).toEqual({ id: officerUser.id, fullName: "Ayesha Siddiqui" });
    expect(assigned.json().assignments[0]).toMatchObject({
      reason: "Service matters before IHC",
      method: "override",
      endedAt: null,
    });
    const { handle: h } = await testApp();
    const batches = await h.db
      .selectFrom("case_assignments as a")
      .innerJoin("assignment_batches as b", "b.id", "a.batch_id")
      .select(["b.decisions", "a.batch_position"])
      .where("a.case_id", "=", c.id)
      .execute();
    const ledger = batches.map((b) => {
      const e = (b.decisions as { method: string; step: string; reason: string; officerId: string }[])[
        b.batch_position!
      ]!;
      return { method: e.method, step: e.step, reason: e.reason, officer_id: e.officerId };
    });
    // the engine decided first (the office has no officer profiles yet: nobody eligible), then the override
    expect(ledger).toEqual([
      {
        method: "override",
        step: "no_eligible_officer",
        reason: "Service matters before IHC",
        officer_id: officerUser.id,
      },
    ]);
    const auditor = await signedIn(["auditor"]);
    const verify = await call(auditor, {
      method: "GET",
      url: `/api/v1/assignment/verify?officeId=${agp.id}`,
    });
    expect(verify.json()).toMatchObject({ checked: 1, reproduced: 1, failures: [] });
    const { login } = await import("../../test/harness.ts");
    const { TEST_PASSWORD } = await import("../../test/factories.ts");
    const officer = await login(officerUser.username, TEST_PASSWORD);
    const seen = await call(officer, { method: "GET", url: `/api/v1/cases?assignedTo=me` });
    expect(seen.json().items.map((i: { id: string }) => i.id)).toEqual([c.id]);
    const mine = (await call(officer, { method: "GET", url: `/api/v1/cases/${c.id}` })).json();
    expect(mine.abilities).toMatchObject({ edit: true, assign: false });
    const focalTries = await call(focal, {
      method: "POST",
      url: `/api/v1/cases/${c.id}/assignment`,
      body: { version: 2, officerId: null, reason: "x" },
    });
    expect(focalTries.statusCode).toBe(403);
  });

  it("keeps the whole history of a case", async () => {
    const focal = await signedIn(["focal_person"]);
    const c = (await create(focal, await caseBody())).json();
    await call(focal, {
      method: "PATCH",
      url: `/api/v1/cases/${c.id}`,
      body: { version: 1, subject: "Pension arrears" },
    });
    const history = (await call(focal, { method: "GET", url: `/api/v1/cases/${c.id}/history` })).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(["case.updated", "case.created"]);
    expect(history[0].changes.subject.to).toBe("Pension arrears");
    expect(history[0].actor.id).toBe(focal.userId);
  });

  it("writes nothing when a request fails part-way", async () => {
    const focal = await signedIn(["focal_person"]);
    const { handle } = await testApp();
    const before = await handle.db
      .selectFrom("cases")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const res = await create(
      focal,
      await caseBody({
        parties: [
          { side: "petitioner", name: "A" },
          { side: "respondent", name: "B", organisationId: "00000000-0000-4000-8000-000000000000" },
        ],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe("body.parties.1.organisationId");
    const after = await handle.db
      .selectFrom("cases")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe("confidential cases", () => {
  it("only named users see one; a named user can name and un-name others", async () => {
    const focal = await signedIn(["focal_person"]);
    const colleague = await signedIn(["focal_person"], focal.organisationId);
    const c = (await create(focal, await caseBody({ flags: { confidential: true } }))).json();
    expect(c.access.map((a: { id: string }) => a.id)).toEqual([focal.userId]);
    expect(c.abilities.manageAccess).toBe(true);
    expect((await call(colleague, { method: "GET", url: `/api/v1/cases/${c.id}` })).statusCode).toBe(404);

    const { handle } = await testApp();
    const colleagueRow = await handle.db
      .selectFrom("users")
      .select(["full_name"])
      .where("id", "=", colleague.userId)
      .executeTakeFirstOrThrow();
    const candidates = await call(focal, {
      method: "GET",
      url: `/api/v1/cases/${c.id}/access-candidates?q=${encodeURIComponent(colleagueRow.full_name)}`,
    });
    expect(candidates.json().items.map((i: { id: string }) => i.id)).toContain(colleague.userId);
    const granted = await call(focal, {
      method: "POST",
      url: `/api/v1/cases/${c.id}/access`,
      body: { userId: colleague.userId },
    });
    expect(granted.statusCode).toBe(200);
    expect((await call(colleague, { method: "GET", url: `/api/v1/cases/${c.id}` })).statusCode).toBe(200);

    const revoked = await call(focal, {
      method: "DELETE",
      url: `/api/v1/cases/${c.id}/access/${colleague.userId}`,
    });
    expect(revoked.statusCode).toBe(200);
    expect((await call(colleague, { method: "GET", url: `/api/v1/cases/${c.id}` })).statusCode).toBe(404);
    const history = (await call(focal, { method: "GET", url: `/api/v1/cases/${c.id}/history` })).json().items;
    expect(history.map((h: { action: string }) => h.action).slice(0, 2)).toEqual([
      "case.access_revoked",
      "case.access_granted",
    ]);
  });
});
