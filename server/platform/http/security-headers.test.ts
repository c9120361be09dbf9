import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowWidgetFraming } from "../../modules/public/public.routes.ts";
import { signedIn } from "../../test/factories.ts";
import { call } from "../../test/harness.ts";
import { NONCE_PLACEHOLDER, registerSecurityHeaders, serveWebApp } from "./security-headers.ts";

/**
 * The header policy on the whole app (API and public API through the test app), and on the web app's pages
 * through a small app serving a temporary dist folder, so these tests do not depend on `npm run build`.
 */
const csp = (res: LightMyRequestResponse) => String(res.headers["content-security-policy"]);
const directive = (res: LightMyRequestResponse, name: string) =>
  csp(res)
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.split(" ")[0] === name);

function expectStrictCommonHeaders(res: LightMyRequestResponse) {
  expect(csp(res)).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes/);
  expect(directive(res, "default-src")).toBe("default-src 'self'");
  expect(directive(res, "script-src")).toBe("script-src 'self'");
  expect(directive(res, "object-src")).toBe("object-src 'none'");
  expect(directive(res, "base-uri")).toBe("base-uri 'self'");
  expect(directive(res, "form-action")).toBe("form-action 'self'");
  expect(directive(res, "img-src")).toBe("img-src 'self' data:");
  expect(directive(res, "connect-src")).toBe("connect-src 'self'");
  expect(res.headers["x-content-type-options"]).toBe("nosniff");
  expect(res.headers["referrer-policy"]).toBe("no-referrer");
  expect(res.headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(String(res.headers["permissions-policy"])).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
}

describe("security headers on the API", () => {
  it("an authenticated answer is strict, same-origin only, and never cached", async () => {
    const officer = await signedIn(["law_officer"]);
    const res = await call(officer, { method: "GET", url: "/api/v1/auth/session" });
    expect(res.statusCode).toBe(200);
    expectStrictCommonHeaders(res);
    expect(directive(res, "style-src")).toBe("style-src 'self'");
    expect(directive(res, "frame-ancestors")).toBe("frame-ancestors 'self'");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(res.headers["cross-origin-resource-policy"]).toBe("same-origin");
    expect(res.headers["cache-control"]).toBe("no-store");
    // a plain http test app: no HSTS, no upgrade of requests
    expect(res.headers["strict-transport-security"]).toBeUndefined();
    expect(directive(res, "upgrade-insecure-requests")).toBeUndefined();
  });

  it("an error answer is not cached either", async () => {
    const res = await call(null, { method: "GET", url: "/api/v1/auth/session" });
    expect(res.statusCode).toBe(401);
    expect(res.headers["cache-control"]).toBe("no-store");
    expectStrictCommonHeaders(res);
  });

  it("the public API stays readable by any site and keeps its own public caching", async () => {
    const res = await call(null, { method: "GET", url: "/api/v1/public/statistics/dictionary.json" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    expect(res.headers["cross-origin-resource-policy"]).toBe("cross-origin");
    expect(res.headers["cache-control"]).toBe("public, max-age=300");
    expectStrictCommonHeaders(res);
  });
});

describe("security headers on the web app", () => {
  let dist: string;
  let web: FastifyInstance;
  let production: FastifyInstance;
  const page = (app: FastifyInstance, url: string) => app.inject({ method: "GET", url });

  async function webApp(isProduction: boolean) {
    const app = Fastify({ logger: false });
    allowWidgetFraming(app);
    await registerSecurityHeaders(app, { production: isProduction });
    await serveWebApp(app, dist, { production: isProduction });
    await app.ready();
    return app;
  }

  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), "cams-web-dist-"));
    fs.mkdirSync(path.join(dist, "assets"));
    fs.writeFileSync(
      path.join(dist, "index.html"),
      `<!doctype html><html><head><meta property="csp-nonce" nonce="${NONCE_PLACEHOLDER}" />` +
        `<script type="module" src="/assets/app-1a2b3c.js"></script></head><body><div id="root"></div></body></html>`,
    );
    fs.writeFileSync(path.join(dist, "assets", "app-1a2b3c.js"), "export {};\n");
    fs.writeFileSync(path.join(dist, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
    web = await webApp(false);
    production = await webApp(true);
  });

  afterAll(async () => {
    await web.close();
    await production.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it("index.html carries a fresh style nonce, the same in its header and in the page, and is never cached", async () => {
    const nonces = new Set<string>();
    for (const url of ["/", "/index.html", "/cases", "/cases/123?tab=hearings", "/login"]) {
      const res = await page(web, url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expectStrictCommonHeaders(res);
      const nonce = /^style-src 'self' 'nonce-([A-Za-z0-9+/=]{24})'$/.exec(
        directive(res, "style-src") ?? "",
      )?.[1];
      expect(nonce, url).toBeDefined();
      expect(res.body).toContain(`nonce="${nonce}"`);
      expect(res.body).not.toContain(NONCE_PLACEHOLDER);
      expect(res.headers["cache-control"]).toBe("no-store");
      expect(directive(res, "frame-ancestors")).toBe("frame-ancestors 'self'");
      expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
      nonces.add(nonce as string);
    }
    expect(nonces.size).toBe(5);
  });

  it("hashed assets are cached for a year; other files are revalidated", async () => {
    const asset = await page(web, "/assets/app-1a2b3c.js");
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(csp(asset)).not.toContain("nonce-");
    const icon = await page(web, "/favicon.svg");
    expect(icon.statusCode).toBe(200);
    expect(icon.headers["cache-control"]).toBe("public, max-age=0");
  });

  it("only the public widget page may be framed by another site, and it keeps its nonce", async () => {
    const widget = await page(web, "/public/widget/MOLJ?court=IHC");
    expect(widget.statusCode).toBe(200);
    expect(directive(widget, "frame-ancestors")).toBe("frame-ancestors *");
    expect(widget.headers["x-frame-options"]).toBeUndefined();
    expect(csp(widget)).not.toMatch(/unsafe-inline/);
    const nonce = /'nonce-([^']+)'/.exec(csp(widget))?.[1];
    expect(widget.body).toContain(`nonce="${nonce}"`);
    const other = await page(web, "/public/organisations/MOLJ");
    expect(directive(other, "frame-ancestors")).toBe("frame-ancestors 'self'");
  });

  it("API paths are not answered with the web app", async () => {
    const res = await page(web, "/api/v1/nothing-here");
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain("csp-nonce");
  });

  it("in production adds HSTS for a year and upgrades insecure requests", async () => {
    const res = await page(production, "/cases");
    expect(res.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(directive(res, "upgrade-insecure-requests")).toBe("upgrade-insecure-requests");
    expectStrictCommonHeaders(res);
  });

  it("refuses to serve a build whose index.html has no nonce placeholder", async () => {
    const stale = fs.mkdtempSync(path.join(os.tmpdir(), "cams-web-dist-"));
    fs.writeFileSync(path.join(stale, "index.html"), "<!doctype html><html></html>");
    const app = Fastify({ logger: false });
    await expect(serveWebApp(app, stale, { production: false })).rejects.toThrow(/placeholder/);
    await app.close();
    fs.rmSync(stale, { recursive: true, force: true });
  });
});
