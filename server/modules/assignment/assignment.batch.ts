import { type PolicyConfigDto, policyConfig } from "../../../common/schemas/assignment.ts";
import type { Database } from "../../db/connection.ts";
import type { Trx } from "../../db/transaction.ts";
import { loadWeights } from "../cases/case-weight.ts";
import { loadCaseFacts, loadOfficerFacts, tierTotalsOf } from "./assignment.facts.ts";
import {
  applyAssignment,
  BULK_LIST_LIMIT,
  batchStamp,
  type CaseFacts,
  type Decision,
  decide,
  decideMany,
  type OfficerFacts,
  replay,
  type TierTotals,
} from "./engine.ts";

/** Everything a batch is decided on; stored with the batch at commit so the ledger can be replayed. */
export type BatchInputs = {
  officers: OfficerFacts[];
  tiers: TierTotals;
  policy: PolicyConfigDto;
  now: string;
};

export type Outcome = { facts: CaseFacts; decision: Decision; officerId: string | null; overridden: boolean };

export async function snapshot(
  q: Database | Trx,
  officeId: string,
  caseIds: string[],
  policy: unknown,
  departingOfficerId: string | null,
): Promise<{ inputs: BatchInputs; cases: CaseFacts[] }> {
  const now = new Date().toISOString();
  const weights = await loadWeights(q);
  const [officers, cases] = await Promise.all([
    loadOfficerFacts(q, officeId, now.slice(0, 10)),
    loadCaseFacts(q, caseIds, weights),
  ]);
  // A departing officer stays in the facts (their load is real) but cannot receive cases.
  const pool = officers.map((o) => (o.id === departingOfficerId ? { ...o, active: false } : o));
  return {
    inputs: { officers: pool, tiers: tierTotalsOf(pool), policy: policyConfig.parse(policy), now },
    cases,
  };
}

/**
 * Decides a batch. Without overrides this is the engine's incremental bulk pass; with overrides each case is
 * decided in turn and the officer actually given the case (the override, or the policy's choice) is applied
 * before the next — the same sequence `replayBatch` walks.
 */
export function runBatch(
  inputs: BatchInputs,
  cases: CaseFacts[],
  seed: string,
  overrides: ReadonlyMap<string, string> = new Map(),
  listLimit: number = BULK_LIST_LIMIT,
): Outcome[] {
  if (overrides.size === 0) {
    const decisions = decideMany(
      cases,
      inputs.officers,
      inputs.policy,
      () => seed,
      inputs.tiers,
      inputs.now,
      {
        listLimit,
      },
    );
    return cases.map((facts, i) => {
      const decision = decisions[i]!;
      return { facts, decision, officerId: decision.chosenOfficerId, overridden: false };
    });
  }
  let { officers, tiers } = inputs;
  return cases.map((facts, k) => {
    const decision = decide(facts, officers, inputs.policy, seed, tiers, { listLimit });
    const override = overrides.get(facts.id);
    const officerId = override ?? decision.chosenOfficerId;
    // The k-th case of a batch is stamped now + k ms, exactly as decideMany stamps it (rotation needs turns).
    if (officerId)
      ({ officers, tiers } = applyAssignment(officers, tiers, facts, officerId, batchStamp(inputs.now, k)));
    return {
      facts,
      decision,
      officerId,
      overridden: override !== undefined && override !== decision.chosenOfficerId,
    };
  });
}

export type StoredDecision = {
  id: string;
  position: number;
  case_id: string;
  officer_id: string | null;
  decision: Decision;
  facts: CaseFacts;
};

/**
 * Replays a committed batch from its stored inputs: each decision must come out the same, and then the
 * officer who actually got the case is applied, as at commit. Returns the first difference per decision.
 */
export function replayBatch(
  inputs: BatchInputs,
  seed: string,
  stored: StoredDecision[],
): { id: string; caseId: string; difference: string }[] {
  let { officers, tiers } = inputs;
  const failures: { id: string; caseId: string; difference: string }[] = [];
  for (const s of stored) {
    const difference = replay({ ...s.decision, seed }, s.facts, officers, inputs.policy, tiers);
    if (difference) failures.push({ id: s.id, caseId: s.case_id, difference });
    if (s.officer_id) {
      const known = officers.some((o) => o.id === s.officer_id);
      if (known) {
        ({ officers, tiers } = applyAssignment(
          officers,
          tiers,
          s.facts,
          s.officer_id,
          batchStamp(inputs.now, s.position),
        ));
      }
    }
  }
  return failures;
}
