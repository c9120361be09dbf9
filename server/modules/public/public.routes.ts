import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import {
  publicCaseQuery,
  publicCaseResult,
  publicCourtList,
  publicDictionary,
  publicOrganisationPage,
  publicOrganisationParams,
  publicOrganisationQuery,
  publicStatistics,
} from "../../../common/schemas/public.ts";
import { certificateVerification, verifyParams } from "../../../common/schemas/training.ts";
import { verifyCertificate } from "../training/training.certificates.ts";
import { DICTIONARY, statisticsCsv } from "./public.dictionary.ts";
import { findPublicCases, organisationPage, publicCourts } from "./public.service.ts";
import { statistics } from "./public.statistics.ts";

const tags = ["public"];

/**
 * The public face (issue 6 item 4): no session needed — these routes never call requireActor and are all GETs,
 * so the CSRF check does not apply. A session cookie, if sent, changes nothing: the answers are the same for
 * everyone. Rate-limited per IP and cacheable by browsers and proxies.
 */
export const publicRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.deps;
  const opts = { maskNames: config.publicMaskNames };
  const base = { tags, security: [] };

  // One budget per IP across the whole public face (a per-route limit would give each endpoint its own).
  app.addHook("onRequest", app.rateLimit({ max: config.publicRatePerMinute, timeWindow: "1 minute" }));

  // A problem normally names its URL (`instance`); here that would echo the query, so answers depend only on
  // what the public may see and never repeat what was asked.
  app.addHook("onSend", async (_req, reply, payload) => {
    if (reply.statusCode < 400 || typeof payload !== "string") return payload;
    if (!String(reply.getHeader("content-type")).includes("problem+json")) return payload;
    const { instance: _echo, ...problem } = JSON.parse(payload) as Record<string, unknown>;
    return JSON.stringify(problem);
  });

  app.get(
    "/public/courts",
    {
      schema: {
        ...base,
        description:
          "The courts a case-status search or a ministry's pending list may be narrowed to (code, English and Urdu names).",
        response: { 200: publicCourtList },
      },
    },
    async (req, reply) => sendCached(req, reply, publicCourtList, { items: await publicCourts(db) }),
  );

  app.get(
    "/public/cases",
    {
      schema: {
        ...base,
        description:
          "Case status by case number written any way (W.P. No. 1234 of 2025, WP 1234/2025), optionally in one " +
          "court (a code from /public/courts): court, number, title (private individuals' names as initials), " +
          "status and next hearing date. 404 when no public case has that number, or no court has that code.",
        querystring: publicCaseQuery,
        response: { 200: publicCaseResult },
      },
    },
    async (req, reply) => {
      const items = await findPublicCases(db, req.query, opts);
      return sendCached(req, reply, publicCaseResult, { items });
    },
  );

  const orgPage = async (
    req: FastifyRequest<{
      Params: { code: string };
      Querystring: { page: number; pageSize: number; court?: string | undefined };
    }>,
    reply: FastifyReply,
  ) => {
    const page = await organisationPage(db, req.params.code, req.query, opts);
    return sendCached(req, reply, publicOrganisationPage, page);
  };
  const orgSchema = {
    ...base,
    params: publicOrganisationParams,
    querystring: publicOrganisationQuery,
    response: { 200: publicOrganisationPage },
  };
  app.get(
    "/public/organisations/:code",
    {
      schema: {
        ...orgSchema,
        description:
          "A ministry's public page: its names, counts of its cases by status and court, its pending cases with " +
          "next hearing dates (in one court with ?court=, a code from /public/courts).",
      },
    },
    orgPage,
  );
  app.get(
    "/public/organisations/:code/feed.json",
    {
      schema: {
        ...orgSchema,
        description:
          "The same data as an embeddable JSON feed for the ministry's own website (CORS open, cacheable 5 minutes).",
      },
    },
    orgPage,
  );

  app.get(
    "/public/statistics.json",
    {
      schema: {
        ...base,
        description:
          "Open statistics: counts of non-confidential cases; see /public/statistics/dictionary.json.",
        response: { 200: publicStatistics },
      },
    },
    async (req, reply) => sendCached(req, reply, publicStatistics, await statistics(db)),
  );
  app.get(
    "/public/statistics.csv",
    {
      schema: { ...base, description: "The open statistics as CSV, one row per count (see the dictionary)." },
    },
    async (req, reply) => {
      const csv = statisticsCsv(publicStatistics.parse(await statistics(db)));
      reply.header("content-disposition", 'attachment; filename="cams-statistics.csv"');
      return sendText(req, reply, csv, "text/csv; charset=utf-8");
    },
  );
  app.get(
    "/public/statistics/dictionary.json",
    {
      schema: {
        ...base,
        description: "The published data dictionary of the open statistics.",
        response: { 200: publicDictionary },
      },
    },
    async (req, reply) => sendCached(req, reply, publicDictionary, DICTIONARY),
  );
  app.get(
    "/public/certificates/:code",
    {
      schema: {
        ...base,
        description:
          "Verifies a training certificate by its code: valid or revoked, with the holder and module; 404 for a code CAMS never issued.",
        params: verifyParams,
        response: { 200: certificateVerification },
      },
    },
    // never cached: a revocation must show at once
    async (req, reply) =>
      reply.header("cache-control", "no-store").send(await verifyCertificate(db, req.params.code)),
  );
};

/**
 * Parses the answer through its public schema (dropping any key it does not name), then sends it with an ETag
 * of its bytes: a client or proxy holding the same bytes gets 304.
 */
function sendCached<T extends z.ZodType>(req: FastifyRequest, reply: FastifyReply, schema: T, body: unknown) {
  return sendText(req, reply, JSON.stringify(schema.parse(body)), "application/json; charset=utf-8");
}

function sendText(req: FastifyRequest, reply: FastifyReply, text: string, type: string) {
  const etag = `"${createHash("sha256").update(text).digest("base64url").slice(0, 32)}"`;
  reply
    .header("cache-control", "public, max-age=300")
    .header("etag", etag)
    .header("vary", "accept-encoding")
    // Public data meant for ministries' own websites: any origin may read it (no cookies are involved).
    .header("access-control-allow-origin", "*")
    .header("cross-origin-resource-policy", "cross-origin");
  // RFC 9110 §13.1.2: weak comparison, and "*" matches any current representation
  const given = req.headers["if-none-match"];
  const matches = (t: string) => t === "*" || t.replace(/^W\//, "") === etag;
  if (typeof given === "string" && given.split(",").some((t) => matches(t.trim()))) {
    return reply.status(304).send();
  }
  return reply.type(type).send(text);
}

/**
 * The widget page (/public/widget/:code, served by the web app) is meant for an iframe on a ministry's website,
 * so only it may be framed by another origin; every other page keeps helmet's frame-ancestors 'self'.
 */
export function allowWidgetFraming(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply, payload) => {
    if (!request.url.startsWith("/public/widget/")) return payload;
    reply.removeHeader("x-frame-options");
    const csp = reply.getHeader("content-security-policy");
    if (typeof csp === "string") {
      reply.header("content-security-policy", csp.replace(/frame-ancestors [^;]*/, "frame-ancestors *"));
    }
    return payload;
  });
}
