import type { Role } from "../../../common/roles.ts";
import { caseBody, makeOrganisation, makeUser, signedIn, TEST_PASSWORD } from "../factories.ts";
import { type Session, testApp } from "../harness.ts";
import type { Actor, Variant } from "./world.ts";

type Base = {
  actors: Record<Role, Actor>;
  ministryB: string;
  insider: Session;
  farOffice: string;
  /** A request that must succeed; its JSON answer as the harness parses it (the fixtures read a field or two). */
  as: (
    who: Session,
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    body?: unknown,
  ) => Promise<ReturnType<typeof JSON.parse>>;
};

/** Records of administration and assignment the matrix probes: users, organisations, reference, offices. */
export function adminFixtures(base: Base) {
  const { actors, as } = base;
  const solicitor = actors.law_ministry as Session;
  const db = async () => (await testApp()).handle.db;

  async function organisationCode() {
    const row = await (await db())
      .selectFrom("organisations")
      .select("code")
      .where("id", "=", actors.focal_person.organisationId)
      .executeTakeFirstOrThrow();
    return row.code;
  }

  let feedPath: string | undefined;
  async function calendarFeedPath() {
    feedPath ??= new URL((await as(base.insider, "POST", "/api/v1/me/calendar-feed", {})).url).pathname;
    return feedPath;
  }

  async function freshCredentials() {
    const u = await makeUser(actors.focal_person.organisationId, ["focal_person"]);
    return { username: u.username, password: TEST_PASSWORD };
  }

  /** A focal person of the actor's organisation (own) or of another ministry (other). */
  async function newUser(variant: Variant, me: Actor, status: "active" | "pending" = "active") {
    const orgId = variant === "own" ? me.organisationId : base.ministryB;
    const u = await makeUser(orgId, ["focal_person"], { status });
    return { id: u.id, version: u.version };
  }

  async function newOrganisation() {
    const o = await makeOrganisation("division", "Matrix division");
    return { id: o.id, version: o.version };
  }

  async function referenceRow(table: "courts" | "case_types", code: string) {
    return (await db())
      .selectFrom(table)
      .select(["id", "version"])
      .where("code", "=", code)
      .executeTakeFirstOrThrow();
  }

  async function limitationRule() {
    return (await db())
      .selectFrom("limitation_rules")
      .select(["code", "version", "days"])
      .where("days", "is not", null)
      .orderBy("code")
      .executeTakeFirstOrThrow();
  }

  async function newClosure(body: Record<string, unknown>) {
    const made = await as(actors.administrator as Session, "POST", "/api/v1/court-calendar/closures", body);
    return { id: made.id as string, version: made.version as number };
  }

  async function officePolicy() {
    const office = actors.assigning_officer.organisationId;
    const p = await as(solicitor, "GET", `/api/v1/assignment/policy?officeId=${office}`);
    return { version: p.version, config: p.config, note: "matrix: unchanged" };
  }

  async function weight() {
    const row = await (await db())
      .selectFrom("assignment_weights")
      .select(["id", "version", "weight"])
      .orderBy("key")
      .executeTakeFirstOrThrow();
    return { id: row.id, version: row.version, weight: Number(row.weight) };
  }

  /** An unassigned case of the actor's ministry: in the queue of every law office. */
  async function newQueuedCase() {
    const made = await as(solicitor, "POST", "/api/v1/cases", {
      ...(await caseBody()),
      organisationId: actors.focal_person.organisationId,
    });
    return { id: made.id as string };
  }

  /** A previewed assignment batch for the matrix's law office (own) or another (other). */
  async function newBatch(variant: Variant) {
    const officeId = variant === "own" ? actors.assigning_officer.organisationId : base.farOffice;
    // previews are rate-limited per user: each batch is previewed by a Law Ministry user of its own
    const previewer = await signedIn(["law_ministry"], actors.law_ministry.organisationId);
    const preview = await as(previewer, "POST", "/api/v1/assignment/preview", {
      caseIds: [(await newQueuedCase()).id],
      officeId,
    });
    return preview.batchId as string;
  }

  async function officerProfile(officerId: string) {
    const p = await as(solicitor, "GET", `/api/v1/assignment/officers/${officerId}`);
    return {
      version: p.version,
      tier: p.tier,
      expertise: p.expertise,
      maxLoad: p.maxLoad,
      active: p.active,
      notes: p.notes,
      seats: p.seats.map((s: { courtId: string; benchId: string | null }) => ({
        courtId: s.courtId,
        benchId: s.benchId,
      })),
    };
  }

  async function newLeave(officerId: string) {
    const p = await as(solicitor, "POST", `/api/v1/assignment/officers/${officerId}/leaves`, {
      startsOn: "2028-01-03",
      endsOn: "2028-01-04",
    });
    return p.leaves.at(-1).id as string;
  }

  async function newConflict(officerId: string) {
    const p = await as(solicitor, "POST", `/api/v1/assignment/officers/${officerId}/conflicts`, {
      partyName: `Matrix conflict ${Math.random().toString(36).slice(2, 7)}`,
    });
    return p.conflicts.at(-1).id as string;
  }

  return {
    organisationCode,
    calendarFeedPath,
    freshCredentials,
    newUser,
    newOrganisation,
    referenceRow,
    limitationRule,
    newClosure,
    officePolicy,
    weight,
    newQueuedCase,
    newBatch,
    officerProfile,
    newLeave,
    newConflict,
  };
}
