import { describe, expect, it } from "vitest";
import { courtDay } from "../../platform/clock.ts";
import { caseBody, makeOrganisation, makeUser, referenceIds, signedIn } from "../../test/factories.ts";
import { call, type Session, testApp } from "../../test/harness.ts";

/** A ministry with cases assigned to one law officer; the test harness sets the daily limit to 3. */
async function officerWithCases(n: number, courts: string[]) {
  const focal = await signedIn(["focal_person"]);
  const solicitor = await signedIn(["law_ministry"]);
  const office = await makeOrganisation("law_office", "Cause list office");
  const officer = await makeUser(office.id, ["law_officer"], { fullName: "Listed Counsel" });
  const ref = await referenceIds();
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const court = courts[i % courts.length]!;
    const c = await call(focal, {
      method: "POST",
      url: "/api/v1/cases",
      body: await caseBody({ courtId: ref.court(court) }),
    });
    const a = await call(solicitor, {
      method: "POST",
      url: `/api/v1/cases/${c.json().id}/assignment`,
      body: { version: 1, officerId: officer.id, reason: "Listed counsel" },
    });
    expect(a.statusCode).toBe(200);
    ids.push(c.json().id);
  }
  return { focal, solicitor, officer, ids };
}

const hear = (who: Session, caseId: string, date: string, time?: string) =>
  call(who, { method: "POST", url: `/api/v1/cases/${caseId}/hearings`, body: { date, time } });

describe("cause lists", () => {
  it("lists a day's hearings and flags an officer before two courts, twice at one time, or over the daily limit", async () => {
    const { focal, officer, ids } = await officerWithCases(4, ["IHC", "IHC", "IHC", "LHC"]);
    const day = "2027-01-11";
    await hear(focal, ids[0]!, day, "09:00");
    await hear(focal, ids[1]!, day, "09:00");
    await hear(focal, ids[2]!, day, "11:00");
    const list = await call(focal, {
      method: "GET",
      url: `/api/v1/cause-list?date=${day}&officerId=${officer.id}`,
    });
    expect(list.statusCode).toBe(200);
    const flags = () =>
      list.json().items.map((h: { case: { id: string }; clashes: string[] }) => [h.case.id, h.clashes]);
    expect(flags()).toEqual([
      [ids[0], ["same_time"]],
      [ids[1], ["same_time"]],
      [ids[2], []],
    ]);
    // a fourth hearing before another court that day: two courts, and over the limit of 3
    await hear(focal, ids[3]!, day);
    const again = (
      await call(focal, { method: "GET", url: `/api/v1/cause-list?date=${day}&officerId=${officer.id}` })
    ).json();
    expect(again.dailyLimit).toBe(3);
    for (const h of again.items) {
      expect(h.clashes).toEqual(expect.arrayContaining(["two_courts", "over_daily_limit"]));
      expect(h.officer).toEqual({ id: officer.id, fullName: "Listed Counsel" });
    }
    const ref = await referenceIds();
    const lhcOnly = (
      await call(focal, { method: "GET", url: `/api/v1/cause-list?date=${day}&courtId=${ref.court("LHC")}` })
    ).json();
    expect(lhcOnly.items.map((h: { case: { id: string } }) => h.case.id)).toEqual([ids[3]]);
  });

  it("prints the cause list as a PDF and records the print", async () => {
    const { focal, officer, ids } = await officerWithCases(1, ["IHC"]);
    const day = "2027-01-13";
    await hear(focal, ids[0]!, day, "10:30");
    const list = (
      await call(focal, { method: "GET", url: `/api/v1/cause-list?date=${day}&officerId=${officer.id}` })
    ).json();
    const url = `/api/v1/cause-list.pdf?date=${day}&officerId=${officer.id}`;
    const pdf = await call(focal, { method: "GET", url });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const body = pdf.rawPayload;
    expect(body.subarray(0, 5).toString()).toBe("%PDF-");
    // the page's text: each TJ array's hex strings (split by kerning), decoded and joined
    const text = [...body.toString("latin1").matchAll(/\[([^\]]*)\] TJ/g)]
      .map((m) =>
        [...m[1]!.matchAll(/<([0-9a-f]*)>/g)]
          .map((h) => Buffer.from(h[1]!, "hex").toString("latin1"))
          .join(""),
      )
      .join("\n");
    expect(text).toContain(list.items[0].case.displayNumber);
    expect(text).toContain("Listed Counsel");
    expect(text).toContain("Cause list");
    const { handle } = await testApp();
    const printed = await handle.db
      .selectFrom("audit_events")
      .select(["entity_id", "changes"])
      .where("action", "=", "cause_list.printed")
      .where("entity_id", "=", day)
      .execute();
    expect(printed).toHaveLength(1);
    expect(printed[0]!.changes).toMatchObject({ hearings: 1, filters: "law officer Listed Counsel" });
  });

  it("shows only hearings of cases the reader may see, though the flags count them all", async () => {
    const { focal, officer, ids } = await officerWithCases(2, ["IHC", "LHC"]);
    const day = "2027-01-12";
    await hear(focal, ids[0]!, day);
    await hear(focal, ids[1]!, day);
    const other = await signedIn(["focal_person"]);
    const theirs = await call(other, {
      method: "POST",
      url: "/api/v1/cases",
      body: await caseBody(),
    });
    await hear(other, theirs.json().id, day);
    const seen = (await call(other, { method: "GET", url: `/api/v1/cause-list?date=${day}` })).json().items;
    expect(seen.map((h: { case: { id: string } }) => h.case.id)).toEqual([theirs.json().id]);
    const mine = (
      await call(focal, { method: "GET", url: `/api/v1/cause-list?date=${day}&officerId=${officer.id}` })
    ).json().items;
    expect(mine).toHaveLength(2);
    expect(mine.every((h: { clashes: string[] }) => h.clashes.includes("two_courts"))).toBe(true);
  });

  it("the coming days' board says how near each hearing is", async () => {
    const { focal, officer, ids } = await officerWithCases(2, ["IHC"]);
    const today = courtDay();
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await hear(focal, ids[0]!, today);
    await hear(focal, ids[1]!, tomorrow);
    const board = (
      await call(focal, { method: "GET", url: `/api/v1/hearings/upcoming?days=7&officerId=${officer.id}` })
    ).json();
    expect(board.from).toBe(today);
    expect(board.items.map((h: { daysAway: number; urgency: string }) => [h.daysAway, h.urgency])).toEqual([
      [0, "today"],
      [1, "tomorrow"],
    ]);
    const bad = await call(focal, { method: "GET", url: "/api/v1/hearings/upcoming?days=90" });
    expect(bad.statusCode).toBe(400);
    const noDate = await call(focal, { method: "GET", url: "/api/v1/cause-list" });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().errors[0].path).toBe("querystring.date");
  });
});
