import { multipart, pdf } from "../../modules/documents/documents.fixtures.ts";
import { caseBody } from "../factories.ts";
import { ALL_ROLES, ASSIGNERS, CASE_EDITORS, CASE_FILE_READERS, CASE_READERS, type Entry } from "./matrix.ts";

/** Cases and what belongs to them: documents, hearings, deadlines, links, access, history. */
const onCase = (ok: Entry["ok"], req: Entry["req"], more: Partial<Entry> = {}): Entry => ({
  on: "case",
  ok,
  req,
  ...more,
});

/** Reads of a case are shared records; anything that changes one gets a fresh case per request. */
export const caseEntries: Record<string, Entry> = {
  // lists answer within the reader's scope: a role with no case scope gets an empty list
  "GET /api/v1/cases": { on: "none", ok: ALL_ROLES, req: () => ({ url: "/api/v1/cases" }) },
  "POST /api/v1/cases": {
    on: "none",
    ok: ["focal_person", "nodal_officer", "law_ministry"],
    req: async () => ({ url: "/api/v1/cases", body: await caseBody() }),
  },
  "GET /api/v1/cases/export": {
    on: "none",
    ok: ALL_ROLES,
    req: () => ({ url: "/api/v1/cases/export?format=csv" }),
  },
  "GET /api/v1/cases/:id": onCase(
    { own: CASE_READERS, other: ["law_ministry", "executive_viewer"] },
    async (w, v) => ({ url: `/api/v1/cases/${(await w.sharedCase(v)).id}` }),
  ),
  "PATCH /api/v1/cases/:id": onCase({ own: CASE_EDITORS, other: ["law_ministry"] }, async (w, v) => {
    const c = await w.newCase(v);
    return { url: `/api/v1/cases/${c.id}`, body: { version: c.version, subject: "Amended subject" } };
  }),
  "POST /api/v1/cases/:id/status": onCase({ own: CASE_EDITORS, other: ["law_ministry"] }, async (w, v) => {
    const c = await w.newCase(v);
    return {
      url: `/api/v1/cases/${c.id}/status`,
      body: { version: c.version, status: "closed", reason: "withdrawn by the petitioner" },
    };
  }),
  "POST /api/v1/cases/:id/assignment": onCase(
    { own: ASSIGNERS, other: ["law_ministry"] },
    async (w, v, me) => {
      const c = await w.newCase(v);
      return {
        url: `/api/v1/cases/${c.id}/assignment`,
        body: { version: c.version, officerId: null, reason: `returned by ${me.role}` },
      };
    },
  ),
  "POST /api/v1/cases/:id/links": onCase({ own: CASE_EDITORS, other: ["law_ministry"] }, async (w, v) => {
    const c = await w.newCase(v);
    const linked = await w.newCase(v);
    return { url: `/api/v1/cases/${c.id}/links`, body: { kind: "connected_with", linkedCaseId: linked.id } };
  }),
  "DELETE /api/v1/cases/:id/links/:linkId": onCase(
    { own: CASE_EDITORS, other: ["law_ministry"] },
    async (w, v) => {
      const c = await w.newCase(v);
      const linked = await w.newCase(v);
      const made = await w.as(w.ownerOf(v), "POST", `/api/v1/cases/${c.id}/links`, {
        kind: "connected_with",
        linkedCaseId: linked.id,
      });
      return { url: `/api/v1/cases/${c.id}/links/${made.links.at(-1).id}` };
    },
  ),
  "POST /api/v1/cases/:id/access": onCase(
    // only a confidential case has a list of named users; the matrix's confidential case names none of them
    { own: [], other: [] },
    async (w, v) => ({
      url: `/api/v1/cases/${(await w.newCase(v)).id}/access`,
      body: { userId: w.insider.userId },
    }),
    { alsoOk: [] },
  ),
  "DELETE /api/v1/cases/:id/access/:userId": onCase({ own: [], other: [] }, async (w, v) => ({
    url: `/api/v1/cases/${(await w.newCase(v)).id}/access/${w.insider.userId}`,
  })),
  // only a confidential case has people named on it: the others refuse the question to everyone who sees them
  "GET /api/v1/cases/:id/access-candidates": onCase({}, async (w, v) => ({
    url: `/api/v1/cases/${(await w.sharedCase(v)).id}/access-candidates?q=us`,
  })),
  "GET /api/v1/cases/:id/history": onCase(
    { own: CASE_READERS, other: ["law_ministry", "executive_viewer"] },
    async (w, v) => ({
      url: `/api/v1/cases/${(await w.sharedCase(v)).id}/history`,
    }),
  ),
  "GET /api/v1/cases/:id/documents": onCase(
    { own: CASE_READERS, other: ["law_ministry", "executive_viewer"] },
    async (w, v) => ({
      url: `/api/v1/cases/${(await w.sharedCase(v)).id}/documents`,
    }),
  ),
  "POST /api/v1/cases/:id/documents": onCase({ own: CASE_EDITORS, other: ["law_ministry"] }, async (w, v) => {
    const body = multipart({ kind: "petition", title: "Matrix petition" }, { name: "p.pdf", bytes: pdf() });
    return { url: `/api/v1/cases/${(await w.newCase(v)).id}/documents`, ...body };
  }),
  "GET /api/v1/documents/:id/versions/:version/download": onCase(
    { own: CASE_FILE_READERS, other: ["law_ministry"] },
    async (w, v) => ({ url: `/api/v1/documents/${(await w.newDocument(v)).id}/versions/1/download` }),
  ),
  "GET /api/v1/cases/:id/hearings": onCase(
    { own: CASE_READERS, other: ["law_ministry", "executive_viewer"] },
    async (w, v) => ({
      url: `/api/v1/cases/${(await w.sharedCase(v)).id}/hearings`,
    }),
  ),
  "POST /api/v1/cases/:id/hearings": onCase({ own: CASE_EDITORS, other: ["law_ministry"] }, async (w, v) => ({
    url: `/api/v1/cases/${(await w.newCase(v)).id}/hearings`,
    body: { date: "2027-04-20" },
  })),
  "POST /api/v1/hearings/:id/outcome": onCase(
    { own: CASE_EDITORS, other: ["law_ministry"] },
    async (w, v) => {
      const h = await w.newHearing(v);
      return {
        url: `/api/v1/hearings/${h.id}/outcome`,
        body: { version: h.version, outcome: "reserved" },
      };
    },
  ),
  "PATCH /api/v1/hearings/:id": onCase({ own: CASE_EDITORS, other: ["law_ministry"] }, async (w, v) => {
    const h = await w.newHearing(v);
    return { url: `/api/v1/hearings/${h.id}`, body: { version: h.version, date: "2027-05-04" } };
  }),
  "POST /api/v1/hearings/:id/cancel": onCase({ own: CASE_EDITORS, other: ["law_ministry"] }, async (w, v) => {
    const h = await w.newHearing(v);
    return {
      url: `/api/v1/hearings/${h.id}/cancel`,
      body: { version: h.version, reason: "bench not available" },
    };
  }),
  "GET /api/v1/cases/:id/deadlines": onCase(
    { own: CASE_READERS, other: ["law_ministry", "executive_viewer"] },
    async (w, v) => ({
      url: `/api/v1/cases/${(await w.sharedCase(v)).id}/deadlines`,
    }),
  ),
  "POST /api/v1/cases/:id/deadline-events": onCase(
    { own: CASE_EDITORS, other: ["law_ministry"] },
    async (w, v) => ({
      url: `/api/v1/cases/${(await w.newCase(v)).id}/deadline-events`,
      body: { event: "notice_received", date: "2026-11-02", replyDueOn: "2026-12-15" },
    }),
  ),
  "PATCH /api/v1/deadlines/:id": onCase({ own: CASE_EDITORS, other: ["law_ministry"] }, async (w, v) => {
    const d = await w.newDeadline(v);
    return { url: `/api/v1/deadlines/${d.id}`, body: { version: d.version, note: "certified copy applied" } };
  }),
  // the office is checked first: a role that does not run it is turned away before the case is read
  "POST /api/v1/cases/:id/suggestion": onCase(
    { own: ASSIGNERS, other: ["law_ministry"] },
    async (w, v) => ({
      url: `/api/v1/cases/${(await w.newCase(v)).id}/suggestion`,
      body: { officeId: w.actors.assigning_officer.organisationId },
    }),
    { gate: ASSIGNERS },
  ),
};
