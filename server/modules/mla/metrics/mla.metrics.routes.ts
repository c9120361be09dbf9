import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { mlaMetrics } from "../../../../common/schemas/mla-metrics.ts";
import { mlaMetricsExportQuery } from "../../../../common/schemas/mla-metrics-export.ts";
import { requireActor } from "../../../platform/auth/plugin.ts";
import { answerTable } from "../../exports/export.table.ts";
import { metricsSheet } from "./mla.metrics.export.ts";
import * as metrics from "./mla.metrics.ts";

export const mlaMetricsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  app.get(
    "/mla/metrics",
    {
      schema: {
        tags: ["mla"],
        description:
          "The Central Authority's figures: pending by state and age, receipt to acknowledgement, time in each state by whose turn it was, deficiency and refusal rates by ground, preservations expired before the MLA request went out. Central Authority only (403).",
        response: { 200: mlaMetrics },
      },
    },
    (req) => metrics.mlaMetrics(db, requireActor(req)),
  );
  app.get(
    "/mla/metrics/export",
    {
      schema: {
        tags: ["mla"],
        description:
          "One table of the MLA figures (GET /mla/metrics: the same figures, Central Authority only) as CSV, XLSX or PDF. Audited.",
        querystring: mlaMetricsExportQuery,
      },
      config: { rateLimit: { max: 30, timeWindow: "1 minute" } },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const m = await metrics.mlaMetrics(db, actor);
      const s = metricsSheet(m, req.query.table);
      return answerTable(reply, db, actor, {
        format: req.query.format,
        sheet: s,
        heading: `CAMS MLA figures: ${s.title} — ${m.asOf}`,
        entityType: "mla_metrics_table",
        fileName: `mla-metrics-${req.query.table}`,
        changes: { table: req.query.table },
      });
    },
  );
};
