import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  commitBody,
  commitSchema,
  conflictBody,
  handoverBody,
  leaveBody,
  officeQuery,
  officerProfileBody,
  officerProfileSchema,
  policyBody,
  policySchema,
  previewBody,
  previewSchema,
  queueItem,
  verifyResultSchema,
  weightPatchBody,
  weightSchema,
  workloadItem,
} from "../../../common/schemas/assignment.ts";
import { idParams, uuid } from "../../../common/schemas/shared.ts";
import { requireActor } from "../../platform/auth/plugin.ts";
import { plainJsonResponse } from "../../platform/http/plain-json.ts";
import { assertMayVerify, resolveOffice } from "./assignment.policy.ts";
import * as assignment from "./assignment.service.ts";
import * as views from "./assignment.views.ts";
import * as officers from "./officers.service.ts";
import * as policies from "./policies.service.ts";

const tags = ["assignment"];
const perUser = (req: FastifyRequest) => req.actor?.userId ?? req.ip;
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const assignmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    "/assignment/queue",
    {
      schema: {
        tags,
        querystring: officeQuery.extend({ limit: z.coerce.number().int().min(1).max(1000).default(200) }),
        response: { 200: list(queueItem) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const officeId = await resolveOffice(db, actor, req.query.officeId);
      return { items: await views.queue(db, actor, officeId, req.query.limit) };
    },
  );
  app.get(
    "/assignment/workload",
    { schema: { tags, querystring: officeQuery, response: { 200: list(workloadItem) } } },
    async (req) => {
      const officeId = await resolveOffice(db, requireActor(req), req.query.officeId);
      return { items: await views.workload(db, officeId) };
    },
  );

  app.post(
    "/assignment/preview",
    {
      schema: { tags, body: previewBody, response: { 201: previewSchema } },
      ...plainJsonResponse,
      // a preview of 20,000 cases costs seconds of CPU: a person clears a queue with a few, not hundreds
      config: { rateLimit: { max: 20, timeWindow: "1 minute", keyGenerator: perUser } },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await assignment.preview(
            db,
            requireActor(req),
            req.body,
            req.body.caseIds.length === 1 ? "single" : "bulk",
          ),
        ),
  );
  app.post(
    "/cases/:id/suggestion",
    {
      schema: {
        tags,
        params: idParams,
        body: officeQuery,
        response: { 201: previewSchema },
      },
      ...plainJsonResponse,
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await assignment.preview(
            db,
            requireActor(req),
            { caseIds: [req.params.id], officeId: req.body.officeId },
            "single",
          ),
        ),
  );
  app.post(
    "/assignment/batches/:id/commit",
    {
      schema: {
        tags,
        params: idParams,
        body: commitBody,
        response: { 200: commitSchema },
      },
      ...plainJsonResponse,
    },
    (req) => assignment.commit(db, requireActor(req), req.params.id, req.body),
  );

  app.post(
    "/assignment/officers/:id/handover",
    { schema: { tags, params: idParams, response: { 201: previewSchema } }, ...plainJsonResponse },
    async (req, reply) =>
      reply.status(201).send(await assignment.previewHandover(db, requireActor(req), req.params.id)),
  );
  app.post(
    "/assignment/batches/:id/return-to-queue",
    {
      schema: {
        tags,
        params: idParams,
        body: handoverBody,
        response: { 200: commitSchema },
      },
      ...plainJsonResponse,
    },
    (req) =>
      assignment.commit(
        db,
        requireActor(req),
        req.params.id,
        { overrides: [] },
        { returnToQueue: true, reason: req.body.reason },
      ),
  );

  app.get(
    "/assignment/policy",
    { schema: { tags, querystring: officeQuery, response: { 200: policySchema } } },
    async (req) => {
      const officeId = await resolveOffice(db, requireActor(req), req.query.officeId);
      return policies.presentPolicy(await policies.readPolicy(db, officeId));
    },
  );
  app.put(
    "/assignment/policy",
    { schema: { tags, querystring: officeQuery, body: policyBody, response: { 200: policySchema } } },
    async (req) => {
      const actor = requireActor(req);
      return policies.savePolicy(db, actor, await resolveOffice(db, actor, req.query.officeId), req.body);
    },
  );

  app.get("/assignment/weights", { schema: { tags, response: { 200: list(weightSchema) } } }, async (req) => {
    requireActor(req);
    return { items: await policies.listWeights(db) };
  });
  app.patch(
    "/assignment/weights/:id",
    { schema: { tags, params: idParams, body: weightPatchBody, response: { 200: weightSchema } } },
    (req) => policies.updateWeight(db, requireActor(req), req.params.id, req.body),
  );

  app.get(
    "/assignment/officers",
    { schema: { tags, querystring: officeQuery, response: { 200: list(officerProfileSchema) } } },
    async (req) => {
      const actor = requireActor(req);
      const officeId = await resolveOffice(db, actor, req.query.officeId);
      return { items: await officers.listProfiles(db, actor, officeId) };
    },
  );
  app.get(
    "/assignment/officers/:id",
    { schema: { tags, params: idParams, response: { 200: officerProfileSchema } } },
    (req) => officers.getProfile(db, requireActor(req), req.params.id),
  );
  app.put(
    "/assignment/officers/:id",
    { schema: { tags, params: idParams, body: officerProfileBody, response: { 200: officerProfileSchema } } },
    (req) => officers.saveProfile(db, requireActor(req), req.params.id, req.body),
  );
  app.post(
    "/assignment/officers/:id/leaves",
    { schema: { tags, params: idParams, body: leaveBody, response: { 201: officerProfileSchema } } },
    async (req, reply) =>
      reply.status(201).send(await officers.addLeave(db, requireActor(req), req.params.id, req.body)),
  );
  app.delete(
    "/assignment/officers/:id/leaves/:leaveId",
    {
      schema: {
        tags,
        params: z.object({ id: uuid, leaveId: uuid }),
        response: { 200: officerProfileSchema },
      },
    },
    (req) => officers.removeLeave(db, requireActor(req), req.params.id, req.params.leaveId),
  );
  app.post(
    "/assignment/officers/:id/conflicts",
    { schema: { tags, params: idParams, body: conflictBody, response: { 201: officerProfileSchema } } },
    async (req, reply) =>
      reply.status(201).send(await officers.addConflict(db, requireActor(req), req.params.id, req.body)),
  );
  app.delete(
    "/assignment/officers/:id/conflicts/:conflictId",
    {
      schema: {
        tags,
        params: z.object({ id: uuid, conflictId: uuid }),
        response: { 200: officerProfileSchema },
      },
    },
    (req) => officers.removeConflict(db, requireActor(req), req.params.id, req.params.conflictId),
  );

  app.get(
    "/assignment/verify",
    { schema: { tags, querystring: officeQuery, response: { 200: verifyResultSchema } } },
    (req) => {
      assertMayVerify(requireActor(req));
      return views.verifyLedger(db, req.query.officeId);
    },
  );
};
