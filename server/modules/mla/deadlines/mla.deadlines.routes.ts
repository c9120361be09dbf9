import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { mlaDeadlineList } from "../../../../common/schemas/mla-deadlines.ts";
import { idParams } from "../../../../common/schemas/shared.ts";
import { requireActor } from "../../../platform/auth/plugin.ts";
import { requestDeadlines } from "./mla.deadlines.ts";

export const mlaDeadlineRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  app.get(
    "/mla/requests/:id/deadlines",
    {
      schema: {
        tags: ["mla"],
        description:
          "A request's deadlines: a preservation's expiry (with the alert 30 days before) and follow-ups on unanswered requests, each with its rule, source and arithmetic. Outside the reader's scope: 404.",
        params: idParams,
        response: { 200: mlaDeadlineList },
      },
    },
    (req) => requestDeadlines(db, requireActor(req), req.params.id),
  );
};
