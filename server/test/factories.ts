import { randomUUID } from "node:crypto";
import type { Role } from "../../common/roles.ts";
import type { OrganisationKind } from "../db/types.ts";
import { hashPassword } from "../platform/auth/passwords.ts";
import { call, login, type Session, testApp } from "./harness.ts";

export const TEST_PASSWORD = "correct-horse-42";
let passwordHash: Promise<string> | undefined;

const unique = () => randomUUID().slice(0, 8).toUpperCase();

export async function makeOrganisation(kind: OrganisationKind = "ministry", name = "Test Ministry") {
  const { handle } = await testApp();
  const code = `T${unique()}`;
  return handle.db
    .insertInto("organisations")
    .values({ code, name_en: `${name} ${code}`, name_ur: "ٹیسٹ وزارت", kind })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function makeUser(
  organisationId: string,
  roles: Role[],
  opts: { status?: "active" | "pending" | "disabled"; fullName?: string } = {},
) {
  const { handle } = await testApp();
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const username = `u${unique().toLowerCase()}`;
  const user = await handle.db
    .insertInto("users")
    .values({
      organisation_id: organisationId,
      username,
      full_name: opts.fullName ?? `User ${username}`,
      password_hash: await passwordHash,
      status: opts.status ?? "active",
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (roles.length > 0) {
    await handle.db
      .insertInto("user_roles")
      .values(roles.map((role) => ({ user_id: user.id, role })))
      .execute();
  }
  return user;
}

/** A signed-in user with the given roles, in a new organisation unless one is given. */
export async function signedIn(
  roles: Role[],
  organisationId?: string,
): Promise<Session & { organisationId: string }> {
  const orgId = organisationId ?? (await makeOrganisation()).id;
  const user = await makeUser(orgId, roles);
  return { ...(await login(user.username, TEST_PASSWORD)), organisationId: orgId };
}

export async function referenceIds() {
  const { handle } = await testApp();
  const courts = await handle.db.selectFrom("courts").select(["id", "code"]).execute();
  const benches = await handle.db.selectFrom("benches").select(["id", "code", "court_id"]).execute();
  const types = await handle.db.selectFrom("case_types").select(["id", "code"]).execute();
  const court = (code: string) => courts.find((c) => c.code === code)!.id;
  const type = (code: string) => types.find((t) => t.code === code)!.id;
  const bench = (courtCode: string, benchCode: string) =>
    benches.find((b) => b.court_id === court(courtCode) && b.code === benchCode)!.id;
  return { court, type, bench };
}

let caseCounter = 1000;

/** A valid case body; numbers are unique per call so tests never collide. */
/**
 * A made-up word of `length` random letters, for a name no other test uses: search keeps only words without
 * digits in its dictionary of spellings, so a name with a number in it could not be found misspelt.
 */
export function randomLetters(length = 8): string {
  return Array.from({ length }, () => "abcdefghijklmnopqrstuvwxyz"[Math.floor(Math.random() * 26)]).join("");
}

export async function caseBody(overrides: Record<string, unknown> = {}) {
  const ref = await referenceIds();
  caseCounter += 1;
  return {
    courtId: ref.court("IHC"),
    caseTypeId: ref.type("WP"),
    number: Math.floor(Math.random() * 9_000_000) + caseCounter,
    year: 2025,
    title: "Muhammad Ather v. Federation of Pakistan through Secretary",
    subject: "Seniority and promotion of a civil servant",
    category: "service",
    parties: [
      { side: "petitioner", name: "Muhammad Ather" },
      { side: "respondent", name: "Federation of Pakistan" },
    ],
    ...overrides,
  };
}

/** Records a decision on a case over HTTP; one against the government opens its appeal deadline and task. */
export function decideCase(
  who: Session,
  c: { id: string; version: number },
  governmentResult: "against" | "partly" | "in_favour",
  decidedOn: string,
) {
  return call(who, {
    method: "POST",
    url: `/api/v1/cases/${c.id}/status`,
    body: { version: c.version, status: "decided", decidedOn, outcome: "allowed", governmentResult },
  });
}
