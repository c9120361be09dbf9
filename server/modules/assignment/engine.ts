/**
 * Assignment engine — the pure decision core (DOMAIN.md §7, issue 3). No database, no clock: the caller passes
 * the facts, the policy, the seed and (for bulk) the timestamp. Identical input gives an identical Decision, and
 * the decision does not depend on the order of the officers array (every ordering ends in an id tie-break).
 *
 * Eligibility (every failed filter is listed): active; not on leave; a seat at the case's court and bench
 * (requireSeat; a seat with benchId null covers every bench, a case with benchId null accepts any seat at the
 * court); expertise in the category (requireExpertise); for a sensitive case a tier in sensitiveTiers; no
 * declared conflict with a party (names compared after NFKC, trimming, collapsing spaces, lower-casing) or the
 * organisation (always enforced); capacity (respectCapacity: load + weight ≤ maxLoad); tier cap (tierCaps[t]:
 * held + 1 ≤ cap × pendingTotal, where pendingTotal counts every pending case of the office including the ones
 * being decided, so decideMany leaves it unchanged and only adds to byTier).
 *
 * With competence "require", an officer holding none of the competences that count for the case (issue 9) is
 * excluded; with "prefer", holders rank ahead of the others, each group in the strategy's order (so the draw
 * pool fills with holders first).
 *
 * Choice: keepRelated and an eligible officer holding a related case → that officer (least load first); else
 * rotation (oldest lastAssignedAt, never-assigned first, then id), least_load (load, openCases, oldest
 * lastAssignedAt, id) or random_top_k (least_load order; index = first 8 bytes of sha256(seed + ":" + caseId),
 * big-endian, mod min(topK, eligible)). Candidates are listed in the order considered: related holders first,
 * then the strategy's order.
 */
import { createHash } from "node:crypto";
import {
  candidateFactors,
  type OfficerView,
  type Params,
  reasonText,
  stepParamsFor,
  stepText,
} from "./engine.explain.ts";
import { key, lookups, normaliseName, parseTime } from "./engine.lookups.ts";
import {
  BULK_EXCLUDED_LIMIT,
  BULK_LIST_LIMIT,
  type BulkOptions,
  type Candidate,
  type CaseFacts,
  type Decision,
  type Exclusion,
  type Explained,
  type ListOptions,
  type OfficerFacts,
  type PolicyConfig,
  type Reason,
  type Step,
  TIERS,
  type Tier,
  type TierTotals,
} from "./engine.types.ts";

export { normaliseName } from "./engine.lookups.ts";
export * from "./engine.types.ts";

// biome-ignore format: internal record, kept compact
type Officer = OfficerView & {
  f: OfficerFacts; tier: Tier; lastMs: number; available: boolean; seats: Set<string>; expertise: Set<string>;
  conflicted: boolean; parties: Set<string>; orgs: Set<string>; competences: Set<string>; idx: number;
};
// biome-ignore format: internal record, kept compact
type Ctx = { c: CaseFacts; p: PolicyConfig; sensitive: Set<Tier>; capped: Map<Tier, Reason>; parties: [string, string][]; seat0: string; seat1: string | null; needs: string[]; mode: "ignore" | "prefer" | "require" };
/**
 * Officers passing the filters that cannot change within a batch (available, seat, expertise, sensitive tier),
 * and the others counted by the first of those filters they fail.
 */
type Static = { ok: Uint8Array; list: Officer[]; excludedBy: Map<string, number> };
// biome-ignore format: internal record, kept compact
type State = { byId: Officer[]; order: Officer[]; index: Map<string, Officer>; cmp: Cmp; tiers: TierTotals; statics: Map<string, Static> };
type Cmp = (a: Officer, b: Officer) => number;

const EPS = 1e-9;
const byIdCmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** least_load order: load, open cases, oldest last assignment (never first), id. */
const cmpLoad: Cmp = (a, b) =>
  a.load - b.load || a.openCases - b.openCases || cmpTime(a, b) || byIdCmp(a.id, b.id);
/** rotation order: oldest last assignment (never first), id. */
const cmpTurn: Cmp = (a, b) => cmpTime(a, b) || byIdCmp(a.id, b.id);
const cmpTime = (a: Officer, b: Officer) => (a.lastMs === b.lastMs ? 0 : a.lastMs < b.lastMs ? -1 : 1);

function prepare(officers: readonly OfficerFacts[], policy: PolicyConfig, tiers: TierTotals): State {
  if (!["rotation", "least_load", "random_top_k"].includes(policy.strategy))
    throw new RangeError(`unknown strategy ${JSON.stringify(policy.strategy)}`);
  if (policy.strategy === "random_top_k" && !(Number.isInteger(policy.topK) && policy.topK >= 1))
    throw new RangeError(`topK must be a whole number ≥ 1, got ${policy.topK}`);
  const index = new Map<string, Officer>();
  for (const f of officers) {
    if (index.has(f.id)) throw new RangeError(`duplicate officer id ${f.id}`);
    if (!Number.isFinite(f.load) || Number.isNaN(f.maxLoad))
      throw new RangeError(`officer ${f.id}: load and maxLoad must be numbers`);
    const { seats, expertise, parties, orgs, competences, lastMs } = lookups(f);
    const { id, name, tier, load, openCases, maxLoad, lastAssignedAt: lastAt } = f;
    const available = f.active && !f.onLeave;
    const conflicted = parties.size + orgs.size > 0;
    // biome-ignore format: one literal with every field, so all officers share one hidden class (hot loop)
    index.set(id, { f, id, name, tier, load, openCases, maxLoad, lastAt, lastMs, available, seats, expertise, conflicted, parties, orgs, competences, idx: 0 });
  }
  const byId = [...index.values()].sort((a, b) => byIdCmp(a.id, b.id));
  for (const [i, o] of byId.entries()) o.idx = i;
  const cmp = policy.strategy === "rotation" ? cmpTurn : cmpLoad;
  const t = { pendingTotal: tiers.pendingTotal, byTier: { ...tiers.byTier } };
  return { byId, order: [...byId].sort(cmp), index, cmp, tiers: t, statics: new Map() };
}

function context(c: CaseFacts, p: PolicyConfig, t: TierTotals): Ctx {
  if (!(Number.isFinite(c.weight) && c.weight >= 0)) throw new RangeError(`case ${c.id}: weight must be ≥ 0`);
  const capped = new Map<Tier, Reason>();
  for (const tier of TIERS) {
    const cap = p.tierCaps[tier];
    if (cap === undefined) continue;
    const held = t.byTier[tier] ?? 0;
    const limit = cap * t.pendingTotal;
    if (held + 1 > limit + EPS) {
      const capPercent = Math.round(cap * 10000) / 100;
      const shownLimit = Math.round(limit * 1e6) / 1e6;
      const params = { tier, held, capPercent, pendingTotal: t.pendingTotal, limit: shownLimit };
      capped.set(tier, { code: "tier_cap_reached", params });
    }
  }
  const parties = new Map<string, string>();
  for (const name of c.partyNames)
    if (!parties.has(normaliseName(name))) parties.set(normaliseName(name), name);
  const seat0 = key(c.courtId, c.benchId ?? "?");
  const seat1 = c.benchId === null ? null : key(c.courtId, "*");
  const mode = p.competence ?? "ignore";
  const needs = mode === "ignore" ? [] : [...new Set(c.competences ?? [])].sort();
  return {
    c,
    p,
    sensitive: new Set(p.sensitiveTiers),
    capped,
    parties: [...parties],
    seat0,
    seat1,
    needs,
    mode,
  };
}

/** Every reason to exclude the officer, in a fixed order, with its text; empty when eligible. */
function reasons(o: Officer, x: Ctx): Explained[] {
  const { c, p } = x;
  const out: Explained[] = [];
  const add = (code: string, params: Params = {}) =>
    out.push({ code, params, text: reasonText(code, params) });
  if (!o.f.active) add("inactive");
  if (o.f.onLeave) add("on_leave");
  if (p.requireSeat && !seated(o, x)) add("no_seat", { courtId: c.courtId, benchId: c.benchId ?? "" });
  if (p.requireExpertise && !o.expertise.has(c.category)) add("no_expertise", { category: c.category });
  if (x.mode === "require" && x.needs.length > 0 && !competent(o, x))
    add("no_competence", { competences: x.needs.join(",") });
  if (c.sensitive && !x.sensitive.has(o.tier))
    add("tier_not_allowed_sensitive", { tier: o.tier, allowedTiers: p.sensitiveTiers.join(",") });
  for (const [norm, party] of x.parties) if (o.parties.has(norm)) add("conflict_party", { party });
  if (o.orgs.has(c.organisationId)) add("conflict_organisation", { organisationId: c.organisationId });
  if (p.respectCapacity && o.load + c.weight > o.maxLoad)
    add("at_capacity", { load: o.load, weight: c.weight, loadAfter: o.load + c.weight, maxLoad: o.maxLoad });
  const cap = x.capped.get(o.tier);
  if (cap !== undefined) add(cap.code, cap.params);
  return out;
}

// The fast path: the same filters as `reasons`, split into the part fixed for a batch and the part that moves;
// each returns the code of the first filter failed (the order of `reasons`), or null.
const seated = (o: Officer, x: Ctx) => o.seats.has(x.seat0) || (x.seat1 !== null && o.seats.has(x.seat1));
/** Holds one of the competences that count for the case. */
const competent = (o: Officer, x: Ctx) => o.competences.size > 0 && x.needs.some((c) => o.competences.has(c));
function staticReason(o: Officer, x: Ctx): string | null {
  if (!o.f.active) return "inactive";
  if (o.f.onLeave) return "on_leave";
  if (x.p.requireSeat && !seated(o, x)) return "no_seat";
  if (x.p.requireExpertise && !o.expertise.has(x.c.category)) return "no_expertise";
  if (x.mode === "require" && x.needs.length > 0 && !competent(o, x)) return "no_competence";
  if (x.c.sensitive && !x.sensitive.has(o.tier)) return "tier_not_allowed_sensitive";
  return null;
}
function dynamicReason(o: Officer, x: Ctx): string | null {
  const { c, p } = x;
  if (o.conflicted) {
    if (x.parties.some(([norm]) => o.parties.has(norm))) return "conflict_party";
    if (o.orgs.has(c.organisationId)) return "conflict_organisation";
  }
  if (p.respectCapacity && o.load + c.weight > o.maxLoad) return "at_capacity";
  return x.capped.size === 0 || !x.capped.has(o.tier) ? null : "tier_cap_reached";
}
function staticFor(s: State, x: Ctx): Static {
  const k = JSON.stringify([
    x.c.courtId,
    x.c.benchId,
    x.c.category,
    x.c.sensitive,
    x.mode === "require" ? x.needs : [],
  ]);
  let st = s.statics.get(k);
  if (st === undefined) {
    st = { ok: new Uint8Array(s.byId.length), list: [], excludedBy: new Map() };
    for (const o of s.byId) {
      const code = staticReason(o, x);
      if (code === null) st.list.push(o);
      else st.excludedBy.set(code, (st.excludedBy.get(code) ?? 0) + 1);
    }
    for (const o of st.list) st.ok[o.idx] = 1;
    s.statics.set(k, st);
  }
  return st;
}

/** The competences that count for the case which the officer holds (shown as a candidate's factor). */
const heldOf = (o: Officer, x: Ctx) =>
  o.competences.size === 0 ? [] : x.needs.filter((c) => o.competences.has(c));

/** The draw: first 8 bytes of sha256(seed + ":" + caseId) as an unsigned big-endian integer, mod poolSize. */
export function drawIndex(seed: string, caseId: string, poolSize: number): number {
  const digest = createHash("sha256").update(`${seed}:${caseId}`, "utf8").digest();
  return Number(digest.readBigUInt64BE(0) % BigInt(poolSize));
}

type Limits = { candidates: number; excluded: number };

function core(c: CaseFacts, s: State, p: PolicyConfig, seed: string, limits: Limits): Decision {
  const x = context(c, p, s.tiers);
  const st = staticFor(s, x);
  const ok = (o: Officer) => st.ok[o.idx] === 1 && dynamicReason(o, x) === null;
  const counts = new Map(st.excludedBy);
  const preferring = x.mode === "prefer" && x.needs.length > 0;
  let eligible = 0;
  let competentEligible = 0;
  for (const o of st.list) {
    const code = dynamicReason(o, x);
    if (code === null) {
      eligible++;
      if (preferring && competent(o, x)) competentEligible++;
    } else counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const excludedBy = Object.fromEntries([...counts].sort((a, b) => byIdCmp(a[0], b[0])));
  const excludedCount = s.byId.length - eligible;
  const excluded: Exclusion[] = [];
  for (let i = 0; i < s.byId.length && excluded.length < Math.min(limits.excluded, excludedCount); i++) {
    const o = s.byId[i]!;
    if (!ok(o)) excluded.push({ officerId: o.id, name: o.name, reasons: reasons(o, x) });
  }
  const related: Officer[] = [];
  if (p.keepRelated) {
    for (const id of c.relatedOfficerIds) {
      const o = s.index.get(id);
      if (o !== undefined && ok(o) && !related.includes(o)) related.push(o);
    }
    related.sort(cmpLoad);
  }

  let step: Step;
  let chosen = 0;
  let draw: { index: number; poolSize: number } | undefined;
  if (eligible === 0) step = "no_eligible_officer";
  else if (related.length > 0) step = "related_case";
  else if (p.strategy === "rotation") step = "rotation";
  else if (p.strategy === "least_load") step = "least_load";
  else {
    const poolSize = Math.min(p.topK, eligible);
    chosen = drawIndex(seed, c.id, poolSize);
    draw = { index: chosen, poolSize };
    step = "random_draw";
  }

  // the ranking is needed only as far as it is shown, plus the next in line for the step sentence
  const shown = Math.min(eligible, Math.max(limits.candidates, chosen + 1));
  const ranked = [...related];
  const need = Math.min(eligible, Math.max(shown, chosen + 2));
  const take = (wanted: (o: Officer) => boolean) => {
    for (let i = 0; i < s.order.length && ranked.length < need; i++) {
      const o = s.order[i]!;
      if (ok(o) && wanted(o) && (related.length === 0 || !related.includes(o))) ranked.push(o);
    }
  };
  // preferring competence: holders first, then the rest, each in the strategy's order
  if (preferring && competentEligible > 0 && competentEligible < eligible) {
    take((o) => competent(o, x));
    take((o) => !competent(o, x));
  } else take(() => true);
  const candidates: Candidate[] = [];
  for (let i = 0; i < shown; i++) {
    const o = ranked[i]!;
    const factors = candidateFactors(o, i, c.weight, i < related.length, draw, heldOf(o, x));
    const loadAfter = o.load + c.weight;
    candidates.push({ officerId: o.id, name: o.name, rank: i + 1, load: o.load, loadAfter, factors });
  }

  const facts = {
    eligible,
    related: related.length,
    weight: c.weight,
    excludedCount,
    excludedBy,
    draw,
    competentEligible: preferring ? competentEligible : null,
  };
  const stepParams = stepParamsFor(step, ranked, chosen, facts);
  const d: Decision = {
    chosenOfficerId: step === "no_eligible_officer" ? null : ranked[chosen]!.id,
    step,
    stepText: stepText(step, stepParams),
    stepParams,
    candidates,
    excluded,
    excludedBy,
    seed,
  };
  if (draw !== undefined) d.draw = draw;
  if (shown < eligible || excluded.length < excludedCount)
    d.omitted = { candidates: eligible - shown, excluded: excludedCount - excluded.length };
  return d;
}

/** Decides one case. Lists every candidate and every exclusion unless `opts.listLimit` says otherwise. */
// biome-ignore format: compact signature
export function decide(
  c: CaseFacts, officers: readonly OfficerFacts[], policy: PolicyConfig, seed: string, tiers: TierTotals,
  opts: ListOptions = {},
): Decision {
  return core(c, prepare(officers, policy, tiers), policy, seed, limitsOf(opts, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY));
}

function limitsOf(opts: ListOptions, candidates: number, excluded: number): Limits {
  const c = opts.listLimit ?? candidates;
  return { candidates: c, excluded: opts.excludedLimit ?? (opts.listLimit === undefined ? excluded : c) };
}

/**
 * The lastAssignedAt that decideMany records for the k-th case (0-based) of a batch: `now` plus k milliseconds.
 * Stamping every case of a batch with the same instant would tie all the officers it served, and the id
 * tie-break would then hand every later turn to the same officer; distinct stamps keep rotation a rotation.
 */
export const batchStamp = (now: string, k: number) => new Date(parseTime(now, "now") + k).toISOString();

/**
 * Bulk: decides the cases in order on a private copy of the facts; after the k-th case the chosen officer's
 * load grows by its weight, openCases by one, lastAssignedAt becomes batchStamp(now, k) (also returned as
 * `assignedAt`), and byTier[tier] by one — exactly applyAssignment(…, batchStamp(now, k)). The strategy's
 * order is kept incrementally (one remove and one insert per assignment) and the filters that cannot change
 * within a batch are evaluated once per (court, bench, category, sensitive), so a case costs about one pass
 * over the officers short-listed by those filters, plus the length of the lists it returns. Lists are cut
 * at BULK_LIST_LIMIT and BULK_EXCLUDED_LIMIT unless opts say otherwise. `opts.assignTo(k, decision)` names
 * the officer who actually receives case k — an override, or the officer a ledger says got it — and that
 * officer's facts move instead (null: nobody; an id not among the officers: nothing moves).
 */
// biome-ignore format: compact signature
export function decideMany(
  cases: readonly CaseFacts[], officers: readonly OfficerFacts[], policy: PolicyConfig,
  seedFor: (caseId: string) => string, tiers: TierTotals, now: string, opts: BulkOptions = {},
): Decision[] {
  const nowMs = parseTime(now, "now");
  const s = prepare(officers, policy, tiers);
  const limits = limitsOf(opts, BULK_LIST_LIMIT, BULK_EXCLUDED_LIMIT);
  return cases.map((c, k) => {
    const d = core(c, s, policy, seedFor(c.id), limits);
    const to = opts.assignTo ? opts.assignTo(k, d) : d.chosenOfficerId;
    const o = to === null ? undefined : s.index.get(to);
    if (o === undefined) return d;
    s.order.splice(lowerBound(s.order, o, s.cmp), 1);
    o.load += c.weight;
    o.openCases += 1;
    o.lastMs = nowMs + k;
    o.lastAt = d.assignedAt = new Date(nowMs + k).toISOString();
    s.order.splice(lowerBound(s.order, o, s.cmp), 0, o);
    s.tiers.byTier[o.tier] = (s.tiers.byTier[o.tier] ?? 0) + 1;
    return d;
  });
}

function lowerBound(a: Officer[], o: Officer, cmp: Cmp): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(a[mid]!, o) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
