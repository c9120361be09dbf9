import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  benchCreateBody,
  caseTypePatchBody,
  caseTypeSchema,
  courtPatchBody,
  courtSchema,
  roleSchema,
} from "../../../common/schemas/reference.ts";
import { idParams } from "../../../common/schemas/shared.ts";
import { requireActor } from "../../platform/auth/plugin.ts";
import * as service from "./reference.service.ts";

const tags = ["reference"];
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get("/reference/courts", { schema: { tags, response: { 200: list(courtSchema) } } }, async (req) => {
    requireActor(req);
    return { items: await service.listCourts(db) };
  });
  app.get(
    "/reference/case-types",
    { schema: { tags, response: { 200: list(caseTypeSchema) } } },
    async (req) => {
      requireActor(req);
      return { items: await service.listCaseTypes(db) };
    },
  );
  app.get("/reference/roles", { schema: { tags, response: { 200: list(roleSchema) } } }, async (req) => {
    requireActor(req);
    return { items: await service.listRoles(db) };
  });

  app.patch(
    "/reference/courts/:id",
    { schema: { tags, params: idParams, body: courtPatchBody, response: { 200: courtSchema } } },
    (req) => service.updateCourt(db, requireActor(req), req.params.id, req.body),
  );
  app.post(
    "/reference/courts/:id/benches",
    { schema: { tags, params: idParams, body: benchCreateBody, response: { 201: courtSchema } } },
    async (req, reply) =>
      reply.status(201).send(await service.addBench(db, requireActor(req), req.params.id, req.body)),
  );
  app.patch(
    "/reference/case-types/:id",
    { schema: { tags, params: idParams, body: caseTypePatchBody, response: { 200: caseTypeSchema } } },
    (req) => service.updateCaseType(db, requireActor(req), req.params.id, req.body),
  );
};
