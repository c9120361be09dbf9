import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  calendarFeedCreated,
  calendarFeedParams,
  calendarFeedStatus,
} from "../../../common/schemas/hearings.ts";
import { requireActor } from "../../platform/auth/plugin.ts";
import { problems } from "../../platform/errors.ts";
import { createFeed, feedIcs, feedStatus, revokeFeed } from "./calendar.service.ts";

const tags = ["calendar"];

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.deps;
  const baseOf = (req: { protocol: string; host: string }) =>
    config.publicUrl?.replace(/\/$/, "") ?? `${req.protocol}://${req.host}`;

  app.get("/me/calendar-feed", { schema: { tags, response: { 200: calendarFeedStatus } } }, (req) =>
    feedStatus(db, requireActor(req)),
  );
  app.post(
    "/me/calendar-feed",
    {
      schema: {
        tags,
        description:
          "Makes a new private feed URL (an earlier one stops working). The URL is shown only now.",
        response: { 201: calendarFeedCreated },
      },
    },
    async (req, reply) => reply.status(201).send(await createFeed(db, requireActor(req), baseOf(req))),
  );
  app.delete("/me/calendar-feed", { schema: { tags } }, async (req, reply) => {
    await revokeFeed(db, requireActor(req));
    return reply.status(204).send();
  });

  // No session: the secret in the URL is the credential, as calendar clients cannot sign in.
  app.get(
    "/calendar/:file",
    {
      schema: {
        tags,
        description:
          "A user's hearings as iCalendar (text/calendar). The token is secret: anyone holding the URL reads the feed.",
        params: calendarFeedParams,
      },
      config: { rateLimit: { max: 60, timeWindow: "1 minute" } },
    },
    async (req, reply) => {
      const text = await feedIcs(db, req.params.file.slice(0, -4), baseOf(req));
      if (text === null) throw problems.notFound("calendar feed");
      return reply
        .type("text/calendar; charset=utf-8")
        .header("cache-control", "private, max-age=300")
        .header("referrer-policy", "no-referrer")
        .send(text);
    },
  );
};
