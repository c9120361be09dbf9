import { expect } from "vitest";
import { caseBody, makeOrganisation, makeUser, referenceIds, signedIn } from "../../test/factories.ts";
import { call, type Session } from "../../test/harness.ts";

/** A law office with assigning officer and law officers, cases to assign, and the auditors' replay — for tests. */
export type Office = { id: string; assigner: Session; officers: { id: string; username: string }[] };

export async function makeOffice(n: number, profile: Record<string, unknown> = {}): Promise<Office> {
  const org = await makeOrganisation("law_office", "Test law office");
  const assigner = await signedIn(["assigning_officer"], org.id);
  const ref = await referenceIds();
  const officers = [];
  for (let i = 0; i < n; i++) {
    const u = await makeUser(org.id, ["law_officer"], { fullName: `Officer ${i} ${org.code}` });
    const res = await call(assigner, {
      method: "PUT",
      url: `/api/v1/assignment/officers/${u.id}`,
      body: {
        version: 0,
        tier: "deputy_ag",
        expertise: ["service"],
        maxLoad: 100,
        active: true,
        seats: [{ courtId: ref.court("IHC"), benchId: null }],
        ...profile,
      },
    });
    expect(res.statusCode).toBe(200);
    officers.push({ id: u.id, username: u.username });
  }
  return { id: org.id, assigner, officers };
}

export async function registerCases(n: number, overrides: Record<string, unknown> = {}) {
  const focal = await signedIn(["focal_person"]);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await call(focal, { method: "POST", url: "/api/v1/cases", body: await caseBody(overrides) });
    expect(res.statusCode).toBe(201);
    ids.push(res.json().id);
  }
  return { focal, ids };
}

/** The auditors' replay of an office's ledger. */
export async function verifyLedger(officeId: string) {
  const auditor = await signedIn(["auditor"]);
  return (
    await call(auditor, { method: "GET", url: `/api/v1/assignment/verify?officeId=${officeId}` })
  ).json();
}
