import { randomUUID } from "node:crypto";
import { TEST_PASSWORD } from "../factories.ts";
import { ALL_ROLES, ASSIGNERS, type Entry } from "./matrix.ts";
import type { Variant, World } from "./world.ts";

/** Sign-in, users, organisations, reference data, limitation data, audit, assignment, public and health. */
const ADMIN = ["administrator"] as const;
const USER_ADMINS = ["administrator", "nodal_officer"] as const;
const everyone = (url: string, body?: unknown): Entry => ({
  on: "none",
  ok: ALL_ROLES,
  req: () => ({ url, body }),
});
const only = (ok: Entry["ok"], url: string, body?: () => unknown): Entry => ({
  on: "none",
  ok,
  req: () => ({ url, body: body?.() }),
});
const open = (url: string): Entry => ({ on: "public", ok: [], req: () => ({ url }) });
/** A strong password for accounts the matrix makes (the breached-password list refuses weak ones). */
const PASSWORD = () => `Matrix ${randomUUID()}`;

/** The law office the matrix's assigning officer runs, named in the query so the Law Ministry may act too. */
const office = (w: World) => `officeId=${w.actors.assigning_officer.organisationId}`;
const officerOf = (w: World, v: Variant) => (v === "own" ? w.actors.law_officer.userId : w.farOfficer.id);
const onOfficer = (ok: Entry["ok"], req: Entry["req"], more: Partial<Entry> = {}): Entry => ({
  on: "officer",
  ok,
  req,
  ...more,
});
const officeRun = { own: ASSIGNERS, other: ["law_ministry"] as const };
const onOffice = (req: Entry["req"]): Entry => ({ on: "office", ok: officeRun, req });

export const adminEntries: Record<string, Entry> = {
  "GET /health/live": open("/health/live"),
  "GET /health/ready": open("/health/ready"),
  "GET /api/v1/public/courts": open("/api/v1/public/courts"),
  "GET /api/v1/public/cases": { on: "public", ok: [], req: async (w) => ({ url: await w.publicSearch() }) },
  "GET /api/v1/public/statistics.json": open("/api/v1/public/statistics.json"),
  "GET /api/v1/public/statistics.csv": open("/api/v1/public/statistics.csv"),
  "GET /api/v1/public/statistics/dictionary.json": open("/api/v1/public/statistics/dictionary.json"),
  "GET /api/v1/organisations": open("/api/v1/organisations"),
  "GET /api/v1/public/organisations/:code": {
    on: "public",
    ok: [],
    req: async (w) => ({ url: `/api/v1/public/organisations/${await w.organisationCode()}` }),
  },
  "GET /api/v1/public/organisations/:code/feed.json": {
    on: "public",
    ok: [],
    req: async (w) => ({ url: `/api/v1/public/organisations/${await w.organisationCode()}/feed.json` }),
  },
  "GET /api/v1/calendar/:file": {
    // no session: the secret in the URL is the credential (calendar clients cannot sign in)
    on: "public",
    ok: [],
    req: async (w) => ({ url: await w.calendarFeedPath() }),
  },
  "POST /api/v1/auth/login": {
    on: "public",
    ok: [],
    req: async (w) => ({ url: "/api/v1/auth/login", body: await w.freshCredentials() }),
  },
  "POST /api/v1/auth/register": {
    on: "public",
    ok: [],
    req: async (w) => ({
      url: "/api/v1/auth/register",
      body: {
        organisationCode: await w.organisationCode(),
        username: `reg${randomUUID().slice(0, 8)}`,
        fullName: "Registering user",
        password: PASSWORD(),
      },
    }),
  },
  "POST /api/v1/auth/logout": { ...open("/api/v1/auth/logout"), freshSession: true },
  // two-step sign-in of one's own account: anyone may enrol; a wrong code is the account's own 4xx
  "POST /api/v1/me/totp": {
    ...everyone("/api/v1/me/totp", { currentPassword: TEST_PASSWORD }),
    freshSession: true,
  },
  "POST /api/v1/me/totp/confirm": {
    ...everyone("/api/v1/me/totp/confirm", { code: "000000" }),
    freshSession: true,
    alsoOk: [400, 409, 422],
  },
  "DELETE /api/v1/me/totp": {
    ...everyone("/api/v1/me/totp", { currentPassword: "not the password", code: "000000" }),
    freshSession: true,
    alsoOk: [400, 409, 422],
  },
  "DELETE /api/v1/users/:id/totp": {
    on: "user",
    ok: { own: USER_ADMINS, other: ADMIN },
    req: async (w, v, me) => ({ url: `/api/v1/users/${(await w.newUser(v, me)).id}/totp` }),
    alsoOk: [409, 422],
  },
  "GET /api/v1/auth/session": everyone("/api/v1/auth/session"),
  "PATCH /api/v1/me": everyone("/api/v1/me", { locale: "en" }),

  "GET /api/v1/users": only(USER_ADMINS, "/api/v1/users"),
  "POST /api/v1/users": {
    on: "none",
    ok: USER_ADMINS,
    req: (_w, _v, me) => ({
      url: "/api/v1/users",
      body: {
        organisationId: me.organisationId,
        username: `mx${randomUUID().slice(0, 8)}`,
        fullName: "Made by the matrix",
        password: PASSWORD(),
        roles: ["focal_person"],
      },
    }),
  },
  "GET /api/v1/users/:id": {
    on: "user",
    ok: { own: USER_ADMINS, other: ADMIN },
    req: async (w, v, me) => ({ url: `/api/v1/users/${(await w.newUser(v, me)).id}` }),
  },
  "PATCH /api/v1/users/:id": {
    on: "user",
    ok: { own: USER_ADMINS, other: ADMIN },
    req: async (w, v, me) => {
      const u = await w.newUser(v, me);
      return {
        url: `/api/v1/users/${u.id}`,
        body: { version: u.version, fullName: "Renamed by the matrix" },
      };
    },
  },
  "POST /api/v1/users/:id/approve": {
    on: "user",
    ok: { own: USER_ADMINS, other: ADMIN },
    req: async (w, v, me) => {
      const u = await w.newUser(v, me, "pending");
      return { url: `/api/v1/users/${u.id}/approve`, body: { version: u.version } };
    },
  },
  "POST /api/v1/users/:id/reject": {
    on: "user",
    ok: { own: USER_ADMINS, other: ADMIN },
    req: async (w, v, me) => {
      const u = await w.newUser(v, me, "pending");
      return { url: `/api/v1/users/${u.id}/reject`, body: { version: u.version, reason: "not known here" } };
    },
  },
  "GET /api/v1/officers": only([...ASSIGNERS, "administrator"], "/api/v1/officers"),
  "POST /api/v1/organisations": only(ADMIN, "/api/v1/organisations", () => ({
    code: `MX${randomUUID().slice(0, 6).toUpperCase()}`,
    nameEn: "Matrix Division",
    kind: "division",
  })),
  "PATCH /api/v1/organisations/:id": {
    on: "none",
    ok: ADMIN,
    req: async (w) => {
      const o = await w.newOrganisation();
      return {
        url: `/api/v1/organisations/${o.id}`,
        body: { version: o.version, nameEn: "Renamed Division" },
      };
    },
  },

  "GET /api/v1/reference/courts": everyone("/api/v1/reference/courts"),
  "GET /api/v1/reference/case-types": everyone("/api/v1/reference/case-types"),
  "GET /api/v1/reference/roles": everyone("/api/v1/reference/roles"),
  "PATCH /api/v1/reference/courts/:id": {
    on: "none",
    ok: ADMIN,
    req: async (w) => {
      const c = await w.referenceRow("courts", "IHC");
      return { url: `/api/v1/reference/courts/${c.id}`, body: { version: c.version, city: "Islamabad" } };
    },
  },
  "POST /api/v1/reference/courts/:id/benches": {
    on: "none",
    ok: ADMIN,
    req: async (w) => ({
      url: `/api/v1/reference/courts/${(await w.referenceRow("courts", "IHC")).id}/benches`,
      body: { code: `MX${randomUUID().slice(0, 4).toUpperCase()}`, nameEn: "Matrix bench", city: "Matrix" },
    }),
  },
  "PATCH /api/v1/reference/case-types/:id": {
    on: "none",
    ok: ADMIN,
    req: async (w) => {
      const t = await w.referenceRow("case_types", "WP");
      return { url: `/api/v1/reference/case-types/${t.id}`, body: { version: t.version, aliases: ["W.P."] } };
    },
  },

  "GET /api/v1/limitation-rules": everyone("/api/v1/limitation-rules"),
  "PATCH /api/v1/limitation-rules/:code": {
    on: "none",
    ok: ADMIN,
    req: async (w) => {
      const r = await w.limitationRule();
      return { url: `/api/v1/limitation-rules/${r.code}`, body: { version: r.version, days: r.days } };
    },
  },
  "GET /api/v1/court-calendar": everyone("/api/v1/court-calendar?year=2026"),
  "POST /api/v1/court-calendar/closures": only(ADMIN, "/api/v1/court-calendar/closures", () => closure()),
  "PATCH /api/v1/court-calendar/closures/:id": {
    on: "none",
    ok: ADMIN,
    req: async (w) => {
      const c = await w.newClosure(closure());
      return { url: `/api/v1/court-calendar/closures/${c.id}`, body: { ...closure(), version: c.version } };
    },
  },
  "DELETE /api/v1/court-calendar/closures/:id": {
    on: "none",
    ok: ADMIN,
    req: async (w) => {
      const c = await w.newClosure(closure());
      return { url: `/api/v1/court-calendar/closures/${c.id}`, body: { version: c.version } };
    },
  },
  "PUT /api/v1/court-calendar/weekends": {
    on: "none",
    ok: ADMIN,
    req: async (w) => ({
      url: "/api/v1/court-calendar/weekends",
      body: { courtId: await w.courtId("FST"), days: [0], source: "matrix test", status: "U" },
    }),
  },

  "GET /api/v1/audit": only(["auditor", "administrator"], "/api/v1/audit"),
  "GET /api/v1/audit/verify": only(["auditor", "administrator"], "/api/v1/audit/verify"),

  "GET /api/v1/assignment/queue": {
    on: "none",
    ok: ASSIGNERS,
    req: (w) => ({ url: `/api/v1/assignment/queue?${office(w)}` }),
  },
  "GET /api/v1/assignment/workload": {
    on: "none",
    ok: ASSIGNERS,
    req: (w) => ({ url: `/api/v1/assignment/workload?${office(w)}` }),
  },
  "GET /api/v1/assignment/policy": {
    on: "none",
    ok: ASSIGNERS,
    req: (w) => ({ url: `/api/v1/assignment/policy?${office(w)}` }),
  },
  "PUT /api/v1/assignment/policy": {
    on: "none",
    ok: ASSIGNERS,
    req: async (w) => ({ url: `/api/v1/assignment/policy?${office(w)}`, body: await w.officePolicy() }),
  },
  "GET /api/v1/assignment/officers": {
    on: "none",
    ok: ASSIGNERS,
    req: (w) => ({ url: `/api/v1/assignment/officers?${office(w)}` }),
  },
  // case weights are reference data every signed-in user may read; editing them is the Law Ministry's
  "GET /api/v1/assignment/weights": everyone("/api/v1/assignment/weights"),
  "PATCH /api/v1/assignment/weights/:id": {
    on: "none",
    ok: ["law_ministry", "administrator"],
    req: async (w) => {
      const weight = await w.weight();
      return {
        url: `/api/v1/assignment/weights/${weight.id}`,
        body: { version: weight.version, weight: weight.weight },
      };
    },
  },
  "GET /api/v1/assignment/verify": only(
    ["auditor", "administrator", "law_ministry"],
    "/api/v1/assignment/verify",
  ),
  "POST /api/v1/assignment/preview": {
    on: "none",
    ok: ASSIGNERS,
    req: async (w) => ({
      url: "/api/v1/assignment/preview",
      body: { caseIds: [(await w.newQueuedCase()).id], officeId: w.actors.assigning_officer.organisationId },
    }),
  },
  "POST /api/v1/assignment/batches/:id/commit": {
    on: "office",
    ok: officeRun,
    req: async (w, v) => ({ url: `/api/v1/assignment/batches/${await w.newBatch(v)}/commit`, body: {} }),
  },
  "POST /api/v1/assignment/batches/:id/return-to-queue": {
    on: "office",
    ok: officeRun,
    req: async (w, v) => ({
      url: `/api/v1/assignment/batches/${await w.newBatch(v)}/return-to-queue`,
      body: { reason: "matrix" },
    }),
  },
  "POST /api/v1/assignment/officers/:id/handover": onOffice(async (w, v) => ({
    url: `/api/v1/assignment/officers/${officerOf(w, v)}/handover`,
    body: { reason: "matrix handover" },
  })),
  "GET /api/v1/assignment/officers/:id": onOfficer(
    {
      own: ["law_ministry", "administrator", "auditor", "assigning_officer", "law_officer"],
      other: ["law_ministry", "administrator", "auditor"],
    },
    (w, v) => ({ url: `/api/v1/assignment/officers/${officerOf(w, v)}` }),
  ),
  "PUT /api/v1/assignment/officers/:id": onOfficer(officeRun, async (w, v) => ({
    url: `/api/v1/assignment/officers/${officerOf(w, v)}`,
    body: await w.officerProfile(officerOf(w, v)),
  })),
  "POST /api/v1/assignment/officers/:id/leaves": onOfficer(officeRun, (w, v) => ({
    url: `/api/v1/assignment/officers/${officerOf(w, v)}/leaves`,
    body: { startsOn: "2027-06-01", endsOn: "2027-06-05" },
  })),
  "DELETE /api/v1/assignment/officers/:id/leaves/:leaveId": onOfficer(officeRun, async (w, v) => ({
    url: `/api/v1/assignment/officers/${officerOf(w, v)}/leaves/${await w.newLeave(officerOf(w, v))}`,
  })),
  "POST /api/v1/assignment/officers/:id/conflicts": onOfficer(officeRun, (w, v) => ({
    url: `/api/v1/assignment/officers/${officerOf(w, v)}/conflicts`,
    body: { partyName: "Matrix Party" },
  })),
  "DELETE /api/v1/assignment/officers/:id/conflicts/:conflictId": onOfficer(officeRun, async (w, v) => ({
    url: `/api/v1/assignment/officers/${officerOf(w, v)}/conflicts/${await w.newConflict(officerOf(w, v))}`,
  })),
};

let closures = 0;
function closure() {
  closures += 1;
  return {
    courtId: null,
    startsOn: "2031-03-10",
    endsOn: "2031-03-10",
    nameEn: `Matrix closure ${closures}`,
    kind: "holiday",
    source: "matrix test",
    status: "U",
  };
}
