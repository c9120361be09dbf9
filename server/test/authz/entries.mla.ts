import { createHash, randomUUID } from "node:crypto";
import { multipart, pdf } from "../../modules/documents/documents.fixtures.ts";
import { ALL_ROLES, type Entry, MLA_ROLES } from "./matrix.ts";

/** The MLA register: requests, their drafts, moves, links, named users, evidence; the Central Authority's data. */
const CA = ["central_authority"] as const;
const onMla = (ok: Entry["ok"], req: Entry["req"], more: Partial<Entry> = {}): Entry => ({
  on: "mla",
  ok,
  req,
  ...more,
});
const both = { own: MLA_ROLES, other: CA };

export const mlaEntries: Record<string, Entry> = {
  // the register answers within the reader's scope: empty for a role with no MLA scope
  "GET /api/v1/mla/requests": { on: "none", ok: ALL_ROLES, req: () => ({ url: "/api/v1/mla/requests" }) },
  "POST /api/v1/mla/requests": {
    on: "none",
    ok: MLA_ROLES,
    req: () => ({
      url: "/api/v1/mla/requests",
      body: { kind: "preservation", title: "Matrix preservation" },
    }),
  },
  "GET /api/v1/mla/requests/export": {
    on: "none",
    ok: ALL_ROLES,
    req: () => ({ url: "/api/v1/mla/requests/export?format=csv" }),
  },
  "GET /api/v1/mla/requests/:id": onMla(both, async (w, v) => ({
    url: `/api/v1/mla/requests/${(await w.newMla(v)).id}`,
  })),
  // only the Central Authority names who handles a request: everyone else is turned away before it is read
  "GET /api/v1/mla/requests/:id/handler": onMla(
    CA,
    async (w, v) => ({ url: `/api/v1/mla/requests/${(await w.newMla(v)).id}/handler` }),
    { gate: CA },
  ),
  "PUT /api/v1/mla/requests/:id/handler": onMla(
    CA,
    async (w, v, me) => {
      const r = await w.newMla(v);
      return { url: `/api/v1/mla/requests/${r.id}/handler`, body: { version: r.version, userId: me.userId } };
    },
    { gate: CA },
  ),
  "PUT /api/v1/mla/requests/:id/draft": onMla(both, async (w, v) => {
    const r = await w.newMla(v);
    return { url: `/api/v1/mla/requests/${r.id}/draft`, body: { version: r.version, draft: {} } };
  }),
  "POST /api/v1/mla/requests/:id/transitions": onMla({ own: ["requesting_agency"] }, async (w, v) => {
    const r = await w.newMla(v);
    return {
      url: `/api/v1/mla/requests/${r.id}/transitions`,
      body: { version: r.version, to: "agency_legal_review" },
    };
  }),
  "POST /api/v1/mla/requests/:id/links": onMla(both, async (w, v) => {
    const earlier = await w.newMla(v);
    const r = await w.newMla(v);
    return {
      url: `/api/v1/mla/requests/${r.id}/links`,
      body: { reference: await w.mlaReference(earlier.id) },
    };
  }),
  "DELETE /api/v1/mla/requests/:id/links/:earlierId": onMla(both, async (w, v) => {
    const earlier = await w.newMla(v);
    const r = await w.newMla(v);
    await w.as(w.actors.central_authority, "POST", `/api/v1/mla/requests/${r.id}/links`, {
      reference: await w.mlaReference(earlier.id),
    });
    return { url: `/api/v1/mla/requests/${r.id}/links/${earlier.id}` };
  }),
  "POST /api/v1/mla/requests/:id/access": onMla(both, async (w, v) => ({
    url: `/api/v1/mla/requests/${(await w.newMla(v)).id}/access`,
    body: { userId: await w.colleagueOf(v) },
  })),
  "DELETE /api/v1/mla/requests/:id/access/:userId": onMla(both, async (w, v) => {
    const r = await w.newMla(v);
    const colleague = await w.colleagueOf(v);
    await w.as(w.actors.central_authority, "POST", `/api/v1/mla/requests/${r.id}/access`, {
      userId: colleague,
    });
    return { url: `/api/v1/mla/requests/${r.id}/access/${colleague}` };
  }),
  "GET /api/v1/mla/requests/:id/access-candidates": onMla(both, async (w, v) => ({
    url: `/api/v1/mla/requests/${(await w.newMla(v)).id}/access-candidates?q=us`,
  })),
  "GET /api/v1/mla/requests/:id/deadlines": onMla(both, async (w, v) => ({
    url: `/api/v1/mla/requests/${(await w.newMla(v)).id}/deadlines`,
  })),
  "GET /api/v1/mla/requests/:id/export.docx": onMla(both, async (w, v) => ({
    url: `/api/v1/mla/requests/${(await w.newMla(v)).id}/export.docx`,
  })),
  "GET /api/v1/mla/requests/:id/export.pdf": onMla(both, async (w, v) => ({
    url: `/api/v1/mla/requests/${(await w.newMla(v)).id}/export.pdf`,
  })),
  "GET /api/v1/mla/requests/:id/evidence": onMla(both, async (w, v) => ({
    url: `/api/v1/mla/requests/${(await w.newMla(v)).id}/evidence`,
  })),
  // evidence may reach the requesting agency directly (an emergency disclosure): it registers it on its own request
  "POST /api/v1/mla/requests/:id/evidence": onMla(both, async (w, v) => ({
    url: `/api/v1/mla/requests/${(await w.newMla(v)).id}/evidence`,
    body: {
      label: "Subscriber records",
      sourceKind: "provider",
      sourceName: "Example provider",
      receivedAt: "2026-01-05T10:00:00Z",
      sha256: createHash("sha256").update(randomUUID()).digest("hex"),
    },
  })),
  "POST /api/v1/mla/requests/:id/evidence/upload": onMla(both, async (w, v) => {
    const body = multipart(
      {
        label: "Subscriber records",
        sourceKind: "provider",
        sourceName: "Example provider",
        receivedAt: "2026-01-05T10:00:00Z",
      },
      { name: "records.pdf", bytes: pdf(), type: "application/pdf" },
    );
    return { url: `/api/v1/mla/requests/${(await w.newMla(v)).id}/evidence/upload`, ...body };
  }),
  "POST /api/v1/mla/evidence/:itemId/custody": onMla(both, async (w, v) => ({
    url: `/api/v1/mla/evidence/${(await w.newEvidence(v)).id}/custody`,
    body: { action: "examined", toHolder: "Forensic examiner" },
  })),
  "POST /api/v1/mla/evidence/:itemId/certification": onMla(both, async (w, v) => {
    const e = await w.newEvidence(v);
    return {
      url: `/api/v1/mla/evidence/${e.id}/certification`,
      body: {
        version: e.version,
        kind: "provider_certificate",
        certifiedBy: "Custodian of records",
        certifiedAt: "2026-01-06T09:00:00Z",
      },
    };
  }),
  "GET /api/v1/mla/evidence/:itemId/file": onMla(both, async (w, v) => ({
    url: `/api/v1/mla/evidence/${(await w.newEvidence(v)).id}/file`,
  })),

  "GET /api/v1/mla/reference": { on: "none", ok: MLA_ROLES, req: () => ({ url: "/api/v1/mla/reference" }) },
  "GET /api/v1/mla/rules": { on: "none", ok: MLA_ROLES, req: () => ({ url: "/api/v1/mla/rules" }) },
  "GET /api/v1/mla/rules/:id": {
    on: "none",
    ok: MLA_ROLES,
    req: async (w) => ({ url: `/api/v1/mla/rules/${(await w.mlaRule()).id}` }),
  },
  "PUT /api/v1/mla/rules/:id": {
    on: "none",
    ok: CA,
    req: async (w) => {
      const rule = await w.mlaRule();
      return { url: `/api/v1/mla/rules/${rule.id}`, body: { version: rule.version, enabled: true } };
    },
    alsoOk: [409],
  },
  "GET /api/v1/mla/directory": { on: "none", ok: MLA_ROLES, req: () => ({ url: "/api/v1/mla/directory" }) },
  "POST /api/v1/mla/directory/:kind/:code": {
    on: "none",
    ok: CA,
    req: async (w) => ({
      url: `/api/v1/mla/directory/provider/MX${randomUUID().slice(0, 6).toUpperCase()}`,
      body: { data: (await w.mlaDirectoryEntry()).data },
    }),
  },
  "PUT /api/v1/mla/directory/:kind/:code": {
    on: "none",
    ok: CA,
    req: async (w) => {
      const entry = await w.mlaDirectoryEntry();
      return {
        url: `/api/v1/mla/directory/${entry.kind}/${entry.code}`,
        body: { version: entry.version, data: entry.data },
      };
    },
    alsoOk: [409],
  },
  "GET /api/v1/mla/metrics": { on: "none", ok: CA, req: () => ({ url: "/api/v1/mla/metrics" }) },
  "GET /api/v1/mla/metrics/export": {
    on: "none",
    ok: CA,
    req: () => ({ url: "/api/v1/mla/metrics/export?table=timeByHolder&format=csv" }),
  },
};
