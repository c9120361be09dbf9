import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Database } from "../../db/connection.ts";
import type { Actor, RequestContext } from "../actor.ts";
import { Problem, problems } from "../errors.ts";
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
 * What a user whose roles require a second factor may reach before enrolling one: their session, sign-out,
 * the enrolment itself, and their own language and password (PATCH /me) so the enrolment screen works in Urdu.
 */
const BEFORE_ENROLMENT = [
  /^\/api\/v1\/auth\/(session|logout|login)$/,
  /^\/api\/v1\/me\/totp(\/confirm)?$/,
  /^\/api\/v1\/me$/,
];

function reachableBeforeEnrolment(url: string): boolean {
  const path = url.split("?")[0] ?? "";
  return BEFORE_ENROLMENT.some((pattern) => pattern.test(path));
}

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
    const mfaRoles = app.deps.config.mfaRoles;
    const mustEnrol = !session.totpEnabled && [...session.actor.roles].some((r) => mfaRoles.has(r));
    if (mustEnrol && !reachableBeforeEnrolment(request.url)) {
      throw new Problem(
        403,
        "second_factor_enrolment_required",
        "Your role requires two-step sign-in: set it up under your profile before going on.",
      );
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
