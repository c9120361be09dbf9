import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  mlaCreateBody,
  mlaDetail,
  mlaDraftBody,
  mlaList,
  mlaListQuery,
  mlaTransitionBody,
} from "../../../common/schemas/mla.ts";
import { idParams } from "../../../common/schemas/shared.ts";
import { requireActor } from "../../platform/auth/plugin.ts";
import * as mla from "./mla.service.ts";

const tags = ["mla"];

export const mlaRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  app.get(
    "/mla/requests",
    { schema: { tags, querystring: mlaListQuery, response: { 200: mlaList } } },
    (req) => mla.listRequests(db, requireActor(req), req.query),
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
};
