import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { dashboardQuery, dashboardSchema } from "../../../common/schemas/dashboard.ts";
import { dashboardExportQuery } from "../../../common/schemas/dashboard-export.ts";
import { requireActor } from "../../platform/auth/plugin.ts";
import { sendTable } from "../exports/export.table.ts";
import { exportDashboardTable } from "./dashboard.export.ts";
import { getDashboard } from "./dashboard.service.ts";

const tags = ["dashboard"];

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.deps;
  app.get(
    "/dashboard",
    { schema: { tags, querystring: dashboardQuery, response: { 200: dashboardSchema } } },
    (req) => getDashboard(db, requireActor(req), req.query, config.dashboardEveryMinutes),
  );

  app.get(
    "/dashboard/export",
    {
      schema: {
        tags,
        description:
          "One table of the dashboard (the same figures, in the same scope) as CSV, XLSX or PDF. Audited. " +
          "It costs what GET /dashboard costs, so it is not rate-limited apart.",
        querystring: dashboardExportQuery,
      },
    },
    async (req, reply) => {
      const { file, fileName } = await exportDashboardTable(
        db,
        requireActor(req),
        req.query,
        config.dashboardEveryMinutes,
      );
      return sendTable(reply, req.query.format, fileName, file);
    },
  );
};
