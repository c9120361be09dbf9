import { createHash } from "node:crypto";
import { courtDay } from "../../platform/clock.ts";
import type { BatchInputs, Outcome } from "./assignment.batch.ts";
import type { CaseFacts } from "./engine.ts";

/**
 * The last few previews' outcomes, kept in this process so that committing a preview unchanged neither reads
 * the facts again nor runs the engine over them (together a third of a 10,000-case commit). Only a shortcut:
 * takeUnchanged reuses the outcomes when nothing they rest on can have moved; otherwise the commit reloads the
 * facts in its own transaction and takePreview reuses them only when their fingerprint is identical — the same
 * officers, loads, leave, policy and case facts — so the result is exactly what deciding again would give. A
 * commit that reaches another app process, or comes after this one restarted, simply decides again.
 */
type Kept = {
  /** The preview's case facts, fingerprinted only if a commit has to compare them (takePreview). */
  cases: readonly CaseFacts[];
  inputs: BatchInputs;
  outcomes: Outcome[];
  keptAt: number;
  /** The officer-facts version read before the preview's facts (migration 0003). */
  officerVersion: number;
  /** When the preview read its facts: links made since then are checked at commit. */
  readAt: Date;
};

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

export function keepPreview(
  batchId: string,
  inputs: BatchInputs,
  cases: CaseFacts[],
  outcomes: Outcome[],
  read: { officerVersion: number; readAt: Date },
) {
  const now = Date.now();
  for (const [id, k] of kept) if (now - k.keptAt > TTL_MS) kept.delete(id);
  while (kept.size >= KEEP) kept.delete(kept.keys().next().value!);
  kept.set(batchId, { cases, inputs, outcomes, keptAt: now, ...read });
}

/**
 * The preview's outcomes without reading the facts again, when nothing they rest on can have changed: no
 * officer fact moved (the version — bumped by any load, leave, seat, profile, user or role change — is the one
 * read before the preview), the batch's cases kept their versions (the caller checks), and no link touching them
 * was made since (`linkedSince`). Reading 10,000 cases' parties and links again was a fifth of a bulk commit.
 */
export async function takeUnchanged(
  batchId: string,
  officerVersion: number,
  linkedSince: (at: Date) => Promise<boolean>,
): Promise<{ inputs: BatchInputs; outcomes: Outcome[] } | null> {
  const k = kept.get(batchId);
  if (!k || Date.now() - k.keptAt > TTL_MS || k.officerVersion !== officerVersion) return null;
  // leave is read for the day: a preview from yesterday is decided again
  if (courtDay(k.readAt) !== courtDay(new Date())) return null;
  if (await linkedSince(k.readAt)) return null;
  kept.delete(batchId);
  return { inputs: k.inputs, outcomes: k.outcomes };
}

/** The preview's inputs and outcomes if they were decided on exactly these facts; taken once. */
export function takePreview(
  batchId: string,
  inputs: BatchInputs,
  cases: readonly CaseFacts[],
): { inputs: BatchInputs; outcomes: Outcome[] } | null {
  const k = kept.get(batchId);
  kept.delete(batchId);
  if (!k || Date.now() - k.keptAt > TTL_MS) return null;
  if (fingerprint(k.inputs, k.cases) !== fingerprint(inputs, cases)) return null;
  return { inputs: k.inputs, outcomes: k.outcomes };
}
