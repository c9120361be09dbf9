import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { isDatabaseReady } from "../../db/connection.ts";

/** Liveness says the process answers; readiness says it can reach its database. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const status = z.object({ status: z.string() });
  app.get(
    "/health/live",
    { schema: { tags: ["health"], security: [], response: { 200: status } } },
    async () => ({
      status: "ok",
    }),
  );
  app.get(
    "/health/ready",
    { schema: { tags: ["health"], security: [], response: { 200: status, 503: status } } },
    async (_req, reply) => {
      const ok = await isDatabaseReady(app.deps.db);
      return reply.status(ok ? 200 : 503).send({ status: ok ? "ready" : "database unavailable" });
    },
  );
};
