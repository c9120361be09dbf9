import { parse } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { Dashboard } from "../../../common/schemas/dashboard.ts";
import { DASHBOARD_TABLES } from "../../../common/schemas/dashboard-export.ts";
import { addDays, courtDay } from "../../platform/clock.ts";
import { caseBody, makeOrganisation, makeUser, referenceIds, signedIn } from "../../test/factories.ts";
import { call, type Session, testApp } from "../../test/harness.ts";
import { readXlsx } from "../../test/xlsx.ts";
import { dashboardSheet } from "./dashboard.export.ts";

/**
 * Issue 6 item 3 for the dashboard: each of its tables as CSV, XLSX and PDF. The CSV and XLSX read back equal
 * the table in GET /dashboard's answer for the same reader and scope; bad names are 400s naming the field.
 */
type S = Session & { organisationId: string };

const get = (s: Session, url: string) => call(s, { method: "GET", url });
const asText = (rows: (string | number | null)[][]) =>
  rows.map((r) => r.map((c) => (c === null ? "" : String(c))));

describe("dashboard table export", () => {
  let law: S;
  let focal: S;

  beforeAll(async () => {
    const { handle } = await testApp();
    const ref = await referenceIds();
    law = await signedIn(["law_ministry"], (await makeOrganisation("law_ministry", "Law")).id);
    focal = await signedIn(["focal_person"]);
    const officer = await makeUser(focal.organisationId, ["law_officer"], {
      fullName: "Officer Export Test",
    });
    const ids: string[] = [];
    for (const extra of [
      { amountInvolved: "1500000.50", filedOn: addDays(courtDay(), -40) },
      { courtId: ref.court("LHC"), filedOn: addDays(courtDay(), -800) },
      { filedOn: addDays(courtDay(), -3000) },
    ]) {
      const res = await call(focal, { method: "POST", url: "/api/v1/cases", body: await caseBody(extra) });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    await handle.db
      .updateTable("cases")
      .set({ assigned_officer_id: officer.id })
      .where("id", "=", ids[0]!)
      .execute();
    await handle.db
      .insertInto("hearings")
      .values([
        {
          case_id: ids[0]!,
          hearing_date: addDays(courtDay(), 1),
          court_id: ref.court("IHC"),
          created_by: focal.userId,
        },
        {
          case_id: ids[1]!,
          hearing_date: addDays(courtDay(), -9),
          court_id: ref.court("LHC"),
          created_by: focal.userId,
          state: "held",
          outcome: "adjourned",
          adjournment_reason: "=Record not received",
          adjourned_at_request_of: "court",
        },
      ])
      .execute();
  });

  it("writes every table as CSV and XLSX that read back as the dashboard's table", async () => {
    for (const [who, scope] of [
      [law, ""],
      [focal, `&organisationId=${focal.organisationId}`],
    ] as const) {
      const d = (await get(who, `/api/v1/dashboard?${scope.slice(1)}`)).json() as Dashboard;
      for (const table of DASHBOARD_TABLES) {
        const sheet = dashboardSheet(d, table);
        const expected = [sheet.header, ...asText(sheet.rows)];
        const csv = await get(who, `/api/v1/dashboard/export?table=${table}&format=csv${scope}`);
        expect(csv.statusCode, csv.body).toBe(200);
        expect(csv.headers["content-disposition"]).toContain(`dashboard-${table}-`);
        // a cell that would start a formula is read back with the quote that neutralises it
        const unquote = (v: string) => v.replace(/^'(?=[=+\-@])/, "");
        const csvRows = (parse(csv.rawPayload, { bom: true }) as string[][]).map((r) => r.map(unquote));
        expect(csvRows, `${table} csv`).toEqual(expected);
        const xlsx = await get(who, `/api/v1/dashboard/export?table=${table}&format=xlsx${scope}`);
        expect(xlsx.statusCode).toBe(200);
        expect(readXlsx(xlsx.rawPayload, sheet.header.length), `${table} xlsx`).toEqual(expected);
        // a sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]
        const book = strFromU8(unzipSync(new Uint8Array(xlsx.rawPayload))["xl/workbook.xml"]!);
        const sheetName = /<sheet name="([^"]*)"/.exec(book)?.[1] ?? "";
        expect(sheetName.length, table).toBeGreaterThan(0);
        expect(sheetName.length, table).toBeLessThanOrEqual(31);
        expect(sheetName, table).not.toMatch(/[:\\/?*[\]]/);
      }
    }
  });

  it("carries the figures of the JSON, not a copy of its own", async () => {
    const d = (await get(focal, "/api/v1/dashboard")).json() as Dashboard;
    const csv = (table: string) =>
      get(focal, `/api/v1/dashboard/export?table=${table}&format=csv`).then((r) =>
        (parse(r.rawPayload, { bom: true }) as string[][]).slice(1),
      );
    expect(await csv("pendencyByOrganisation")).toEqual(
      d.pendency.byOrganisation.map((o) => [o.organisation.code, o.organisation.nameEn, String(o.count)]),
    );
    expect(d.pendency.total.count).toBe(3);
    // the heat map's rows add up to the pending total, its cells to the heat map's
    const heat = await csv("courtByAge");
    expect(heat.reduce((n, r) => n + Number(r[6]), 0)).toBe(d.pendency.total.count);
    const cells = heat.flatMap((r) => r.slice(1, 6).map(Number)).filter((n) => n > 0);
    expect(cells.sort()).toEqual(d.pendency.heatmap.map((h) => h.count).sort());
    expect(await csv("exposureByOrganisation")).toEqual([
      [expect.any(String), expect.any(String), "3", "1500000.5"],
    ]);
    expect(await csv("delaysByReason")).toEqual([["'=Record not received", "1"]]);
    expect(await csv("workload")).toEqual([["Officer Export Test", "1"]]);
  });

  it("writes a PDF and audits every export", async () => {
    const { handle } = await testApp();
    const res = await get(focal, "/api/v1/dashboard/export?table=courtByAge&format=pdf");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const events = await handle.db
      .selectFrom("audit_events")
      .select(["changes"])
      .where("action", "=", "export.created")
      .where("entity_type", "=", "dashboard_table")
      .where("actor_id", "=", focal.userId)
      .execute();
    expect(events.map((e) => (e.changes as { table: string; format: string }).format)).toContain("pdf");
  });

  it("refuses an unknown table or format with 400 naming the field, another's scope with 404", async () => {
    for (const [qs, field] of [
      ["table=nonsense&format=csv", "table"],
      ["format=csv", "table"],
      ["table=workload&format=docx", "format"],
      ["table=workload", "format"],
      ["table=workload&format=csv&organisationId=not-a-uuid", "organisationId"],
    ] as const) {
      const res = await get(focal, `/api/v1/dashboard/export?${qs}`);
      expect(res.statusCode, qs).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(
        res
          .json()
          .errors.map((e: { path: string }) => e.path)
          .join(),
        qs,
      ).toContain(field);
    }
    const other = await makeOrganisation();
    const res = await get(
      focal,
      `/api/v1/dashboard/export?table=workload&format=csv&organisationId=${other.id}`,
    );
    expect(res.statusCode).toBe(404);
    expect(
      (await call(null, { method: "GET", url: "/api/v1/dashboard/export?table=workload&format=csv" }))
        .statusCode,
    ).toBe(401);
  });
});
