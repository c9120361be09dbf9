import { type PolicyConfigDto, policyConfig } from "../../../common/schemas/assignment.ts";
import type { Database } from "../../db/connection.ts";
import type { Trx } from "../../db/transaction.ts";
import { courtDay } from "../../platform/clock.ts";
import { loadWeights } from "../cases/case-weight.ts";
import { loadCaseFacts, loadOfficerFacts, tierTotalsOf } from "./assignment.facts.ts";
import { firstDifference } from "./engine.explain.ts";
import { longestLists } from "./engine.replay.ts";
import {
  type CaseFacts,
  type Decision,
  decideMany,
  type ListOptions,
  type OfficerFacts,
  type TierTotals,
} from "./engine.ts";

/** Everything a batch is decided on; stored with the batch at commit so the ledger can be replayed. */
export type BatchInputs = {
  officers: readonly OfficerFacts[];
  tiers: TierTotals;
  policy: PolicyConfigDto;
  now: string;
};

export type Outcome = { facts: CaseFacts; decision: Decision; officerId: string | null; overridden: boolean };

/** The officers (a departing one made unable to receive) and the cases, read at one moment `now`. */
export type Facts = { officers: OfficerFacts[]; cases: CaseFacts[]; now: string };

export async function readFacts(
  q: Database | Trx,
  officeId: string,
  caseIds: string[],
  departingOfficerId: string | null,
): Promise<Facts> {
  const at = new Date();
  const now = at.toISOString();
  const [officers, cases] = await Promise.all([
    loadOfficerFacts(q, officeId, courtDay(at)),
    loadWeights(q).then((weights) => loadCaseFacts(q, caseIds, weights)),
  ]);
  // A departing officer stays in the facts (their load is real) but cannot receive cases.
  const pool = officers.map((o) => (o.id === departingOfficerId ? { ...o, active: false } : o));
  return { officers: pool, cases, now };
}

export function inputsOf(facts: Facts, policy: unknown): BatchInputs {
  const { officers, now } = facts;
  return { officers, tiers: tierTotalsOf(officers), policy: policyConfig.parse(policy), now };
}

export async function snapshot(
  q: Database | Trx,
  officeId: string,
  caseIds: string[],
  policy: unknown,
  departingOfficerId: string | null,
): Promise<{ inputs: BatchInputs; cases: CaseFacts[] }> {
  const facts = await readFacts(q, officeId, caseIds, departingOfficerId);
  return { inputs: inputsOf(facts, policy), cases: facts.cases };
}

/**
 * Decides a batch in one incremental pass of the engine. Each case goes to its override if there is one, else
 * to the policy's choice, and that officer's facts move before the next case — the sequence `replayBatch` walks.
 */
export function runBatch(
  inputs: BatchInputs,
  cases: CaseFacts[],
  seed: string,
  overrides: ReadonlyMap<string, string> = new Map(),
  lists: ListOptions = {},
): Outcome[] {
  const given: (string | null)[] = [];
  const decisions = decideMany(cases, inputs.officers, inputs.policy, () => seed, inputs.tiers, inputs.now, {
    ...lists,
    assignTo: (k, d) => (given[k] = overrides.get(cases[k]!.id) ?? d.chosenOfficerId),
  });
  return cases.map((facts, k) => {
    const decision = decisions[k]!;
    const officerId = given[k]!;
    return { facts, decision, officerId, overridden: officerId !== decision.chosenOfficerId };
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

/** A handover that returned its cases to the queue decided nothing: there is nothing to replay. */
export function returnedToQueue(d: Decision): boolean {
  const legacy = d.excludedBy === undefined && d.candidates.length + d.excluded.length === 0;
  return d.stepParams.returnedToQueue === 1 || legacy;
}

/**
 * Replays a committed batch from its stored inputs in one incremental pass: each decision must come out the
 * same, and the officer who actually got the case (the ledger's officer_id) moves, as at commit. Returns the
 * first difference per decision.
 */
export function replayBatch(
  inputs: BatchInputs,
  seed: string,
  stored: StoredDecision[],
): { id: string; caseId: string; difference: string }[] {
  const fresh = decideMany(
    stored.map((s) => s.facts),
    inputs.officers,
    inputs.policy,
    () => seed,
    inputs.tiers,
    inputs.now,
    { ...longestLists(stored.map((s) => s.decision)), assignTo: (k) => stored[k]!.officer_id },
  );
  const failures: { id: string; caseId: string; difference: string }[] = [];
  for (const [k, s] of stored.entries()) {
    const difference =
      s.position !== k
        ? `position ${s.position} stored where ${k} was expected`
        : firstDifference({ ...s.decision, seed }, fresh[k]!);
    if (difference) failures.push({ id: s.id, caseId: s.case_id, difference });
  }
  return failures;
}
