import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { loginBody, me, mePatch, registerBody, sessionResponse } from "../../../common/schemas/users.ts";
import { inTransaction } from "../../db/transaction.ts";
import { recordAudit } from "../../platform/audit.ts";
import { requireActor, SESSION_COOKIE } from "../../platform/auth/plugin.ts";
import { deleteSession, resolveSession } from "../../platform/auth/sessions.ts";
import { problems } from "../../platform/errors.ts";
import { login } from "./auth.service.ts";
import { updateMe } from "./me.service.ts";
import { twoFactorRoutes } from "./two-factor.routes.ts";
import { presentMe } from "./users.present.ts";
import { findUserById } from "./users.repo.ts";
import { register } from "./users.service.ts";

const tags = ["auth"];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.deps;
  const cookieOptions = {
    path: "/",
    httpOnly: true,
    sameSite: "strict" as const,
    secure: config.cookieSecure,
  };

  async function meOf(actor: ReturnType<typeof requireActor>) {
    const row = await findUserById(db, actor.userId);
    if (!row) throw problems.unauthenticated();
    return presentMe(actor, row, config.mfaRoles);
  }

  app.post(
    "/auth/login",
    {
      schema: { tags, security: [], body: loginBody, response: { 200: sessionResponse } },
      config: { rateLimit: { max: config.loginRatePerMinute, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      // A fresh session id at every login: an old cookie (possibly planted) is discarded, never reused.
      if (request.actor) await deleteSession(db, request.actor.sessionId);
      const result = await login(db, config, request.context, request.body);
      reply.setCookie(SESSION_COOKIE, result.token, { ...cookieOptions, expires: result.expiresAt });
      const session = await resolveSession(
        db,
        result.token,
        { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours },
        request.context,
      );
      if (!session) throw problems.unauthenticated();
      return { user: await meOf(session.actor), csrfToken: result.csrfToken };
    },
  );

  app.post("/auth/logout", { schema: { tags, response: { 204: z.null() } } }, async (request, reply) => {
    const actor = request.actor;
    if (actor) {
      await deleteSession(db, actor.sessionId);
      await inTransaction(db, (trx) =>
        recordAudit(trx, actor, {
          action: "auth.logout",
          entityType: "user",
          entityId: actor.userId,
          organisationId: actor.organisationId,
        }),
      );
    }
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.status(204).send(null);
  });

  app.get("/auth/session", { schema: { tags, response: { 200: sessionResponse } } }, async (request) => {
    const actor = requireActor(request);
    return { user: await meOf(actor), csrfToken: request.csrfToken ?? "" };
  });

  app.post(
    "/auth/register",
    {
      schema: {
        tags,
        security: [],
        body: registerBody,
        response: { 201: z.object({ id: z.string(), status: z.literal("pending") }) },
      },
      config: { rateLimit: { max: config.loginRatePerMinute, timeWindow: "1 minute" } },
    },
    async (request, reply) => reply.status(201).send(await register(db, request.context, request.body)),
  );

  app.patch(
    "/me",
    // a wrong current password counts toward the account's lockout; no per-IP limit, which a whole office
    // behind one address switching languages could reach
    { schema: { tags, body: mePatch, response: { 200: me } } },
    async (request) => {
      const actor = requireActor(request);
      await updateMe(db, config, actor, request.body);
      return meOf(actor);
    },
  );

  await app.register(twoFactorRoutes);
};
