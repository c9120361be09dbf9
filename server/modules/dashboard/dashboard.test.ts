import { beforeAll, describe, expect, it } from "vitest";
import type { Dashboard } from "../../../common/schemas/dashboard.ts";
import { addDays, courtDay } from "../../platform/clock.ts";
import {
  caseBody,
  decideCase,
  makeOrganisation,
  makeUser,
  referenceIds,
  signedIn,
} from "../../test/factories.ts";
import { call, type Session, testApp } from "../../test/harness.ts";
import { countCaseFigures } from "./dashboard.figures.ts";

/**
 * Issue 6's must-show: every figure of the dashboard equals the total of the case list it drills down to, for
 * the Law Ministry (all cases), a ministry (its own), a ministry's and a law office's organisation dashboard.
 * Cases span two ministries, two courts, every age bucket and every status, with hearings this week and
 * adjourned ones, a stale case, an overdue task and an appeal that became time-barred.
 */
type S = Session & { organisationId: string };
type Fig = { path: string; count: number; drill: Record<string, string> };

const dashboard = (s: Session, query = "") => call(s, { method: "GET", url: `/api/v1/dashboard${query}` });

/** Every { count, drill } in the answer, with where it sits. */
function figures(value: unknown, path = ""): Fig[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => figures(v, `${path}[${i}]`));
  if (!value || typeof value !== "object") return [];
  const o = value as Record<string, unknown>;
  if (typeof o.count === "number" && o.drill && typeof o.drill === "object") {
    return [{ path, count: o.count, drill: o.drill as Record<string, string> }];
  }
  return Object.entries(o).flatMap(([k, v]) => figures(v, path ? `${path}.${k}` : k));
}

async function listTotal(s: Session, drill: Record<string, string>) {
  const qs = new URLSearchParams({ ...drill, pageSize: "1" });
  const res = await call(s, { method: "GET", url: `/api/v1/cases?${qs}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().total as number;
}

async function expectEveryFigureDrillsDown(s: Session, d: Dashboard) {
  const all = figures(d);
  expect(all.length).toBeGreaterThan(20);
  for (const f of all)
    expect(await listTotal(s, f.drill), `${f.path} ${JSON.stringify(f.drill)}`).toBe(f.count);
}

const yearsAgo = (n: number, days = 0) => addDays(courtDay(), -Math.round(n * 365.25) - days);

describe("dashboard", () => {
  let law: S;
  let focalA: S;
  let focalB: S;
  let office: S;
  let officer: { id: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const { handle } = await testApp();
    const ref = await referenceIds();
    const lawOrg = await makeOrganisation("law_ministry", "Law");
    law = await signedIn(["law_ministry"], lawOrg.id);
    focalA = await signedIn(["focal_person"]);
    focalB = await signedIn(["focal_person"]);
    const officeOrg = await makeOrganisation("law_office", "Office");
    office = await signedIn(["assigning_officer"], officeOrg.id);
    officer = await makeUser(officeOrg.id, ["law_officer"], { fullName: "Deputy AG Test" });

    const make = async (who: S, key: string, extra: Record<string, unknown>) => {
      const year = Number(String(extra.filedOn ?? "2025").slice(0, 4));
      const res = await call(who, {
        method: "POST",
        url: "/api/v1/cases",
        body: await caseBody({ year, ...extra }),
      });
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json().id;
      return res.json() as { id: string; version: number };
    };
    // Ministry A: one pending case in every age bucket, in two courts; B: two pending and one decided.
    await make(focalA, "a0", { filedOn: yearsAgo(0, 30), amountInvolved: "1500000.50" });
    await make(focalA, "a1", { filedOn: yearsAgo(2), courtId: ref.court("LHC"), amountInvolved: 250000 });
    await make(focalA, "a3", { filedOn: yearsAgo(4) });
    await make(focalA, "a5", { filedOn: yearsAgo(7), flags: { contempt: true } });
    await make(focalA, "a10", { filedOn: yearsAgo(12) });
    await make(focalA, "noFiled", { year: Number(courtDay().slice(0, 4)) }); // counted from 1 January
    const won = await make(focalA, "won", { filedOn: yearsAgo(1, 10) });
    expect((await decideCase(focalA, won, "in_favour", addDays(courtDay(), -20))).statusCode).toBe(200);
    // decided against long ago and never appealed: its appeal deadline is time-barred, its task overdue
    const lost = await make(focalA, "lost", { filedOn: yearsAgo(3, 10) });
    expect((await decideCase(focalA, lost, "against", addDays(courtDay(), -150))).statusCode).toBe(200);
    await make(focalB, "b1", { filedOn: yearsAgo(1, 40), amountInvolved: 99 });
    await make(focalB, "b2", { filedOn: yearsAgo(6), courtId: ref.court("LHC") });
    const bLost = await make(focalB, "bLost", {});
    expect((await decideCase(focalB, bLost, "against", addDays(courtDay(), -3))).statusCode).toBe(200);

    // stale: flagged, and not updated since
    await handle.db
      .updateTable("cases")
      .set((eb) => ({ stale_flagged_at: eb.ref("updated_at") }))
      .where("id", "=", ids.a3!)
      .execute();
    // assigned to the law office's officer
    await handle.db
      .updateTable("cases")
      .set({ assigned_officer_id: officer.id })
      .where("id", "in", [ids.a1!, ids.b1!])
      .execute();
    const hearing = (caseId: string, date: string, more: Record<string, unknown> = {}) => ({
      case_id: caseId,
      hearing_date: date,
      court_id: ref.court("IHC"),
      created_by: law.userId,
      ...more,
    });
    const adjourned = (reason: string, side: string) => ({
      state: "held",
      outcome: "adjourned",
      adjournment_reason: reason,
      adjourned_at_request_of: side,
    });
    await handle.db
      .insertInto("hearings")
      .values([
        hearing(ids.a0!, courtDay()),
        hearing(ids.a0!, addDays(courtDay(), 2)),
        hearing(ids.a1!, addDays(courtDay(), 2)),
        hearing(ids.a3!, addDays(courtDay(), 8)), // beyond the week
        hearing(ids.b1!, addDays(courtDay(), 6)),
        hearing(
          ids.a5!,
          addDays(courtDay(), -30),
          adjourned("Counsel for the government unwell", "government"),
        ),
        hearing(ids.a5!, addDays(courtDay(), -60), adjourned("Record not received", "court")),
        hearing(ids.a10!, addDays(courtDay(), -20), adjourned("Record not received", "court")),
      ])
      .execute();
    await handle.db
      .insertInto("tasks")
      .values({
        case_id: ids.a10!,
        kind: "other",
        title: "Obtain the record",
        priority: "normal",
        assignee_organisation_id: focalA.organisationId,
        due_on: addDays(courtDay(), -2),
      })
      .execute();
    // the wide-scope figures are pre-counted: count now, after the data (an earlier file may have counted)
    await countCaseFigures(handle.db);
  });

  it("gives a ministry only its own cases, and each figure as many as its list", async () => {
    const res = await dashboard(focalA);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as Dashboard;
    expect(d.pendency.byOrganisation.map((o) => o.organisation.id)).toEqual([focalA.organisationId]);
    expect(d.pendency.total.count).toBe(6);
    expect(Object.fromEntries(d.pendency.byAge.map((b) => [b.bucket, b.count]))).toEqual({
      lt1: 2, // a0 and the case with no filing date (this year's)
      "1to3": 1,
      "3to5": 1,
      "5to10": 1,
      gt10: 1,
    });
    expect(d.exposure.total).toBe("1750000.50");
    expect(d.hearings.total.count).toBe(2);
    expect(d.hearings.byDay[0]?.count).toBe(1);
    expect(d.hearings.byDay[2]?.count).toBe(2);
    expect(d.stale.count).toBe(1);
    expect(d.timeBarred.count).toBe(1);
    expect(d.overdueTasks.count).toBe(2); // the appeal decision and the record
    expect(d.overdueDeadlines.count).toBe(1);
    expect(d.delays.bySide.find((s) => s.side === "court")?.count).toBe(2);
    expect(d.delays.byReason[0]).toMatchObject({ reason: "Record not received", count: 2 });
    const month = d.disposal.at(-1)!;
    expect(d.disposal).toHaveLength(12);
    expect(d.disposal.reduce((s, m) => s + m.disposed.count, 0)).toBe(2);
    expect(d.disposal.reduce((s, m) => s + m.inFavour.count, 0)).toBe(1);
    expect(month.month).toBe(courtDay().slice(0, 7));
    await expectEveryFigureDrillsDown(focalA, d);
  });

  it("gives the Law Ministry every ministry's cases, each figure as many as its list", async () => {
    const res = await dashboard(law);
    expect(res.statusCode).toBe(200);
    const d = res.json() as Dashboard;
    const orgs = d.pendency.byOrganisation.map((o) => o.organisation.id);
    expect(orgs).toEqual(expect.arrayContaining([focalA.organisationId, focalB.organisationId]));
    await expectEveryFigureDrillsDown(law, d);
  });

  it("scopes the executive viewer exactly as its case list is scoped", async () => {
    const exec = await signedIn(["executive_viewer"], (await makeOrganisation("executive", "PMO")).id);
    const res = await dashboard(exec);
    expect(res.statusCode).toBe(200);
    // every non-confidential case, as the Law Ministry's view (DOMAIN.md §2: the executive's dashboards)
    const all = (await dashboard(law)).json() as Dashboard;
    expect((res.json() as Dashboard).pendency.total.count).toBe(all.pendency.total.count);
    await expectEveryFigureDrillsDown(exec, res.json());
  });

  it("gives organisation dashboards within scope: a ministry's, and a law office's assigned cases", async () => {
    const forB = await dashboard(law, `?organisationId=${focalB.organisationId}`);
    expect(forB.statusCode).toBe(200);
    const b = forB.json() as Dashboard;
    expect(b.organisation?.id).toBe(focalB.organisationId);
    expect(b.pendency.total.count).toBe(2);
    expect(b.timeBarred.count).toBe(0); // decided three days ago: still within limitation
    await expectEveryFigureDrillsDown(law, b);

    const own = await dashboard(office, `?organisationId=${office.organisationId}`);
    expect(own.statusCode).toBe(200);
    const o = own.json() as Dashboard;
    expect(o.organisation?.kind).toBe("law_office");
    expect(o.workload).toEqual([
      expect.objectContaining({ officer: { id: officer.id, fullName: "Deputy AG Test" }, count: 2 }),
    ]);
    await expectEveryFigureDrillsDown(office, o);

    // another ministry's dashboard is out of scope: 404, as an unknown organisation is
    expect((await dashboard(focalA, `?organisationId=${focalB.organisationId}`)).statusCode).toBe(404);
    expect((await dashboard(focalA, `?organisationId=${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await dashboard(law, `?organisationId=${crypto.randomUUID()}`)).statusCode).toBe(404);
    const mine = await dashboard(focalA, `?organisationId=${focalA.organisationId}`);
    expect(mine.json().pendency.total.count).toBe(6);
  });

  it("never counts MLA requests", async () => {
    const before = (await dashboard(law)).json();
    const ca = await signedIn(["central_authority"], (await makeOrganisation("central_authority", "CA")).id);
    const res = await call(ca, {
      method: "POST",
      url: "/api/v1/mla/requests",
      body: { kind: "mla_incoming", title: "Incoming request" },
    });
    expect(res.statusCode, res.body).toBe(201);
    await countCaseFigures((await testApp()).handle.db);
    const after = (await dashboard(law)).json();
    expect(after.freshness.countedAt > before.freshness.countedAt).toBe(true);
    expect({ ...after, freshness: null }).toEqual({ ...before, freshness: null });
    expect(JSON.stringify(before)).not.toMatch(/mla/i);
  });

  it("refuses bad query parameters with 400, and anonymous readers with 401", async () => {
    expect((await dashboard(law, "?organisationId=nope")).statusCode).toBe(400);
    for (const bad of [
      "ageBucket=2to4",
      "attention=late",
      "decidedMonth=2025-13",
      "hearingFrom=2025-02-30",
    ]) {
      const res = await call(law, { method: "GET", url: `/api/v1/cases?${bad}` });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().code).toBe("validation_failed");
    }
    expect((await call(null, { method: "GET", url: "/api/v1/dashboard" })).statusCode).toBe(401);
  });
});
