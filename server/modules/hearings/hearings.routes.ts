import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  cancelHearingBody,
  causeListQuery,
  causeListSchema,
  hearingList,
  hearingOutcomeBody,
  hearingSchema,
  importBody,
  importCommitSchema,
  importPreviewSchema,
  rescheduleHearingBody,
  scheduleHearingBody,
  upcomingQuery,
  upcomingSchema,
} from "../../../common/schemas/hearings.ts";
import { idParams } from "../../../common/schemas/shared.ts";
import { inTransaction } from "../../db/transaction.ts";
import { recordAudit } from "../../platform/audit.ts";
import { requireActor } from "../../platform/auth/plugin.ts";
import { COURT_TIME_ZONE, courtDay } from "../../platform/clock.ts";
import { answerTable, refuseIfCapped } from "../exports/export.table.ts";
import { causeListExportQuery, causeListSheet } from "./causelist.export.ts";
import { causeListPdf } from "./causelist.pdf.ts";
import { causeList, describeFilters, LISTED_LIMIT, upcoming } from "./hearings.causelist.ts";
import * as hearings from "./hearings.service.ts";
import { commitImport, previewImport } from "./import/import.service.ts";

const tags = ["hearings"];

export const hearingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const limit = app.deps.config.dailyHearingLimit;

  app.get(
    "/cause-list",
    {
      schema: {
        tags,
        description: "The hearings listed on a day (by officer, court or bench), each flagged for clashes.",
        querystring: causeListQuery,
        response: { 200: causeListSchema },
      },
    },
    (req) => causeList(db, requireActor(req), req.query, limit),
  );
  app.get(
    "/cause-list.pdf",
    {
      schema: {
        tags,
        description:
          "The same cause list as a printable A4 PDF (English). Each print is recorded in the audit trail.",
        querystring: causeListQuery,
      },
      config: { rateLimit: { max: 30, timeWindow: "1 minute" } },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const list = await causeList(db, actor, req.query, limit);
      const filters = await describeFilters(db, req.query, list.items);
      const time = new Date().toLocaleTimeString("en-GB", {
        timeZone: COURT_TIME_ZONE,
        hour: "2-digit",
        minute: "2-digit",
      });
      const generatedAt = `${courtDay()} ${time} PKT`;
      const pdf = await causeListPdf(list.items, {
        date: list.date,
        filters,
        generatedAt,
        dailyLimit: limit,
      });
      await inTransaction(db, (trx) =>
        recordAudit(trx, actor, {
          action: "cause_list.printed",
          entityType: "cause_list",
          entityId: list.date,
          changes: { date: list.date, filters, hearings: list.items.length },
        }),
      );
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="cause-list-${list.date}.pdf"`)
        .header("cache-control", "private, no-store")
        .send(pdf);
    },
  );
  app.get(
    "/cause-list/export",
    {
      schema: {
        tags,
        description:
          "The same cause list (GET /cause-list: day, filters, scope, rows) as CSV or XLSX; the PDF is " +
          "GET /cause-list.pdf. Audited.",
        querystring: causeListExportQuery,
      },
      config: { rateLimit: { max: 30, timeWindow: "1 minute" } },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { format, ...filters } = req.query;
      const list = await causeList(db, actor, filters, limit);
      refuseIfCapped(
        list.items.length,
        LISTED_LIMIT,
        "Choose a court, a bench or a law officer to export a shorter list.",
      );
      return answerTable(reply, db, actor, {
        format,
        sheet: causeListSheet(list.date, list.items),
        heading: `Cause list ${list.date}`,
        entityType: "cause_list",
        fileName: `cause-list-${list.date}`,
        changes: { filters },
      });
    },
  );
  app.post(
    "/cause-list/imports",
    {
      schema: {
        tags,
        description:
          "Reads a court's published cause list (CSV: a header row naming the date and case number columns, " +
          "optionally time, serial, purpose and coram) and previews how each row matches a case. Nothing is " +
          "scheduled until the import is committed.",
        body: importBody,
        response: { 201: importPreviewSchema },
      },
      bodyLimit: 3 * 1024 * 1024,
    },
    async (req, reply) => reply.status(201).send(await previewImport(db, requireActor(req), req.body)),
  );
  app.post(
    "/cause-list/imports/:id/commit",
    { schema: { tags, params: idParams, response: { 200: importCommitSchema } } },
    (req) => commitImport(db, requireActor(req), req.params.id),
  );
  app.get(
    "/hearings/upcoming",
    { schema: { tags, querystring: upcomingQuery, response: { 200: upcomingSchema } } },
    (req) => upcoming(db, requireActor(req), req.query, limit),
  );

  app.get(
    "/cases/:id/hearings",
    { schema: { tags, params: idParams, response: { 200: hearingList } } },
    (req) => hearings.listHearings(db, requireActor(req), req.params.id),
  );
  app.post(
    "/cases/:id/hearings",
    { schema: { tags, params: idParams, body: scheduleHearingBody, response: { 201: hearingSchema } } },
    async (req, reply) =>
      reply.status(201).send(await hearings.scheduleHearing(db, requireActor(req), req.params.id, req.body)),
  );
  app.post(
    "/hearings/:id/outcome",
    {
      schema: {
        tags,
        description: "Records what happened; `nextDate` creates the next hearing, returned as `next`.",
        params: idParams,
        body: hearingOutcomeBody,
        response: { 200: z.object({ hearing: hearingSchema, next: hearingSchema.nullable() }) },
      },
    },
    (req) => hearings.recordOutcome(db, requireActor(req), req.params.id, req.body),
  );
  app.patch(
    "/hearings/:id",
    { schema: { tags, params: idParams, body: rescheduleHearingBody, response: { 200: hearingSchema } } },
    (req) => hearings.rescheduleHearing(db, requireActor(req), req.params.id, req.body),
  );
  app.post(
    "/hearings/:id/cancel",
    { schema: { tags, params: idParams, body: cancelHearingBody, response: { 200: hearingSchema } } },
    (req) => hearings.cancelHearing(db, requireActor(req), req.params.id, req.body),
  );
};
