import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  recoveryCodes,
  totpConfirmBody,
  totpDisableBody,
  totpEnrolment,
  totpStartBody,
} from "../../../common/schemas/users.ts";
import { requireActor } from "../../platform/auth/plugin.ts";
import { confirmTotpEnrolment, disableTotp, startTotpEnrolment } from "./two-factor.service.ts";

const tags = ["auth"];

/** Two-step sign-in (TOTP) for the signed-in user: start, confirm with a first code, turn off. */
export const twoFactorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.deps;
  const limited = { rateLimit: { max: config.loginRatePerMinute, timeWindow: "1 minute" } };

  app.post(
    "/me/totp",
    { schema: { tags, body: totpStartBody, response: { 200: totpEnrolment } }, config: limited },
    (request) => startTotpEnrolment(db, config, requireActor(request), request.body.currentPassword),
  );

  app.post(
    "/me/totp/confirm",
    { schema: { tags, body: totpConfirmBody, response: { 200: recoveryCodes } }, config: limited },
    (request) => confirmTotpEnrolment(db, config, requireActor(request), request.body.code),
  );

  app.delete(
    "/me/totp",
    { schema: { tags, body: totpDisableBody, response: { 204: z.null() } }, config: limited },
    async (request, reply) => {
      await disableTotp(db, config, requireActor(request), request.body);
      return reply.status(204).send(null);
    },
  );
};
