import { firstDifference } from "./engine.explain.ts";
import {
  type CaseFacts,
  type Decision,
  decide,
  decideMany,
  type ListOptions,
  type OfficerFacts,
  type PolicyConfig,
  type TierTotals,
} from "./engine.ts";

/**
 * Checking a stored decision: the engine run again on the facts it was made from (with the stored seed) must
 * give the same result, and applyAssignment is the one step of facts between two decisions of a batch.
 */

/** List limits that reproduce at least the stored prefix of every decision's lists. */
export function longestLists(stored: readonly Decision[]): Required<ListOptions> {
  let listLimit = 0;
  let excludedLimit = 0;
  for (const d of stored) {
    listLimit = Math.max(listLimit, d.candidates.length);
    excludedLimit = Math.max(excludedLimit, d.excluded.length);
  }
  return { listLimit, excludedLimit };
}

/** The facts after assigning `c` to `officerId` at `at` — the update decideMany makes, with at = batchStamp(now, k). */
// biome-ignore format: compact signature
export function applyAssignment(
  officers: readonly OfficerFacts[], tiers: TierTotals, c: CaseFacts, officerId: string, at: string,
): { officers: OfficerFacts[]; tiers: TierTotals } {
  const o = officers.find((f) => f.id === officerId);
  if (o === undefined) throw new RangeError(`no officer ${officerId}`);
  const byTier = { ...tiers.byTier, [o.tier]: (tiers.byTier[o.tier] ?? 0) + 1 };
  const updated = { ...o, load: o.load + c.weight, openCases: o.openCases + 1, lastAssignedAt: at };
  return { officers: officers.map((f) => (f === o ? updated : f)), tiers: { ...tiers, byTier } };
}

/** Replay: recomputes with the stored seed; null when it reproduces, else the first difference in words. */
// biome-ignore format: compact signature
export function replay(
  stored: Decision, c: CaseFacts, officers: readonly OfficerFacts[], policy: PolicyConfig, tiers: TierTotals,
): string | null {
  // only the stored prefix of each list is compared
  const lists = { listLimit: stored.candidates.length, excludedLimit: stored.excluded.length };
  return firstDifference(stored, decide(c, officers, policy, stored.seed, tiers, lists));
}

/** Replays a batch from decideMany (same cases, starting facts, policy and `now`); one result per case. */
// biome-ignore format: compact signature
export function replayMany(
  stored: readonly Decision[], cases: readonly CaseFacts[], officers: readonly OfficerFacts[],
  policy: PolicyConfig, tiers: TierTotals, now: string,
): (string | null)[] {
  if (stored.length !== cases.length) throw new RangeError("one stored decision per case is needed");
  let i = 0;
  const fresh = decideMany(cases, officers, policy, () => stored[i++]!.seed, tiers, now, longestLists(stored));
  return stored.map((d, k) => firstDifference(d, fresh[k]!));
}
