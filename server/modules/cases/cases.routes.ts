import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  caseAccessBody,
  caseAssignmentBody,
  caseCreateBody,
  caseDetail,
  caseLinkBody,
  caseList,
  caseListQuery,
  casePatchBody,
  caseStatusBody,
  historyItem,
} from "../../../common/schemas/cases.ts";
import { idParams, uuid } from "../../../common/schemas/shared.ts";
import { requireActor } from "../../platform/auth/plugin.ts";
import * as actions from "./cases.actions.ts";
import { listCases } from "./cases.search.ts";
import * as cases from "./cases.service.ts";

const tags = ["cases"];

export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const detail = { 200: caseDetail };

  app.get("/cases", { schema: { tags, querystring: caseListQuery, response: { 200: caseList } } }, (req) =>
    listCases(db, requireActor(req), req.query),
  );
  app.post(
    "/cases",
    { schema: { tags, body: caseCreateBody, response: { 201: caseDetail } } },
    async (req, reply) => reply.status(201).send(await cases.createCase(db, requireActor(req), req.body)),
  );
  app.get("/cases/:id", { schema: { tags, params: idParams, response: detail } }, (req) =>
    cases.getCaseDetail(db, requireActor(req), req.params.id),
  );
  app.patch(
    "/cases/:id",
    { schema: { tags, params: idParams, body: casePatchBody, response: detail } },
    (req) => cases.updateCase(db, requireActor(req), req.params.id, req.body),
  );
  app.post(
    "/cases/:id/status",
    { schema: { tags, params: idParams, body: caseStatusBody, response: detail } },
    (req) => actions.changeStatus(db, requireActor(req), req.params.id, req.body),
  );
  app.post(
    "/cases/:id/assignment",
    { schema: { tags, params: idParams, body: caseAssignmentBody, response: detail } },
    (req) => actions.assignOfficer(db, requireActor(req), req.params.id, req.body),
  );
  app.post(
    "/cases/:id/links",
    { schema: { tags, params: idParams, body: caseLinkBody, response: { 201: caseDetail } } },
    async (req, reply) =>
      reply.status(201).send(await actions.linkCases(db, requireActor(req), req.params.id, req.body)),
  );
  app.delete(
    "/cases/:id/links/:linkId",
    { schema: { tags, params: z.object({ id: uuid, linkId: uuid }), response: detail } },
    (req) => actions.unlinkCases(db, requireActor(req), req.params.id, req.params.linkId),
  );
  app.post(
    "/cases/:id/access",
    { schema: { tags, params: idParams, body: caseAccessBody, response: detail } },
    (req) => actions.setCaseAccess(db, requireActor(req), req.params.id, req.body.userId, true),
  );
  app.delete(
    "/cases/:id/access/:userId",
    { schema: { tags, params: z.object({ id: uuid, userId: uuid }), response: detail } },
    (req) => actions.setCaseAccess(db, requireActor(req), req.params.id, req.params.userId, false),
  );
  app.get(
    "/cases/:id/access-candidates",
    {
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ q: z.string().trim().min(2).max(100) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                fullName: z.string(),
                designation: z.string(),
                organisation: z.object({ code: z.string(), nameEn: z.string(), nameUr: z.string() }),
              }),
            ),
          }),
        },
      },
    },
    (req) => actions.accessCandidates(db, requireActor(req), req.params.id, req.query.q),
  );
  app.get(
    "/cases/:id/history",
    { schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(historyItem) }) } } },
    (req) => actions.caseHistory(db, requireActor(req), req.params.id),
  );
};
