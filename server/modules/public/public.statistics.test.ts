import { parse as parseCsv } from "csv-parse/sync";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { publicStatistics } from "../../../common/schemas/public.ts";
import { addDays, courtDay } from "../../platform/clock.ts";
import { caseBody, signedIn } from "../../test/factories.ts";
import { call, type Session, testApp } from "../../test/harness.ts";
import { countCaseFigures } from "../dashboard/dashboard.figures.ts";
import { appWith } from "./public.fixtures.ts";

/** The open statistics: the counts of non-confidential cases, the same in JSON and CSV, and their dictionary. */
let app: FastifyInstance;
const get = (url: string) => app.inject({ method: "GET", url });

async function register(who: Session, overrides: Record<string, unknown>) {
  const res = await call(who, { method: "POST", url: "/api/v1/cases", body: await caseBody(overrides) });
  expect(res.statusCode, res.body).toBe(201);
}

beforeAll(async () => {
  const focal = await signedIn(["focal_person"]);
  // filed a month, two years and twelve years ago (relative, so the buckets hold whenever the test runs)
  for (const days of [30, 730, 4380]) {
    const filedOn = addDays(courtDay(), -days);
    await register(focal, { filedOn, year: Number(filedOn.slice(0, 4)) });
  }
  await register(focal, { filedOn: null, year: 2025 });
  await register(focal, { filedOn: "2013-02-01", year: 2013, flags: { confidential: true } });
  // the statistics are read from the pre-count: count now, after the cases (an earlier file may have counted)
  await countCaseFigures((await testApp()).handle.db);
  app = await appWith({ CAMS_PUBLIC_RATE_PER_MINUTE: "100000" });
}, 120_000);

describe("open statistics", () => {
  async function expected() {
    const { handle } = await testApp();
    const rows = await sql<{ dim: string; key: string; n: number }>`
      select 'organisation' as dim, o.code as key, count(*)::int as n from cases c
        join organisations o on o.id = c.organisation_id where not c.is_confidential group by o.code
      union all select 'court', ct.code, count(*)::int from cases c join courts ct on ct.id = c.court_id
        where not c.is_confidential group by ct.code
      union all select 'status', c.status, count(*)::int from cases c where not c.is_confidential group by c.status
      union all select 'year', coalesce(extract(year from c.filed_on)::int, c.year)::text, count(*)::int
        from cases c where not c.is_confidential group by 2
      union all select 'total', '', count(*)::int from cases c where not c.is_confidential
      union all select 'all', '', count(*)::int from cases c`.execute(handle.db);
    return rows.rows;
  }

  it("equal the counts of non-confidential cases, and the CSV says the same as the JSON", async () => {
    const json = publicStatistics.parse((await get("/api/v1/public/statistics.json")).json());
    const want = await expected();
    const total = want.find((r) => r.dim === "total")!.n;
    expect(json.total).toBe(total);
    expect(want.find((r) => r.dim === "all")!.n).toBeGreaterThan(total); // the confidential case is left out
    for (const [dim, list] of [
      ["organisation", json.byOrganisation],
      ["court", json.byCourt],
      ["status", json.byStatus.filter((s) => s.count > 0)],
      ["year", json.byYearFiled],
    ] as const) {
      const mine = Object.fromEntries(want.filter((r) => r.dim === dim).map((r) => [r.key, r.n]));
      expect(Object.fromEntries(list.map((c) => [c.key, c.count])), dim).toEqual(mine);
    }
    expect(json.byYearFiled.reduce((a, y) => a + y.count, 0)).toBe(total);
    const pending = json.byStatus.find((s) => s.key === "pending")!.count;
    expect(json.byAgeBucket.map((b) => b.key)).toEqual(["under_1", "1_3", "3_5", "5_10", "over_10"]);
    expect(json.byAgeBucket.reduce((a, b) => a + b.count, 0)).toBe(pending);
    const age = Object.fromEntries(json.byAgeBucket.map((b) => [b.key, b.count]));
    expect(age.under_1).toBeGreaterThanOrEqual(1);
    expect(age["1_3"]).toBeGreaterThanOrEqual(1);
    expect(age.over_10).toBeGreaterThanOrEqual(1);

    const csv = await get("/api/v1/public/statistics.csv");
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    const records = parseCsv(csv.body, { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual(["dimension", "key", "name_en", "name_ur", "count", "as_of"]);
    const fromCsv = (dim: string) =>
      records.filter((r) => r.dimension === dim).map((r) => ({ key: r.key, count: Number(r.count) }));
    expect(fromCsv("total")).toEqual([{ key: "", count: json.total }]);
    const pick = (l: { key: string; count: number }[]) => l.map(({ key, count }) => ({ key, count }));
    expect(fromCsv("organisation")).toEqual(pick(json.byOrganisation));
    expect(fromCsv("court")).toEqual(pick(json.byCourt));
    expect(fromCsv("status")).toEqual(pick(json.byStatus));
    expect(fromCsv("year_filed")).toEqual(pick(json.byYearFiled));
    expect(fromCsv("age_bucket")).toEqual(pick(json.byAgeBucket));
  });

  it("publishes a data dictionary naming every field", async () => {
    const dict = (await get("/api/v1/public/statistics/dictionary.json")).json();
    const json = dict.files.find((f: { path: string }) => f.path.endsWith("statistics.json"));
    const names = json.fields.map((f: { name: string }) => f.name);
    expect(names).toEqual(
      expect.arrayContaining(["asOf", "countedAt", "total", "key", "nameEn", "nameUr", "count"]),
    );
    for (const f of [...json.fields, ...dict.files[1].fields]) {
      expect(f).toEqual({
        name: expect.any(String),
        type: expect.any(String),
        meaning: expect.any(String),
        source: expect.any(String),
      });
    }
  });

  it("are pre-counted: a new case shows after the next count, and countedAt says when it was made", async () => {
    const before = publicStatistics.parse((await get("/api/v1/public/statistics.json")).json());
    expect(Date.now() - Date.parse(before.countedAt)).toBeLessThan(120_000);
    await register(await signedIn(["focal_person"]), {});
    const same = publicStatistics.parse((await get("/api/v1/public/statistics.json")).json());
    expect(same.total).toBe(before.total);
    await countCaseFigures((await testApp()).handle.db);
    const after = publicStatistics.parse((await get("/api/v1/public/statistics.json")).json());
    expect(after.total).toBe(before.total + 1);
    expect(Date.parse(after.countedAt)).toBeGreaterThan(Date.parse(before.countedAt));
  });
});
