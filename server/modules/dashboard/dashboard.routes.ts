import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { dashboardQuery, dashboardSchema } from "../../../common/schemas/dashboard.ts";
import { requireActor } from "../../platform/auth/plugin.ts";
import { getDashboard } from "./dashboard.service.ts";

const tags = ["dashboard"];

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  app.get(
    "/dashboard",
    { schema: { tags, querystring: dashboardQuery, response: { 200: dashboardSchema } } },
    (req) => getDashboard(db, requireActor(req), req.query),
  );
};
