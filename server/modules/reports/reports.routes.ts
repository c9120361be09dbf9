import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  savedFilter,
  savedFilterCreate,
  savedFilterDeleteQuery,
  savedFilterList,
  savedFilterUpdate,
  subscriptionBody,
} from "../../../common/schemas/reports.ts";
import { idParams } from "../../../common/schemas/shared.ts";
import { requireActor } from "../../platform/auth/plugin.ts";
import {
  createSavedFilter,
  deleteSavedFilter,
  listSavedFilters,
  subscribe,
  unsubscribe,
  updateSavedFilter,
} from "./reports.service.ts";

const tags = ["reports"];

/** The signed-in user's saved case-list filters and weekly report subscriptions. */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get("/saved-filters", { schema: { tags, response: { 200: savedFilterList } } }, (req) =>
    listSavedFilters(db, requireActor(req)),
  );
  app.post(
    "/saved-filters",
    { schema: { tags, body: savedFilterCreate, response: { 201: savedFilter } } },
    async (req, reply) => reply.status(201).send(await createSavedFilter(db, requireActor(req), req.body)),
  );
  app.put(
    "/saved-filters/:id",
    { schema: { tags, params: idParams, body: savedFilterUpdate, response: { 200: savedFilter } } },
    (req) => updateSavedFilter(db, requireActor(req), req.params.id, req.body),
  );
  app.delete(
    "/saved-filters/:id",
    { schema: { tags, params: idParams, querystring: savedFilterDeleteQuery } },
    async (req, reply) => {
      await deleteSavedFilter(db, requireActor(req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );
  app.post(
    "/saved-filters/:id/subscription",
    {
      schema: {
        tags,
        description: "Emails the filter's cases every week on the weekday (0 = Sunday, courts' time zone).",
        params: idParams,
        body: subscriptionBody,
        response: { 200: savedFilter },
      },
    },
    (req) => subscribe(db, requireActor(req), req.params.id, req.body.weekday),
  );
  app.delete(
    "/saved-filters/:id/subscription",
    { schema: { tags, params: idParams } },
    async (req, reply) => {
      await unsubscribe(db, requireActor(req), req.params.id);
      return reply.status(204).send();
    },
  );
};
