import { createHash, randomUUID } from "node:crypto";
import { ROLES, type Role } from "../../../common/roles.ts";
import type { OrganisationKind } from "../../db/types.ts";
import { multipart, pdf } from "../../modules/documents/documents.fixtures.ts";
import { caseBody, makeOrganisation, makeUser, referenceIds, signedIn } from "../factories.ts";
import { type Call, call, type Session, testApp } from "../harness.ts";
import { adminFixtures } from "./world.admin.ts";

/**
 * The records the authorization matrix probes, made once per run through the API as their real owners:
 * one signed-in user per role, each in the organisation that role belongs to, and for each kind of record
 * the variants the matrix names — the actor's own organisation's, another organisation's, a confidential
 * one, and MLA requests of the agency's own and of another agency.
 */
export type Variant = "none" | "own" | "other" | "confidential";

export type Actor = Session & { role: Role; organisationId: string };

/** Where each role's user works: the organisation kinds of DOMAIN.md §2. */
const HOME: Record<Role, OrganisationKind> = {
  focal_person: "ministry",
  nodal_officer: "ministry",
  law_ministry: "law_ministry",
  assigning_officer: "law_office",
  law_officer: "law_office",
  executive_viewer: "executive",
  central_authority: "central_authority",
  requesting_agency: "agency",
  auditor: "system",
  administrator: "system",
};

export type CaseRecord = { id: string; version: number; organisationId: string };
export type MlaRecord = { id: string; version: number };

export type World = Awaited<ReturnType<typeof buildWorld>>;

function expectStatus(res: { statusCode: number; body: string }, status: number, what: string) {
  if (res.statusCode !== status) throw new Error(`authz world: ${what}: ${res.statusCode} ${res.body}`);
}

export async function buildWorld() {
  const orgs = new Map<OrganisationKind, string>();
  const orgOf = async (kind: OrganisationKind) => {
    if (!orgs.has(kind)) orgs.set(kind, (await makeOrganisation(kind, `Matrix ${kind}`)).id);
    return orgs.get(kind) as string;
  };
  const actors = {} as Record<Role, Actor>;
  for (const role of ROLES) {
    const orgId = await orgOf(HOME[role]);
    actors[role] = { ...(await signedIn([role], orgId)), role };
  }
  const ministryB = (await makeOrganisation("ministry", "Matrix other ministry")).id;
  const farOffice = (await makeOrganisation("law_office", "Matrix far office")).id;
  const otherAgency = (await makeOrganisation("agency", "Matrix other agency")).id;
  const farOfficer = await makeUser(farOffice, ["law_officer"]);
  // the registrant of confidential cases: named on them, and no actor of the matrix
  const insider = { ...(await signedIn(["focal_person"], actors.focal_person.organisationId)) };
  const otherAgent = await signedIn(["requesting_agency"], otherAgency);
  const solicitor = actors.law_ministry;

  /** A case in `variant`'s place: own → ministry A assigned within the law office; other → ministry B. */
  async function newCase(variant: Variant): Promise<CaseRecord> {
    if (variant === "confidential") {
      const body = await caseBody({ flags: { confidential: true } });
      const res = await call(insider, { method: "POST", url: "/api/v1/cases", body });
      expectStatus(res, 201, "confidential case");
      return { id: res.json().id, version: res.json().version, organisationId: insider.organisationId };
    }
    const organisationId = variant === "own" ? actors.focal_person.organisationId : ministryB;
    const created = await call(solicitor, {
      method: "POST",
      url: "/api/v1/cases",
      body: await caseBody({ organisationId }),
    });
    expectStatus(created, 201, `${variant} case`);
    const officerId = variant === "own" ? actors.law_officer.userId : farOfficer.id;
    const assigned = await call(solicitor, {
      method: "POST",
      url: `/api/v1/cases/${created.json().id}/assignment`,
      body: { version: created.json().version, officerId, reason: "authorization matrix" },
    });
    expectStatus(assigned, 200, `${variant} case assignment`);
    return { id: assigned.json().id, version: assigned.json().version, organisationId };
  }

  /** One case per variant for requests that only read it. */
  const shared = new Map<Variant, Promise<CaseRecord>>();
  function sharedCase(variant: Variant): Promise<CaseRecord> {
    if (!shared.has(variant)) shared.set(variant, newCase(variant));
    return shared.get(variant) as Promise<CaseRecord>;
  }

  /** The public search for the shared own case, by its number as a citizen would write it. */
  async function publicSearch() {
    const c = await sharedCase("own");
    const { handle } = await testApp();
    const row = await handle.db
      .selectFrom("cases")
      .select(["number", "year"])
      .where("id", "=", c.id)
      .executeTakeFirstOrThrow();
    return `/api/v1/public/cases?number=${encodeURIComponent(`W.P. ${row.number}/${row.year}`)}&court=IHC`;
  }

  /** Who may write to a case of this variant through the API (its owner's side), for making sub-records. */
  const ownerOf = (variant: Variant): Session => (variant === "confidential" ? insider : solicitor);

  async function currentVersion(table: "cases" | "mla_requests" | "hearings", id: string) {
    const { handle } = await testApp();
    const row = await handle.db
      .selectFrom(table)
      .select("version")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    return row.version;
  }

  /** A request that must succeed (making a record the matrix then probes); returns the JSON answer. */
  async function as(who: Session, method: Call["method"], url: string, body?: unknown) {
    const res = await call(who, { method, url, body });
    if (res.statusCode >= 300)
      throw new Error(`authz world: ${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.body ? res.json() : null;
  }

  async function newDeadline(variant: Variant) {
    const c = await newCase(variant);
    const made = await as(ownerOf(variant), "POST", `/api/v1/cases/${c.id}/deadline-events`, {
      event: "notice_received",
      date: "2026-11-02",
      replyDueOn: "2026-12-15",
    });
    return { id: made.deadlines[0].id as string, version: made.deadlines[0].version as number, caseId: c.id };
  }

  async function courtId(code: string) {
    return (await referenceIds()).court(code);
  }

  /** A cause-list import previewed by `owner` (only its maker may commit it). */
  async function newImport(owner: Session) {
    const made = await as(owner, "POST", "/api/v1/cause-list/imports", {
      courtId: await courtId("IHC"),
      format: "csv",
      content: "date,case\n2027-02-01,W.P. 1/2025\n",
    });
    return made.importId as string;
  }

  async function newTask(variant: Variant) {
    const c = await newCase(variant);
    // a confidential case's task goes to a person named on it; any other to the case's ministry
    const assignee =
      variant === "confidential"
        ? { assigneeUserId: insider.userId }
        : { assigneeOrganisationId: c.organisationId };
    const made = await as(ownerOf(variant), "POST", "/api/v1/tasks", {
      caseId: c.id,
      kind: "file_reply",
      title: "File the reply",
      dueOn: "2027-01-10",
      ...assignee,
    });
    return { id: made.id as string, version: made.version as number };
  }

  async function newNotification(owner: Session) {
    const { handle } = await testApp();
    const row = await handle.db
      .insertInto("notifications")
      .values({ user_id: owner.userId, kind: "case.stale", case_id: null, params: JSON.stringify({}) })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function newHearing(variant: Variant) {
    const c = await newCase(variant);
    const res = await call(ownerOf(variant), {
      method: "POST",
      url: `/api/v1/cases/${c.id}/hearings`,
      body: { date: "2027-03-15" },
    });
    expectStatus(res, 201, `${variant} hearing`);
    return { id: res.json().id as string, version: res.json().version as number, caseId: c.id };
  }

  async function newDocument(variant: Variant) {
    const c = await newCase(variant);
    const { handle, app } = await testApp();
    const bytes = Buffer.from(`%PDF-1.4 matrix ${randomUUID()}`);
    const sha = createHash("sha256").update(bytes).digest("hex");
    await app.deps.storage.put(sha, bytes);
    await handle.db
      .insertInto("blobs")
      .values({ sha256: sha, size_bytes: bytes.length, media_type: "application/pdf" })
      .execute();
    const by = variant === "confidential" ? insider.userId : solicitor.userId;
    const doc = await handle.db
      .insertInto("documents")
      .values({ case_id: c.id, kind: "petition", title: "Petition", created_by: by })
      .returning("id")
      .executeTakeFirstOrThrow();
    await handle.db
      .insertInto("document_versions")
      .values({
        document_id: doc.id,
        version: 1,
        blob_sha256: sha,
        file_name: "p.pdf",
        media_type: "application/pdf",
        size_bytes: bytes.length,
        uploaded_by: by,
      })
      .execute();
    return { id: doc.id, caseId: c.id };
  }

  /** An MLA request: own → drafted by the matrix's agency; other → by another agency. */
  async function newMla(variant: Variant): Promise<MlaRecord> {
    const who = variant === "own" ? actors.requesting_agency : otherAgent;
    const res = await call(who, {
      method: "POST",
      url: "/api/v1/mla/requests",
      body: { kind: "mla_outgoing", title: `Matrix request ${randomUUID().slice(0, 6)}` },
    });
    expectStatus(res, 201, `${variant} MLA request`);
    return { id: res.json().id, version: res.json().version };
  }

  async function mlaReference(id: string) {
    const { handle } = await testApp();
    const row = await handle.db
      .selectFrom("mla_requests")
      .select("reference")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    return row.reference;
  }

  /** A colleague of the request's agency, to be named on it. */
  const colleagues = new Map<Variant, string>();
  async function colleagueOf(variant: Variant) {
    if (!colleagues.has(variant)) {
      const orgId = variant === "own" ? actors.requesting_agency.organisationId : otherAgency;
      colleagues.set(variant, (await makeUser(orgId, ["requesting_agency"])).id);
    }
    return colleagues.get(variant) as string;
  }

  /** A drafting rule as it stands now (its version moves as the matrix edits it). */
  async function mlaRule() {
    const { handle } = await testApp();
    const row = await handle.db
      .selectFrom("mla_rules")
      .select(["code", "version"])
      .orderBy("number")
      .executeTakeFirstOrThrow();
    return { id: row.code, version: row.version };
  }

  async function mlaDirectoryEntry() {
    const { handle } = await testApp();
    return handle.db
      .selectFrom("mla_directory_entries")
      .select(["kind", "code", "version", "data"])
      .where("kind", "=", "provider")
      .orderBy("code")
      .executeTakeFirstOrThrow();
  }

  async function newEvidence(variant: Variant) {
    const r = await newMla(variant);
    const upload = multipart(
      {
        label: "Subscriber records",
        sourceKind: "provider",
        sourceName: "Example provider",
        receivedAt: "2026-01-05T10:00:00Z",
      },
      { name: "records.pdf", bytes: pdf(), type: "application/pdf" },
    );
    const res = await call(actors.central_authority, {
      method: "POST",
      url: `/api/v1/mla/requests/${r.id}/evidence/upload`,
      ...upload,
    });
    expectStatus(res, 201, `${variant} evidence`);
    return { id: res.json().id as string, version: res.json().version as number, requestId: r.id };
  }

  /**
   * Records with a unique word in their titles, for the list checks: a confidential case and its task (for a
   * person named on it), another ministry's case, another agency's MLA request.
   */
  async function leakProbe() {
    const word = () => `mx${randomUUID().replaceAll("-", "").slice(0, 10).replace(/[0-9]/g, "q")}`;
    const tokens = { confidential: word(), confidentialTask: word(), other: word(), otherRequest: word() };
    const secret = await as(insider, "POST", "/api/v1/cases", {
      ...(await caseBody({ flags: { confidential: true } })),
      title: `${tokens.confidential} v. Federation`,
    });
    await as(insider, "POST", "/api/v1/tasks", {
      caseId: secret.id,
      kind: "file_reply",
      title: `Reply ${tokens.confidentialTask}`,
      dueOn: "2027-01-10",
      assigneeUserId: insider.userId,
    });
    const far = await as(solicitor, "POST", "/api/v1/cases", {
      ...(await caseBody({ organisationId: ministryB })),
      title: `${tokens.other} v. Federation`,
    });
    await as(solicitor, "POST", `/api/v1/cases/${far.id}/assignment`, {
      version: far.version,
      officerId: farOfficer.id,
      reason: "authorization matrix",
    });
    await as(otherAgent, "POST", "/api/v1/mla/requests", {
      kind: "mla_outgoing",
      title: `Request ${tokens.otherRequest}`,
    });
    return tokens;
  }

  /** Another signed-in user of the role's organisation, for requests that end or change their session. */
  async function freshActor(role: Role): Promise<Actor> {
    return { ...(await signedIn([role], actors[role].organisationId)), role };
  }

  return {
    freshActor,
    leakProbe,
    ...adminFixtures({ actors, ministryB, insider, farOffice, as }),
    actors,
    ministryB,
    farOfficer,
    insider,
    newCase,
    sharedCase,
    publicSearch,
    newHearing,
    newDocument,
    newMla,
    newEvidence,
    ownerOf,
    currentVersion,
    as,
    newDeadline,
    courtId,
    mlaReference,
    colleagueOf,
    mlaRule,
    mlaDirectoryEntry,
    newImport,
    newTask,
    newNotification,
  };
}
