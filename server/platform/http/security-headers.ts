import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import helmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/**
 * The browser-facing header policy in one place (OWASP ASVS 4.0 V14.4, V8.2.1). The CSP has no 'unsafe-inline'
 * and no 'unsafe-eval': scripts and stylesheets come only from this origin; the <style> elements Mantine adds at
 * run time carry a nonce that the server makes afresh for every index.html it sends.
 */
export type SecurityHeaderOptions = {
  /** Production runs behind TLS: HSTS and upgrade-insecure-requests are sent only there. */
  production: boolean;
};

/** In web/index.html: `<meta property="csp-nonce" nonce="…">`, read by the app through the element's `nonce`. */
export const NONCE_PLACEHOLDER = "__CSP_NONCE__";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Powerful browser features the app never uses, denied to it and to anything it frames or that frames it. */
const PERMISSIONS_POLICY = [
  "accelerometer",
  "autoplay",
  "camera",
  "display-capture",
  "encrypted-media",
  "geolocation",
  "gyroscope",
  "hid",
  "idle-detection",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "picture-in-picture",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

/**
 * Swagger UI's logo is an SVG with its own <style> element (@fastify/swagger-ui 6.1.3:
 * `.logo_small_svg__cls-2{fill:#fff}.logo_small_svg__cls-3{fill:#85ea2d}`); its hash lets exactly that text apply.
 */
const SWAGGER_LOGO_STYLE_HASH = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

type PolicyOptions = SecurityHeaderOptions & { styleNonce?: string; styleHashes?: string[] };

export function contentSecurityPolicy(opts: PolicyOptions): string {
  const directives: string[][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'"],
    ["script-src-attr", "'none'"],
    [
      "style-src",
      "'self'",
      ...(opts.styleNonce ? [`'nonce-${opts.styleNonce}'`] : []),
      ...(opts.styleHashes ?? []),
    ],
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    // the public widget page relaxes this to * (allowWidgetFraming in modules/public)
    ["frame-ancestors", "'self'"],
    ...(opts.production ? [["upgrade-insecure-requests"]] : []),
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/** For @fastify/swagger-ui's `staticCSP` at /api/docs: the same policy, plus the hash of its logo's style. */
export function apiDocsContentSecurityPolicy(opts: SecurityHeaderOptions): string {
  return contentSecurityPolicy({ ...opts, styleHashes: [SWAGGER_LOGO_STYLE_HASH] });
}

export async function registerSecurityHeaders(
  app: FastifyInstance,
  opts: SecurityHeaderOptions,
): Promise<void> {
  const csp = contentSecurityPolicy(opts);
  await app.register(helmet, {
    // set below from one string, so index.html can send the same policy plus its nonce
    contentSecurityPolicy: false,
    strictTransportSecurity: opts.production ? { maxAge: ONE_YEAR_SECONDS, includeSubDomains: true } : false,
    referrerPolicy: { policy: "no-referrer" },
    crossOriginOpenerPolicy: { policy: "same-origin" },
    crossOriginResourcePolicy: { policy: "same-origin" },
    xFrameOptions: { action: "sameorigin" },
  });
  app.addHook("onRequest", async (_request, reply) => {
    reply.header("content-security-policy", csp).header("permissions-policy", PERMISSIONS_POLICY);
  });
  // ASVS 8.2.1: nothing is cached unless its route chose to (public data, static files, iCalendar feeds).
  app.addHook("onSend", async (_request, reply, payload) => {
    if (!reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
    return payload;
  });
}

/**
 * Serves the built React app: hashed files under /assets/ are cached for a year, and every other path outside
 * /api/ gets index.html (client-side routing) with a fresh style nonce in its CSP header and in the page. That
 * page must never be reused from a cache, or its nonce would no longer match the header.
 */
export async function serveWebApp(
  app: FastifyInstance,
  distDir: string,
  opts: SecurityHeaderOptions,
): Promise<void> {
  const indexFile = path.join(distDir, "index.html");
  if (!fs.existsSync(indexFile)) return;
  const page = fs.readFileSync(indexFile, "utf8");
  if (!page.includes(NONCE_PLACEHOLDER)) {
    throw new Error(
      `${indexFile} has no ${NONCE_PLACEHOLDER} placeholder: rebuild the web app (npm run build)`,
    );
  }
  await app.register(fastifyStatic, {
    root: distDir,
    prefix: "/",
    wildcard: false,
    index: false,
    globIgnore: ["index.html"],
    setHeaders: (reply, filePath) => {
      if (filePath.startsWith(path.join(distDir, "assets") + path.sep)) {
        reply.header("cache-control", `public, max-age=${ONE_YEAR_SECONDS}, immutable`);
      }
    },
  });
  app.get("/*", { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith("/api/")) return reply.callNotFound();
    const nonce = randomBytes(16).toString("base64");
    return reply
      .header("content-security-policy", contentSecurityPolicy({ ...opts, styleNonce: nonce }))
      .header("cache-control", "no-store")
      .type("text/html; charset=utf-8")
      .send(page.replaceAll(NONCE_PLACEHOLDER, nonce));
  });
}
