import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { directoryFixture as dir } from "./directory.fixture.ts";
import { mlaDirectory } from "./directory.ts";
import { RULE_CHECKS, RULE_CODES, ruleCheck } from "./rules.ts";
import { mlaRulesFile } from "./rules.types.ts";

/** The editable rule data stays in step with the code that checks it. */
const rules = mlaRulesFile.parse(
  JSON.parse(readFileSync(new URL("../../reference/mla-rules.json", import.meta.url), "utf8")),
).items;

describe("reference/mla-rules.json", () => {
  it("names exactly the 16 codes the code implements, in DOMAIN.md's order", () => {
    expect(new Set(RULE_CODES).size).toBe(16);
    expect(rules.map((r) => r.code)).toEqual(RULE_CODES);
    expect(rules.map((r) => r.number)).toEqual(RULE_CHECKS.map((_, i) => i + 1));
  });

  it.each(rules.map((r) => [r.code, r] as const))("%s agrees with the code", (code, rule) => {
    const impl = ruleCheck(code)!;
    expect({
      source: rule.source,
      status: rule.status,
      applies_to: rule.applies_to,
      severity: rule.severity,
    }).toEqual({
      source: impl.source,
      status: impl.status,
      applies_to: [...impl.appliesTo],
      severity: impl.severity,
    });
    expect(Object.keys(rule.findings).sort()).toEqual(Object.keys(impl.keys).sort());
    for (const [key, text] of Object.entries(rule.findings)) {
      expect(text.severity ?? rule.severity, `${code}.${key}`).toBe(impl.keys[key]);
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(text.message_ur + text.fix_ur), `${code}.${key} placeholders`).toEqual(
        holes(text.message_en + text.fix_en),
      );
      expect(text.message_ur + text.fix_ur).toMatch(/[\u0600-\u06FF]/);
    }
  });

  it("the directory fixture is a valid directory", () => {
    expect(mlaDirectory.parse(dir)).toEqual(dir);
  });
});
