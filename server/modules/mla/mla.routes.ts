import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  mlaAccessBody,
  mlaAccessCandidates,
  mlaAccessParams,
  mlaCreateBody,
  mlaDetail,
  mlaDraftBody,
  mlaLinkBody,
  mlaLinkParams,
  mlaList,
  mlaListQuery,
  mlaTransitionBody,
} from "../../../common/schemas/mla.ts";
import { handlerBody, handlerSuggestion } from "../../../common/schemas/mla-handler.ts";
import { idParams } from "../../../common/schemas/shared.ts";
import { requireActor } from "../../platform/auth/plugin.ts";
import { answerTable, tableFormat } from "../exports/export.table.ts";
import * as access from "./mla.access.ts";
import { assignHandler, handlerSuggestion as handlerSuggestionOf } from "./mla.handler.ts";
import * as links from "./mla.links.ts";
import { REGISTER_WIDTHS, registerSheet } from "./mla.register.export.ts";
import * as mla from "./mla.service.ts";

const tags = ["mla"];

export const mlaRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  app.get(
    "/mla/requests",
    { schema: { tags, querystring: mlaListQuery, response: { 200: mlaList } } },
    (req) => mla.listRequests(db, requireActor(req), req.query),
  );
  app.get(
    "/mla/requests/export",
    {
      schema: {
        tags,
        description:
          "The register list (GET /mla/requests: the same filters, scope and fields) as CSV, XLSX or PDF. Audited.",
        querystring: mlaListQuery.extend(tableFormat.shape),
      },
      config: { rateLimit: { max: 30, timeWindow: "1 minute" } },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { format, ...filters } = req.query;
      const list = await mla.listRequests(db, actor, filters);
      return answerTable(reply, db, actor, {
        format,
        sheet: registerSheet(list.items),
        heading: "CAMS MLA register",
        entityType: "mla_register",
        fileName: "mla-register",
        changes: { filters },
        widths: REGISTER_WIDTHS,
      });
    },
  );
  app.post(
    "/mla/requests",
    {
      schema: {
        tags,
        description:
          "Opens a request in its kind's first state, with a register reference (e.g. MLA-OUT-2026-0001).",
        body: mlaCreateBody,
        response: { 201: mlaDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await mla.createRequest(db, requireActor(req), req.body)),
  );
  app.get(
    "/mla/requests/:id",
    {
      schema: {
        tags,
        description:
          "A request with its draft checked against the 16 drafting rules, the moves open to the reader, and its history.",
        params: idParams,
        response: { 200: mlaDetail },
      },
    },
    (req) => mla.getRequest(db, requireActor(req), req.params.id),
  );
  app.get(
    "/mla/requests/:id/handler",
    {
      schema: {
        tags,
        description:
          "Central Authority officers who could handle the request, ranked: competence from training for its kind first, then fewest open requests.",
        params: idParams,
        response: { 200: handlerSuggestion },
      },
    },
    (req) => handlerSuggestionOf(db, requireActor(req), req.params.id),
  );
  app.put(
    "/mla/requests/:id/handler",
    { schema: { tags, params: idParams, body: handlerBody, response: { 200: handlerSuggestion } } },
    (req) => assignHandler(db, requireActor(req), req.params.id, req.body),
  );
  app.put(
    "/mla/requests/:id/draft",
    { schema: { tags, params: idParams, body: mlaDraftBody, response: { 200: mlaDetail } } },
    (req) => mla.updateDraft(db, requireActor(req), req.params.id, req.body),
  );
  app.post(
    "/mla/requests/:id/transitions",
    { schema: { tags, params: idParams, body: mlaTransitionBody, response: { 200: mlaDetail } } },
    (req) => mla.transition(db, requireActor(req), req.params.id, req.body),
  );
  app.post(
    "/mla/requests/:id/links",
    {
      schema: {
        tags,
        description:
          "Links the request to an earlier one it follows (e.g. the MLA request after a preservation), by reference.",
        params: idParams,
        body: mlaLinkBody,
        response: { 200: mlaDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await links.addLink(db, actor, req.params.id, req.body);
      return mla.getRequest(db, actor, req.params.id);
    },
  );
  app.delete(
    "/mla/requests/:id/links/:earlierId",
    { schema: { tags, params: mlaLinkParams, response: { 200: mlaDetail } } },
    async (req) => {
      const actor = requireActor(req);
      await links.removeLink(db, actor, req.params.id, req.params.earlierId);
      return mla.getRequest(db, actor, req.params.id);
    },
  );
  app.post(
    "/mla/requests/:id/access",
    {
      schema: {
        tags,
        description: "Names a user on the request.",
        params: idParams,
        body: mlaAccessBody,
        response: { 200: mlaDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await access.setAccess(db, actor, req.params.id, req.body.userId, true);
      return mla.getRequest(db, actor, req.params.id);
    },
  );
  app.delete(
    "/mla/requests/:id/access/:userId",
    { schema: { tags, params: mlaAccessParams, response: { 200: mlaDetail } } },
    async (req) => {
      const actor = requireActor(req);
      await access.setAccess(db, actor, req.params.id, req.params.userId, false);
      return mla.getRequest(db, actor, req.params.id);
    },
  );
  app.get(
    "/mla/requests/:id/access-candidates",
    {
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ q: z.string().trim().min(2).max(100) }),
        response: { 200: mlaAccessCandidates },
      },
    },
    (req) => access.accessCandidates(db, requireActor(req), req.params.id, req.query.q),
  );
};
