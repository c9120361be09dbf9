import { describe, expect, it } from "vitest";
import type { MlaRequestDraft } from "../../../../common/mla/request.ts";
import { addDays } from "../../../platform/clock.ts";
import { readDirectory } from "../mla.reference.ts";
import {
  alertFor,
  extendPreservation,
  followUpFor,
  preservationExpiry,
  preservationRuleFor,
} from "./mla.deadlines.compute.ts";
import { mlaDeadlineRules } from "./mla.deadlines.ts";

const rules = mlaDeadlineRules();
const dir = readDirectory();
const D = "2026-03-01";
const preservation = (d: Partial<MlaRequestDraft>): MlaRequestDraft => ({ kind: "preservation", ...d });
const tiktokUs = preservation({ provider: { code: "tiktok" }, subjects: [{ userLocation: "US" }] });

describe("MLA deadline reference data", () => {
  it("parses, with a source and status on every period and a rule for every other state", () => {
    expect(rules.alertDaysBefore.value).toBe(30);
    const us = rules.preservation.find((r) => r.jurisdictions.includes("US"))!;
    expect(us).toMatchObject({ days: 90, extensionDays: 90, maxExtensions: 1, status: "V" });
    expect(us.source).toContain("2703(f)");
    const other = rules.preservation.find((r) => r.jurisdictions.includes("*"))!;
    expect(other).toMatchObject({ days: 60, minimum: true, status: "U" });
    for (const f of rules.followUps) expect(f.source.length).toBeGreaterThan(10);
  });
});

describe("preservation expiry", () => {
  it("a TikTok preservation for a US user (TikTok Inc.) lasts 90 days; the alert goes 30 days before", () => {
    const d = preservationExpiry(rules, dir, tiktokUs, D);
    expect(d).toMatchObject({
      kind: "preservation_expiry",
      ruleCode: "us_2703f",
      startedOn: D,
      dueOn: "2026-05-30",
      alertOn: "2026-04-30",
      status: "V",
      extensions: 0,
    });
    expect(d.dueOn).toBe(addDays(D, 90));
    expect(d.alertOn).toBe(addDays(D, 60));
    expect(d.basis).toContain("18 USC 2703(f): 90 days; +90 on renewal");
    expect(d.basis).toContain("provider's law: US");
  });

  it("one renewal adds 90 days to the expiry (D+180); the statute allows no second", () => {
    const first = extendPreservation(rules, preservationExpiry(rules, dir, tiktokUs, D));
    expect(first).toMatchObject({ dueOn: addDays(D, 180), alertOn: addDays(D, 150), extensions: 1 });
    const second = extendPreservation(rules, first);
    expect(second).toMatchObject({ dueOn: addDays(D, 180), alertOn: addDays(D, 150), extensions: 1 });
    expect(second.basis).toContain("no further renewal");
    expect(extendPreservation(rules, second).basis).toBe(second.basis);
  });

  it("a provider outside the US (TikTok Pte. Ltd for a user in Pakistan; Telegram) gets at least 60 days, status U", () => {
    for (const draft of [
      preservation({ provider: { code: "tiktok" }, subjects: [{ userLocation: "PK" }] }),
      preservation({ provider: { code: "telegram" }, requestedState: "AE" }),
      preservation({}),
    ]) {
      expect(preservationRuleFor(rules, dir, draft).rule.code).toBe("budapest_29_7");
      const d = preservationExpiry(rules, dir, draft, D);
      expect(d).toMatchObject({ dueOn: addDays(D, 60), alertOn: addDays(D, 30), status: "U" });
      expect(d.basis).toContain("at least 60 days; confirm the actual period with the provider");
    }
  });

  it("Meta's US entity for a user in Pakistan is under US law", () => {
    const meta = preservation({ provider: { code: "meta" }, subjects: [{ userLocation: "PK" }] });
    expect(preservationRuleFor(rules, dir, meta)).toMatchObject({ jurisdiction: "US" });
  });

  it("an alert never falls before the period began", () => {
    expect(alertFor(rules, D, addDays(D, 10))).toBe(D);
  });
});

describe("follow-ups", () => {
  it("are owed by the states that await an answer, due and alerted on the day", () => {
    expect(followUpFor(rules, "mla_outgoing", "transmitted", D)).toMatchObject({
      kind: "follow_up",
      ruleCode: "outgoing_unacknowledged",
      dueOn: addDays(D, 30),
      alertOn: addDays(D, 30),
      status: "S",
    });
    expect(followUpFor(rules, "voluntary_disclosure", "sent_to_provider", D)).toMatchObject({
      dueOn: addDays(D, 30),
    });
    expect(followUpFor(rules, "mla_incoming", "registered", D)?.ruleCode).toBe("incoming_unacknowledged");
    expect(followUpFor(rules, "mla_outgoing", "acknowledged", D)).toBeUndefined();
    expect(followUpFor(rules, "preservation", "transmitted", D)).toBeUndefined();
  });
});
