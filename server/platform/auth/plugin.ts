import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Database } from "../../db/connection.ts";
import type { Actor, RequestContext } from "../actor.ts";
import { problems } from "../errors.ts";
import { resolveSession, type SessionPolicy } from "./sessions.ts";

export const SESSION_COOKIE = "cams_session";
export const CSRF_HEADER = "x-csrf-token";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
    context: RequestContext;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Resolves the session cookie into an actor on every request, and enforces the CSRF token on every
 * cookie-authenticated write (synchronizer token: the token lives in the session row, the client echoes it
 * in a header that a cross-site form cannot set).
 */
export function installAuthentication(app: FastifyInstance, db: Database, policy: SessionPolicy): void {
  app.decorateRequest("actor", null);
  app.decorateRequest("csrfToken", null);
  app.decorateRequest("context", null as unknown as RequestContext);

  app.addHook("onRequest", async (request) => {
    request.context = {
      ip: request.ip ?? null,
      userAgent: request.headers["user-agent"]?.slice(0, 500) ?? null,
      requestId: request.id,
    };
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !request.url.startsWith("/api/")) return;
    const session = await resolveSession(db, token, policy, request.context);
    if (!session) return;
    request.actor = session.actor;
    request.csrfToken = session.csrfToken;
    if (!SAFE_METHODS.has(request.method) && !sameToken(request.headers[CSRF_HEADER], session.csrfToken)) {
      throw problems.forbidden("Missing or wrong CSRF token; reload the page and try again.");
    }
  });
}

function sameToken(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== "string" || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw problems.unauthenticated();
  return request.actor;
}
