import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { mlaMetrics } from "../../../../common/schemas/mla-metrics.ts";
import { requireActor } from "../../../platform/auth/plugin.ts";
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
};
