import { beforeAll, describe, expect, it } from "vitest";
import { publicOrganisationPage } from "../../../common/schemas/public.ts";
import { addDays, courtDay } from "../../platform/clock.ts";
import { signedIn } from "../../test/factories.ts";
import { appWith } from "./public.fixtures.ts";
import { buildWorld, type World, writtenWays } from "./public.world.ts";

/**
 * The public face. The must-show: whatever the query, the public endpoints never return a confidential case, an
 * MLA record, a document, a note or an officer. The sweep runs on an app of its own with a high rate limit (the
 * default is 60 a minute per IP); the rate limit is tested on another with a limit of 3. The court filter and
 * the courts list are swept in public.courts.test.ts.
 */
const today = courtDay();
let w: World;

beforeAll(async () => {
  w = await buildWorld();
}, 120_000);

const get = (url: string, headers: Record<string, string> = {}) =>
  w.app.inject({ method: "GET", url, headers });

describe("public face: never leaks", () => {
  it("no query to any public endpoint returns a confidential case, an MLA record, a document, a note, an officer or a user", async () => {
    const queries = [
      ...writtenWays(w.open.number),
      ...writtenWays(w.secret.number),
      w.secret.title,
      w.mlaReference,
      `${w.mark}-MLA`,
      `${w.mark}-SECRET`,
      w.officer.fullName,
      w.officer.id,
      w.users[0]!,
      "Shahid Mehmood Abbasi",
      "' OR 1=1 --",
      `W.P. No. ${w.secret.number} of 2025' OR '1'='1`,
      "1; drop table cases; --",
      "%",
      "_",
      "*",
      "../../etc/passwd",
      "<script>alert(1)</script>",
      "مقدمہ نمبر ۱۲۳۴ سال ۲۰۲۵",
      "🙂🙂🙂",
      "x".repeat(5000),
      "W.P. No. 1 of 2025".repeat(40),
      "\u202e2025/1 PW",
      Math.random().toString(36),
    ];
    const urls: string[] = [];
    for (const q of queries) {
      const e = encodeURIComponent(q);
      urls.push(
        `/api/v1/public/cases?number=${e}`,
        `/api/v1/public/cases?number=${e}&court=IHC`,
        `/api/v1/public/cases?number=W.P.+No.+${w.open.number}+of+2025&court=${e}`,
        `/api/v1/public/organisations/${e}`,
        `/api/v1/public/organisations/${e}/feed.json`,
        `/api/v1/public/organisations/${w.orgCode}?page=${e}`,
        `/api/v1/public/statistics.json?q=${e}`,
      );
    }
    urls.push(
      `/api/v1/public/organisations/${w.orgCode}`,
      `/api/v1/public/organisations/${w.orgCode.toLowerCase()}/feed.json?pageSize=100`,
      "/api/v1/public/statistics.json",
      "/api/v1/public/statistics.csv",
      "/api/v1/public/statistics/dictionary.json",
    );
    let found = 0;
    for (const url of urls) {
      const res = await get(url);
      expect(res.statusCode, `${url} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
      // 414: Fastify's answer to a path segment longer than its router keeps (seen on some runs for the
      // 5,000-character organisation code; others fall through to 404)
      expect([200, 400, 404, 414], url).toContain(res.statusCode);
      for (const bad of w.forbidden) {
        expect(res.body.includes(bad), `${url} leaked ${bad}`).toBe(false);
      }
      if (url.includes("/public/cases") && res.statusCode === 200) found += 1;
    }
    // the open case is found, written every way (alone and with its court), and never with its private name
    expect(found).toBeGreaterThanOrEqual(writtenWays(w.open.number).length * 2);
    // the confidential case answers exactly as an unknown number does
    const secret = await get(`/api/v1/public/cases?number=WP+${w.secret.number}/2025`);
    const unknown = await get("/api/v1/public/cases?number=WP+9999999/1990");
    expect(secret.statusCode).toBe(404);
    expect(secret.json()).toEqual(unknown.json());
  });

  it("answers case status with court, number, masked title, status and next hearing — and nothing else", async () => {
    const res = await get(`/api/v1/public/cases?number=${encodeURIComponent(`WP ${w.open.number}/2025`)}`);
    expect(res.statusCode).toBe(200);
    const [item] = res.json().items;
    expect(item).toEqual({
      court: { code: "IHC", nameEn: expect.any(String), nameUr: expect.any(String) },
      bench: expect.objectContaining({ code: expect.any(String) }),
      organisation: { code: w.orgCode, nameEn: expect.any(String), nameUr: expect.any(String) },
      caseType: { code: "WP", abbreviation: "W.P." },
      number: `W.P. No. ${w.open.number} of 2025`,
      year: 2025,
      title: "S. M. A. v. Federation of Pakistan through Secretary",
      status: "pending",
      nextHearingDate: addDays(today, 12),
    });
  });

  it("shows names unmasked when configured so, still without anything else", async () => {
    const app = await appWith({ CAMS_PUBLIC_MASK_NAMES: "false" });
    const res = await app.inject({
      method: "GET",
      url: `/api/v1/public/cases?number=WP+${w.open.number}/2025`,
    });
    expect(res.json().items[0].title).toBe(
      "Shahid Mehmood Abbasi v. Federation of Pakistan through Secretary",
    );
    expect(res.body).not.toContain(w.officer.id);
    await app.close();
  });
});

describe("organisation page and feed", () => {
  it("counts its public cases and lists the pending ones with next hearings", async () => {
    const res = await get(`/api/v1/public/organisations/${w.orgCode}`);
    expect(res.statusCode).toBe(200);
    const page = publicOrganisationPage.parse(res.json());
    expect(page.total).toBe(1); // the confidential case is not counted
    expect(page.byStatus.find((s) => s.key === "pending")!.count).toBe(1);
    expect(page.byCourt).toEqual([
      { key: "IHC", nameEn: expect.any(String), nameUr: expect.any(String), count: 1 },
    ]);
    expect(page.pending.items.map((i) => [i.number, i.nextHearingDate])).toEqual([
      [`W.P. No. ${w.open.number} of 2025`, addDays(today, 12)],
    ]);
    const feed = await get(`/api/v1/public/organisations/${w.orgCode}/feed.json`);
    expect(feed.json()).toEqual(res.json());
    expect(feed.headers["access-control-allow-origin"]).toBe("*");
  });
});

describe("cacheable, rate-limited, clear 4xx", () => {
  it("sends Cache-Control and an ETag, and 304 for a matching If-None-Match", async () => {
    for (const url of [
      `/api/v1/public/cases?number=WP+${w.open.number}/2025`,
      `/api/v1/public/organisations/${w.orgCode}`,
      "/api/v1/public/statistics.json",
      "/api/v1/public/statistics.csv",
      "/api/v1/public/statistics/dictionary.json",
    ]) {
      const first = await get(url);
      expect(first.statusCode, url).toBe(200);
      expect(first.headers["cache-control"]).toBe("public, max-age=300");
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^".+"$/);
      const again = await get(url, { "if-none-match": etag });
      expect(again.statusCode, url).toBe(304);
      expect(again.body).toBe("");
      expect((await get(url, { "if-none-match": '"other"' })).statusCode).toBe(200);
    }
  });

  it("answers 429 after the limit", async () => {
    const app = await appWith({ CAMS_PUBLIC_RATE_PER_MINUTE: "3" });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (await app.inject({ method: "GET", url: "/api/v1/public/statistics/dictionary.json" })).statusCode,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await app.inject({ method: "GET", url: "/api/v1/public/statistics.json" });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe("rate_limited");
    await app.close();
  });

  it("answers every bad input with a clear 4xx problem", async () => {
    const cases: [string, number, string?][] = [
      ["/api/v1/public/cases", 400, "querystring.number"],
      ["/api/v1/public/cases?number=", 400, "querystring.number"],
      ["/api/v1/public/cases?number=hello", 400, "querystring.number"],
      [`/api/v1/public/cases?number=${"9".repeat(400)}`, 400, "querystring.number"],
      ["/api/v1/public/cases?number=WP+1/2025&court=I+H+C", 400, "querystring.court"],
      ["/api/v1/public/cases?number=WP+1/2025&court=NOPE", 404],
      ["/api/v1/public/cases?number=WP+1/2025&number=WP+2/2025", 400],
      ["/api/v1/public/cases?number=%00", 400],
      ["/api/v1/public/organisations/NO-SUCH-ORG", 404],
      ["/api/v1/public/organisations/..%2F..", 400],
      [`/api/v1/public/organisations/${w.orgCode}?page=0`, 400, "querystring.page"],
      [`/api/v1/public/organisations/${w.orgCode}?pageSize=1000`, 400, "querystring.pageSize"],
      [`/api/v1/public/organisations/${w.orgCode}?page=abc`, 400, "querystring.page"],
      [`/api/v1/public/organisations/${"A".repeat(100)}/feed.json`, 400, "params.code"],
    ];
    for (const [url, status, at] of cases) {
      const res = await get(url);
      expect(res.statusCode, `${url} → ${res.body}`).toBe(status);
      expect(res.headers["content-type"]).toMatch(/problem\+json/);
      expect(res.json().code).toEqual(expect.any(String));
      if (at) expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(at);
    }
  });

  it("lets only the widget page be framed by another site", async () => {
    const widget = await get(`/public/widget/${w.orgCode}`);
    expect(widget.headers["x-frame-options"]).toBeUndefined();
    expect(String(widget.headers["content-security-policy"])).toContain("frame-ancestors *");
    const login = await get("/login");
    expect(login.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(String(login.headers["content-security-policy"])).toContain("frame-ancestors 'self'");
  });

  it("is documented in OpenAPI as needing no session", async () => {
    const spec = (await get("/api/docs/json")).json();
    for (const path of [
      "/api/v1/public/cases",
      "/api/v1/public/organisations/{code}",
      "/api/v1/public/organisations/{code}/feed.json",
      "/api/v1/public/statistics.json",
      "/api/v1/public/statistics.csv",
      "/api/v1/public/statistics/dictionary.json",
    ]) {
      expect(spec.paths[path]?.get.security, path).toEqual([]);
    }
  });

  it("needs no session, and a session changes nothing", async () => {
    const focal = await signedIn(["focal_person"]);
    const url = `/api/v1/public/organisations/${w.orgCode}`;
    const anonymous = await get(url);
    const signed = await get(url, { cookie: focal.cookie });
    expect(anonymous.statusCode).toBe(200);
    expect(signed.body).toBe(anonymous.body);
  });
});
