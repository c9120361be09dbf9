import { sql } from "kysely";
import type { Role } from "../../../common/roles.ts";
import { makeOffice, type Office } from "../../modules/assignment/assignment.fixtures.ts";
import { multipart, pdf } from "../../modules/documents/documents.fixtures.ts";
import { caseBody, decideCase, makeOrganisation, makeUser, signedIn } from "../factories.ts";
import { call, type Session, testApp } from "../harness.ts";

/**
 * The fuzzer's world: signed-in actors of several roles, a few real records of each kind (so generated ids
 * sometimes name something that exists), and pools of real ids read back from the database — refreshed as the
 * run goes on, so records the fuzzer itself created become targets too.
 */
export const ACTOR_ROLES = [
  "administrator",
  "law_ministry",
  "focal_person",
  "central_authority",
  "auditor",
  "assigning_officer",
] as const;
export type ActorName = "anonymous" | (typeof ACTOR_ROLES)[number];

export type World = {
  sessions: Map<ActorName, Session | null>;
  /** Users and organisations that may be disabled, renamed or rejected without breaking an actor's session. */
  expendableUsers: string[];
  expendableOrganisations: string[];
  /** A fresh session for an actor whose session a fuzzed logout ended. */
  signInAgain: (actor: ActorName) => Promise<void>;
};

export async function buildWorld(): Promise<World> {
  const sessions = new Map<ActorName, Session | null>([["anonymous", null]]);
  const focal = await signedIn(["focal_person"]);
  sessions.set("focal_person", focal);
  // the assigning officer heads a law office with two officers (profiles, seats), so assignment has targets
  const office = await makeOffice(2);
  sessions.set("assigning_officer", office.assigner);
  for (const role of ACTOR_ROLES) if (!sessions.has(role)) sessions.set(role, await signedIn([role as Role]));
  const spareOrg = await makeOrganisation();
  const spareUsers = [
    (await makeUser(spareOrg.id, ["focal_person"])).id,
    (await makeUser(spareOrg.id, ["focal_person"], { status: "pending" })).id,
    (await makeUser(spareOrg.id, ["law_officer"])).id,
  ];
  await seedRecords(focal, sessions.get("central_authority") as Session, office);
  // back into the same organisation, so the actor keeps its scope (the focal person's cases, the office)
  const homes: Partial<Record<ActorName, string>> = {
    focal_person: focal.organisationId,
    assigning_officer: office.id,
  };
  const signInAgain = async (actor: ActorName) => {
    if (actor !== "anonymous") sessions.set(actor, await signedIn([actor], homes[actor]));
  };
  return { sessions, expendableUsers: spareUsers, expendableOrganisations: [spareOrg.id], signInAgain };
}

/**
 * One of each record the routes act on, made through the API as a user would: two linked cases, a hearing, a
 * task, a document, a decision against the government (its appeal deadline, task and notices), a saved filter,
 * an officer's leave and conflict, an assignment preview, an MLA request with an evidence item. A refusal here
 * is not fatal — the pools simply stay empty.
 */
async function seedRecords(focal: Session, centralAuthority: Session, office: Office) {
  const post = (who: Session, url: string, body: unknown) => call(who, { method: "POST", url, body });
  const made = (await post(focal, "/api/v1/cases", await caseBody())).json();
  const other = (await post(focal, "/api/v1/cases", await caseBody())).json();
  await post(focal, `/api/v1/cases/${made.id}/links`, { kind: "appeal_of", linkedCaseId: other.id });
  await post(focal, `/api/v1/cases/${made.id}/hearings`, { date: "2030-03-04" });
  await post(focal, "/api/v1/tasks", {
    caseId: made.id,
    kind: "file_reply",
    title: "Reply",
    dueOn: "2030-01-02",
  });
  await post(focal, "/api/v1/saved-filters", { name: "Mine", query: {} });
  const upload = multipart({ kind: "petition", title: "Petition" }, { name: "a.pdf", bytes: pdf() });
  await call(focal, { method: "POST", url: `/api/v1/cases/${made.id}/documents`, ...upload });
  await decideCase(focal, other, "against", "2026-01-05");
  const [officer] = office.officers;
  if (officer) {
    const base = `/api/v1/assignment/officers/${officer.id}`;
    await post(office.assigner, `${base}/leaves`, { startsOn: "2030-01-01", endsOn: "2030-01-02" });
    await post(office.assigner, `${base}/conflicts`, { partyName: "Muhammad Ather" });
  }
  await post(office.assigner, "/api/v1/assignment/preview", { caseIds: [made.id] });
  const request = await post(centralAuthority, "/api/v1/mla/requests", {
    kind: "preservation",
    title: "Preservation of an account",
  });
  const requestId = request.json().id as string | undefined;
  if (requestId)
    await post(centralAuthority, `/api/v1/mla/requests/${requestId}/evidence`, {
      label: "Forensic image",
      sourceKind: "provider",
      sourceName: "Provider",
      receivedAt: "2026-01-02T10:00:00+05:00",
      sha256: "a".repeat(64),
    });
}

/** SQL that lists real values for a path parameter, keyed by "<segment before it>/<name>". */
const PATH_POOLS: Record<string, string> = {
  "courts/id": "select id::text as v from courts",
  "case-types/id": "select id::text as v from case_types",
  "cases/id": "select id::text as v from cases",
  "links/linkId": "select id::text as v from case_links",
  "access/userId":
    "select user_id::text as v from case_access union select user_id::text from mla_request_access",
  "documents/id": "select id::text as v from documents",
  "versions/version": "select version::text as v from document_versions",
  "imports/id": "select id::text as v from hearing_imports",
  "hearings/id": "select id::text as v from hearings",
  "saved-filters/id": "select id::text as v from saved_filters",
  "deadlines/id": "select id::text as v from deadlines",
  "limitation-rules/code": "select code as v from limitation_rules",
  "closures/id": "select id::text as v from court_closures",
  "tasks/id": "select id::text as v from tasks",
  "requests/id": "select id::text as v from mla_requests",
  "links/earlierId": "select id::text as v from mla_requests",
  "rules/id": "select code as v from mla_rules",
  "{kind}/code": "select code as v from mla_directory_entries",
  "evidence/itemId": "select id::text as v from mla_evidence_items",
  "batches/id": "select id::text as v from assignment_batches",
  "officers/id": "select user_id::text as v from officer_profiles",
  "weights/id": "select id::text as v from assignment_weights",
  "leaves/leaveId": "select id::text as v from officer_leaves",
  "conflicts/conflictId": "select id::text as v from officer_conflicts",
  "notifications/id": "select id::text as v from notifications",
  "exports/id": "select id::text as v from export_jobs",
  "organisations/code": "select code as v from organisations",
};

/** Tables behind body properties named `<x>Id` / `<x>Ids`. */
const PROPERTY_POOLS: Record<string, string> = {
  case: "cases",
  linkedCase: "cases",
  entity: "cases",
  court: "courts",
  bench: "benches",
  caseType: "case_types",
  organisation: "organisations",
  office: "organisations",
  assigneeOrganisation: "organisations",
  user: "users",
  officer: "users",
  assigneeUser: "users",
  actor: "users",
  document: "documents",
  orderSheetDocument: "documents",
  request: "mla_requests",
  earlier: "mla_requests",
  batch: "assignment_batches",
};

export type IdPools = { path: Map<string, string[]>; property: Map<string, string[]> };

/** Real ids, at most a handful per kind, read afresh (the run's own writes add to them). */
export async function readPools(world: World): Promise<IdPools> {
  const { handle } = await testApp();
  const rows = async (query: string) =>
    (
      await sql<{ v: string }>`${sql.raw(`select v from (${query}) t order by random() limit 6`)}`.execute(
        handle.db,
      )
    ).rows.map((r) => r.v);
  const path = new Map<string, string[]>();
  for (const [key, query] of Object.entries(PATH_POOLS)) path.set(key, await rows(query));
  // Never the actors' own accounts or organisations: an administrator disabling one would end the run's sessions.
  path.set("users/id", world.expendableUsers);
  path.set("organisations/id", world.expendableOrganisations);
  const property = new Map<string, string[]>();
  for (const [name, table] of Object.entries(PROPERTY_POOLS))
    property.set(name, await rows(`select id::text as v from ${table}`));
  return { path, property };
}

/** The pool for a body or query property, by its name (caseId, caseIds, officeId …). */
export function propertyPool(pools: IdPools, name: string): string[] {
  const base = name.replace(/Ids?$/, "");
  return base === name ? [] : (pools.property.get(base) ?? []);
}
