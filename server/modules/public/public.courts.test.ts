import { beforeAll, describe, expect, it } from "vitest";
import { publicCourtList, publicOrganisationPage } from "../../../common/schemas/public.ts";
import { referenceIds } from "../../test/factories.ts";
import { buildWorld, newCase, type World, writtenWays } from "./public.world.ts";

/**
 * The court filter (issue 6 item 4): the courts list, a case number shared by two courts narrowed to one, the
 * organisation page and feed narrowed to one court — and the leak sweep again over the new parameter and
 * endpoint. The world's open and confidential numbers each get a twin in the Lahore High Court.
 */
let w: World;
let forbidden: string[];

beforeAll(async () => {
  w = await buildWorld();
  const ref = await referenceIds();
  const lhc = { courtId: ref.court("LHC"), benchId: ref.bench("LHC", "LHR") };
  const twin = await newCase(w.focal, {
    ...lhc,
    number: w.open.number,
    title: "Shahid Mehmood Abbasi v. Federation of Pakistan through Secretary",
    parties: [
      { side: "petitioner", name: "Shahid Mehmood Abbasi" },
      { side: "respondent", name: "Federation of Pakistan", organisationId: w.orgId },
    ],
  });
  const secretTwin = await newCase(w.focal, {
    ...lhc,
    number: w.secret.number,
    title: `${w.mark}-SECRETLHC v. Federation of Pakistan`,
    flags: { confidential: true },
  });
  forbidden = [...w.forbidden, twin.id, secretTwin.id, `${w.mark}-SECRETLHC`];
}, 120_000);

const get = (url: string, headers: Record<string, string> = {}) =>
  w.app.inject({ method: "GET", url, headers });
const cases = (number: string, court?: string) =>
  `/api/v1/public/cases?number=${encodeURIComponent(number)}${court === undefined ? "" : `&court=${encodeURIComponent(court)}`}`;
const openNumber = () => `W.P. No. ${w.open.number} of 2025`;

describe("the courts list", () => {
  it("lists the active courts in order of precedence, with English and Urdu names and nothing else", async () => {
    const res = await get("/api/v1/public/courts");
    expect(res.statusCode).toBe(200);
    const { items } = publicCourtList.parse(res.json());
    expect(items[0]!.code).toBe("SC");
    expect(items.map((c) => c.code)).toEqual(expect.arrayContaining(["IHC", "LHC", "FST"]));
    for (const court of res.json().items) {
      expect(Object.keys(court).sort()).toEqual(["code", "nameEn", "nameUr"]);
      expect(court.nameUr).toMatch(/[\u0600-\u06ff]/);
    }
  });
});

describe("case status in one court", () => {
  it("narrows a number shared by two courts to the one chosen, whatever the code's case", async () => {
    const both = await get(cases(openNumber()));
    expect(both.json().items.map((i: { court: { code: string } }) => i.court.code)).toEqual(["IHC", "LHC"]);
    for (const [court, expected] of [
      ["LHC", "LHC"],
      ["lhc", "LHC"],
      ["IHC", "IHC"],
    ] as const) {
      const res = await get(cases(openNumber(), court));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items).toHaveLength(1);
      expect(res.json().items[0].court.code).toBe(expected);
      expect(res.json().items[0].title).toBe("S. M. A. v. Federation of Pakistan through Secretary");
    }
  });

  it("answers a known court without the case as no such case, and an unknown court as no such court", async () => {
    const elsewhere = await get(cases(openNumber(), "SC"));
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().detail).toBe("No such case.");
    const unknown = await get(cases(openNumber(), "NOPE"));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers["content-type"]).toMatch(/problem\+json/);
    expect(unknown.json()).toMatchObject({ code: "not_found", detail: "No such court." });
    expect(unknown.json().errors.map((e: { path: string }) => e.path)).toEqual(["querystring.court"]);
    expect(unknown.json().instance).toBeUndefined();
  });

  it("answers a confidential twin in the chosen court exactly as an unknown number there", async () => {
    const secret = await get(cases(`WP ${w.secret.number}/2025`, "LHC"));
    const unknown = await get(cases("WP 9999999/1990", "LHC"));
    expect(secret.statusCode).toBe(404);
    expect(secret.json()).toEqual(unknown.json());
  });
});

describe("organisation page and feed in one court", () => {
  it("lists only that court's pending cases and keeps the counts whole", async () => {
    const base = `/api/v1/public/organisations/${w.orgCode}`;
    const res = await get(`${base}?court=lhc`);
    expect(res.statusCode, res.body).toBe(200);
    const page = publicOrganisationPage.parse(res.json());
    expect(page.pending.items.map((i) => i.court.code)).toEqual(["LHC"]);
    expect(page.pending.total).toBe(1);
    expect(page.total).toBe(2);
    expect(page.byCourt.map((c) => [c.key, c.count])).toEqual([
      ["IHC", 1],
      ["LHC", 1],
    ]);
    const feed = await get(`${base}/feed.json?court=LHC`);
    expect(feed.body).toBe(res.body);
    const none = publicOrganisationPage.parse((await get(`${base}?court=SC`)).json());
    expect(none.pending).toMatchObject({ items: [], total: 0 });
    const all = publicOrganisationPage.parse((await get(base)).json());
    expect(all.pending.total).toBe(2);
  });
});

describe("the court parameter's bad inputs", () => {
  it("answers each with a precise 4xx problem", async () => {
    const org = `/api/v1/public/organisations/${w.orgCode}`;
    const table: [string, number, string, string?][] = [
      [cases(openNumber(), "I H C"), 400, "querystring.court"],
      [cases(openNumber(), ""), 400, "querystring.court"],
      [cases(openNumber(), "<script>"), 400, "querystring.court"],
      [cases(openNumber(), "A".repeat(21)), 400, "querystring.court"],
      [`${cases(openNumber(), "IHC")}&court=LHC`, 400, "querystring.court"],
      [cases("hello", "NOPE"), 400, "querystring.number"],
      [cases(openNumber(), "NOPE"), 404, "querystring.court", "No such court."],
      [`${org}?court=NOPE`, 404, "querystring.court", "No such court."],
      [`${org}/feed.json?court=NOPE`, 404, "querystring.court", "No such court."],
      [`${org}?court=bad!`, 400, "querystring.court"],
      [`${org}/feed.json?court=${"X".repeat(30)}`, 400, "querystring.court"],
      ["/api/v1/public/organisations/NO-SUCH-ORG?court=IHC", 404, "", "No such organisation."],
    ];
    for (const [url, status, at, detail] of table) {
      const res = await get(url);
      expect(res.statusCode, `${url} → ${res.body}`).toBe(status);
      expect(res.headers["content-type"]).toMatch(/problem\+json/);
      if (at) expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(at);
      if (detail) expect(res.json().detail).toBe(detail);
    }
  });
});

describe("never leaks, with a court chosen", () => {
  it("no court, known or not, makes any public endpoint return what the public may not see", async () => {
    const codes = publicCourtList.parse((await get("/api/v1/public/courts")).json()).items.map((c) => c.code);
    const odd = ["NOPE", "ihc", `${w.mark}-SECRET`, "' OR 1=1 --", "%", "_", "../x", "\u202eCHI", ""];
    const numbers = [...writtenWays(w.open.number), ...writtenWays(w.secret.number), w.secret.title];
    const urls = ["/api/v1/public/courts"];
    for (const court of [...codes, ...odd]) {
      const e = encodeURIComponent(court);
      for (const n of numbers) urls.push(cases(n, court));
      urls.push(
        `/api/v1/public/organisations/${w.orgCode}?court=${e}`,
        `/api/v1/public/organisations/${w.orgCode}/feed.json?court=${e}&pageSize=100`,
      );
    }
    let found = 0;
    for (const url of urls) {
      const res = await get(url);
      expect([200, 400, 404], `${url} → ${res.body.slice(0, 300)}`).toContain(res.statusCode);
      for (const bad of forbidden) expect(res.body.includes(bad), `${url} leaked ${bad}`).toBe(false);
      if (url.includes("/public/cases") && res.statusCode === 200) found += 1;
    }
    // the open number, written every way, found in IHC and LHC (by code and by lower-case code)
    expect(found).toBe(writtenWays(w.open.number).length * 3);
  });
});

describe("cacheable", () => {
  it("sends Cache-Control and an ETag on the new answers, and 304 for a matching, weak or * If-None-Match", async () => {
    for (const url of [
      "/api/v1/public/courts",
      cases(openNumber(), "LHC"),
      `/api/v1/public/organisations/${w.orgCode}?court=LHC`,
      `/api/v1/public/organisations/${w.orgCode}/feed.json?court=LHC`,
    ]) {
      const first = await get(url);
      expect(first.statusCode, url).toBe(200);
      expect(first.headers["cache-control"]).toBe("public, max-age=300");
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^".+"$/);
      for (const given of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
        const again = await get(url, { "if-none-match": given });
        expect(again.statusCode, `${url} ${given}`).toBe(304);
        expect(again.headers.etag).toBe(etag);
        expect(again.body).toBe("");
      }
      expect((await get(url, { "if-none-match": '"other"' })).statusCode).toBe(200);
    }
    // another court is another answer, so another tag
    const ihc = await get(cases(openNumber(), "IHC"));
    const lhc = await get(cases(openNumber(), "LHC"));
    expect(ihc.headers.etag).not.toBe(lhc.headers.etag);
  });

  it("documents the courts list and the court filter in OpenAPI, needing no session", async () => {
    const spec = (await get("/api/docs/json")).json();
    expect(spec.paths["/api/v1/public/courts"]?.get.security).toEqual([]);
    for (const path of [
      "/api/v1/public/cases",
      "/api/v1/public/organisations/{code}",
      "/api/v1/public/organisations/{code}/feed.json",
    ]) {
      const names = spec.paths[path].get.parameters.map((p: { name: string }) => p.name);
      expect(names, path).toContain("court");
    }
  });
});
