import { beforeAll, describe, expect, it } from "vitest";
import type { Dashboard } from "../../../common/schemas/dashboard.ts";
import { ConfigError, loadConfig } from "../../config.ts";
import { addDays, courtDay } from "../../platform/clock.ts";
import { caseBody, makeOrganisation, signedIn } from "../../test/factories.ts";
import { call, type Session, testApp } from "../../test/harness.ts";
import { countCaseFigures } from "./dashboard.figures.ts";
import { dashboardJobs } from "./dashboard.jobs.ts";

/**
 * The pre-count behind wide dashboards: figures wait for the next count (and say when it was made), a
 * confidential case is never pre-counted but counted live for the people named on it, and readers the
 * pre-count cannot scope (a law officer) are counted live. In every case a figure equals its list.
 */
type S = Session & { organisationId: string };
const get = async (s: Session, query = "") => {
  const res = await call(s, { method: "GET", url: `/api/v1/dashboard${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Dashboard;
};
const listTotal = async (s: Session, drill: Record<string, string>) => {
  const res = await call(s, {
    method: "GET",
    url: `/api/v1/cases?${new URLSearchParams({ ...drill, pageSize: "1" })}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().total as number;
};
const db = async () => (await testApp()).handle.db;

describe("pre-counted dashboard figures", () => {
  let law: S;
  let focal: S;
  let secretId: string;

  beforeAll(async () => {
    law = await signedIn(["law_ministry"], (await makeOrganisation("law_ministry", "Law")).id);
    focal = await signedIn(["focal_person"]);
    for (const flags of [{}, {}, { confidential: true }]) {
      const res = await call(focal, {
        method: "POST",
        url: "/api/v1/cases",
        body: await caseBody({ flags }),
      });
      expect(res.statusCode, res.body).toBe(201);
      if ("confidential" in flags) secretId = res.json().id;
    }
    await countCaseFigures(await db());
  });

  it("keeps a figure until the next count, and says when that count was made", async () => {
    const before = await get(focal);
    expect(before.freshness.everyMinutes).toBe(10);
    expect(Date.now() - Date.parse(before.freshness.countedAt ?? "")).toBeLessThan(60_000);
    const res = await call(focal, { method: "POST", url: "/api/v1/cases", body: await caseBody({}) });
    expect(res.statusCode).toBe(201);
    // the new case is in the live list at once, in the figure after the next count
    expect((await get(focal)).pendency.total.count).toBe(before.pendency.total.count);
    expect(await listTotal(focal, before.pendency.total.drill)).toBe(before.pendency.total.count + 1);
    await countCaseFigures(await db());
    const after = await get(focal);
    expect(after.pendency.total.count).toBe(before.pendency.total.count + 1);
    expect(Date.parse(after.freshness.countedAt ?? "")).toBeGreaterThan(
      Date.parse(before.freshness.countedAt ?? ""),
    );
  });

  it("never pre-counts a confidential case, and counts it live for those named on it", async () => {
    const handle = (await testApp()).handle;
    const stored = await handle.db
      .selectFrom("case_figures")
      .select((eb) => eb.fn.sum<string>("cases").as("n"))
      .where("organisation_id", "=", focal.organisationId)
      .where("measure", "=", "pending")
      .executeTakeFirstOrThrow();
    const own = await get(focal); // the focal person created the secret case and is named on it
    expect(Number(stored.n)).toBe(own.pendency.total.count - 1);
    expect(await listTotal(focal, own.pendency.total.drill)).toBe(own.pendency.total.count);

    const forOrg = `?organisationId=${focal.organisationId}`;
    const unnamed = await get(law, forOrg);
    expect(unnamed.pendency.total.count).toBe(own.pendency.total.count - 1);
    await handle.db
      .insertInto("case_access")
      .values({ case_id: secretId, user_id: law.userId, granted_by: focal.userId })
      .execute();
    const named = await get(law, forOrg);
    expect(named.pendency.total.count).toBe(own.pendency.total.count);
    expect(await listTotal(law, named.pendency.total.drill)).toBe(named.pendency.total.count);
  });

  it("counts a law officer's own cases live, each figure as many as its list", async () => {
    const officeOrg = await makeOrganisation("law_office", "Office");
    const officer = await signedIn(["law_officer"], officeOrg.id);
    const handle = (await testApp()).handle;
    const mine = await call(focal, { method: "POST", url: "/api/v1/cases", body: await caseBody({}) });
    await handle.db
      .updateTable("cases")
      .set({ assigned_officer_id: officer.userId })
      .where("id", "=", mine.json().id)
      .execute();
    await handle.db
      .insertInto("hearings")
      .values({
        case_id: mine.json().id,
        hearing_date: addDays(courtDay(), 1),
        court_id: mine.json().court.id,
        created_by: focal.userId,
      })
      .execute();
    const d = await get(officer);
    expect(d.freshness).toEqual({ countedAt: null, everyMinutes: 0 });
    expect(d.pendency.total.count).toBe(1); // live: no count was made since the assignment
    expect(d.hearings.byDay[1]?.count).toBe(1);
    expect(await listTotal(officer, d.hearings.byDay[1]?.drill ?? {})).toBe(1);
    expect(d.workload).toEqual([
      expect.objectContaining({ officer: expect.objectContaining({ id: officer.userId }), count: 1 }),
    ]);
  });

  it("counts again when the count is from an earlier courts' day", async () => {
    const handle = (await testApp()).handle;
    await handle.db
      .updateTable("case_figures_count")
      .set({ court_day: addDays(courtDay(), -1) })
      .execute();
    const d = await get(law);
    const count = await handle.db.selectFrom("case_figures_count").selectAll().executeTakeFirstOrThrow();
    expect(count.court_day).toBe(courtDay());
    expect(d.freshness.countedAt).toBe(count.counted_at.toISOString());
  });

  it("gives two counts at once one whole count, never both halves", async () => {
    const handle = (await testApp()).handle;
    const [a, b] = await Promise.all([countCaseFigures(handle.db), countCaseFigures(handle.db)]);
    const { n } = await handle.db
      .selectFrom("case_figures")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(b.rows);
    expect(a.rows).toBe(b.rows);
  });

  it("is counted on a schedule that divides the hour, and its settings are validated", () => {
    expect(dashboardJobs(null as never, 10)).toEqual([
      expect.objectContaining({ name: "case-figures", cron: "*/10 * * * *" }),
    ]);
    expect(dashboardJobs(null as never, 60)[0]?.cron).toBe("0 * * * *");
    expect(loadConfig({}).dashboardEveryMinutes).toBe(10);
    expect(loadConfig({ CAMS_DASHBOARD_EVERY_MINUTES: "15" }).dashboardEveryMinutes).toBe(15);
    for (const bad of ["0", "7", "90", "often", "2.5"])
      expect(() => loadConfig({ CAMS_DASHBOARD_EVERY_MINUTES: bad }), bad).toThrow(ConfigError);
    expect(loadConfig({}).dbPoolSize).toBe(10);
    expect(loadConfig({ CAMS_DB_POOL_SIZE: "40" }).dbPoolSize).toBe(40);
    for (const bad of ["0", "-3", "many", "1000"])
      expect(() => loadConfig({ CAMS_DB_POOL_SIZE: bad }), bad).toThrow(ConfigError);
  });
});
