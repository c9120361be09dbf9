import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  closureBody,
  closureDeleteBody,
  closurePatchBody,
  closureSchema,
  courtCalendarQuery,
  courtCalendarSchema,
  deadlineEventBody,
  deadlineList,
  deadlinePatchBody,
  deadlineSchema,
  deadlinesQuery,
  limitationRuleList,
  limitationRulePatchBody,
  limitationRuleSchema,
  ruleParams,
  weekendBody,
  weekendSchema,
} from "../../../common/schemas/deadlines.ts";
import { idParams } from "../../../common/schemas/shared.ts";
import { taskSchema } from "../../../common/schemas/tasks.ts";
import { requireActor } from "../../platform/auth/plugin.ts";
import { answerTable, tableFormat } from "../exports/export.table.ts";
import { DEADLINE_WIDTHS, deadlineSheet } from "./deadlines.export.ts";
import * as deadlines from "./deadlines.service.ts";
import * as rules from "./rules.service.ts";

const tags = ["deadlines"];

export const deadlineRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    "/cases/:id/deadlines",
    { schema: { tags, params: idParams, response: { 200: deadlineList } } },
    (req) => deadlines.caseDeadlines(db, requireActor(req), req.params.id),
  );
  app.post(
    "/cases/:id/deadline-events",
    {
      schema: {
        tags,
        description:
          "Records a trigger event: a decision announced opens the appeal deadline (rule proposed from the " +
          "case's court and type unless named) and the task to decide on the appeal; a notice received opens " +
          "the reply deadline with the para-wise comments and reply tasks.",
        params: idParams,
        body: deadlineEventBody,
        response: { 201: z.object({ deadlines: z.array(deadlineSchema), tasks: z.array(taskSchema) }) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await deadlines.recordDeadlineEvent(db, requireActor(req), req.params.id, req.body)),
  );
  app.patch(
    "/deadlines/:id",
    { schema: { tags, params: idParams, body: deadlinePatchBody, response: { 200: deadlineSchema } } },
    (req) => deadlines.updateDeadline(db, requireActor(req), req.params.id, req.body),
  );
  app.get(
    "/deadlines",
    { schema: { tags, querystring: deadlinesQuery, response: { 200: deadlineList } } },
    (req) => deadlines.upcomingDeadlines(db, requireActor(req), req.query),
  );
  app.get(
    "/deadlines/export",
    {
      schema: {
        tags,
        description:
          "The deadlines list (GET /deadlines: the same window, scope and rows) as CSV, XLSX or PDF. Audited.",
        querystring: deadlinesQuery.extend(tableFormat.shape),
      },
      config: { rateLimit: { max: 30, timeWindow: "1 minute" } },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { format, ...filters } = req.query;
      const list = await deadlines.upcomingDeadlines(db, actor, filters);
      return answerTable(reply, db, actor, {
        format,
        sheet: deadlineSheet(list.items),
        heading: `CAMS open deadlines due within ${filters.withinDays} days (overdue included)`,
        entityType: "deadline_list",
        fileName: "deadlines",
        changes: { filters },
        widths: DEADLINE_WIDTHS,
      });
    },
  );

  app.get("/limitation-rules", { schema: { tags, response: { 200: limitationRuleList } } }, (req) => {
    requireActor(req);
    return rules.listRules(db);
  });
  app.patch(
    "/limitation-rules/:code",
    {
      schema: {
        tags,
        params: ruleParams,
        body: limitationRulePatchBody,
        response: { 200: limitationRuleSchema },
      },
    },
    (req) => rules.updateRule(db, requireActor(req), req.params.code, req.body),
  );
  app.get(
    "/court-calendar",
    { schema: { tags, querystring: courtCalendarQuery, response: { 200: courtCalendarSchema } } },
    (req) => {
      requireActor(req);
      return rules.courtCalendarView(db, req.query);
    },
  );
  app.post(
    "/court-calendar/closures",
    { schema: { tags, body: closureBody, response: { 201: closureSchema } } },
    async (req, reply) => reply.status(201).send(await rules.addClosure(db, requireActor(req), req.body)),
  );
  app.patch(
    "/court-calendar/closures/:id",
    { schema: { tags, params: idParams, body: closurePatchBody, response: { 200: closureSchema } } },
    (req) => rules.changeClosure(db, requireActor(req), req.params.id, req.body),
  );
  app.delete(
    "/court-calendar/closures/:id",
    { schema: { tags, params: idParams, body: closureDeleteBody } },
    async (req, reply) => {
      await rules.deleteClosure(db, requireActor(req), req.params.id, req.body.version);
      return reply.status(204).send();
    },
  );
  app.put(
    "/court-calendar/weekends",
    { schema: { tags, body: weekendBody, response: { 200: weekendSchema } } },
    (req) => rules.setWeekend(db, requireActor(req), req.body),
  );
};
