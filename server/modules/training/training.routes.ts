import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams } from "../../../common/schemas/shared.ts";
import {
  attemptBody,
  attemptResult,
  certificate,
  certificateList,
  certificateListQuery,
  competence,
  competenceCodeParams,
  competenceCreate,
  competenceList,
  competenceUpdate,
  completionExportQuery,
  completionQuery,
  completionReport,
  enrolmentSummary,
  moduleBody,
  moduleDetail,
  moduleEditable,
  moduleList,
  moduleListQuery,
  modulePageParams,
  moduleUpdate,
  myTraining,
  revokeBody,
} from "../../../common/schemas/training.ts";
import { requireActor } from "../../platform/auth/plugin.ts";
import { readFileUpload } from "../../platform/http/multipart.ts";
import { contentDisposition } from "../documents/documents.sniff.ts";
import { answerTable } from "../exports/export.table.ts";
import {
  addAttachment,
  downloadAttachment,
  pageForUpload,
  removeAttachment,
} from "./training.attachments.ts";
import { getEditableModule, getModule, listModules } from "./training.catalogue.ts";
import { certificatePdf } from "./training.certificate-pdf.ts";
import { listCertificates, printCertificate, revokeCertificate } from "./training.certificates.ts";
import { createCompetence, listCompetences, updateCompetence } from "./training.competences.ts";
import { createModule, updateModule } from "./training.editor.ts";
import { enrol, markPageRead, submitAttempt } from "./training.learning.ts";
import { myTrainingOf } from "./training.me.ts";
import { completionSheet, completionReport as readCompletion } from "./training.report.ts";

const tags = ["training"];
const attachment = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number(),
});

/** Training (issue 9): the catalogue, learning, certificates, competences and the completion report. */
export const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.deps;

  app.get(
    "/training/modules",
    { schema: { tags, querystring: moduleListQuery, response: { 200: moduleList } } },
    (req) => listModules(db, requireActor(req), req.query),
  );
  app.get(
    "/training/modules/:id",
    { schema: { tags, params: idParams, response: { 200: moduleDetail } } },
    (req) => getModule(db, requireActor(req), req.params.id),
  );
  app.get(
    "/training/modules/:id/edit",
    {
      schema: {
        tags,
        description: "The module with its right answers (administrators).",
        params: idParams,
        response: { 200: moduleEditable },
      },
    },
    (req) => getEditableModule(db, requireActor(req), req.params.id),
  );
  app.post(
    "/training/modules",
    { schema: { tags, body: moduleBody, response: { 201: moduleEditable } } },
    async (req, reply) => reply.status(201).send(await createModule(db, requireActor(req), req.body)),
  );
  app.put(
    "/training/modules/:id",
    { schema: { tags, params: idParams, body: moduleUpdate, response: { 200: moduleEditable } } },
    (req) => updateModule(db, requireActor(req), req.params.id, req.body),
  );
  app.post(
    "/training/modules/:id/pages/:pageId/attachments",
    {
      schema: {
        tags,
        description:
          "One file as multipart/form-data field `file`: PDF, DOCX, PNG or JPEG, typed by its content.",
        params: modulePageParams,
        response: { 201: attachment },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await pageForUpload(db, actor, req.params.id, req.params.pageId);
      const upload = await readFileUpload(req, z.object({}), { what: "the attachment", repeated: "refuse" });
      return reply
        .status(201)
        .send(await addAttachment(app.deps, actor, req.params.id, req.params.pageId, upload));
    },
  );
  app.get("/training/attachments/:id", { schema: { tags, params: idParams } }, async (req, reply) => {
    const file = await downloadAttachment(app.deps, requireActor(req), req.params.id);
    return reply
      .header("content-disposition", contentDisposition(file.fileName))
      .header("x-content-type-options", "nosniff")
      .header("cache-control", "private, no-store")
      .type(file.mediaType)
      .send(file.bytes);
  });
  app.delete("/training/attachments/:id", { schema: { tags, params: idParams } }, async (req, reply) => {
    await removeAttachment(db, requireActor(req), req.params.id);
    return reply.status(204).send();
  });

  app.post(
    "/training/modules/:id/enrolment",
    { schema: { tags, params: idParams, response: { 200: enrolmentSummary } } },
    (req) => enrol(db, requireActor(req), req.params.id),
  );
  app.post(
    "/training/modules/:id/pages/:pageId/read",
    { schema: { tags, params: modulePageParams, response: { 200: enrolmentSummary } } },
    (req) => markPageRead(db, requireActor(req), req.params.id, req.params.pageId),
  );
  app.post(
    "/training/modules/:id/attempts",
    {
      schema: {
        tags,
        description: "Answers the quiz once every page is read. A pass issues the certificate (once).",
        params: idParams,
        body: attemptBody,
        response: { 201: attemptResult },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await submitAttempt(db, requireActor(req), req.params.id, req.body)),
  );
  app.get("/training/me", { schema: { tags, response: { 200: myTraining } } }, (req) =>
    myTrainingOf(db, requireActor(req)),
  );

  app.get("/training/competences", { schema: { tags, response: { 200: competenceList } } }, (req) => {
    requireActor(req);
    return listCompetences(db);
  });
  app.post(
    "/training/competences",
    { schema: { tags, body: competenceCreate, response: { 201: competence } } },
    async (req, reply) => reply.status(201).send(await createCompetence(db, requireActor(req), req.body)),
  );
  app.put(
    "/training/competences/:code",
    { schema: { tags, params: competenceCodeParams, body: competenceUpdate, response: { 200: competence } } },
    (req) => updateCompetence(db, requireActor(req), req.params.code, req.body),
  );

  app.get(
    "/training/certificates",
    { schema: { tags, querystring: certificateListQuery, response: { 200: certificateList } } },
    (req) => listCertificates(db, requireActor(req), req.query),
  );
  app.get("/training/certificates/:id/pdf", { schema: { tags, params: idParams } }, async (req, reply) => {
    const site = (config.publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/$/, "");
    const { row, pdf } = await printCertificate(db, requireActor(req), req.params.id, (c) =>
      certificatePdf(c, `${site}/verify/${c.code}`),
    );
    return sendPdf(reply, `certificate-${row.code}.pdf`, pdf);
  });
  app.post(
    "/training/certificates/:id/revoke",
    { schema: { tags, params: idParams, body: revokeBody, response: { 200: certificate } } },
    (req) => revokeCertificate(db, requireActor(req), req.params.id, req.body.reason),
  );

  app.get(
    "/training/completion",
    { schema: { tags, querystring: completionQuery, response: { 200: completionReport } } },
    (req) => readCompletion(db, requireActor(req), req.query),
  );
  app.get(
    "/training/completion/export",
    { schema: { tags, querystring: completionExportQuery } },
    async (req, reply) => {
      const actor = requireActor(req);
      const { format, ...filters } = req.query;
      const report = await readCompletion(db, actor, filters);
      return answerTable(reply, db, actor, {
        format,
        sheet: completionSheet(report.rows),
        heading: "CAMS training completion by organisation and module",
        entityType: "training_completion",
        fileName: "training-completion",
        changes: { filters },
      });
    },
  );
};

const sendPdf = (reply: FastifyReply, fileName: string, pdf: Buffer) =>
  reply
    .header("content-disposition", contentDisposition(fileName))
    .header("cache-control", "private, no-store")
    .type("application/pdf")
    .send(pdf);
