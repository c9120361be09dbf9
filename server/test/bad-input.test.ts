import { beforeAll, describe, expect, it } from "vitest";
import { caseBody, makeOrganisation, makeUser, referenceIds, signedIn } from "./factories.ts";
import { type Call, call, type Session, testApp } from "./harness.ts";

/**
 * Every endpoint, fed wrong types, missing fields, unknown ids and stale versions: each answer is a 4xx
 * problem+json with a stable code (and field paths for validation), and nothing is written — checked by
 * counting audit events and cases, since every write records an audit event in its own transaction.
 */
const UNKNOWN = "00000000-0000-4000-8000-000000000000";
let admin: Session;
let focal: Session;
let solicitor: Session;
let auditor: Session;
let otherFocal: Session;
let caseId: string;
let userId: string;
let orgId: string;
let courtId: string;
let caseTypeId: string;

beforeAll(async () => {
  admin = await signedIn(["administrator"]);
  focal = await signedIn(["focal_person"]);
  solicitor = await signedIn(["law_ministry"]);
  auditor = await signedIn(["auditor"]);
  otherFocal = await signedIn(["focal_person"]);
  const created = await call(focal, { method: "POST", url: "/api/v1/cases", body: await caseBody() });
  caseId = created.json().id;
  const org = await makeOrganisation();
  orgId = org.id;
  userId = (await makeUser(org.id, ["focal_person"])).id;
  const ref = await referenceIds();
  courtId = ref.court("IHC");
  caseTypeId = ref.type("WP");
});

async function counts() {
  const { handle } = await testApp();
  const n = async (table: "audit_events" | "cases" | "users" | "organisations") =>
    Number(
      (
        await handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    audit: await n("audit_events"),
    cases: await n("cases"),
    users: await n("users"),
    orgs: await n("organisations"),
  };
}

type Case = [
  name: string,
  who: () => Session | null,
  req: () => Promise<Call> | Call,
  status: number,
  code?: string,
  path?: string,
];

const cases: Case[] = [
  [
    "login: wrong types",
    () => null,
    () => ({ method: "POST", url: "/api/v1/auth/login", body: { username: 1, password: [] } }),
    400,
    "validation_failed",
    "body.username",
  ],
  [
    "login: not JSON",
    () => null,
    () => ({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: "{oops",
      headers: { "content-type": "application/json" },
    }),
    400,
    "validation_failed",
  ],
  [
    "login: wrong content type",
    () => null,
    () => ({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: "a=b",
      headers: { "content-type": "text/csv" },
    }),
    415,
    "unsupported_media_type",
  ],
  [
    "register: missing fields",
    () => null,
    () => ({ method: "POST", url: "/api/v1/auth/register", body: {} }),
    400,
    "validation_failed",
    "body.organisationCode",
  ],
  [
    "register: bad email",
    () => null,
    () => ({
      method: "POST",
      url: "/api/v1/auth/register",
      body: {
        organisationCode: "INTERIOR",
        username: "abc",
        fullName: "A",
        email: "nope",
        password: "a-long-password-1",
      },
    }),
    400,
    "validation_failed",
    "body.email",
  ],
  [
    "register: unknown organisation",
    () => null,
    () => ({
      method: "POST",
      url: "/api/v1/auth/register",
      body: { organisationCode: "NOPE", username: "abcdef", fullName: "A", password: "a-long-password-1" },
    }),
    400,
    "validation_failed",
    "body.organisationCode",
  ],
  [
    "me: unknown locale",
    () => focal,
    () => ({ method: "PATCH", url: "/api/v1/me", body: { locale: "fr" } }),
    400,
    "validation_failed",
    "body.locale",
  ],
  [
    "users: page 0",
    () => admin,
    () => ({ method: "GET", url: "/api/v1/users?page=0" }),
    400,
    "validation_failed",
    "querystring.page",
  ],
  [
    "users: pageSize too big",
    () => admin,
    () => ({ method: "GET", url: "/api/v1/users?pageSize=5000" }),
    400,
    "validation_failed",
    "querystring.pageSize",
  ],
  [
    "users: focal may not list",
    () => focal,
    () => ({ method: "GET", url: "/api/v1/users" }),
    403,
    "forbidden",
  ],
  [
    "users: unknown role",
    () => admin,
    () => ({
      method: "POST",
      url: "/api/v1/users",
      body: {
        organisationId: orgId,
        username: "newbie",
        fullName: "N",
        password: "a-long-password-1",
        roles: ["king"],
      },
    }),
    400,
    "validation_failed",
    "body.roles.0",
  ],
  [
    "users: unknown organisation",
    () => admin,
    () => ({
      method: "POST",
      url: "/api/v1/users",
      body: {
        organisationId: UNKNOWN,
        username: "newbie2",
        fullName: "N",
        password: "a-long-password-1",
        roles: ["focal_person"],
      },
    }),
    400,
    "validation_failed",
    "body.organisationId",
  ],
  [
    "users: id not a uuid",
    () => admin,
    () => ({ method: "GET", url: "/api/v1/users/42" }),
    400,
    "validation_failed",
    "params.id",
  ],
  [
    "users: unknown id",
    () => admin,
    () => ({ method: "GET", url: `/api/v1/users/${UNKNOWN}` }),
    404,
    "not_found",
  ],
  [
    "users: version as string",
    () => admin,
    () => ({ method: "PATCH", url: `/api/v1/users/${userId}`, body: { version: "1", fullName: "X" } }),
    400,
    "validation_failed",
    "body.version",
  ],
  [
    "users: stale version",
    () => admin,
    () => ({ method: "PATCH", url: `/api/v1/users/${userId}`, body: { version: 99, fullName: "X" } }),
    409,
    "stale_version",
  ],
  [
    "users: approve without version",
    () => admin,
    () => ({ method: "POST", url: `/api/v1/users/${userId}/approve`, body: {} }),
    400,
    "validation_failed",
    "body.version",
  ],
  [
    "users: approve an active user",
    () => admin,
    () => ({ method: "POST", url: `/api/v1/users/${userId}/approve`, body: { version: 1 } }),
    409,
    "not_pending",
  ],
  [
    "organisations: bad code",
    () => admin,
    () => ({
      method: "POST",
      url: "/api/v1/organisations",
      body: { code: "a b", nameEn: "X", kind: "ministry" },
    }),
    400,
    "validation_failed",
    "body.code",
  ],
  [
    "organisations: duplicate code",
    () => admin,
    () => ({
      method: "POST",
      url: "/api/v1/organisations",
      body: { code: "INTERIOR", nameEn: "X", kind: "ministry" },
    }),
    409,
    "code_taken",
  ],
  [
    "organisations: focal may not create",
    () => focal,
    () => ({
      method: "POST",
      url: "/api/v1/organisations",
      body: { code: "NEWORG", nameEn: "X", kind: "ministry" },
    }),
    403,
    "forbidden",
  ],
  [
    "organisations: unknown id",
    () => admin,
    () => ({ method: "PATCH", url: `/api/v1/organisations/${UNKNOWN}`, body: { version: 1, nameEn: "X" } }),
    404,
    "not_found",
  ],
  [
    "organisations: stale version",
    () => admin,
    () => ({ method: "PATCH", url: `/api/v1/organisations/${orgId}`, body: { version: 7, nameEn: "X" } }),
    409,
    "stale_version",
  ],
  [
    "reference: stale court",
    () => admin,
    () => ({
      method: "PATCH",
      url: `/api/v1/reference/courts/${courtId}`,
      body: { version: 999, city: "X" },
    }),
    409,
    "stale_version",
  ],
  [
    "reference: focal may not edit",
    () => focal,
    () => ({
      method: "PATCH",
      url: `/api/v1/reference/case-types/${caseTypeId}`,
      body: { version: 1, nameEn: "X" },
    }),
    403,
    "forbidden",
  ],
  [
    "reference: bench for unknown court",
    () => admin,
    () => ({
      method: "POST",
      url: `/api/v1/reference/courts/${UNKNOWN}/benches`,
      body: { code: "XX", nameEn: "X", city: "X" },
    }),
    404,
    "not_found",
  ],
  [
    "cases: number as string",
    () => focal,
    async () => ({ method: "POST", url: "/api/v1/cases", body: await caseBody({ number: "12" }) }),
    400,
    "validation_failed",
    "body.number",
  ],
  [
    "cases: negative number",
    () => focal,
    async () => ({ method: "POST", url: "/api/v1/cases", body: await caseBody({ number: -4 }) }),
    400,
    "validation_failed",
    "body.number",
  ],
  [
    "cases: year before 1947",
    () => focal,
    async () => ({ method: "POST", url: "/api/v1/cases", body: await caseBody({ year: 1800 }) }),
    400,
    "validation_failed",
    "body.year",
  ],
  [
    "cases: one party",
    () => focal,
    async () => ({
      method: "POST",
      url: "/api/v1/cases",
      body: await caseBody({ parties: [{ side: "petitioner", name: "A" }] }),
    }),
    400,
    "validation_failed",
    "body.parties",
  ],
  [
    "cases: unknown side",
    () => focal,
    async () => ({
      method: "POST",
      url: "/api/v1/cases",
      body: await caseBody({
        parties: [
          { side: "winner", name: "A" },
          { side: "respondent", name: "B" },
        ],
      }),
    }),
    400,
    "validation_failed",
    "body.parties.0.side",
  ],
  [
    "cases: impossible date",
    () => focal,
    async () => ({ method: "POST", url: "/api/v1/cases", body: await caseBody({ filedOn: "2025-13-45" }) }),
    400,
    "validation_failed",
    "body.filedOn",
  ],
  [
    "cases: bad amount",
    () => focal,
    async () => ({ method: "POST", url: "/api/v1/cases", body: await caseBody({ amountInvolved: "lots" }) }),
    400,
    "validation_failed",
    "body.amountInvolved",
  ],
  [
    "cases: unknown court",
    () => focal,
    async () => ({ method: "POST", url: "/api/v1/cases", body: await caseBody({ courtId: UNKNOWN }) }),
    400,
    "validation_failed",
    "body.courtId",
  ],
  [
    "cases: bench of another court",
    () => focal,
    async () => ({
      method: "POST",
      url: "/api/v1/cases",
      body: await caseBody({ benchId: (await referenceIds()).bench("LHC", "MUL") }),
    }),
    400,
    "validation_failed",
    "body.benchId",
  ],
  [
    "cases: focal registers for another ministry",
    () => focal,
    async () => ({ method: "POST", url: "/api/v1/cases", body: await caseBody({ organisationId: orgId }) }),
    403,
    "forbidden",
  ],
  [
    "cases: title too long",
    () => focal,
    async () => ({ method: "POST", url: "/api/v1/cases", body: await caseBody({ title: "x".repeat(600) }) }),
    400,
    "validation_failed",
    "body.title",
  ],
  [
    "cases: body over 1 MB",
    () => focal,
    async () => ({
      method: "POST",
      url: "/api/v1/cases",
      body: await caseBody({ subject: "x".repeat(1_100_000) }),
    }),
    413,
    "payload_too_large",
  ],
  [
    "cases: bad query",
    () => focal,
    () => ({ method: "GET", url: "/api/v1/cases?year=abc&flag=evil" }),
    400,
    "validation_failed",
    "querystring.year",
  ],
  [
    "cases: id not a uuid",
    () => focal,
    () => ({ method: "GET", url: "/api/v1/cases/123" }),
    400,
    "validation_failed",
    "params.id",
  ],
  [
    "cases: unknown id",
    () => focal,
    () => ({ method: "PATCH", url: `/api/v1/cases/${UNKNOWN}`, body: { version: 1, title: "X" } }),
    404,
    "not_found",
  ],
  [
    "cases: edit without version",
    () => focal,
    () => ({ method: "PATCH", url: `/api/v1/cases/${caseId}`, body: { title: "X" } }),
    400,
    "validation_failed",
    "body.version",
  ],
  [
    "cases: stale edit",
    () => focal,
    () => ({ method: "PATCH", url: `/api/v1/cases/${caseId}`, body: { version: 42, title: "X" } }),
    409,
    "stale_version",
  ],
  [
    "cases: unknown status",
    () => focal,
    () => ({ method: "POST", url: `/api/v1/cases/${caseId}/status`, body: { version: 1, status: "won" } }),
    400,
    "validation_failed",
    "body.status",
  ],
  [
    "cases: assign a non-officer",
    () => solicitor,
    () => ({
      method: "POST",
      url: `/api/v1/cases/${caseId}/assignment`,
      body: { version: 1, officerId: userId, reason: "r" },
    }),
    400,
    "validation_failed",
    "body.officerId",
  ],
  [
    "cases: assign without reason",
    () => solicitor,
    () => ({
      method: "POST",
      url: `/api/v1/cases/${caseId}/assignment`,
      body: { version: 1, officerId: userId },
    }),
    400,
    "validation_failed",
    "body.reason",
  ],
  [
    "cases: link kind unknown",
    () => focal,
    () => ({
      method: "POST",
      url: `/api/v1/cases/${caseId}/links`,
      body: { kind: "cousin_of", linkedCaseId: caseId },
    }),
    400,
    "validation_failed",
    "body.kind",
  ],
  [
    "cases: link to unknown case",
    () => focal,
    () => ({
      method: "POST",
      url: `/api/v1/cases/${caseId}/links`,
      body: { kind: "connected_with", linkedCaseId: UNKNOWN },
    }),
    404,
    "not_found",
  ],
  [
    "cases: unlink unknown link",
    () => focal,
    () => ({ method: "DELETE", url: `/api/v1/cases/${caseId}/links/${UNKNOWN}` }),
    404,
    "not_found",
  ],
  [
    "cases: history of unknown case",
    () => focal,
    () => ({ method: "GET", url: `/api/v1/cases/${UNKNOWN}/history` }),
    404,
    "not_found",
  ],
  [
    "cases: name unknown user",
    () => focal,
    () => ({ method: "POST", url: `/api/v1/cases/${caseId}/access`, body: { userId: UNKNOWN } }),
    403,
    "forbidden",
  ],
  [
    "audit: negative page",
    () => auditor,
    () => ({ method: "GET", url: "/api/v1/audit?page=-1" }),
    400,
    "validation_failed",
    "querystring.page",
  ],
  [
    "audit: focal may not read",
    () => focal,
    () => ({ method: "GET", url: "/api/v1/audit" }),
    403,
    "forbidden",
  ],
  [
    "assignment: preview without cases",
    () => solicitor,
    () => ({ method: "POST", url: "/api/v1/assignment/preview", body: { caseIds: [] } }),
    400,
    "validation_failed",
    "body.caseIds",
  ],
  [
    "assignment: preview needs the office",
    () => solicitor,
    () => ({ method: "POST", url: "/api/v1/assignment/preview", body: { caseIds: [caseId] } }),
    400,
    "validation_failed",
    "querystring.officeId",
  ],
  [
    "assignment: focal may not preview",
    () => focal,
    () => ({
      method: "POST",
      url: "/api/v1/assignment/preview",
      body: { caseIds: [caseId], officeId: orgId },
    }),
    403,
    "forbidden",
  ],
  [
    "assignment: unknown batch",
    () => solicitor,
    () => ({ method: "POST", url: `/api/v1/assignment/batches/${UNKNOWN}/commit`, body: {} }),
    404,
    "not_found",
  ],
  [
    "assignment: bad policy strategy",
    () => solicitor,
    () => ({
      method: "PUT",
      url: `/api/v1/assignment/policy?officeId=${orgId}`,
      body: { version: 1, note: "x", config: { strategy: "coin_toss" } },
    }),
    400,
    "validation_failed",
    "body.config.strategy",
  ],
  [
    "assignment: policy note missing",
    () => solicitor,
    () => ({
      method: "PUT",
      url: `/api/v1/assignment/policy?officeId=${orgId}`,
      body: { version: 1, config: {} },
    }),
    400,
    "validation_failed",
    "body.note",
  ],
  [
    "assignment: unknown officer profile",
    () => solicitor,
    () => ({ method: "GET", url: `/api/v1/assignment/officers/${UNKNOWN}` }),
    404,
    "not_found",
  ],
  [
    "assignment: profile with unknown tier",
    () => solicitor,
    () => ({
      method: "PUT",
      url: `/api/v1/assignment/officers/${userId}`,
      body: { version: 0, tier: "chief", expertise: [], maxLoad: 1, active: true, seats: [] },
    }),
    400,
    "validation_failed",
    "body.tier",
  ],
  [
    "assignment: leave ending before it starts",
    () => solicitor,
    () => ({
      method: "POST",
      url: `/api/v1/assignment/officers/${userId}/leaves`,
      body: { startsOn: "2026-05-02", endsOn: "2026-05-01" },
    }),
    400,
    "validation_failed",
    "body.endsOn",
  ],
  [
    "assignment: conflict naming nothing",
    () => solicitor,
    () => ({ method: "POST", url: `/api/v1/assignment/officers/${userId}/conflicts`, body: { note: "x" } }),
    400,
    "validation_failed",
    "body.partyName",
  ],
  [
    "assignment: weight out of range",
    () => solicitor,
    () => ({
      method: "PATCH",
      url: `/api/v1/assignment/weights/${UNKNOWN}`,
      body: { version: 1, weight: -2 },
    }),
    400,
    "validation_failed",
    "body.weight",
  ],
  [
    "assignment: unknown weight",
    () => solicitor,
    () => ({
      method: "PATCH",
      url: `/api/v1/assignment/weights/${UNKNOWN}`,
      body: { version: 1, weight: 2 },
    }),
    404,
    "not_found",
  ],
  [
    "assignment: focal may not verify",
    () => focal,
    () => ({ method: "GET", url: "/api/v1/assignment/verify" }),
    403,
    "forbidden",
  ],
  [
    "cases: NUL character in a title",
    () => focal,
    async () => ({ method: "POST", url: "/api/v1/cases", body: await caseBody({ title: "abc\u0000def" }) }),
    400,
    "validation_failed",
    "body.title",
  ],
  [
    "login: NUL character in a username",
    () => null,
    () => ({ method: "POST", url: "/api/v1/auth/login", body: { username: "a\u0000b", password: "x" } }),
    400,
    "validation_failed",
    "body.username",
  ],
  [
    "assignment: unknown office",
    () => solicitor,
    () => ({ method: "GET", url: `/api/v1/assignment/policy?officeId=${UNKNOWN}` }),
    404,
    "not_found",
  ],
  [
    "assignment: a ministry is not a law office",
    () => solicitor,
    () => ({ method: "GET", url: `/api/v1/assignment/policy?officeId=${orgId}` }),
    404,
    "not_found",
  ],
  [
    "hearings: schedule without a date",
    () => focal,
    () => ({ method: "POST", url: `/api/v1/cases/${caseId}/hearings`, body: { purpose: "Arguments" } }),
    400,
    "validation_failed",
    "body.date",
  ],
  [
    "hearings: a time that is not HH:MM",
    () => focal,
    () => ({
      method: "POST",
      url: `/api/v1/cases/${caseId}/hearings`,
      body: { date: "2026-12-01", time: "25:00" },
    }),
    400,
    "validation_failed",
    "body.time",
  ],
  [
    "hearings: an impossible date",
    () => focal,
    () => ({ method: "POST", url: `/api/v1/cases/${caseId}/hearings`, body: { date: "2026-02-30" } }),
    400,
    "validation_failed",
    "body.date",
  ],
  [
    "hearings: schedule on an unknown case",
    () => focal,
    () => ({ method: "POST", url: `/api/v1/cases/${UNKNOWN}/hearings`, body: { date: "2026-12-01" } }),
    404,
    "not_found",
  ],
  [
    "hearings: schedule on another ministry's case",
    () => otherFocal,
    () => ({ method: "POST", url: `/api/v1/cases/${caseId}/hearings`, body: { date: "2026-12-01" } }),
    404,
    "not_found",
  ],
  [
    "hearings: an adjournment without its reason and side",
    () => focal,
    () => ({
      method: "POST",
      url: `/api/v1/hearings/${UNKNOWN}/outcome`,
      body: { version: 1, outcome: "adjourned", nextDate: "2026-12-20" },
    }),
    400,
    "validation_failed",
    "body.adjournmentReason",
  ],
  [
    "hearings: a decision without its result",
    () => focal,
    () => ({
      method: "POST",
      url: `/api/v1/hearings/${UNKNOWN}/outcome`,
      body: { version: 1, outcome: "decided" },
    }),
    400,
    "validation_failed",
    "body.result",
  ],
  [
    "hearings: outcome of an unknown hearing",
    () => focal,
    () => ({
      method: "POST",
      url: `/api/v1/hearings/${UNKNOWN}/outcome`,
      body: { version: 1, outcome: "reserved" },
    }),
    404,
    "not_found",
  ],
  [
    "hearings: cancel without a reason",
    () => focal,
    () => ({ method: "POST", url: `/api/v1/hearings/${UNKNOWN}/cancel`, body: { version: 1 } }),
    400,
    "validation_failed",
    "body.reason",
  ],
  [
    "cause-list import: no court",
    () => focal,
    () => ({ method: "POST", url: "/api/v1/cause-list/imports", body: { content: "Case,Date\n" } }),
    400,
    "validation_failed",
    "body.courtId",
  ],
  [
    "cause-list import: an unknown court",
    () => focal,
    () => ({
      method: "POST",
      url: "/api/v1/cause-list/imports",
      body: { courtId: UNKNOWN, content: "Case,Date\n" },
    }),
    400,
    "validation_failed",
    "body.courtId",
  ],
  [
    "cause-list import: commit an unknown import",
    () => focal,
    () => ({ method: "POST", url: `/api/v1/cause-list/imports/${UNKNOWN}/commit` }),
    404,
    "not_found",
  ],
  [
    "calendar feed: not a token",
    () => null,
    () => ({ method: "GET", url: "/api/v1/calendar/..%2F..%2Fetc%2Fpasswd.ics" }),
    400,
    "validation_failed",
    "params.file",
  ],
  [
    "calendar feed: an unknown token",
    () => null,
    () => ({ method: "GET", url: `/api/v1/calendar/${"A".repeat(43)}.ics` }),
    404,
    "not_found",
  ],
  [
    "hearings: year 0 (PostgreSQL has none)",
    () => focal,
    () => ({ method: "POST", url: `/api/v1/cases/${caseId}/hearings`, body: { date: "0000-01-01" } }),
    400,
    "validation_failed",
    "body.date",
  ],
  [
    "cause list: a date past 2100",
    () => focal,
    () => ({ method: "GET", url: "/api/v1/cause-list?date=9999-12-31" }),
    400,
    "validation_failed",
    "querystring.date",
  ],
  [
    "hearings: a lone surrogate in the text",
    () => focal,
    () => ({
      method: "POST",
      url: `/api/v1/cases/${caseId}/hearings`,
      payload: '{"date":"2026-12-01","purpose":"Arguments \\ud800"}',
      headers: { "content-type": "application/json" },
    }),
    400,
    "validation_failed",
    "body.purpose",
  ],
  [
    "any body: JSON nested thousands of levels deep (found by the API fuzzer: it overflowed the stack, 500)",
    () => focal,
    () => ({
      method: "POST",
      url: "/api/v1/cases",
      payload: `{"title":${'{"a":['.repeat(5_000)}0${"]}".repeat(5_000)}}`,
      headers: { "content-type": "application/json" },
    }),
    400,
    "validation_failed",
  ],
  [
    "documents: a multipart body of random bytes (found by the API fuzzer: the parser's error was a 500)",
    () => focal,
    () => ({
      method: "POST",
      url: `/api/v1/cases/${caseId}/documents`,
      payload: Buffer.from([0xc5, 0x7a, 0xce, 0xaa, 0x23, 0xdd, 0xa4]),
      headers: { "content-type": "multipart/form-data; boundary=----fuzz" },
    }),
    400,
    "validation_failed",
    "body",
  ],
  [
    "cases: a version beyond PostgreSQL's int (found by the API fuzzer: out of range, 500)",
    () => focal,
    () => ({ method: "PATCH", url: `/api/v1/cases/${caseId}`, body: { version: 2 ** 40, title: "x" } }),
    400,
    "validation_failed",
    "body.version",
  ],
  [
    "assignment weights: a threshold beyond numeric(18,2) (found by the API fuzzer)",
    () => admin,
    async () => {
      const { handle } = await testApp();
      const weight = await handle.db.selectFrom("assignment_weights").select("id").executeTakeFirstOrThrow();
      return {
        method: "PATCH",
        url: `/api/v1/assignment/weights/${weight.id}`,
        body: { version: 1, weight: 1, threshold: 1e300 },
      };
    },
    400,
    "validation_failed",
    "body.threshold",
  ],
  [
    "unknown route",
    () => focal,
    () => ({ method: "GET", url: "/api/v1/nothing-here" }),
    404,
    "route_not_found",
  ],
  ["no session", () => null, () => ({ method: "GET", url: "/api/v1/cases" }), 401, "unauthenticated"],
];

describe("bad input gets a clear 4xx and writes nothing", () => {
  it.each(cases)("%s", async (_name, who, req, status, code, path) => {
    const before = await counts();
    const res = await call(who(), await req());
    expect(res.statusCode).toBe(status);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const problem = res.json();
    expect(problem).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
    if (code) expect(problem.code).toBe(code);
    if (path) expect(problem.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await counts()).toEqual(before);
  });
});
