/**
 * Plain-English sentences for the assignment engine's reason and step codes. The codes and their params are the
 * stable contract (the UI translates them into English and Urdu); these texts are the English rendering stored
 * beside them so that a ledger entry reads on its own. Pure: no clock, no locale-dependent formatting.
 */

import type { Decision, Explained, Step } from "./engine.ts";

export type Params = Record<string, string | number>;
/** What the explanations need to know about an officer at decision time. */
export type OfficerView = {
  id: string;
  name: string;
  load: number;
  openCases: number;
  maxLoad: number;
  lastAt: string | null;
};

export const TIER_LABELS: Record<string, string> = {
  additional_ag: "Additional Attorney-General",
  deputy_ag: "Deputy Attorney-General",
  assistant_ag: "Assistant Attorney-General",
  standing_counsel: "Standing Counsel",
  panel_advocate: "panel advocate",
};

/** A number as people read it: at most two decimals, no trailing zeros, no locale grouping. */
export function fmt(n: string | number | undefined): string {
  if (typeof n !== "number") return String(n ?? "");
  if (!Number.isFinite(n)) return n > 0 ? "no limit" : String(n);
  return String(Math.round(n * 100) / 100);
}

const tier = (t: string | number | undefined) => TIER_LABELS[String(t)] ?? String(t);
const tiers = (list: string | number | undefined) =>
  String(list ?? "")
    .split(",")
    .filter((t) => t !== "")
    .map(tier)
    .join(", ");
const day = (iso: string | number | undefined) => String(iso ?? "").slice(0, 10);
const list = (codes: string | number | undefined) =>
  String(codes ?? "")
    .split(",")
    .join(", ");

const SHORT: Record<string, string> = {
  inactive: "not active",
  on_leave: "on leave",
  no_seat: "does not appear before this court or bench",
  no_expertise: "no expertise in the category",
  no_competence: "no competence from training for this case",
  tier_not_allowed_sensitive: "tier not allowed for a sensitive case",
  conflict_party: "conflict of interest with a party",
  conflict_organisation: "conflict of interest with the organisation",
  at_capacity: "at capacity",
  tier_cap_reached: "tier cap reached",
};

/** English text for an exclusion reason or a candidate factor. Unknown codes fall back to the code itself. */
export function reasonText(code: string, p: Params): string {
  switch (code) {
    // exclusions
    case "inactive":
      return "Not an active law officer.";
    case "on_leave":
      return "On leave on the decision date.";
    case "no_seat":
      return p.benchId === ""
        ? `Does not appear before court ${p.courtId}.`
        : `Does not appear before court ${p.courtId}, bench ${p.benchId}.`;
    case "no_expertise":
      return `Has no expertise in ${p.category} cases.`;
    case "no_competence":
      return `Holds none of the competences this case calls for (${list(p.competences)}); the policy requires one.`;
    case "tier_not_allowed_sensitive":
      return p.allowedTiers === ""
        ? `Sensitive case, and the policy allows no tier to take sensitive cases (officer is ${tier(p.tier)}).`
        : `Sensitive case: only ${tiers(p.allowedTiers)} may take it; this officer is ${tier(p.tier)}.`;
    case "conflict_party":
      return `Conflict of interest: has declared an interest in the party "${p.party}".`;
    case "conflict_organisation":
      return `Conflict of interest: has declared an interest in the organisation ${p.organisationId}.`;
    case "at_capacity":
      return `At capacity: load ${fmt(p.load)} + this case ${fmt(p.weight)} = ${fmt(p.loadAfter)}, above the maximum of ${fmt(p.maxLoad)}.`;
    case "tier_cap_reached":
      return `Tier cap reached: ${tier(p.tier)} officers already hold ${fmt(p.held)} of ${fmt(p.pendingTotal)} pending cases; the cap of ${fmt(p.capPercent)}% allows ${fmt(p.limit)}.`;
    // candidate factors
    case "holds_related_case":
      return "Already holds a related case (appeal of, connected with, or the same issue).";
    case "load":
      return `Weighted load ${fmt(p.load)} of a maximum ${fmt(p.maxLoad)}; ${fmt(p.loadAfter)} after this case (weight ${fmt(p.weight)}).`;
    case "open_cases":
      return `${fmt(p.openCases)} open case${p.openCases === 1 ? "" : "s"}.`;
    case "last_assigned":
      return `Last assigned a case on ${day(p.at)}.`;
    case "never_assigned":
      return "Has not been assigned a case yet.";
    case "holds_competence":
      return `Holds the competence this case calls for: ${list(p.competences)} (completed training).`;
    case "in_draw_pool":
      return `In the draw pool (position ${p.position} of the ${p.poolSize} least-loaded eligible officers).`;
    case "outside_draw_pool":
      return `Outside the draw pool (only the ${p.poolSize} least-loaded eligible officers take part).`;
    default:
      return code;
  }
}

/** English sentence for how the choice was made. */
export function stepText(step: string, p: Params): string {
  const next = (what: string) =>
    p.nextName === undefined ? "" : ` The next in line was ${p.nextName} (${what}).`;
  // with a competence preferred and held by some but not all eligible officers, the holders ranked first
  const held = Number(p.competentEligible ?? 0);
  const preferred = p.competentEligible !== undefined && held > 0 && held < Number(p.eligible);
  const among = preferred
    ? `${held} eligible officer${held === 1 ? "" : "s"} holding a competence this case calls for (ranked ahead of the other ${Number(p.eligible) - held})`
    : `${p.eligible} eligible officer${p.eligible === 1 ? "" : "s"}`;
  switch (step) {
    case "related_case":
      return (
        `Assigned to ${p.name}, who already holds a related case, so that linked matters stay with one officer` +
        (Number(p.relatedEligible) > 1
          ? `; of the ${p.relatedEligible} eligible officers holding related cases, ${p.name} has the least weighted load (${fmt(p.load)}).`
          : ` (weighted load ${fmt(p.load)}).`)
      );
    case "rotation":
      return (
        `Turn basis: assigned to ${p.name}, whose turn came first among ${among} — ` +
        (p.lastAssignedAt === ""
          ? "they had not yet been assigned a case."
          : `their last assignment (${day(p.lastAssignedAt)}) was the oldest.`) +
        next(p.nextLastAssignedAt === "" ? "never assigned" : `last assigned ${day(p.nextLastAssignedAt)}`)
      );
    case "least_load":
      return (
        `Least weighted load: assigned to ${p.name}, who carries ${fmt(p.load)} (${fmt(p.loadAfter)} after this case of weight ${fmt(p.weight)}, maximum ${fmt(p.maxLoad)}), the lowest among ${among}.` +
        next(`load ${fmt(p.nextLoad)}`)
      );
    case "random_draw":
      return (
        (preferred
          ? `Random draw: the pool of ${p.poolSize} took officers holding a competence this case calls for first (${held} eligible hold one), then the least weighted load; `
          : `Random draw: the ${p.poolSize} eligible officer${p.poolSize === 1 ? "" : "s"} with the least weighted load formed the pool; `) +
        `SHA-256 of the seed and the case id picked position ${p.position}, ${p.name} (load ${fmt(p.load)}). Anyone holding the seed can repeat the draw.`
      );
    case "no_eligible_officer":
      return (
        `No officer is eligible: all ${p.excluded} officer${p.excluded === 1 ? " was" : "s were"} excluded` +
        (p.commonReason === undefined
          ? ""
          : ` (most often: ${SHORT[String(p.commonReason)] ?? p.commonReason})`) +
        ". The case stays in the queue."
      );
    default:
      return step;
  }
}

/** The factors shown for the candidate at 0-based position `i` of the ranking. */
export function candidateFactors(
  o: OfficerView,
  i: number,
  weight: number,
  holdsRelated: boolean,
  draw: { index: number; poolSize: number } | undefined,
  heldCompetences: readonly string[] = [],
): Explained[] {
  const out: Explained[] = [];
  const add = (code: string, params: Params = {}) =>
    out.push({ code, params, text: reasonText(code, params) });
  if (holdsRelated) add("holds_related_case");
  if (heldCompetences.length > 0) add("holds_competence", { competences: heldCompetences.join(",") });
  add("load", { load: o.load, weight, loadAfter: o.load + weight, maxLoad: o.maxLoad });
  add("open_cases", { openCases: o.openCases });
  if (o.lastAt === null) add("never_assigned");
  else add("last_assigned", { at: o.lastAt });
  if (draw !== undefined) {
    const { poolSize } = draw;
    if (i < poolSize) add("in_draw_pool", { position: i + 1, poolSize });
    else add("outside_draw_pool", { poolSize });
  }
  return out;
}

type StepFacts = {
  eligible: number;
  related: number;
  weight: number;
  excludedCount: number;
  excludedBy: Record<string, number>;
  draw: { index: number; poolSize: number } | undefined;
  /** With a competence preferred: how many eligible officers hold one (ranked first); else null. */
  competentEligible: number | null;
};

/** The params of the step sentence; `ranked` is (a prefix of) the candidate order, `chosen` a position in it. */
export function stepParamsFor(step: Step, ranked: OfficerView[], chosen: number, x: StepFacts): Params {
  if (step === "no_eligible_officer") {
    // commonReason: the most frequent first reason for exclusion (excludedBy's keys are sorted: ties go to the first)
    const out: Params = { excluded: x.excludedCount };
    let best: [string, number] | undefined;
    for (const e of Object.entries(x.excludedBy)) if (!best || e[1] > best[1]) best = e;
    if (best) out.commonReason = best[0];
    return out;
  }
  const o = ranked[chosen]!;
  const next = ranked[chosen + 1];
  const base: Params = { officerId: o.id, name: o.name, load: o.load, eligible: x.eligible };
  if (x.competentEligible !== null) base.competentEligible = x.competentEligible;
  if (step === "related_case") return { ...base, relatedEligible: x.related };
  if (step === "random_draw")
    return { ...base, index: chosen, position: chosen + 1, poolSize: x.draw!.poolSize };
  if (step === "rotation") {
    const out: Params = { ...base, lastAssignedAt: o.lastAt ?? "" };
    return next ? { ...out, nextName: next.name, nextLastAssignedAt: next.lastAt ?? "" } : out;
  }
  const out: Params = { ...base, weight: x.weight, loadAfter: o.load + x.weight, maxLoad: o.maxLoad };
  return next ? { ...out, nextName: next.name, nextLoad: next.load } : out;
}

const sameParams = (a: Params, b: Params) => {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
};

/**
 * First difference between a stored decision and a recomputed one (the recomputed lists at least as long as the
 * stored ones): chosen officer, step, number of eligible officers, candidate order and loads, draw, exclusions
 * (ids, reason codes and params; params compared by key so a JSONB round trip does not matter). Texts are not
 * compared, so rewording an explanation does not break old ledger entries.
 */
export function firstDifference(s: Decision, f: Decision): string | null {
  if (s.chosenOfficerId !== f.chosenOfficerId)
    return `chosen officer: stored ${s.chosenOfficerId ?? "none"}, recomputed ${f.chosenOfficerId ?? "none"}`;
  if (s.step !== f.step) return `step: stored ${s.step}, recomputed ${f.step}`;
  const total = (d: Decision) => [
    d.candidates.length + (d.omitted?.candidates ?? 0),
    d.excluded.length + (d.omitted?.excluded ?? 0),
  ];
  const [sc, se] = total(s);
  const [fc, fe] = total(f);
  if (sc !== fc) return `eligible officers: stored ${sc}, recomputed ${fc}`;
  for (const [i, a] of s.candidates.entries()) {
    const b = f.candidates[i];
    if (a.officerId !== b?.officerId)
      return `candidate at rank ${i + 1}: stored ${a.officerId}, recomputed ${b?.officerId ?? "none"}`;
    if (a.load !== b.load || a.loadAfter !== b.loadAfter)
      return `load of candidate ${a.officerId}: stored ${a.load}→${a.loadAfter}, recomputed ${b.load}→${b.loadAfter}`;
  }
  if (s.draw?.index !== f.draw?.index || s.draw?.poolSize !== f.draw?.poolSize)
    return `draw: stored ${JSON.stringify(s.draw ?? null)}, recomputed ${JSON.stringify(f.draw ?? null)}`;
  if (se !== fe) return `excluded officers: stored ${se}, recomputed ${fe}`;
  // ledger entries written before excludedBy existed have none to compare
  if (s.excludedBy !== undefined && !sameParams(s.excludedBy, f.excludedBy))
    return `exclusions by reason: stored ${JSON.stringify(s.excludedBy)}, recomputed ${JSON.stringify(f.excludedBy)}`;
  for (const [i, a] of s.excluded.entries()) {
    const b = f.excluded[i];
    if (a.officerId !== b?.officerId)
      return `excluded officer ${i + 1}: stored ${a.officerId}, recomputed ${b?.officerId ?? "none"}`;
    const codes = (d: Explained[]) => d.map((r) => r.code).join(", ");
    const same =
      a.reasons.length === b.reasons.length &&
      a.reasons.every((r, k) => r.code === b.reasons[k]!.code && sameParams(r.params, b.reasons[k]!.params));
    if (!same)
      return `reasons for excluding ${a.officerId}: stored ${codes(a.reasons)}, recomputed ${codes(b.reasons)}`;
  }
  return null;
}
