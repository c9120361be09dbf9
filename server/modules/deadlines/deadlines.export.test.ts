import { describe, expect, it } from "vitest";
import type { Deadline } from "../../../common/schemas/deadlines.ts";
import { addDays, courtDay } from "../../platform/clock.ts";
import { caseBody, decideCase, signedIn } from "../../test/factories.ts";
import { call, type Session } from "../../test/harness.ts";
import {
  expectBadQueries,
  expectFilesEqual,
  expectPdf,
  exportEvents,
  get,
  readCsv,
} from "../../test/table-export.ts";
import { deadlineSheet } from "./deadlines.export.ts";

/** Issue 6 item 3 for the deadlines list: GET /deadlines/export is GET /deadlines's rows as a file. */
async function decidedCase(focal: Session, daysAgo: number, title: string) {
  const c = await call(focal, { method: "POST", url: "/api/v1/cases", body: await caseBody({ title }) });
  expect(c.statusCode, c.body).toBe(201);
  const res = await decideCase(focal, c.json(), "against", addDays(courtDay(), -daysAgo));
  expect(res.statusCode, res.body).toBe(200);
}
const list = async (who: Session, qs: string) =>
  ((await get(who, `/api/v1/deadlines?${qs}`)).json() as { items: Deadline[] }).items;

describe("deadlines list export", () => {
  it("writes the list's rows as CSV, XLSX and PDF for the same window, audited; another's are not in it", async () => {
    const focal = await signedIn(["focal_person"]);
    const stranger = await signedIn(["focal_person"]);
    await decidedCase(focal, 2, "Export v. Deadline (recent)");
    await decidedCase(focal, 15, "+Export v. Deadline (older)");
    await decidedCase(stranger, 3, "Stranger v. Not Exported");

    for (const qs of ["withinDays=366", "withinDays=0", ""]) {
      const items = await list(focal, qs);
      await expectFilesEqual(focal, `/api/v1/deadlines/export?${qs}`, deadlineSheet(items), "deadlines");
    }
    const all = await list(focal, "withinDays=366");
    expect(all.length).toBe(2);
    const csv = readCsv((await get(focal, "/api/v1/deadlines/export?withinDays=366&format=csv")).rawPayload);
    expect(csv.slice(1).map((r) => r[4])).toEqual(all.map((d) => d.caseTitle));
    expect(csv.flat().join()).not.toContain("Stranger");
    expect(csv[0]).toEqual(deadlineSheet([]).header);
    await expectPdf(focal, "/api/v1/deadlines/export?withinDays=366&format=pdf");

    const events = await exportEvents(focal.userId, "deadline_list");
    expect(events.at(-1)).toEqual({ format: "pdf", rows: 2, filters: { withinDays: 366 } });
    expect(events).toHaveLength(8);
  });

  it("400 for a bad format or window naming the field, 401 anonymous", async () => {
    const focal = await signedIn(["focal_person"]);
    await expectBadQueries(focal, "/api/v1/deadlines/export", [
      ["withinDays=30", "format"],
      ["format=docx", "format"],
      ["format=csv&withinDays=400", "withinDays"],
      ["format=csv&withinDays=-1", "withinDays"],
      ["format=csv&withinDays=soon", "withinDays"],
    ]);
    expect((await get(null, "/api/v1/deadlines/export?format=csv")).statusCode).toBe(401);
  });
});
