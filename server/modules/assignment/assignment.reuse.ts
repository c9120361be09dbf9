import { createHash } from "node:crypto";
import type { BatchInputs, Outcome } from "./assignment.batch.ts";
import type { CaseFacts } from "./engine.ts";

/**
 * The last few previews' outcomes, kept in this process so that committing a preview unchanged does not run
 * the engine over the same facts again (0.5 s for 10,000 cases). Only a shortcut: the commit reloads the facts
 * in its own transaction and reuses the outcomes only when their fingerprint is identical — the same officers,
 * loads, leave, policy and case facts — so the result is exactly what deciding again would give. A commit that
 * reaches another app process, or comes after this one restarted, simply decides again.
 */
type Kept = { fingerprint: string; inputs: BatchInputs; outcomes: Outcome[]; keptAt: number };

const KEEP = 3;
const TTL_MS = 10 * 60_000;
const kept = new Map<string, Kept>();

/** What the outcomes depend on, apart from the clock: `now` only stamps the batch and is taken from the preview. */
export function fingerprint(inputs: BatchInputs, cases: readonly CaseFacts[]): string {
  const { officers, tiers, policy } = inputs;
  return createHash("sha256")
    .update(JSON.stringify([officers, tiers, policy, cases]))
    .digest("hex");
}

export function keepPreview(batchId: string, inputs: BatchInputs, cases: CaseFacts[], outcomes: Outcome[]) {
  const now = Date.now();
  for (const [id, k] of kept) if (now - k.keptAt > TTL_MS) kept.delete(id);
  while (kept.size >= KEEP) kept.delete(kept.keys().next().value!);
  kept.set(batchId, { fingerprint: fingerprint(inputs, cases), inputs, outcomes, keptAt: now });
}

/** The preview's inputs and outcomes if they were decided on exactly these facts; taken once. */
export function takePreview(
  batchId: string,
  inputs: BatchInputs,
  cases: readonly CaseFacts[],
): { inputs: BatchInputs; outcomes: Outcome[] } | null {
  const k = kept.get(batchId);
  kept.delete(batchId);
  if (!k || Date.now() - k.keptAt > TTL_MS || k.fingerprint !== fingerprint(inputs, cases)) return null;
  return { inputs: k.inputs, outcomes: k.outcomes };
}
