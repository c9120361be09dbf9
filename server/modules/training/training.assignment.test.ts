import { describe, expect, it } from "vitest";
import { signedIn, TEST_PASSWORD } from "../../test/factories.ts";
import { call, login } from "../../test/harness.ts";
import { makeOffice, registerCases, verifyLedger } from "../assignment/assignment.fixtures.ts";
import { complete } from "./training.fixtures.ts";

/** Competence from completed training feeds the assignment engine's ranking (issue 9 item 3). */
describe("competence in assignment", () => {
  it("ranks an officer who completed the training first, shows it on the profile, and drops it on revocation", async () => {
    const office = await makeOffice(3);
    const { ids } = await registerCases(2, { category: "service" });
    const suggest = async (caseId: string) =>
      (
        await call(office.assigner, { method: "POST", url: `/api/v1/cases/${caseId}/suggestion`, body: {} })
      ).json().items[0].decision;

    const before = await suggest(ids[0]!);
    // the one the policy would choose last gets the training
    const trained = before.candidates.at(-1).officerId as string;
    expect(before.chosenOfficerId).not.toBe(trained);
    const session = await login(office.officers.find((o) => o.id === trained)!.username, TEST_PASSWORD);
    const certificate = await complete(session, "limitation-and-appeals");

    const after = await suggest(ids[0]!);
    expect(after.chosenOfficerId).toBe(trained);
    expect(after.candidates[0].factors.map((f: { code: string }) => f.code)).toContain("holds_competence");
    expect(after.stepParams).toMatchObject({ competentEligible: 1, eligible: 3 });

    const profile = (
      await call(office.assigner, { method: "GET", url: `/api/v1/assignment/officers/${trained}` })
    ).json();
    // the assigning officer sees the competence, not the certificate's code (which opens its public page)
    expect(profile.competences).toEqual([
      expect.objectContaining({ code: "limitation_appeals", certificateCode: null }),
    ]);
    const ministry = await signedIn(["law_ministry"]);
    const overseen = (
      await call(ministry, { method: "GET", url: `/api/v1/assignment/officers/${trained}` })
    ).json();
    expect(overseen.competences).toEqual([expect.objectContaining({ certificateCode: certificate.code })]);

    // the suggestion commits, and the ledger replays with the competence facts it was decided on
    const preview = (
      await call(office.assigner, { method: "POST", url: `/api/v1/cases/${ids[1]}/suggestion`, body: {} })
    ).json();
    expect(preview.items[0].decision.chosenOfficerId).toBe(trained);
    const committed = await call(office.assigner, {
      method: "POST",
      url: `/api/v1/assignment/batches/${preview.batchId}/commit`,
      body: {},
    });
    expect(committed.statusCode).toBe(200);

    const admin = await signedIn(["administrator"]);
    await call(admin, {
      method: "POST",
      url: `/api/v1/training/certificates/${certificate.id}/revoke`,
      body: { reason: "test" },
    });
    const revoked = await suggest(ids[0]!);
    expect(
      revoked.candidates
        .find((c: { officerId: string }) => c.officerId === trained)
        .factors.map((f: { code: string }) => f.code),
    ).not.toContain("holds_competence");
    // the committed decision replays from its stored facts, competences included
    expect(await verifyLedger(office.id)).toMatchObject({ checked: 1, reproduced: 1, failures: [] });
  });
});
