import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { mlaSummary } from "../../../common/schemas/mla.ts";
import { signedIn } from "../../test/factories.ts";
import { call, type Session } from "../../test/harness.ts";
import {
  expectBadQueries,
  expectFilesEqual,
  expectPdf,
  exportEvents,
  get,
  readCsv,
} from "../../test/table-export.ts";
import { readXlsx } from "../../test/xlsx.ts";
import { registerSheet } from "./mla.register.export.ts";

/**
 * Issue 6 item 3 for the MLA register: GET /mla/requests/export is GET /mla/requests's rows (its presenter,
 * its mlaScope) as a file — an agency's file never holds another agency's request.
 */
type Summary = z.infer<typeof mlaSummary>;
async function open(who: Session, kind: string, title: string) {
  const res = await call(who, { method: "POST", url: "/api/v1/mla/requests", body: { kind, title } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Summary;
}
const list = async (who: Session, qs: string) =>
  ((await get(who, `/api/v1/mla/requests?${qs}`)).json() as { items: Summary[] }).items;

describe("MLA register export", () => {
  it("an agency officer's export holds their agency's requests and never another's", async () => {
    const fia = await signedIn(["requesting_agency"]);
    const other = await signedIn(["requesting_agency"]);
    const ca = await signedIn(["central_authority"]);
    const mine = [
      await open(fia, "preservation", "Export preservation — Facebook account"),
      await open(fia, "mla_outgoing", '=Export MLA request, "bank records"'),
    ];
    const theirs = await open(other, "preservation", "Other agency's secret preservation");

    for (const qs of ["", "kind=preservation", "kind=preservation&state=draft"]) {
      const items = await list(fia, qs);
      await expectFilesEqual(fia, `/api/v1/mla/requests/export?${qs}`, registerSheet(items), "mla-register");
      const url = `/api/v1/mla/requests/export?${qs}${qs ? "&" : ""}format=`;
      const csvCells = readCsv((await get(fia, `${url}csv`)).rawPayload).flat();
      const xlsxCells = readXlsx((await get(fia, `${url}xlsx`)).rawPayload, 8).flat();
      for (const cells of [csvCells, xlsxCells]) {
        expect(cells).not.toContain(theirs.reference);
        expect(cells).not.toContain(theirs.title);
      }
    }
    const csv = readCsv((await get(fia, "/api/v1/mla/requests/export?format=csv")).rawPayload);
    expect(
      csv
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(mine.map((r) => r.reference).sort());
    expect(csv.flat().join()).not.toContain("secret");

    // the Central Authority sees every agency's; the fields are the list's own (no draft, no case)
    const all = readCsv(
      (await get(ca, "/api/v1/mla/requests/export?kind=preservation&format=csv")).rawPayload,
    );
    const refs = all.slice(1).map((r) => r[0]);
    expect(refs).toEqual(expect.arrayContaining([mine[0]!.reference, theirs.reference]));
    expect(all[0]).toEqual([
      "Reference",
      "Kind",
      "State",
      "Title",
      "Agency code",
      "Agency",
      "In state since (UTC)",
      "Updated (UTC)",
    ]);
    await expectPdf(ca, "/api/v1/mla/requests/export?format=pdf");

    const events = await exportEvents(fia.userId, "mla_register");
    expect(events.at(-1)).toEqual({ format: "csv", rows: 2, filters: {} });
    expect(events.find((e) => e.format === "xlsx")).toMatchObject({ rows: 2, filters: {} });
  });

  it("400 for a bad format or filter naming the field, 401 anonymous", async () => {
    const fia = await signedIn(["requesting_agency"]);
    await expectBadQueries(fia, "/api/v1/mla/requests/export", [
      ["kind=preservation", "format"],
      ["format=docx", "format"],
      ["format=csv&kind=letter", "kind"],
      ["format=csv&caseId=nope", "caseId"],
      [`format=csv&state=${"x".repeat(65)}`, "state"],
    ]);
    expect((await get(null, "/api/v1/mla/requests/export?format=csv")).statusCode).toBe(401);
  });
});
