import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { mlaRequestDraft } from "../../../common/mla/request.ts";
import { idParams } from "../../../common/schemas/shared.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { requireActor } from "../../platform/auth/plugin.ts";
import { courtDay } from "../../platform/clock.ts";
import { problems } from "../../platform/errors.ts";
import { mlaRequestDocx } from "./mla.export.docx.ts";
import { mlaRequestPdf } from "./mla.export.pdf.ts";
import { buildExportModel } from "./mla.export.ts";
import { mlaReference } from "./mla.reference.ts";
import { getRequest } from "./mla.service.ts";

/**
 * A request exported for signature (issue 5 item 4). Read through getRequest, so an export is scoped exactly
 * like reading the request (out of scope answers 404); every export is audited, because the file leaves CAMS.
 */
const tags = ["mla"];
const FORMATS = {
  docx: {
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    render: mlaRequestDocx,
  },
  pdf: { type: "application/pdf", render: mlaRequestPdf },
} as const;
type Format = keyof typeof FORMATS;

async function exportRequest(db: Database, actor: Actor, id: string, format: Format) {
  const detail = await getRequest(db, actor, id);
  const parsed = mlaRequestDraft.safeParse({ ...detail.draft, kind: detail.kind });
  // drafts are validated when saved, so this only trips on one stored under an older schema
  if (!parsed.success)
    throw problems.unprocessable(
      "draft_unreadable",
      "This request's draft does not match the current form; open it, correct it and save it before exporting.",
      parsed.error.issues.map((i) => ({ path: `draft.${i.path.join(".")}`, message: i.message })),
    );
  const { directory } = await mlaReference(db);
  const model = buildExportModel(detail, parsed.data, directory, courtDay());
  const file = await FORMATS[format].render(model);
  await inTransaction(db, (trx) =>
    recordAudit(trx, actor, {
      action: "mla.request_exported",
      entityType: "mla_request",
      entityId: detail.id,
      organisationId: detail.organisation.id,
      changes: { format },
    }),
  );
  return { file, fileName: `${model.fileName}.${format}` };
}

export const mlaExportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  for (const format of Object.keys(FORMATS) as Format[]) {
    app.get(
      `/mla/requests/:id/export.${format}`,
      {
        schema: {
          tags,
          description:
            `The request as a ${format.toUpperCase()} for signature: every section in the order a central authority ` +
            'expects (empty ones marked "Not stated"), its translation status, a signature block, and an internal ' +
            "annex page with the drafting assistant's score. Each export is recorded in the audit trail.",
          params: idParams,
        },
        config: { rateLimit: { max: 30, timeWindow: "1 minute" } },
      },
      async (req, reply) => {
        const { file, fileName } = await exportRequest(db, requireActor(req), req.params.id, format);
        return reply
          .type(FORMATS[format].type)
          .header("content-disposition", `attachment; filename="${fileName}"`)
          .header("cache-control", "no-store")
          .send(file);
      },
    );
  }
};
