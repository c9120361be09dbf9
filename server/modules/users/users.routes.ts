import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, paged } from "../../../common/schemas/shared.ts";
import {
  officerSchema,
  userCreateBody,
  userDecisionBody,
  userListQuery,
  userPatchBody,
  userSchema,
} from "../../../common/schemas/users.ts";
import { hasRole } from "../../platform/actor.ts";
import { requireActor } from "../../platform/auth/plugin.ts";
import { problems } from "../../platform/errors.ts";
import * as users from "./users.service.ts";

const tags = ["users"];

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    "/users",
    { schema: { tags, querystring: userListQuery, response: { 200: paged(userSchema) } } },
    (req) => users.listUsers(db, requireActor(req), req.query),
  );

  app.post(
    "/users",
    { schema: { tags, body: userCreateBody, response: { 201: userSchema } } },
    async (req, reply) => reply.status(201).send(await users.createUser(db, requireActor(req), req.body)),
  );

  app.get("/users/:id", { schema: { tags, params: idParams, response: { 200: userSchema } } }, (req) =>
    users.getUser(db, requireActor(req), req.params.id),
  );

  app.patch(
    "/users/:id",
    { schema: { tags, params: idParams, body: userPatchBody, response: { 200: userSchema } } },
    (req) => users.updateUser(db, requireActor(req), req.params.id, req.body),
  );

  app.delete(
    "/users/:id/totp",
    { schema: { tags, params: idParams, response: { 200: userSchema } } },
    (req) => users.resetSecondFactor(db, requireActor(req), req.params.id),
  );

  for (const decision of ["approve", "reject"] as const) {
    app.post(
      `/users/:id/${decision}`,
      { schema: { tags, params: idParams, body: userDecisionBody, response: { 200: userSchema } } },
      (req) => users.decideRegistration(db, requireActor(req), req.params.id, req.body.version, decision),
    );
  }

  app.get(
    "/officers",
    { schema: { tags, response: { 200: z.object({ items: z.array(officerSchema) }) } } },
    async (req) => {
      const actor = requireActor(req);
      if (!hasRole(actor, "law_ministry", "assigning_officer", "administrator")) {
        throw problems.forbidden("Only those who assign cases see the officers' list.");
      }
      return { items: await users.listOfficers(db, actor) };
    },
  );
};
