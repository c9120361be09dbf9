import { describe, expect, it } from "vitest";
import { type CourtCalendar, computeLimitation, type LimitationRule } from "./limitation.ts";

/**
 * Scenarios worked out by hand from the Limitation Act 1908 (s.4, s.12) and the calendar below, with a
 * calendar at hand for the weekdays: 2026-01-01 is a Thursday. The calendar is a fixture, not the real one —
 * weekends Saturday and Sunday, Pakistan Day (Mon 23 Mar), Independence Day (Fri 14 Aug), Iqbal Day (Mon 9 Nov)
 * a winter vacation from 21 to 31 December, and Eid ul Azha expected on 27–29 May but not confirmed (status U).
 */
const calendar: CourtCalendar = {
  weekendDays: [0, 6],
  closures: [
    { from: "2026-03-23", to: "2026-03-23", name: "Pakistan Day", kind: "holiday", status: "S" },
    { from: "2026-08-14", to: "2026-08-14", name: "Independence Day", kind: "holiday", status: "S" },
    { from: "2026-11-09", to: "2026-11-09", name: "Iqbal Day", kind: "holiday", status: "S" },
    { from: "2026-12-21", to: "2026-12-31", name: "Winter vacation", kind: "vacation", status: "S" },
    { from: "2026-05-27", to: "2026-05-29", name: "Eid ul Azha (expected)", kind: "holiday", status: "U" },
  ],
};
const rule = (code: string, days: number | null, certifiedCopyExcluded = true): LimitationRule => ({
  code,
  nameEn: code,
  days,
  certifiedCopyExcluded,
  source: `source of ${code}`,
  status: "S",
});
const ICA = rule("ica_high_court", 20, false);
const CPLA = rule("cpla_supreme_court", 60);
const CRL_HC = rule("criminal_appeal_high_court", 60);
const CRPC_LOWER = rule("appeal_crpc_lower_court", 30);
const CRL_PLA = rule("crlpla_supreme_court", 30);
const REVIEW = rule("review_supreme_court", 30);
const FSC = rule("appeal_federal_shariat_court", 60);
const CPC_HC = rule("appeal_cpc_high_court", 90);
const CPC_DJ = rule("appeal_cpc_district_judge", 30);

type Scenario = [
  what: string,
  input: { rule: LimitationRule; decidedOn: string; applied?: string; ready?: string; margin?: number },
  expected: { legal: string; internal: string; excluded: number; steps: string[] },
];

// biome-ignore format: one scenario per line reads as the table it is
const scenarios: Scenario[] = [
  ["CPLA: 60 days from Mon 5 Jan end on an open Friday", { rule: CPLA, decidedOn: "2026-01-05" }, { legal: "2026-03-06", internal: "2026-02-27", excluded: 0, steps: ["period", "internal"] }],
  ["ICA: 20 days end on Sunday 9 Aug, filed Monday (s.4); one day's margin goes back over the weekend", { rule: ICA, decidedOn: "2026-07-20", margin: 1 }, { legal: "2026-08-10", internal: "2026-08-07", excluded: 0, steps: ["period", "court_closed", "internal"] }],
  ["ICA: no certified-copy exclusion; Sunday 22 Mar then Pakistan Day", { rule: ICA, decidedOn: "2026-03-02", applied: "2026-03-03", ready: "2026-03-10" }, { legal: "2026-03-24", internal: "2026-03-17", excluded: 0, steps: ["period", "no_copy_exclusion", "court_closed", "internal"] }],
  ["criminal appeal to a High Court: 10 days for the copy (2–11 Jun, both counted)", { rule: CRL_HC, decidedOn: "2026-06-01", applied: "2026-06-02", ready: "2026-06-11" }, { legal: "2026-08-10", internal: "2026-08-03", excluded: 10, steps: ["period", "copy_excluded", "internal"] }],
  ["30 days end on Independence Day (Fri), then the weekend: Monday 17 Aug", { rule: CRPC_LOWER, decidedOn: "2026-07-15" }, { legal: "2026-08-17", internal: "2026-08-10", excluded: 0, steps: ["period", "court_closed", "internal"] }],
  ["Crl.P.L.A.: ends 23 Dec in the winter vacation, filed when the court reopens 1 Jan; margin before the vacation", { rule: CRL_PLA, decidedOn: "2026-11-23" }, { legal: "2027-01-01", internal: "2026-12-18", excluded: 0, steps: ["period", "court_closed", "vacation_caution", "internal"] }],
  ["review: the copy applied for after the 30 days had run out saves nothing", { rule: REVIEW, decidedOn: "2026-02-02", applied: "2026-03-10", ready: "2026-03-12" }, { legal: "2026-03-04", internal: "2026-02-25", excluded: 0, steps: ["period", "copy_too_late", "internal"] }],
  ["FSC appeal: copy applied for and ready on the day of the decision (1 day), then a weekend and Iqbal Day", { rule: FSC, decidedOn: "2026-09-07", applied: "2026-09-07", ready: "2026-09-07" }, { legal: "2026-11-10", internal: "2026-11-03", excluded: 1, steps: ["period", "copy_excluded", "court_closed", "internal"] }],
  ["CPC appeal to a High Court: 90 days plus 30 for the copy", { rule: CPC_HC, decidedOn: "2026-01-15", applied: "2026-01-20", ready: "2026-02-18" }, { legal: "2026-05-15", internal: "2026-05-08", excluded: 30, steps: ["period", "copy_excluded", "internal"] }],
  ["a margin longer than the period stops the day after the decision", { rule: ICA, decidedOn: "2026-07-20", margin: 30 }, { legal: "2026-08-10", internal: "2026-07-21", excluded: 0, steps: ["period", "court_closed", "internal"] }],
  ["appeal to a District Judge: 31 Dec in the vacation, plus 3 days for the copy, lands on Sunday 3 Jan: Monday 4 Jan", { rule: CPC_DJ, decidedOn: "2026-12-01", applied: "2026-12-02", ready: "2026-12-04" }, { legal: "2027-01-04", internal: "2026-12-18", excluded: 3, steps: ["period", "copy_excluded", "court_closed", "internal"] }],
  ["60 days across February (28 days in 2026)", { rule: CPLA, decidedOn: "2026-02-01" }, { legal: "2026-04-02", internal: "2026-03-26", excluded: 0, steps: ["period", "internal"] }],
  ["a copy still awaited: provisional, counted as if none", { rule: CPLA, decidedOn: "2026-04-01", applied: "2026-04-02" }, { legal: "2026-06-01", internal: "2026-05-25", excluded: 0, steps: ["period", "copy_pending", "court_closed", "internal"] }],
  ["the copy applied for on the last day still counts", { rule: REVIEW, decidedOn: "2026-02-02", applied: "2026-03-04", ready: "2026-03-05" }, { legal: "2026-03-06", internal: "2026-02-27", excluded: 2, steps: ["period", "copy_excluded", "internal"] }],
  ["a margin of zero: the internal date is the legal one", { rule: CPLA, decidedOn: "2026-01-05", margin: 0 }, { legal: "2026-03-06", internal: "2026-03-06", excluded: 0, steps: ["period", "internal"] }],
  ["an unconfirmed holiday (Eid expected 27–29 May) is named but does not move the deadline", { rule: CRPC_LOWER, decidedOn: "2026-04-28" }, { legal: "2026-05-28", internal: "2026-05-21", excluded: 0, steps: ["period", "unconfirmed_closure", "internal"] }],
  ["ICA ending in the vacation, margin 0: legal date after it, internal date held before it", { rule: ICA, decidedOn: "2026-12-08", margin: 0 }, { legal: "2027-01-01", internal: "2026-12-18", excluded: 0, steps: ["period", "court_closed", "vacation_caution", "internal"] }],
  ["the internal date moves back over an unconfirmed holiday too (it only makes it earlier)", { rule: CPLA, decidedOn: "2026-04-06", margin: 7 }, { legal: "2026-06-05", internal: "2026-05-26", excluded: 0, steps: ["period", "internal"] }],
];

describe("limitation (Limitation Act 1908 s.4, s.12) over a court calendar", () => {
  it.each(scenarios)("%s", (_what, i, e) => {
    const result = computeLimitation({
      rule: i.rule,
      decidedOn: i.decidedOn,
      copyAppliedOn: i.applied ?? null,
      copyReadyOn: i.ready ?? null,
      calendar,
      marginDays: i.margin ?? 7,
    });
    if (!result.ok) throw new Error(result.text);
    expect({
      legal: result.legalDueDate,
      internal: result.internalDueDate,
      excluded: result.excludedDays,
    }).toEqual({
      legal: e.legal,
      internal: e.internal,
      excluded: e.excluded,
    });
    expect(result.steps.map((s) => s.code)).toEqual(e.steps);
    for (const s of result.steps) expect(s.text.length).toBeGreaterThan(20);
    expect(result.provisional).toBe(e.steps.includes("copy_pending"));
  });

  it("names the rule, its source and the closed days in the derivation", () => {
    const r = computeLimitation({ rule: CRPC_LOWER, decidedOn: "2026-07-15", calendar, marginDays: 7 });
    if (!r.ok) throw new Error(r.text);
    expect(r.steps[0]!.text).toContain("source of appeal_crpc_lower_court");
    expect(r.steps[1]!.text).toContain(
      "2026-08-14 (Independence Day), 2026-08-15 (Saturday), 2026-08-16 (Sunday)",
    );
  });

  it("refuses a rule without a period, and dates out of order", () => {
    expect(
      computeLimitation({
        rule: rule("appeal_from_acquittal", null),
        decidedOn: "2026-01-05",
        calendar,
        marginDays: 7,
      }),
    ).toMatchObject({ ok: false, code: "no_period" });
    expect(
      computeLimitation({
        rule: CPLA,
        decidedOn: "2026-01-05",
        copyAppliedOn: "2026-01-04",
        calendar,
        marginDays: 7,
      }),
    ).toMatchObject({ ok: false, code: "bad_dates" });
    expect(
      computeLimitation({
        rule: CPLA,
        decidedOn: "2026-01-05",
        copyAppliedOn: "2026-01-09",
        copyReadyOn: "2026-01-08",
        calendar,
        marginDays: 7,
      }),
    ).toMatchObject({ ok: false, code: "bad_dates" });
    expect(
      computeLimitation({
        rule: CPLA,
        decidedOn: "2026-01-05",
        copyReadyOn: "2026-01-08",
        calendar,
        marginDays: 7,
      }),
    ).toMatchObject({ ok: false, code: "bad_dates" });
  });
});
