import {
  emergencyThreshold,
  factsOffencesLink,
  preciseIdentifiers,
  preservationContents,
  usContentFormalMla,
  voluntaryFirst,
} from "./rules.evidence.ts";
import {
  centralAuthorityChannel,
  confidentialityUse,
  dualCriminality,
  legalBasis,
  urgencyLanguage,
} from "./rules.formal.ts";
import {
  earlierReferences,
  plainNarrative,
  providerEntityRule,
  refusalScreening,
  tfBankSecrecy,
} from "./rules.review.ts";
import type { RuleCheck } from "./rules.types.ts";

/**
 * The 16 rules of DOMAIN.md §9 "What a drafting assistant checks", in its order. Each carries the source DOMAIN.md
 * gives and its status: U where DOMAIN.md marks nothing (not yet checked against the source), S where it marks [S]
 * (rules 12 and 15), V for rule 11 (Act s.4, in the sentence DOMAIN.md marks [V]). The wording, severity and
 * kinds the Central Authority edits live in reference/mla-rules.json under the same codes.
 */
export const RULE_CHECKS: readonly RuleCheck[] = [
  preservationContents,
  preciseIdentifiers,
  usContentFormalMla,
  voluntaryFirst,
  emergencyThreshold,
  factsOffencesLink,
  legalBasis,
  dualCriminality,
  confidentialityUse,
  urgencyLanguage,
  centralAuthorityChannel,
  providerEntityRule,
  earlierReferences,
  refusalScreening,
  tfBankSecrecy,
  plainNarrative,
];

export const RULE_CODES = RULE_CHECKS.map((r) => r.code);
export const ruleCheck = (code: string) => RULE_CHECKS.find((r) => r.code === code);
