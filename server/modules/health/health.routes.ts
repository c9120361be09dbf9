import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { isDatabaseReady } from "../../db/connection.ts";

/**
 * Liveness says the process answers; readiness says it should be sent requests: started (migrations,
 * reference data and the demo seed applied), not draining for shutdown, and able to reach its database.
 */
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
      const lifecycle = app.deps.lifecycle;
      if (lifecycle?.phase === "starting") {
        return reply.status(503).send({ status: `starting: ${lifecycle.step || "preparing"}` });
      }
      if (lifecycle?.phase === "draining") return reply.status(503).send({ status: "draining" });
      const ok = await isDatabaseReady(app.deps.db);
      return reply.status(ok ? 200 : 503).send({ status: ok ? "ready" : "database unavailable" });
    },
  );
};
