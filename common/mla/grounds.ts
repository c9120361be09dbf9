/**
 * Grounds a return or a refusal records (issue 5 metrics: "deficiency and refusal rates by ground"). A return for
 * amendment or clarification names the drafting rules the request fell short of (their codes, from the rules
 * data); a refusal or a provider's decline names one of these grounds. Sources are the refusal provisions
 * DOMAIN.md §9 cites; the list is CAMS's grouping of them (status S), "other" keeps a ground the list lacks.
 */
export const REFUSAL_GROUND_CODES = [
  "political_offence",
  "sovereignty_security_ordre_public",
  "dual_criminality",
  "bank_secrecy",
  "no_legal_basis",
  "insufficient_information",
  "data_not_available",
  "other",
] as const;
export type RefusalGroundCode = (typeof REFUSAL_GROUND_CODES)[number];

export const REFUSAL_GROUND_SOURCES: Readonly<Record<RefusalGroundCode, string>> = {
  political_offence: "Budapest Convention Art. 27(4)(a), Art. 29(5); MLA Act 2020 s.17",
  sovereignty_security_ordre_public: "Budapest Convention Art. 27(4)(b), Art. 29(5); MLA Act 2020 s.17",
  dual_criminality: "Budapest Convention Art. 29(3),(4)",
  bank_secrecy:
    "Terrorist Financing Convention Art. 12(2): never a ground in terrorism-financing requests (rule 15)",
  no_legal_basis: "MLA Act 2020 s.3 (a treaty or reciprocity reduced in writing)",
  insufficient_information: "DOMAIN.md §9 rules 1, 3, 6 (facts, probable cause, link to the offence)",
  data_not_available: "Provider's answer: the data was not kept or no longer exists",
  other: "Stated in the reason",
};

/** What kind of grounds a move records, if any. */
export type GroundsKind = "deficiency" | "refusal";
