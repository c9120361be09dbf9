import { describe, expect, it } from "vitest";
import { caseBody, referenceIds, signedIn } from "../../../test/factories.ts";
import { call, type Session, testApp } from "../../../test/harness.ts";
import { readListedDate, readListedTime } from "./listed-values.ts";

async function newCase(focal: Session, number: number) {
  const res = await call(focal, {
    method: "POST",
    url: "/api/v1/cases",
    body: await caseBody({ number, year: 2025 }),
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const preview = async (who: Session, content: string, court = "IHC") =>
  call(who, {
    method: "POST",
    url: "/api/v1/cause-list/imports",
    body: { courtId: (await referenceIds()).court(court), format: "csv", fileName: "ihc-list.csv", content },
  });

describe("importing a court's cause list", () => {
  it("previews matched, already listed and unmatched rows; the commit creates each hearing once, and a second import nothing", async () => {
    const focal = await signedIn(["focal_person"]);
    const n = 7_000_000 + Math.floor(Math.random() * 900_000);
    const mine = await newCase(focal, n);
    const other = await signedIn(["focal_person"]);
    await newCase(other, n + 1);
    const csv = [
      "Sr. No.,Case No.,Date,Time,Purpose,Coram",
      `1,W.P. No. ${n} of 2025,15-01-2027,9:30 AM,Arguments,Justice A`,
      `2,"WP ${n}/2025",15/01/2027,,Arguments,Justice A`,
      `3,W.P. No. ${n} of 2025,31-06-2027,,,`,
      "4,Writ of something,15-01-2027,,,",
      `5,W.P. No. ${n + 1} of 2025,15-01-2027,,,`,
      `6,W.P. No. ${n + 2} of 2025,15-01-2027,,,`,
    ].join("\r\n");
    const first = await preview(focal, csv);
    expect(first.statusCode).toBe(201);
    const rows = first.json().rows;
    expect(rows.map((r: { status: string; reason: string | null }) => [r.status, r.reason])).toEqual([
      ["matched", null],
      ["listed", null], // the same case and day twice in one file
      ["unmatched", "bad_row"], // 31 June
      ["unmatched", "unparsable_number"],
      ["unmatched", "no_case"], // another ministry's case is not found, not named
      ["unmatched", "no_case"],
    ]);
    expect(rows[0]).toMatchObject({ date: "2027-01-15", time: "09:30", serial: 1, case: { id: mine } });
    expect(first.json().counts).toEqual({ matched: 1, listed: 1, unmatched: 4 });

    const committed = await call(focal, {
      method: "POST",
      url: `/api/v1/cause-list/imports/${first.json().importId}/commit`,
    });
    expect(committed.json()).toMatchObject({ created: 1, skipped: 0 });
    const again = await call(focal, {
      method: "POST",
      url: `/api/v1/cause-list/imports/${first.json().importId}/commit`,
    });
    expect(again.statusCode).toBe(409);

    const second = await preview(focal, csv);
    expect(second.json().counts).toEqual({ matched: 0, listed: 2, unmatched: 4 });
    const none = await call(focal, {
      method: "POST",
      url: `/api/v1/cause-list/imports/${second.json().importId}/commit`,
    });
    expect(none.json()).toMatchObject({ created: 0 });
    const hearings = (await call(focal, { method: "GET", url: `/api/v1/cases/${mine}/hearings` })).json()
      .items;
    expect(hearings.map((h: { date: string; time: string | null }) => [h.date, h.time])).toEqual([
      ["2027-01-15", "09:30"],
    ]);

    // someone else's import cannot be committed: it answers as unknown
    const stranger = await call(other, {
      method: "POST",
      url: `/api/v1/cause-list/imports/${second.json().importId}/commit`,
    });
    expect(stranger.statusCode).toBe(404);
  });

  it("refuses a file without the date and case columns, or one that is not CSV", async () => {
    const focal = await signedIn(["focal_person"]);
    const noHeader = await preview(focal, "Item,Parties\n1,A v B\n");
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().errors[0]).toMatchObject({ path: "body.content" });
    expect(noHeader.json().errors[0].message).toMatch(/case number and date/);
    const broken = await preview(focal, 'Case,Date\n"W.P. 1 of 2025,01-01-2027\n');
    expect(broken.statusCode).toBe(400);
    // a refused file leaves nothing behind: no import kept, nothing scheduled
    const { handle } = await testApp();
    const kept = await handle.db
      .selectFrom("hearing_imports")
      .select("id")
      .where("created_by", "=", focal.userId)
      .execute();
    expect(kept).toEqual([]);
  });

  it("reads dates and times as cause lists print them", () => {
    expect(readListedDate("22-11-2026")).toBe("2026-11-22");
    expect(readListedDate("22/11/26")).toBe("2026-11-22");
    expect(readListedDate("22.11.2026")).toBe("2026-11-22");
    expect(readListedDate("22 Nov 2026")).toBe("2026-11-22");
    expect(readListedDate("22-November-2026")).toBe("2026-11-22");
    expect(readListedDate("2026-11-22")).toBe("2026-11-22");
    expect(readListedDate("31-06-2026")).toBeNull();
    expect(readListedDate("11/22/2026")).toBeNull(); // month first is not how Pakistani lists write it
    expect(readListedDate("tomorrow")).toBeNull();
    expect(readListedTime("9:30")).toBe("09:30");
    expect(readListedTime("2.15 p.m.")).toBe("14:15");
    expect(readListedTime("12:00 AM")).toBe("00:00");
    expect(readListedTime("")).toBeNull();
    expect(readListedTime("25:00")).toBeUndefined();
    expect(readListedTime("13:00 pm")).toBeUndefined();
  });
});
