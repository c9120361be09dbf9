import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams } from "../../../common/schemas/shared.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { requireActor } from "../../platform/auth/plugin.ts";
import { problems } from "../../platform/errors.ts";
import {
  createExportJob,
  downloadJob,
  findJob,
  listJobs,
  presentJob,
  runQueuedExports,
} from "./exports.jobs.ts";
import {
  countExport,
  DIRECT_LIMIT,
  EXPORT_FORMATS,
  type ExportFilters,
  type ExportFormat,
  exportFileName,
  exportFilters,
  exportQuery,
  MEDIA_TYPES,
  renderExport,
} from "./exports.service.ts";

/**
 * The case list exported (issue 6 item 3): up to DIRECT_LIMIT rows the file is the answer; above it the export
 * becomes a background job (202) the user follows at /exports/:id and downloads when done. Every export and
 * every download of a job's file is audited, because the data leaves CAMS.
 */
const tags = ["exports"];

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, storage, config } = app.deps;

  // Jobs wake every minute; a process that runs them starts a new one at once so the user need not wait.
  const kick = () => {
    if (config.jobs)
      void runQueuedExports(db, storage).catch((err) => app.log.error({ err }, "export job failed"));
  };

  async function startJob(actor: Actor, format: ExportFormat, filters: ExportFilters, total: number) {
    if (format === "pdf" && total > DIRECT_LIMIT)
      throw problems.unprocessable(
        "export_too_large",
        `A PDF holds at most ${DIRECT_LIMIT} cases; this list has ${total}. Export it as CSV or XLSX.`,
      );
    const job = await createExportJob(db, actor, format, filters, total);
    kick();
    return job;
  }

  app.get(
    "/cases/export",
    {
      schema: {
        tags,
        description:
          `The case list with the same filters and scope as GET /cases, as CSV, XLSX or PDF. Up to ${DIRECT_LIMIT} ` +
          "rows the file is the answer; above that a background job is started (202 with the job).",
        querystring: exportQuery,
      },
      config: { rateLimit: { max: 30, timeWindow: "1 minute" } },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { format, ...filters } = req.query;
      const total = await countExport(db, actor, filters);
      if (total > DIRECT_LIMIT) return reply.code(202).send(await startJob(actor, format, filters, total));
      const { file } = await renderExport(db, actor, format, filters);
      await inTransaction(db, (trx) =>
        recordAudit(trx, actor, {
          action: "export.created",
          entityType: "case_list",
          organisationId: actor.organisationId,
          changes: { format, filters, rows: total },
        }),
      );
      return reply
        .type(MEDIA_TYPES[format])
        .header("content-disposition", `attachment; filename="${exportFileName(format)}"`)
        .header("cache-control", "no-store")
        .send(file);
    },
  );

  app.post(
    "/exports",
    {
      schema: {
        tags,
        description: "Starts a background export of the case list with these filters.",
        body: z.object({ format: z.enum(EXPORT_FORMATS), filters: exportFilters.default({}) }),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const total = await countExport(db, actor, req.body.filters);
      return reply.code(202).send(await startJob(actor, req.body.format, req.body.filters, total));
    },
  );

  app.get(
    "/exports",
    { schema: { tags, description: "The signed-in user's exports, newest first." } },
    (req) => listJobs(db, requireActor(req)),
  );

  app.get("/exports/:id", { schema: { tags, params: idParams } }, async (req) =>
    presentJob(await findJob(db, requireActor(req), req.params.id)),
  );

  app.get(
    "/exports/:id/download",
    {
      schema: {
        tags,
        params: idParams,
        description: "The finished file; 409 until the job is done, 410 once it has expired.",
      },
    },
    async (req, reply) => {
      const { file, fileName, format } = await downloadJob(db, storage, requireActor(req), req.params.id);
      return reply
        .type(MEDIA_TYPES[format])
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .header("cache-control", "no-store")
        .send(file);
    },
  );
};
