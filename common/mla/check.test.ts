import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkDraft } from "./check.ts";
import { directoryFixture as dir } from "./directory.fixture.ts";
import { goodIncoming, goodOutgoing, goodPreservation } from "./drafts.fixture.ts";
import { validTimeZone, wellFormed } from "./identifiers.ts";
import { type MlaRuleData, mlaRulesFile } from "./rules.types.ts";

const rules = mlaRulesFile.parse(
  JSON.parse(readFileSync(new URL("../../reference/mla-rules.json", import.meta.url), "utf8")),
).items;
const only = (code: string, change: Partial<MlaRuleData> = {}) => [
  { ...rules.find((r) => r.code === code)!, ...change },
];
const RANK = { error: 0, warning: 1, suggestion: 2 };

describe("checkDraft: score", () => {
  it("is the share of error and warning requirements met, rounded down", () => {
    const draft = {
      ...goodIncoming,
      refusalScreening: {
        politicalOffence: { outcome: "not_present" as const },
        security: { outcome: "not_present" as const },
      },
    };
    const result = checkDraft(draft, dir, only("refusal_screening"));
    expect(result.requirements).toEqual({ total: 4, met: 2 });
    expect(result.score).toBe(50);
    const three = checkDraft(
      { ...draft, refusalScreening: { security: { outcome: "not_present" } } },
      dir,
      only("refusal_screening"),
    );
    expect(three.score).toBe(25);
  });

  it("does not count suggestions", () => {
    const result = checkDraft(
      { ...goodOutgoing, earlierReferences: [], linkedRequests: [] },
      dir,
      only("earlier_references"),
    );
    expect(result.findings.map((f) => [f.severity, f.field])).toEqual([["suggestion", "earlierReferences"]]);
    expect(result).toMatchObject({ score: 100, requirements: { total: 0, met: 0 } });
  });

  it("grows as a draft is completed", () => {
    const empty = checkDraft({ kind: "preservation" }, dir, rules);
    const half = checkDraft(
      { ...goodPreservation, mlaWillFollow: undefined, confidentiality: undefined },
      dir,
      rules,
    );
    const full = checkDraft(goodPreservation, dir, rules);
    expect(empty.score).toBeLessThan(30);
    expect(empty.score).toBeLessThan(half.score);
    expect(half.score).toBeLessThan(100);
    expect(full.score).toBe(100);
  });
});

describe("checkDraft: findings", () => {
  it("sorts errors, then warnings, then suggestions, and names rule, field, source and fix", () => {
    const { findings } = checkDraft(
      { kind: "mla_outgoing", requestedState: "US", language: "ur" },
      dir,
      rules,
    );
    const ranks = findings.map((f) => RANK[f.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(findings.map((f) => f.severity))).toEqual(new Set(["error", "warning", "suggestion"]));
    for (const f of findings) expect(f.source && f.fix && f.message && f.field && f.rule).toBeTruthy();
  });

  it("carries the directory fact a finding rests on, with its status", () => {
    const { findings } = checkDraft(
      { ...goodOutgoing, legalBasis: { kind: "convention", name: "Budapest Convention" } },
      dir,
      rules,
    );
    expect(findings.find((f) => f.rule === "legal_basis")).toMatchObject({
      severity: "error",
      field: "legalBasis.name",
      message: "Pakistan is not a party to the Budapest Convention.",
      basis: expect.stringMatching(/not party to the Budapest Convention \[S\]$/),
      status: "U",
    });
  });

  it("words findings in Urdu, with placeholders filled per language", () => {
    const draft = {
      ...goodIncoming,
      refusalScreening: { ...goodIncoming.refusalScreening, sovereignty: undefined },
    };
    const [f] = checkDraft(draft, dir, only("refusal_screening"), { lang: "ur" }).findings;
    expect(f!.message).toContain("خودمختاری");
    expect(f!.message).not.toMatch(/[{}]/);
  });

  it("follows the rule data: kinds, severities and words the Central Authority edited", () => {
    const draft = { ...goodOutgoing, channel: "direct" as const };
    expect(
      checkDraft(draft, dir, only("central_authority_channel", { applies_to: ["mla_incoming"] })).findings,
    ).toEqual([]);
    const base = only("central_authority_channel")[0]!;
    const edited = {
      ...base,
      findings: {
        ...base.findings,
        outgoing_channel: {
          ...base.findings.outgoing_channel!,
          severity: "warning" as const,
          message_en: "Edited.",
        },
      },
    };
    expect(checkDraft(draft, dir, [edited]).findings).toMatchObject([
      { severity: "warning", message: "Edited." },
    ]);
    const unknown = { ...base, code: "not_in_code" };
    expect(checkDraft(draft, dir, [unknown]).findings).toEqual([]);
  });

  it("treats what the directory does not record as unknown, not as no", () => {
    // TikTok's entity for US users is not in DOMAIN.md, so nothing is claimed about it.
    const usUser = {
      ...goodPreservation,
      subjects: [{ ...goodPreservation.subjects![0]!, userLocation: "US" }],
    };
    const found = checkDraft(usUser, dir, only("provider_entity")).findings;
    expect(found.map((f) => [f.severity, f.field])).toEqual([["suggestion", "subjects.0.userLocation"]]);
    // A state outside the directory: the legal basis cannot be checked, so only a suggestion.
    const fr = checkDraft(
      { ...goodOutgoing, requestedState: "FR", legalBasis: { kind: "treaty", name: "X" } },
      dir,
      only("legal_basis"),
    );
    expect(fr.findings.map((f) => f.severity)).toEqual(["suggestion"]);
  });
});

describe("identifier forms", () => {
  it.each([
    ["numeric_id", "12345", true],
    ["numeric_id", "12a45", false],
    ["url", "https://www.tiktok.com/@example_user", true],
    ["url", "tiktok/example", false],
    ["phone", "+92 300 1234567", true],
    ["phone", "0300-1234567", false],
    ["ip", "203.0.113.7", true],
    ["ip", "203.0.113.700", false],
    ["ip", "2001:db8::1", true],
    ["ip", "2001:db8::1::2", false],
    ["email", "someone@example.org", true],
    ["username", "two words", false],
  ] as const)("%s %s → %s", (type, value, ok) => {
    expect(wellFormed(type, value)).toBe(ok);
  });

  it.each([
    ["Asia/Karachi", true],
    ["UTC", true],
    ["UTC+05:00", true],
    ["+0500", true],
    ["PKT", false],
    ["Mars/Olympus", false],
  ])("time zone %s → %s", (tz, ok) => {
    expect(validTimeZone(tz)).toBe(ok);
  });
});
