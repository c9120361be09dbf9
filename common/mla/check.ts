import type { MlaDirectory } from "./directory.ts";
import type { MlaRequestDraft } from "./request.ts";
import { ruleCheck } from "./rules.ts";
import type { Finding, MlaRuleData, Param, Severity } from "./rules.types.ts";

export type Language = "en" | "ur";

export interface CheckResult {
  /** Errors first, then warnings, then suggestions; within a grade, in rule order and then form order. */
  findings: Finding[];
  /** Completeness, 0–100: see checkDraft. */
  score: number;
  requirements: { total: number; met: number };
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, suggestion: 2 };

const fill = (template: string, params: Record<string, Param> | undefined, lang: Language) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const p = params?.[name];
    return p === undefined ? whole : typeof p === "string" ? p : p[lang];
  });

/**
 * Checks a draft against the rules as the Central Authority keeps them (their kinds, severities and words) with
 * the logic in code under each rule's code; a rule the code does not know is skipped. Runs as the officer types:
 * pure, no I/O.
 *
 * Score: each applicable rule reports one requirement per thing it examined (an identifier, an offence, a
 * screened ground…), so one gap in a long draft costs little and an empty draft scores low. The score is the
 * share of error- and warning-grade requirements met, as a whole percentage rounded down — 100 only when none is
 * missing. Suggestions are advice and count neither way. With nothing to examine the score is 100.
 */
export function checkDraft(
  draft: MlaRequestDraft,
  directory: MlaDirectory,
  rules: readonly MlaRuleData[],
  options: { lang?: Language } = {},
): CheckResult {
  const lang = options.lang ?? "en";
  const findings: (Finding & { order: number })[] = [];
  let total = 0;
  let met = 0;
  for (const rule of rules) {
    const impl = ruleCheck(rule.code);
    if (!impl || !rule.applies_to.includes(draft.kind)) continue;
    for (const r of impl.check({ draft, directory, params: rule.params ?? {} })) {
      const text = rule.findings[r.key];
      const severity = text?.severity ?? rule.severity;
      if (severity !== "suggestion") {
        total += 1;
        if (r.met) met += 1;
      }
      if (r.met) continue;
      const title = lang === "ur" ? rule.title_ur : rule.title_en;
      findings.push({
        order: rule.number,
        rule: rule.code,
        severity,
        field: r.field,
        message: text ? fill(lang === "ur" ? text.message_ur : text.message_en, r.params, lang) : title,
        fix: text ? fill(lang === "ur" ? text.fix_ur : text.fix_en, r.params, lang) : "",
        source: rule.source,
        status: rule.status,
        ...(r.basis ? { basis: r.basis } : {}),
      });
    }
  }
  findings.sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.order - b.order);
  return {
    findings: findings.map(({ order: _, ...f }) => f),
    score: total === 0 ? 100 : Math.floor((100 * met) / total),
    requirements: { total, met },
  };
}
