import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

// Placeholder while the documents module is being written (replaced in this session).
export const documentRoutes: FastifyPluginAsyncZod = async () => {};
