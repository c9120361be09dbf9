import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams } from "../../../common/schemas/shared.ts";
import { requireActor } from "../../platform/auth/plugin.ts";
import * as views from "./notifications.service.ts";

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const notification = z.object({
    id: z.string(),
    kind: z.string(),
    caseId: z.string().nullable(),
    caseTitle: z.string().nullable(),
    params: z.record(z.string(), z.unknown()),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  });
  app.get(
    "/notifications",
    {
      schema: {
        tags: ["notifications"],
        response: { 200: z.object({ unread: z.number(), items: z.array(notification) }) },
      },
    },
    (req) => views.notificationsOf(db, requireActor(req)),
  );
  app.post(
    "/notifications/:id/read",
    { schema: { tags: ["notifications"], params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await views.markRead(db, requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    "/notifications/read-all",
    { schema: { tags: ["notifications"], response: { 204: z.null() } } },
    async (req, reply) => {
      await views.markAllRead(db, requireActor(req));
      return reply.status(204).send(null);
    },
  );
  app.get(
    "/mail-outbox",
    {
      schema: {
        tags: ["notifications"],
        description:
          "The latest emails CAMS wrote (administrators): without CAMS_SMTP_URL this is the development " +
          "mailbox, nothing leaves the machine; with it, each row says whether and when it was sent.",
        response: {
          200: z.object({
            smtpConfigured: z.boolean(),
            items: z.array(
              z.object({
                id: z.string(),
                to: z.string(),
                subject: z.string(),
                body: z.string(),
                kind: z.string(),
                createdAt: z.string(),
                sentAt: z.string().nullable(),
                attempts: z.number(),
                lastError: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    (req) => views.outbox(db, requireActor(req), Boolean(app.deps.config.smtpUrl)),
  );
};
