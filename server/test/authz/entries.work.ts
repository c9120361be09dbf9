import { randomUUID } from "node:crypto";
import { ALL_ROLES as ALL, CASE_EDITORS, type Entry } from "./matrix.ts";
import type { Actor, Variant, World } from "./world.ts";

/** Cause lists, tasks, deadlines lists, saved filters, exports, notifications, calendar feeds, dashboards. */
const everyone = (url: string): Entry => ({ on: "none", ok: ALL, req: () => ({ url }) });

/** A record the actor keeps for themselves (own), or one another user keeps (other). */
async function keptBy(w: World, v: Variant, me: Actor) {
  return v === "own" ? me : w.insider;
}

async function savedFilter(w: World, v: Variant, me: Actor) {
  const owner = await keptBy(w, v, me);
  const made = await w.as(owner, "POST", "/api/v1/saved-filters", {
    name: `Matrix ${randomUUID().slice(0, 6)}`,
    query: { status: "pending" },
  });
  return { id: made.id as string, version: made.version as number };
}

async function exportJob(w: World, v: Variant, me: Actor) {
  const owner = await keptBy(w, v, me);
  return (await w.as(owner, "POST", "/api/v1/exports", { format: "csv" })).id as string;
}

const mine = (ok: Entry["ok"], req: Entry["req"]): Entry => ({ on: "mine", ok, req });

export const workEntries: Record<string, Entry> = {
  "GET /api/v1/cause-list": everyone("/api/v1/cause-list?date=2027-03-15"),
  "GET /api/v1/cause-list.pdf": everyone("/api/v1/cause-list.pdf?date=2027-03-15"),
  "GET /api/v1/cause-list/export": everyone("/api/v1/cause-list/export?date=2027-03-15&format=csv"),
  // a preview matches rows within the reader's own scope and a commit creates hearings only on cases its
  // maker may edit, so anyone may import; only the maker may commit their preview
  "POST /api/v1/cause-list/imports": {
    ...everyone("/api/v1/cause-list/imports"),
    req: async (w) => ({
      url: "/api/v1/cause-list/imports",
      body: {
        courtId: await w.courtId("IHC"),
        format: "csv",
        content: "date,case\n2027-02-01,W.P. 1/2025\n",
      },
    }),
  },
  "POST /api/v1/cause-list/imports/:id/commit": mine({ own: ALL }, async (w, v, me) => ({
    url: `/api/v1/cause-list/imports/${await w.newImport(v === "own" ? me : w.insider)}/commit`,
    body: {},
  })),
  "GET /api/v1/hearings/upcoming": everyone("/api/v1/hearings/upcoming"),

  "GET /api/v1/tasks": everyone("/api/v1/tasks"),
  "GET /api/v1/tasks/export": everyone("/api/v1/tasks/export?format=csv"),
  "POST /api/v1/tasks": {
    on: "case",
    ok: { own: CASE_EDITORS, other: ["law_ministry"] },
    req: async (w, v) => {
      const c = await w.newCase(v);
      return {
        url: "/api/v1/tasks",
        body: {
          caseId: c.id,
          kind: "file_reply",
          title: "File the reply",
          dueOn: "2027-01-10",
          assigneeOrganisationId: c.organisationId,
        },
      };
    },
  },
  "PATCH /api/v1/tasks/:id": {
    on: "case",
    ok: { own: ["focal_person", "nodal_officer", "law_ministry", "law_officer"], other: ["law_ministry"] },
    req: async (w, v) => {
      const t = await w.newTask(v);
      return { url: `/api/v1/tasks/${t.id}`, body: { version: t.version, state: "in_progress" } };
    },
  },
  "GET /api/v1/deadlines": everyone("/api/v1/deadlines"),
  "GET /api/v1/deadlines/export": everyone("/api/v1/deadlines/export?format=csv"),

  "GET /api/v1/saved-filters": everyone("/api/v1/saved-filters"),
  "POST /api/v1/saved-filters": {
    on: "none",
    ok: ALL,
    req: () => ({ url: "/api/v1/saved-filters", body: { name: "Matrix", query: { status: "pending" } } }),
  },
  "PUT /api/v1/saved-filters/:id": mine({ own: ALL }, async (w, v, me) => {
    const f = await savedFilter(w, v, me);
    return { url: `/api/v1/saved-filters/${f.id}`, body: { version: f.version, name: "Renamed" } };
  }),
  "DELETE /api/v1/saved-filters/:id": mine({ own: ALL }, async (w, v, me) => {
    const f = await savedFilter(w, v, me);
    return { url: `/api/v1/saved-filters/${f.id}?version=${f.version}` };
  }),
  "POST /api/v1/saved-filters/:id/subscription": mine({ own: ALL }, async (w, v, me) => ({
    url: `/api/v1/saved-filters/${(await savedFilter(w, v, me)).id}/subscription`,
    body: { weekday: 1 },
  })),
  "DELETE /api/v1/saved-filters/:id/subscription": mine({ own: ALL }, async (w, v, me) => ({
    url: `/api/v1/saved-filters/${(await savedFilter(w, v, me)).id}/subscription`,
  })),

  "POST /api/v1/exports": {
    on: "none",
    ok: ALL,
    req: () => ({ url: "/api/v1/exports", body: { format: "csv" } }),
  },
  "GET /api/v1/exports": everyone("/api/v1/exports"),
  "GET /api/v1/exports/:id": mine({ own: ALL }, async (w, v, me) => ({
    url: `/api/v1/exports/${await exportJob(w, v, me)}`,
  })),
  "GET /api/v1/exports/:id/download": {
    ...mine({ own: ALL }, async (w, v, me) => ({
      url: `/api/v1/exports/${await exportJob(w, v, me)}/download`,
    })),
    // not made yet (no job runner in tests): the owner is told so, 409
    alsoOk: [409],
  },

  "GET /api/v1/notifications": everyone("/api/v1/notifications"),
  "POST /api/v1/notifications/read-all": {
    ...everyone("/api/v1/notifications/read-all"),
    req: () => ({ url: "/api/v1/notifications/read-all", body: {} }),
  },
  "POST /api/v1/notifications/:id/read": mine({ own: ALL }, async (w, v, me) => ({
    url: `/api/v1/notifications/${await w.newNotification(v === "own" ? me : w.insider)}/read`,
    body: {},
  })),
  "GET /api/v1/mail-outbox": {
    on: "none",
    ok: ["administrator"],
    req: () => ({ url: "/api/v1/mail-outbox" }),
  },

  "GET /api/v1/me/calendar-feed": everyone("/api/v1/me/calendar-feed"),
  "POST /api/v1/me/calendar-feed": {
    ...everyone(""),
    req: () => ({ url: "/api/v1/me/calendar-feed", body: {} }),
  },
  "DELETE /api/v1/me/calendar-feed": everyone("/api/v1/me/calendar-feed"),

  "GET /api/v1/dashboard": {
    on: "none",
    ok: ALL,
    req: () => ({ url: "/api/v1/dashboard" }),
  },
  "GET /api/v1/dashboard/export": {
    on: "none",
    ok: ALL,
    req: () => ({ url: "/api/v1/dashboard/export?table=pendencyByCourt&format=csv" }),
  },
};
