import { describe, expect, it } from "vitest";
import type { ListedHearingDto } from "../../../common/schemas/hearings.ts";
import { caseBody, makeOrganisation, makeUser, referenceIds, signedIn } from "../../test/factories.ts";
import { call, type Session } from "../../test/harness.ts";
import { expectBadQueries, expectFilesEqual, exportEvents, get, readCsv } from "../../test/table-export.ts";
import { refuseIfCapped } from "../exports/export.table.ts";
import { causeListSheet } from "./causelist.export.ts";

/** Issue 6 item 3 for the cause list: GET /cause-list/export is GET /cause-list's rows as CSV or XLSX. */
const DAY = "2027-02-15";
const list = async (who: Session, qs: string) =>
  (await get(who, `/api/v1/cause-list?${qs}`)).json() as { date: string; items: ListedHearingDto[] };

describe("cause list export", () => {
  it("writes the day's rows as CSV and XLSX, with its filters, flags included, audited", async () => {
    const focal = await signedIn(["focal_person"]);
    const solicitor = await signedIn(["law_ministry"]);
    const stranger = await signedIn(["focal_person"]);
    const office = await makeOrganisation("law_office", "Export office");
    const officer = await makeUser(office.id, ["law_officer"], { fullName: "Export Counsel" });
    const ref = await referenceIds();
    const ids: string[] = [];
    for (const [court, title] of [
      ["IHC", "Export v. Cause List (1)"],
      ["IHC", "Export v. Cause List — اردو"],
      ["LHC", "@Export v. Cause List (3)"],
    ] as const) {
      const c = await call(focal, {
        method: "POST",
        url: "/api/v1/cases",
        body: await caseBody({ courtId: ref.court(court), title }),
      });
      await call(solicitor, {
        method: "POST",
        url: `/api/v1/cases/${c.json().id}/assignment`,
        body: { version: 1, officerId: officer.id, reason: "Listed counsel" },
      });
      ids.push(c.json().id);
    }
    for (const [i, time] of [
      [0, "09:00"],
      [1, "09:00"],
      [2, "11:30"],
    ] as const) {
      const h = await call(focal, {
        method: "POST",
        url: `/api/v1/cases/${ids[i]}/hearings`,
        body: { date: DAY, time },
      });
      expect(h.statusCode, h.body).toBe(201);
    }

    for (const qs of [
      `date=${DAY}&officerId=${officer.id}`,
      `date=${DAY}&officerId=${officer.id}&courtId=${ref.court("LHC")}`,
    ]) {
      const l = await list(focal, qs);
      await expectFilesEqual(
        focal,
        `/api/v1/cause-list/export?${qs}`,
        causeListSheet(l.date, l.items),
        `cause-list-${DAY}`,
      );
    }
    const csv = readCsv(
      (await get(focal, `/api/v1/cause-list/export?date=${DAY}&officerId=${officer.id}&format=csv`))
        .rawPayload,
    );
    expect(csv).toHaveLength(4);
    expect(csv[1]!.at(-1)).toContain("two hearings at one time");
    expect(csv.slice(1).map((r) => r[7])).toEqual(["Export Counsel", "Export Counsel", "Export Counsel"]);

    // another organisation's reader: the same day and officer give a header and nothing else
    const theirs = readCsv(
      (await get(stranger, `/api/v1/cause-list/export?date=${DAY}&officerId=${officer.id}&format=csv`))
        .rawPayload,
    );
    expect(theirs).toEqual([causeListSheet(DAY, []).header]);

    const events = await exportEvents(focal.userId, "cause_list");
    expect(events.at(-1)).toEqual({
      format: "csv",
      rows: 3,
      filters: { date: DAY, officerId: officer.id },
    });
  });

  it("400 for a bad format, date or filter naming the field (the PDF is /cause-list.pdf), 401 anonymous", async () => {
    const focal = await signedIn(["focal_person"]);
    await expectBadQueries(focal, "/api/v1/cause-list/export", [
      [`date=${DAY}`, "format"],
      [`date=${DAY}&format=pdf`, "format"],
      ["format=csv", "date"],
      ["format=csv&date=15-02-2027", "date"],
      [`format=csv&date=${DAY}&courtId=ihc`, "courtId"],
      [`format=xlsx&date=${DAY}&officerId=1`, "officerId"],
    ]);
    expect((await get(null, `/api/v1/cause-list/export?date=${DAY}&format=csv`)).statusCode).toBe(401);
  });
});

describe("a list at its limit", () => {
  it("is refused with 422 export_too_large telling the reader to narrow it", () => {
    expect(() => refuseIfCapped(4999, 5000, "Choose a court.")).not.toThrow();
    const refused = (() => {
      try {
        refuseIfCapped(5000, 5000, "Choose a court.");
      } catch (e) {
        return e as { status: number; code: string; message: string };
      }
    })();
    expect(refused).toMatchObject({ status: 422, code: "export_too_large" });
    expect(refused?.message).toContain("Choose a court.");
  });
});
