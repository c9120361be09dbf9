import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  organisationCreateBody,
  organisationPatchBody,
  organisationSchema,
} from "../../../common/schemas/reference.ts";
import { idParams } from "../../../common/schemas/shared.ts";
import { requireActor } from "../../platform/auth/plugin.ts";
import * as service from "./organisations.service.ts";

const tags = ["organisations"];

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  // Public: the registration form lists organisations before anyone signs in.
  app.get(
    "/organisations",
    { schema: { tags, security: [], response: { 200: z.object({ items: z.array(organisationSchema) }) } } },
    async (req) => ({ items: await service.listOrganisations(db, req.actor) }),
  );

  app.post(
    "/organisations",
    { schema: { tags, body: organisationCreateBody, response: { 201: organisationSchema } } },
    async (req, reply) =>
      reply.status(201).send(await service.createOrganisation(db, requireActor(req), req.body)),
  );

  app.patch(
    "/organisations/:id",
    {
      schema: { tags, params: idParams, body: organisationPatchBody, response: { 200: organisationSchema } },
    },
    (req) => service.updateOrganisation(db, requireActor(req), req.params.id, req.body),
  );
};
