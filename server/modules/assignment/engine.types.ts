/** The engine's contract: the facts it decides on, the policy, and the decision it returns (issue 3). */
import type { Params } from "./engine.explain.ts";

// biome-ignore format: the shapes from the issue, kept compact
export const TIERS = ["additional_ag", "deputy_ag", "assistant_ag", "standing_counsel", "panel_advocate"] as const;
export type Tier = (typeof TIERS)[number];
// biome-ignore format: the shapes from the issue, kept compact
export type OfficerFacts = {
  id: string; name: string; tier: Tier; active: boolean;
  seats: { courtId: string; benchId: string | null }[]; // benchId null = every bench of that court
  expertise: string[]; maxLoad: number; onLeave: boolean; // onLeave: on the decision date
  conflicts: { partyNames: string[]; organisationIds: string[] };
  load: number; openCases: number; lastAssignedAt: string | null;
  /** Competences held (a standing training certificate, issue 9); absent in ledgers written before them. */
  competences?: string[];
};
// biome-ignore format: the shapes from the issue, kept compact
export type CaseFacts = {
  id: string; courtId: string; benchId: string | null; category: string; organisationId: string;
  partyNames: string[]; weight: number; sensitive: boolean; relatedOfficerIds: string[];
  /** The competences that count for this case (those covering its category); absent in older ledgers. */
  competences?: string[];
};
// biome-ignore format: the shapes from the issue, kept compact
export type PolicyConfig = {
  strategy: "rotation" | "least_load" | "random_top_k"; topK: number;
  requireSeat: boolean; requireExpertise: boolean; respectCapacity: boolean; keepRelated: boolean;
  sensitiveTiers: Tier[]; tierCaps: Partial<Record<Tier, number>>; // cap = max share (0..1) of pending cases
  /**
   * How a competence that counts for the case weighs (issue 9): "require" excludes officers holding none,
   * "prefer" ranks holders ahead of the others (each group in the strategy's order), "ignore" (and absent: a
   * policy or ledger from before competences) leaves it out. A case no competence covers is never affected.
   */
  competence?: "ignore" | "prefer" | "require";
};
export type Reason = { code: string; params: Params };
export type Explained = Reason & { text: string };
export type Exclusion = { officerId: string; name: string; reasons: Explained[] };
// biome-ignore format: the shapes from the issue, kept compact
export type Candidate = { officerId: string; name: string; rank: number; load: number; loadAfter: number; factors: Explained[] };
export type Step = "related_case" | "rotation" | "least_load" | "random_draw" | "no_eligible_officer";
export type Decision = {
  chosenOfficerId: string | null;
  step: Step;
  stepText: string;
  /** The params behind stepText, for translation (names, loads, dates, pool size…). */
  stepParams: Params;
  candidates: Candidate[];
  /** Sorted by officer id. */
  excluded: Exclusion[];
  seed: string;
  draw?: { index: number; poolSize: number };
  /**
   * Every excluded officer counted under the first reason that excludes them (the order of `reasons`), keys
   * sorted — the whole picture even when the list of exclusions is cut.
   */
  excludedBy: Record<string, number>;
  /** Present only when a list limit cut the lists: how many entries were left off each. */
  omitted?: { candidates: number; excluded: number };
  /** decideMany only, when an officer was chosen: the lastAssignedAt it recorded, batchStamp(now, k). */
  assignedAt?: string;
};
export type TierTotals = { pendingTotal: number; byTier: Partial<Record<Tier, number>> };
/**
 * listLimit caps the candidates listed and excludedLimit (default: listLimit) the exclusions; how many were left
 * off goes in `omitted`, and `excludedBy` still counts every exclusion.
 */
export type ListOptions = { listLimit?: number; excludedLimit?: number };
/**
 * decideMany's defaults: 10,000 decisions × 1,000 listed officers fit neither memory nor a ledger, so a bulk
 * decision lists the first few candidates and counts the exclusions by reason without naming the officers.
 */
export const BULK_LIST_LIMIT = 3;
export const BULK_EXCLUDED_LIMIT = 0;
/** decideMany's options: the lists, and who actually receives case k (an override; default the chosen officer). */
export type BulkOptions = ListOptions & { assignTo?: (k: number, d: Decision) => string | null };
