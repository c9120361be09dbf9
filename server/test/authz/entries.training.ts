import { randomUUID } from "node:crypto";
import type { Role } from "../../../common/roles.ts";
import { multipart, pdf } from "../../modules/documents/documents.fixtures.ts";
import { call } from "../harness.ts";
import { ALL_ROLES, type Entry } from "./matrix.ts";
import { newAttachment, newCertificate, newTrainingModule } from "./world.training.ts";

/** Training (issue 9): every signed-in user learns; administrators keep the catalogue; overseers read figures. */
const ADMIN = ["administrator"] as const;
const OVERSEERS: readonly Role[] = ["administrator", "law_ministry", "nodal_officer"];
const everyone = (req: Entry["req"]): Entry => ({ on: "none", ok: ALL_ROLES, req });
const admin = (req: Entry["req"]): Entry => ({ on: "none", ok: ADMIN, gate: ADMIN, req });
const word = () => randomUUID().replaceAll("-", "").slice(0, 10);

const moduleBody = () => ({
  code: `mx-${word()}`,
  title: "Matrix module",
  description: "",
  language: "en",
  durationMinutes: 5,
  topic: "cams",
  competenceCode: null,
  passMark: 50,
  published: true,
  pages: [{ title: "Page", body: "Text" }],
  questions: [{ prompt: "Pick A", options: ["A", "B"], correct: [0], explanation: "" }],
});
const competenceBody = () => ({ nameEn: "Matrix", nameUr: "میٹرکس", caseCategories: [], mlaKinds: [] });

/** One attachment with real bytes in storage, uploaded by the matrix's administrator, for the download entry. */
let stored: Promise<string> | undefined;
const storedAttachment = (w: Parameters<Entry["req"]>[0]) =>
  (stored ??= (async () => {
    const m = await newTrainingModule();
    const res = await call(w.actors.administrator, {
      method: "POST",
      url: `/api/v1/training/modules/${m.id}/pages/${m.pageId}/attachments`,
      ...multipart({}, { name: "handout.pdf", bytes: pdf() }),
    });
    if (res.statusCode !== 201) throw new Error(`authz world: attachment: ${res.statusCode} ${res.body}`);
    return res.json().id as string;
  })());

export const trainingEntries: Record<string, Entry> = {
  "GET /api/v1/training/modules": everyone(() => ({ url: "/api/v1/training/modules" })),
  "GET /api/v1/training/modules/:id": everyone(async () => ({
    url: `/api/v1/training/modules/${(await newTrainingModule()).id}`,
  })),
  "GET /api/v1/training/modules/:id/edit": admin(async () => ({
    url: `/api/v1/training/modules/${(await newTrainingModule()).id}/edit`,
  })),
  "POST /api/v1/training/modules": admin(() => ({ url: "/api/v1/training/modules", body: moduleBody() })),
  "PUT /api/v1/training/modules/:id": admin(async () => ({
    url: `/api/v1/training/modules/${(await newTrainingModule()).id}`,
    body: { ...moduleBody(), version: 1 },
  })),
  "POST /api/v1/training/modules/:id/pages/:pageId/attachments": admin(async () => {
    const m = await newTrainingModule();
    return {
      url: `/api/v1/training/modules/${m.id}/pages/${m.pageId}/attachments`,
      ...multipart({}, { name: "h.pdf", bytes: pdf() }),
    };
  }),
  "GET /api/v1/training/attachments/:id": everyone(async (w) => ({
    url: `/api/v1/training/attachments/${await storedAttachment(w)}`,
  })),
  "DELETE /api/v1/training/attachments/:id": admin(async (w) => {
    const m = await newTrainingModule();
    return {
      url: `/api/v1/training/attachments/${(await newAttachment(m.pageId, w.actors.administrator.userId)).id}`,
    };
  }),
  "POST /api/v1/training/modules/:id/enrolment": everyone(async () => ({
    url: `/api/v1/training/modules/${(await newTrainingModule()).id}/enrolment`,
  })),
  "POST /api/v1/training/modules/:id/pages/:pageId/read": everyone(async () => {
    const m = await newTrainingModule();
    return { url: `/api/v1/training/modules/${m.id}/pages/${m.pageId}/read` };
  }),
  // the page is read first by the one who answers (the quiz opens after every page), then the right answer
  "POST /api/v1/training/modules/:id/attempts": everyone(async (_w, _v, me) => {
    const m = await newTrainingModule();
    await call(me, { method: "POST", url: `/api/v1/training/modules/${m.id}/pages/${m.pageId}/read` });
    return {
      url: `/api/v1/training/modules/${m.id}/attempts`,
      body: { moduleVersion: m.version, answers: [{ questionId: m.questionId, chosen: [1] }] },
    };
  }),
  "GET /api/v1/training/me": everyone(() => ({ url: "/api/v1/training/me" })),
  "GET /api/v1/training/competences": everyone(() => ({ url: "/api/v1/training/competences" })),
  "POST /api/v1/training/competences": admin(() => ({
    url: "/api/v1/training/competences",
    body: { ...competenceBody(), code: `mx_${word()}` },
  })),
  "PUT /api/v1/training/competences/:code": admin(async (w) => {
    const code = `mx_${word()}`;
    await call(w.actors.administrator, {
      method: "POST",
      url: "/api/v1/training/competences",
      body: { ...competenceBody(), code },
    });
    return { url: `/api/v1/training/competences/${code}`, body: { ...competenceBody(), version: 1 } };
  }),
  "GET /api/v1/training/certificates": everyone(() => ({ url: "/api/v1/training/certificates" })),
  "GET /api/v1/training/certificates/:id/pdf": {
    on: "certificate",
    ok: { own: ALL_ROLES, other: ADMIN },
    req: async (w, v, me) => ({
      url: `/api/v1/training/certificates/${(await newCertificate(v === "own" ? me.userId : w.farOfficer.id)).id}/pdf`,
    }),
  },
  "POST /api/v1/training/certificates/:id/revoke": {
    on: "certificate",
    ok: ADMIN,
    gate: ADMIN,
    req: async (w, v, me) => ({
      url: `/api/v1/training/certificates/${(await newCertificate(v === "own" ? me.userId : w.farOfficer.id)).id}/revoke`,
      body: { reason: "matrix" },
    }),
  },
  "GET /api/v1/training/completion": {
    on: "none",
    ok: OVERSEERS,
    gate: OVERSEERS,
    req: () => ({ url: "/api/v1/training/completion" }),
  },
  "GET /api/v1/training/completion/export": {
    on: "none",
    ok: OVERSEERS,
    gate: OVERSEERS,
    req: () => ({ url: "/api/v1/training/completion/export?format=csv" }),
  },
  "GET /api/v1/public/certificates/:code": {
    on: "public",
    ok: [],
    req: async (w) => ({
      url: `/api/v1/public/certificates/${(await newCertificate(w.farOfficer.id)).code}`,
    }),
  },
};
