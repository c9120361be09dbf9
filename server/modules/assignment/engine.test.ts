/**
 * The pure assignment engine: property tests (fast-check) against an independent model of the rules written
 * from the facts, and example tests of the plain-language explanations.
 */
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyAssignment, replay, replayMany } from "./engine.replay.ts";
import {
  BULK_EXCLUDED_LIMIT,
  BULK_LIST_LIMIT,
  batchStamp,
  type CaseFacts,
  type Decision,
  decide,
  decideMany,
  type OfficerFacts,
  type PolicyConfig,
  TIERS,
  type Tier,
  type TierTotals,
} from "./engine.ts";

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries: 3 courts × 2 benches, the nine categories, a small pool of parties and organisations (so that
// conflicts actually hit), a few timestamps (so that rotation ties happen; two spell the same instant).

const COURTS = ["c1", "c2", "c3"];
const BENCHES = ["b1", "b2"];
const CATEGORIES = [
  "service",
  "tax",
  "land",
  "contract",
  "constitutional",
  "criminal",
  "banking",
  "customs",
  "other",
];
const PARTIES = ["Muhammad Athar", "Federal Board of Revenue", "Ayesha Khan", "WAPDA"];
const ORGS = ["org1", "org2", "org3"];
const TIMES = [
  "2026-01-01T00:00:00.000Z",
  "2026-03-01T09:00:00.000Z",
  "2026-03-01T09:00:00Z",
  "2026-06-15T12:30:00.000Z",
];
const NOW = "2026-11-22T10:00:00.000Z";

const mostly = (p: number) => fc.integer({ min: 0, max: 99 }).map((n) => n < p * 100);
const halves = (max: number) => fc.integer({ min: 0, max: max * 2 }).map((n) => n / 2);
/** A declared conflict spelt differently from the case's party name (case, spaces). */
const spelt = fc
  .tuple(fc.constantFrom(...PARTIES), fc.constantFrom(0, 1, 2))
  .map(([p, v]) => (v === 0 ? p : v === 1 ? p.toUpperCase() : `  ${p.replace(" ", "   ")} `));

const officerBody = fc.record({
  tier: fc.constantFrom(...TIERS),
  active: mostly(0.9),
  seats: fc.array(
    fc.record({
      courtId: fc.constantFrom(...COURTS),
      benchId: fc.option(fc.constantFrom(...BENCHES), { nil: null }),
    }),
    { maxLength: 3 },
  ),
  expertise: fc.subarray(CATEGORIES),
  maxLoad: halves(30),
  onLeave: mostly(0.15),
  conflicts: fc.record({
    partyNames: fc.oneof(fc.constant<string[]>([]), fc.array(spelt, { maxLength: 2 })),
    organisationIds: fc.oneof(fc.constant<string[]>([]), fc.subarray(ORGS, { maxLength: 1 })),
  }),
  load: halves(20),
  openCases: fc.integer({ min: 0, max: 10 }),
  lastAssignedAt: fc.option(fc.constantFrom(...TIMES), { nil: null }),
});
/** Ids "o0", "o1", … "o10": string order differs from numeric order, which the id tie-break must not mind. */
const officersArb = (max = 12) =>
  fc
    .array(officerBody, { maxLength: max })
    .map((bs) => bs.map((b, i): OfficerFacts => ({ ...b, id: `o${i}`, name: `Officer ${i}` })));

const caseArb = fc.record({
  id: fc.constantFrom("case-1", "case-2", "WP 1234/2025"),
  courtId: fc.constantFrom(...COURTS),
  benchId: fc.option(fc.constantFrom(...BENCHES), { nil: null }),
  category: fc.constantFrom(...CATEGORIES),
  organisationId: fc.constantFrom(...ORGS),
  partyNames: fc.subarray([...PARTIES, "muhammad  athar"], { maxLength: 3 }),
  weight: fc.constantFrom(0, 0.5, 1, 1, 1.5, 2, 3),
  sensitive: mostly(0.25),
  relatedOfficerIds: fc.shuffledSubarray(["o0", "o1", "o2", "o3", "o5", "o10", "ghost"], { maxLength: 4 }),
});
const casesArb = (max: number) =>
  fc.array(caseArb, { maxLength: max }).map((cs) => cs.map((c, i) => ({ ...c, id: `k${i}` })));

const policyArb: fc.Arbitrary<PolicyConfig> = fc.record({
  strategy: fc.constantFrom("rotation", "least_load", "random_top_k"),
  topK: fc.integer({ min: 1, max: 5 }),
  requireSeat: mostly(0.6),
  requireExpertise: mostly(0.5),
  respectCapacity: mostly(0.7),
  keepRelated: fc.boolean(),
  sensitiveTiers: fc.subarray([...TIERS]),
  tierCaps: fc.dictionary(fc.constantFrom(...TIERS), fc.constantFrom(0.05, 0.1, 0.25, 0.29, 0.5, 1), {
    maxKeys: 2,
  }) as fc.Arbitrary<Partial<Record<Tier, number>>>,
});
const tiersArb: fc.Arbitrary<TierTotals> = fc.record({
  pendingTotal: fc.integer({ min: 0, max: 100 }),
  byTier: fc.dictionary(fc.constantFrom(...TIERS), fc.integer({ min: 0, max: 20 }), {
    maxKeys: 5,
  }) as fc.Arbitrary<Partial<Record<Tier, number>>>,
});
const scenario = fc.record({
  officers: officersArb(),
  c: caseArb,
  policy: policyArb,
  tiers: tiersArb,
  seed: fc.string({ maxLength: 12 }),
});

// ---------------------------------------------------------------------------------------------------------------
// The model: each rule written again, directly from the facts.

const norm = (s: string) => s.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
const time = (iso: string | null) => (iso === null ? Number.NEGATIVE_INFINITY : Date.parse(iso));
const cmpNum = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0);
const cmpId = (a: OfficerFacts, b: OfficerFacts) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const leastLoad = (a: OfficerFacts, b: OfficerFacts) =>
  cmpNum(a.load, b.load) ||
  cmpNum(a.openCases, b.openCases) ||
  cmpNum(time(a.lastAssignedAt), time(b.lastAssignedAt)) ||
  cmpId(a, b);
const turn = (a: OfficerFacts, b: OfficerFacts) =>
  cmpNum(time(a.lastAssignedAt), time(b.lastAssignedAt)) || cmpId(a, b);

const filters = {
  inactive: (o: OfficerFacts) => !o.active,
  on_leave: (o: OfficerFacts) => o.onLeave,
  no_seat: (o: OfficerFacts, c: CaseFacts, p: PolicyConfig) =>
    p.requireSeat &&
    !o.seats.some(
      (s) => s.courtId === c.courtId && (c.benchId === null || s.benchId === null || s.benchId === c.benchId),
    ),
  no_expertise: (o: OfficerFacts, c: CaseFacts, p: PolicyConfig) =>
    p.requireExpertise && !o.expertise.includes(c.category),
  tier_not_allowed_sensitive: (o: OfficerFacts, c: CaseFacts, p: PolicyConfig) =>
    c.sensitive && !p.sensitiveTiers.includes(o.tier),
  conflict_party: (o: OfficerFacts, c: CaseFacts) =>
    c.partyNames.some((n) => o.conflicts.partyNames.some((q) => norm(q) === norm(n))),
  conflict_organisation: (o: OfficerFacts, c: CaseFacts) =>
    o.conflicts.organisationIds.includes(c.organisationId),
  at_capacity: (o: OfficerFacts, c: CaseFacts, p: PolicyConfig) =>
    p.respectCapacity && o.load + c.weight > o.maxLoad,
  tier_cap_reached: (o: OfficerFacts, _c: CaseFacts, p: PolicyConfig, t: TierTotals) => {
    const cap = p.tierCaps[o.tier];
    return cap !== undefined && (t.byTier[o.tier] ?? 0) + 1 > cap * t.pendingTotal + 1e-9;
  },
};
type Code = keyof typeof filters;

/** The reason codes the model expects, in the documented order; a party conflict once per distinct party. */
function expectedCodes(o: OfficerFacts, c: CaseFacts, p: PolicyConfig, t: TierTotals): string[] {
  const codes: string[] = [];
  for (const code of Object.keys(filters) as Code[]) {
    if (code === "conflict_party") {
      const parties = [...new Set(c.partyNames.map(norm))];
      for (const n of parties) if (o.conflicts.partyNames.some((q) => norm(q) === n)) codes.push(code);
    } else if (filters[code](o, c, p, t)) codes.push(code);
  }
  return codes;
}

function expectedRanking(c: CaseFacts, os: readonly OfficerFacts[], p: PolicyConfig, t: TierTotals) {
  const eligible = os.filter((o) => expectedCodes(o, c, p, t).length === 0);
  const related = p.keepRelated
    ? eligible.filter((o) => c.relatedOfficerIds.includes(o.id)).sort(leastLoad)
    : [];
  const rest = eligible
    .filter((o) => !related.includes(o))
    .sort(p.strategy === "rotation" ? turn : leastLoad);
  return { related, order: [...related, ...rest] };
}

function drawOf(seed: string, caseId: string, poolSize: number) {
  const digest = createHash("sha256").update(`${seed}:${caseId}`).digest();
  return Number(digest.readBigUInt64BE(0) % BigInt(poolSize));
}

const ids = (d: Decision) => d.candidates.map((x) => x.officerId);
const withoutSeed = ({ seed: _seed, ...rest }: Decision) => rest;
const spread = (loads: number[]) => (loads.length === 0 ? 0 : Math.max(...loads) - Math.min(...loads));

// ---------------------------------------------------------------------------------------------------------------

describe("eligibility (property tests against the model)", () => {
  it("never chooses an ineligible officer: the chosen one passes every filter, checked one by one", () => {
    fc.assert(
      fc.property(scenario, ({ officers, c, policy, tiers, seed }) => {
        const d = decide(c, officers, policy, seed, tiers);
        if (d.chosenOfficerId === null) return;
        const o = officers.find((x) => x.id === d.chosenOfficerId)!;
        expect(o.active).toBe(true);
        expect(o.onLeave).toBe(false);
        if (policy.requireSeat)
          expect(
            o.seats.some(
              (s) =>
                s.courtId === c.courtId &&
                (s.benchId === null || c.benchId === null || s.benchId === c.benchId),
            ),
          ).toBe(true);
        if (policy.requireExpertise) expect(o.expertise).toContain(c.category);
        if (c.sensitive) expect(policy.sensitiveTiers).toContain(o.tier);
        for (const party of c.partyNames) expect(o.conflicts.partyNames.map(norm)).not.toContain(norm(party));
        expect(o.conflicts.organisationIds).not.toContain(c.organisationId);
        if (policy.respectCapacity) expect(o.load + c.weight).toBeLessThanOrEqual(o.maxLoad);
        const cap = policy.tierCaps[o.tier];
        if (cap !== undefined)
          expect((tiers.byTier[o.tier] ?? 0) + 1).toBeLessThanOrEqual(cap * tiers.pendingTotal + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it("every officer is a candidate or excluded, never both; each exclusion carries all of the model's reasons", () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(scenario, ({ officers, c, policy, tiers, seed }) => {
        const d = decide(c, officers, policy, seed, tiers);
        for (const e of d.excluded) for (const r of e.reasons) seen.set(r.code, (seen.get(r.code) ?? 0) + 1);
        const cand = new Set(ids(d));
        const excl = new Set(d.excluded.map((e) => e.officerId));
        expect(cand.size).toBe(d.candidates.length);
        expect(excl.size).toBe(d.excluded.length);
        expect(cand.size + excl.size).toBe(officers.length);
        for (const o of officers) {
          expect(cand.has(o.id) !== excl.has(o.id)).toBe(true);
          const expected = expectedCodes(o, c, policy, tiers);
          const e = d.excluded.find((x) => x.officerId === o.id);
          if (e) {
            expect(e.reasons.length).toBeGreaterThanOrEqual(1);
            expect(e.reasons.map((r) => r.code)).toEqual(expected);
            for (const r of e.reasons) expect(r.text.length).toBeGreaterThan(10);
          } else expect(expected).toEqual([]);
        }
        expect(d.omitted).toBeUndefined();
        expect(d.excluded.map((e) => e.officerId)).toEqual([...excl].sort());
        // excludedBy counts each excluded officer once, under the first of their reasons
        const firsts: Record<string, number> = {};
        for (const e of d.excluded) firsts[e.reasons[0]!.code] = (firsts[e.reasons[0]!.code] ?? 0) + 1;
        expect(d.excludedBy).toEqual(firsts);
        expect(Object.keys(d.excludedBy)).toEqual(Object.keys(d.excludedBy).sort());
      }),
      { numRuns: 1000 },
    );
    // not vacuous: every filter excluded someone
    for (const code of Object.keys(filters)) expect(seen.get(code) ?? 0, code).toBeGreaterThanOrEqual(5);
  });
});

describe("choice (property tests against the model)", () => {
  it("ranks in the order the strategy considers and chooses as the rules say", () => {
    const steps = new Map<string, number>();
    fc.assert(
      fc.property(scenario, ({ officers, c, policy, tiers, seed }) => {
        const d = decide(c, officers, policy, seed, tiers);
        steps.set(d.step, (steps.get(d.step) ?? 0) + 1);
        const { related, order } = expectedRanking(c, officers, policy, tiers);
        expect(ids(d)).toEqual(order.map((o) => o.id));
        expect(d.candidates.map((x) => x.rank)).toEqual(order.map((_, i) => i + 1));
        for (const x of d.candidates) expect(x.loadAfter).toBe(x.load + c.weight);
        if (order.length === 0) {
          expect(d).toMatchObject({ chosenOfficerId: null, step: "no_eligible_officer" });
        } else if (related.length > 0) {
          expect(d).toMatchObject({ chosenOfficerId: related[0]!.id, step: "related_case" });
        } else if (policy.strategy === "random_top_k") {
          const poolSize = Math.min(policy.topK, order.length);
          const index = drawOf(seed, c.id, poolSize);
          expect(d).toMatchObject({
            chosenOfficerId: order[index]!.id,
            step: "random_draw",
            draw: { index, poolSize },
          });
        } else {
          expect(d.chosenOfficerId).toBe(order[0]!.id);
          expect(d.step).toBe(policy.strategy);
        }
        if (d.step !== "random_draw") expect(d.draw).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
    // not vacuous: every step of the algorithm came up. A related case is about 1 scenario in 17, so 300 runs
    // once drew only 3 (CI, 23 Nov); 1,000 make fewer than 5 practically impossible.
    for (const step of ["related_case", "rotation", "least_load", "random_draw", "no_eligible_officer"])
      expect(steps.get(step) ?? 0, step).toBeGreaterThanOrEqual(5);
  });

  it("does not depend on the order of the officers array", () => {
    fc.assert(
      fc.property(
        scenario.chain((s) =>
          fc.tuple(fc.constant(s), fc.shuffledSubarray(s.officers, { minLength: s.officers.length })),
        ),
        ([{ officers, c, policy, tiers, seed }, shuffled]) => {
          expect(decide(c, shuffled, policy, seed, tiers)).toEqual(decide(c, officers, policy, seed, tiers));
        },
      ),
    );
  });
});

describe("determinism and replay", () => {
  it("same input and seed → the identical decision (deep-equal and byte-identical JSON)", () => {
    fc.assert(
      fc.property(scenario, ({ officers, c, policy, tiers, seed }) => {
        const a = decide(c, officers, policy, seed, tiers);
        const b = decide(
          structuredClone(c),
          structuredClone(officers),
          structuredClone(policy),
          seed,
          structuredClone(tiers),
        );
        expect(b).toEqual(a);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
    );
  });

  it("a different seed changes nothing but the seed under rotation and least_load; under random_top_k only the draw", () => {
    fc.assert(
      fc.property(scenario, fc.string({ maxLength: 12 }), ({ officers, c, policy, tiers, seed }, other) => {
        const a = decide(c, officers, policy, seed, tiers);
        const b = decide(c, officers, policy, other, tiers);
        expect(b.seed).toBe(other);
        if (policy.strategy !== "random_top_k" || a.step !== "random_draw") {
          expect(withoutSeed(b)).toEqual(withoutSeed(a));
        } else {
          expect(ids(b)).toEqual(ids(a)); // the pool and ranking do not depend on the seed
          expect(b.excluded).toEqual(a.excluded);
          expect(b.draw!.poolSize).toBe(a.draw!.poolSize);
        }
      }),
    );
  });

  it("replay(decide(…)) is null, also after a JSON round trip (a ledger row)", () => {
    fc.assert(
      fc.property(scenario, ({ officers, c, policy, tiers, seed }) => {
        const d = decide(c, officers, policy, seed, tiers);
        expect(replay(d, c, officers, policy, tiers)).toBeNull();
        expect(replay(JSON.parse(JSON.stringify(d)), c, officers, policy, tiers)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it("replay reports a difference whenever altered officer facts change the decision", () => {
    const alteration = fc.record({
      which: fc.nat(),
      load: fc.option(halves(20), { nil: undefined }),
      onLeave: fc.option(fc.boolean(), { nil: undefined }),
      lastAssignedAt: fc.option(fc.option(fc.constantFrom(...TIMES), { nil: null }), { nil: undefined }),
    });
    let changed = 0;
    fc.assert(
      fc.property(scenario, alteration, ({ officers, c, policy, tiers, seed }, alt) => {
        fc.pre(officers.length > 0);
        const d = decide(c, officers, policy, seed, tiers);
        const k = alt.which % officers.length;
        const altered = officers.map((o, i) =>
          i !== k
            ? o
            : {
                ...o,
                load: alt.load ?? o.load,
                onLeave: alt.onLeave ?? o.onLeave,
                lastAssignedAt: alt.lastAssignedAt === undefined ? o.lastAssignedAt : alt.lastAssignedAt,
              },
        );
        const e = decide(c, altered, policy, seed, tiers);
        const differs =
          e.chosenOfficerId !== d.chosenOfficerId || e.step !== d.step || ids(e).join() !== ids(d).join();
        if (differs) {
          changed++;
          expect(replay(d, c, altered, policy, tiers)).not.toBeNull();
        }
      }),
      { numRuns: 300 },
    );
    expect(changed).toBeGreaterThan(10); // the property was exercised, not vacuously true
  });

  it("putting the chosen officer on leave makes replay name the chosen officer as the difference", () => {
    fc.assert(
      fc.property(scenario, ({ officers, c, policy, tiers, seed }) => {
        const d = decide(c, officers, policy, seed, tiers);
        fc.pre(d.chosenOfficerId !== null);
        const altered = officers.map((o) => (o.id === d.chosenOfficerId ? { ...o, onLeave: true } : o));
        expect(replay(d, c, altered, policy, tiers)).toMatch(
          new RegExp(`^chosen officer: stored ${d.chosenOfficerId}, recomputed `),
        );
      }),
    );
  });
});

describe("decideMany", () => {
  const batch = fc.record({
    officers: officersArb(10),
    cases: casesArb(25),
    policy: policyArb,
    tiers: tiersArb,
    seed: fc.string({ maxLength: 8 }),
  });

  it("equals deciding case by case, applying each assignment (applyAssignment) before the next", () => {
    fc.assert(
      fc.property(batch, ({ officers, cases, policy, tiers, seed }) => {
        const seedFor = (id: string) => `${seed}/${id}`;
        const many = decideMany(cases, officers, policy, seedFor, tiers, NOW, {
          listLimit: Number.POSITIVE_INFINITY,
        });
        const limited = decideMany(cases, officers, policy, seedFor, tiers, NOW);
        let state = { officers: [...officers], tiers };
        cases.forEach((c, k) => {
          const d = decide(c, state.officers, policy, seedFor(c.id), state.tiers);
          const { assignedAt, ...rest } = many[k]!;
          expect(rest).toEqual(d);
          expect(assignedAt).toBe(d.chosenOfficerId === null ? undefined : batchStamp(NOW, k));
          // the default lists are a prefix of the full ones, and such a decision still replays
          expect(ids(limited[k]!)).toEqual(
            ids(d).slice(0, Math.max(BULK_LIST_LIMIT, (d.draw?.index ?? 0) + 1)),
          );
          expect(replay(limited[k]!, c, state.officers, policy, state.tiers)).toBeNull();
          if (d.chosenOfficerId !== null)
            state = applyAssignment(state.officers, state.tiers, c, d.chosenOfficerId, batchStamp(NOW, k));
        });
        expect(replayMany(limited, cases, officers, policy, tiers, NOW).every((r) => r === null)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("never assigns an ineligible officer at any point of the batch", () => {
    fc.assert(
      fc.property(batch, ({ officers, cases, policy, tiers, seed }) => {
        const ds = decideMany(cases, officers, policy, () => seed, tiers, NOW);
        let state = { officers: [...officers], tiers };
        cases.forEach((c, k) => {
          const chosen = ds[k]!.chosenOfficerId;
          const eligible = state.officers.filter(
            (o) => expectedCodes(o, c, policy, state.tiers).length === 0,
          );
          if (chosen === null) expect(eligible).toEqual([]);
          else {
            expect(eligible.map((o) => o.id)).toContain(chosen);
            state = applyAssignment(state.officers, state.tiers, c, chosen, batchStamp(NOW, k));
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  /*
   * Claim (least_load, every officer eligible for every case, weights ≥ 0): let S₀ be the initial spread of
   * weighted load (max − min over all officers) and W the largest weight in the batch. After each assignment,
   * and so after the batch, the spread is ≤ max(S₀, W). Proof: the case (weight w ≤ W) goes to an officer
   * with the minimum load m; the new maximum is max(M, m + w) and the new minimum is ≥ m, so the new spread is
   * ≤ max(M − m, w) ≤ max(S, W); by induction S_k ≤ max(S₀, W). Corollaries: from equal loads the spread stays
   * ≤ W; and when S₀ ≥ W the spread never grows. (Under capacity limits, seats, expertise, leave, conflicts
   * or tier caps the bound can fail — eligibility may forbid balancing — so the generator removes them.)
   * Loads and weights are multiples of 0.5, so the float sums are exact and the comparisons need no tolerance.
   */
  const balanced = fc.record({
    loads: fc.array(halves(20), { minLength: 1, maxLength: 12 }),
    equal: fc.boolean(),
    bodies: fc.array(officerBody, { minLength: 12, maxLength: 12 }),
    cases: fc.array(caseArb, { maxLength: 80 }).map((cs) => cs.map((c, i) => ({ ...c, id: `k${i}` }))),
    policy: policyArb.map(
      (p): PolicyConfig => ({
        ...p,
        strategy: "least_load",
        requireSeat: false,
        requireExpertise: false,
        respectCapacity: false,
        keepRelated: false,
        sensitiveTiers: [...TIERS],
        tierCaps: {},
      }),
    ),
    tiers: tiersArb,
  });

  it("least_load keeps the load spread ≤ max(initial spread, largest case weight); from equal loads ≤ largest weight", () => {
    fc.assert(
      fc.property(balanced, ({ loads, equal, bodies, cases, policy, tiers }) => {
        const officers: OfficerFacts[] = loads.map((load, i) => ({
          ...bodies[i]!,
          id: `o${i}`,
          name: `Officer ${i}`,
          active: true,
          onLeave: false,
          conflicts: { partyNames: [], organisationIds: [] },
          load: equal ? loads[0]! : load,
        }));
        const ds = decideMany(cases, officers, policy, () => "s", tiers, NOW);
        const current = new Map(officers.map((o) => [o.id, o.load]));
        const s0 = spread([...current.values()]);
        const w = Math.max(0, ...cases.map((c) => c.weight));
        cases.forEach((c, k) => {
          const chosen = ds[k]!.chosenOfficerId!;
          expect(ds[k]!.step).toBe("least_load");
          expect(current.get(chosen)).toBe(Math.min(...current.values())); // each step takes a minimum
          const before = spread([...current.values()]);
          current.set(chosen, current.get(chosen)! + c.weight);
          const after = spread([...current.values()]);
          expect(after).toBeLessThanOrEqual(Math.max(s0, w));
          if (before >= w) expect(after).toBeLessThanOrEqual(before);
        });
        const final = spread([...current.values()]);
        expect(final).toBeLessThanOrEqual(Math.max(s0, w));
        if (equal) expect(final).toBeLessThanOrEqual(w);
      }),
      { numRuns: 300 },
    );
  });

  it("never mutates its inputs", () => {
    fc.assert(
      fc.property(batch, ({ officers, cases, policy, tiers, seed }) => {
        const snapshot = structuredClone({ officers, cases, policy, tiers });
        decideMany(cases, officers, policy, () => seed, tiers, NOW);
        for (const c of cases) decide(c, officers, policy, seed, tiers);
        expect({ officers, cases, policy, tiers }).toEqual(snapshot);
      }),
      { numRuns: 50 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Examples

const officer = (id: string, name: string, over: Partial<OfficerFacts> = {}): OfficerFacts => ({
  id,
  name,
  tier: "standing_counsel",
  active: true,
  seats: [{ courtId: "IHC", benchId: null }],
  expertise: ["tax", "service"],
  maxLoad: 20,
  onLeave: false,
  conflicts: { partyNames: [], organisationIds: [] },
  load: 5,
  openCases: 4,
  lastAssignedAt: "2026-10-01T09:00:00.000Z",
  ...over,
});
const taxCase: CaseFacts = {
  id: "WP 1234/2025",
  courtId: "IHC",
  benchId: "DB-1",
  category: "tax",
  organisationId: "fbr",
  partyNames: ["Muhammad Athar", "Federal Board of Revenue"],
  weight: 2,
  sensitive: false,
  relatedOfficerIds: [],
};
const policy = (over: Partial<PolicyConfig> = {}): PolicyConfig => ({
  strategy: "least_load",
  topK: 3,
  requireSeat: true,
  requireExpertise: true,
  respectCapacity: true,
  keepRelated: true,
  sensitiveTiers: ["additional_ag", "deputy_ag"],
  tierCaps: {},
  ...over,
});
const totals: TierTotals = { pendingTotal: 200, byTier: {} };
const reasonsOf = (d: Decision, id: string) => d.excluded.find((e) => e.officerId === id)?.reasons ?? [];

describe("explanations in plain language", () => {
  const team = [
    officer("aamir", "Aamir Raza", { load: 7.5, openCases: 6 }),
    officer("bushra", "Bushra Anwar", { load: 3.5, openCases: 3 }),
    officer("danish", "Danish Iqbal", {
      conflicts: { partyNames: ["  muhammad   ATHAR "], organisationIds: [] },
    }),
  ];

  it("a party conflict names the party as written on the case, although declared in another spelling", () => {
    const d = decide(taxCase, team, policy(), "s", totals);
    const [reason] = reasonsOf(d, "danish");
    expect(reason).toMatchObject({ code: "conflict_party", params: { party: "Muhammad Athar" } });
    expect(reason!.text).toBe(
      'Conflict of interest: has declared an interest in the party "Muhammad Athar".',
    );
  });

  it("least_load: the step text gives the load figures of the chosen officer and of the next in line", () => {
    const d = decide(taxCase, team, policy(), "s", totals);
    expect(d.chosenOfficerId).toBe("bushra");
    expect(d.step).toBe("least_load");
    expect(d.stepText).toBe(
      "Least weighted load: assigned to Bushra Anwar, who carries 3.5 (5.5 after this case of weight 2, maximum 20), " +
        "the lowest among 2 eligible officers. The next in line was Aamir Raza (load 7.5).",
    );
    expect(d.stepParams).toMatchObject({ officerId: "bushra", load: 3.5, loadAfter: 5.5, nextLoad: 7.5 });
    expect(d.candidates[0]!.factors.map((f) => f.text)).toEqual([
      "Weighted load 3.5 of a maximum 20; 5.5 after this case (weight 2).",
      "3 open cases.",
      "Last assigned a case on 2026-10-01.",
    ]);
  });

  it("every exclusion reason reads as a sentence with its figures", () => {
    const d = decide(
      { ...taxCase, sensitive: true },
      [
        officer("x1", "Inactive Ikram", { active: false, onLeave: true }),
        officer("x2", "Seatless Sana", { seats: [{ courtId: "LHC", benchId: null }], expertise: ["land"] }),
        officer("x3", "Busy Bilal", {
          load: 19,
          tier: "deputy_ag",
          conflicts: { partyNames: [], organisationIds: ["fbr"] },
        }),
        officer("x4", "Capped Kamran", { tier: "additional_ag" }),
        officer("x5", "Bench Bano", { seats: [{ courtId: "IHC", benchId: "SB-2" }], tier: "deputy_ag" }),
      ],
      policy({ tierCaps: { additional_ag: 0.1 } }),
      "s",
      { pendingTotal: 200, byTier: { additional_ag: 20 } },
    );
    const texts = (id: string) => reasonsOf(d, id).map((r) => r.text);
    expect(texts("x1")).toEqual([
      "Not an active law officer.",
      "On leave on the decision date.",
      "Sensitive case: only Additional Attorney-General, Deputy Attorney-General may take it; this officer is Standing Counsel.",
    ]);
    expect(texts("x2")).toEqual([
      "Does not appear before court IHC, bench DB-1.",
      "Has no expertise in tax cases.",
      "Sensitive case: only Additional Attorney-General, Deputy Attorney-General may take it; this officer is Standing Counsel.",
    ]);
    expect(texts("x3")).toEqual([
      "Conflict of interest: has declared an interest in the organisation fbr.",
      "At capacity: load 19 + this case 2 = 21, above the maximum of 20.",
    ]);
    expect(texts("x4")).toEqual([
      "Tier cap reached: Additional Attorney-General officers already hold 20 of 200 pending cases; the cap of 10% allows 20.",
    ]);
    expect(texts("x5")).toEqual(["Does not appear before court IHC, bench DB-1."]);
    expect(d).toMatchObject({ chosenOfficerId: null, step: "no_eligible_officer", candidates: [] });
    expect(d.stepText).toBe(
      // two officers have no seat and two the wrong tier: a tie, broken by the code's alphabetical order
      "No officer is eligible: all 5 officers were excluded (most often: does not appear before this court or bench). The case stays in the queue.",
    );
  });

  it("rotation: the turn goes to the never-assigned officer first, then the oldest last assignment", () => {
    const os = [
      officer("a", "Asma", { lastAssignedAt: "2026-09-01T00:00:00.000Z" }),
      officer("b", "Bilal", { lastAssignedAt: "2026-08-01T00:00:00.000Z" }),
      officer("c", "Chaudhry", { lastAssignedAt: null, load: 15 }),
    ];
    const d = decide(taxCase, os, policy({ strategy: "rotation" }), "s", totals);
    expect(ids(d)).toEqual(["c", "b", "a"]);
    expect(d.stepText).toBe(
      "Turn basis: assigned to Chaudhry, whose turn came first among 3 eligible officers — they had not yet been assigned a case. " +
        "The next in line was Bilal (last assigned 2026-08-01).",
    );
    const next = decide(taxCase, os.slice(0, 2), policy({ strategy: "rotation" }), "s", totals);
    expect(next.stepText).toContain("their last assignment (2026-08-01) was the oldest");
  });

  it("random_top_k: the draw is sha256(seed:caseId) mod pool, among the k least loaded; anyone can recompute it", () => {
    const os = Array.from({ length: 8 }, (_, i) => officer(`p${i}`, `Panel ${i}`, { load: i }));
    for (const seed of ["a", "b", "c", "d", "e", "f"]) {
      const d = decide(taxCase, os, policy({ strategy: "random_top_k", topK: 3 }), seed, totals);
      const index = drawOf(seed, taxCase.id, 3);
      expect(d).toMatchObject({
        step: "random_draw",
        draw: { index, poolSize: 3 },
        chosenOfficerId: `p${index}`,
      });
      expect(d.stepText).toContain(`picked position ${index + 1}, Panel ${index} (load ${index})`);
      expect(d.candidates[3]!.factors.at(-1)!.code).toBe("outside_draw_pool");
    }
  });

  it("related cases stay with the holder; of several eligible holders the least loaded; an ineligible holder is passed over", () => {
    const os = [...team, officer("erum", "Erum Shah", { load: 1, onLeave: true })];
    const d = decide(
      { ...taxCase, relatedOfficerIds: ["aamir", "danish", "erum", "zz"] },
      os,
      policy(),
      "s",
      totals,
    );
    expect(d.chosenOfficerId).toBe("aamir"); // danish has a conflict, erum is on leave, zz is unknown
    expect(d.step).toBe("related_case");
    expect(d.stepText).toBe(
      "Assigned to Aamir Raza, who already holds a related case, so that linked matters stay with one officer (weighted load 7.5).",
    );
    expect(ids(d)).toEqual(["aamir", "bushra"]);
    expect(d.candidates[0]!.factors[0]!.code).toBe("holds_related_case");
    const both = decide({ ...taxCase, relatedOfficerIds: ["aamir", "bushra"] }, os, policy(), "s", totals);
    expect(both.chosenOfficerId).toBe("bushra"); // the lighter of the two holders, whatever the order given
    expect(both.stepText).toContain(
      "of the 2 eligible officers holding related cases, Bushra Anwar has the least weighted load (3.5)",
    );
    const off = decide(
      { ...taxCase, relatedOfficerIds: ["aamir"] },
      os,
      policy({ keepRelated: false }),
      "s",
      totals,
    );
    expect(off.chosenOfficerId).toBe("bushra");
  });
});

describe("rule details", () => {
  it("a seat with no bench covers every bench; a case with no bench accepts any seat at the court", () => {
    const os = [
      officer("any", "Any Bench", { seats: [{ courtId: "IHC", benchId: null }] }),
      officer("db1", "Bench One", { seats: [{ courtId: "IHC", benchId: "DB-1" }] }),
      officer("db2", "Bench Two", { seats: [{ courtId: "IHC", benchId: "DB-2" }] }),
    ];
    const eligible = (c: CaseFacts) => ids(decide(c, os, policy(), "s", totals)).sort();
    expect(eligible(taxCase)).toEqual(["any", "db1"]);
    expect(eligible({ ...taxCase, benchId: null })).toEqual(["any", "db1", "db2"]);
    expect(eligible({ ...taxCase, courtId: "LHC" })).toEqual([]);
    expect(
      ids(decide({ ...taxCase, courtId: "LHC" }, os, policy({ requireSeat: false }), "s", totals)),
    ).toHaveLength(3);
  });

  it("capacity: load + weight equal to the maximum is allowed, above it is not", () => {
    const os = [officer("a", "A", { load: 18, maxLoad: 20 }), officer("b", "B", { load: 18.5, maxLoad: 20 })];
    const d = decide(taxCase, os, policy(), "s", totals);
    expect(ids(d)).toEqual(["a"]);
    expect(reasonsOf(d, "b").map((r) => r.code)).toEqual(["at_capacity"]);
    expect(ids(decide(taxCase, os, policy({ respectCapacity: false }), "s", totals))).toEqual(["a", "b"]);
  });

  it("tier cap: held + 1 ≤ cap × pending, without floating-point surprises (29% of 100 allows 29)", () => {
    const os = [officer("s", "Senior", { tier: "deputy_ag" })];
    const at = (held: number) =>
      decide(taxCase, os, policy({ tierCaps: { deputy_ag: 0.29 } }), "s", {
        pendingTotal: 100,
        byTier: { deputy_ag: held },
      });
    expect(at(28).chosenOfficerId).toBe("s");
    expect(at(29).chosenOfficerId).toBeNull();
    expect(reasonsOf(at(29), "s")[0]).toMatchObject({
      code: "tier_cap_reached",
      params: { held: 29, limit: 29, capPercent: 29 },
    });
  });

  it("least_load ties: fewer open cases, then the older last assignment, then id", () => {
    const os = [
      officer("d", "D", { load: 4, openCases: 2, lastAssignedAt: "2026-01-01T00:00:00Z" }),
      officer("c", "C", { load: 4, openCases: 2, lastAssignedAt: "2026-01-01T00:00:00.000Z" }),
      officer("b", "B", { load: 4, openCases: 2, lastAssignedAt: null }),
      officer("a", "A", { load: 4, openCases: 3, lastAssignedAt: null }),
    ];
    expect(ids(decide(taxCase, os, policy(), "s", totals))).toEqual(["b", "c", "d", "a"]);
  });

  it("decideMany: least_load spreads equal officers; rotation takes strict turns whatever the loads", () => {
    const os = ["a", "b", "c"].map((id) =>
      officer(id, id.toUpperCase(), { load: 0, openCases: 0, lastAssignedAt: null }),
    );
    const cases = Array.from({ length: 7 }, (_, i) => ({ ...taxCase, id: `k${i}`, weight: 1 }));
    const ds = decideMany(cases, os, policy(), () => "s", totals, NOW);
    expect(ds.map((d) => d.chosenOfficerId)).toEqual(["a", "b", "c", "a", "b", "c", "a"]);
    expect(ds.map((d) => d.candidates.find((x) => x.officerId === "a")!.load)).toEqual([0, 1, 1, 1, 2, 2, 2]);
    // rotation ignores load and open cases: the turn goes round even to the busiest officer
    const uneven = os.map((o, i) => ({ ...o, load: i * 5, openCases: i * 10 }));
    const turns = decideMany(cases, uneven, policy({ strategy: "rotation" }), () => "s", totals, NOW);
    expect(turns.map((d) => d.chosenOfficerId)).toEqual(["a", "b", "c", "a", "b", "c", "a"]);
  });

  it("decideMany stamps the k-th case now + k ms, so turns within one batch never tie", () => {
    const os = [officer("a", "A", { lastAssignedAt: null }), officer("b", "B", { lastAssignedAt: null })];
    const cases = [0, 1, 2].map((i) => ({ ...taxCase, id: `k${i}` }));
    const ds = decideMany(cases, os, policy({ strategy: "rotation" }), () => "s", totals, NOW);
    expect(ds.map((d) => d.assignedAt)).toEqual([
      "2026-11-22T10:00:00.000Z",
      "2026-11-22T10:00:00.001Z",
      "2026-11-22T10:00:00.002Z",
    ]);
    expect(
      ds[2]!.candidates.map((x) => x.factors.find((f) => f.code === "last_assigned")?.params.at),
    ).toEqual(["2026-11-22T10:00:00.000Z", "2026-11-22T10:00:00.001Z"]);
    expect(batchStamp(NOW, 1000)).toBe("2026-11-22T10:00:01.000Z");
    const none = decideMany([{ ...taxCase, courtId: "LHC" }], os, policy(), () => "s", totals, NOW);
    expect(none[0]!.assignedAt).toBeUndefined();
  });

  it("decideMany cuts the lists at BULK_LIST_LIMIT / BULK_EXCLUDED_LIMIT, says how many were left off and counts the exclusions by reason; replay still reproduces", () => {
    const os = Array.from({ length: 30 }, (_, i) =>
      officer(`o${String(i).padStart(2, "0")}`, `O ${i}`, { load: i % 7, onLeave: i % 3 === 0 }),
    );
    const cases = [taxCase, { ...taxCase, id: "k2" }];
    const [first] = decideMany(cases, os, policy(), () => "s", totals, NOW);
    expect(first!.candidates).toHaveLength(BULK_LIST_LIMIT);
    expect(first!.excluded).toHaveLength(BULK_EXCLUDED_LIMIT);
    expect(first!.omitted).toEqual({ candidates: 20 - BULK_LIST_LIMIT, excluded: 10 - BULK_EXCLUDED_LIMIT });
    expect(first!.excludedBy).toEqual({ on_leave: 10 });
    expect(replay(first!, taxCase, os, policy(), totals)).toBeNull();
    const tampered = { ...first!, omitted: { candidates: 0, excluded: 0 } };
    expect(replay(tampered, taxCase, os, policy(), totals)).toBe(
      `eligible officers: stored ${BULK_LIST_LIMIT}, recomputed 20`,
    );
    const forged = { ...first!, excludedBy: { no_seat: 10 } };
    expect(replay(forged, taxCase, os, policy(), totals)).toBe(
      'exclusions by reason: stored {"no_seat":10}, recomputed {"on_leave":10}',
    );
    const full = decideMany(cases, os, policy(), () => "s", totals, NOW, {
      listLimit: Number.POSITIVE_INFINITY,
    });
    expect(full[0]!.candidates).toHaveLength(20);
    expect(full[0]!.excluded).toHaveLength(10);
    expect(full[0]!.omitted).toBeUndefined();
  });

  it("replay describes the first difference in words", () => {
    const team = [
      officer("a", "A", { load: 1 }),
      officer("b", "B", { load: 2 }),
      officer("c", "C", { load: 3 }),
    ];
    const d = decide(taxCase, team, policy(), "s", totals);
    const moved = team.map((o) => (o.id === "c" ? { ...o, load: 1.5 } : o));
    expect(replay(d, taxCase, moved, policy(), totals)).toBe("candidate at rank 2: stored b, recomputed c");
    const heavier = team.map((o) => (o.id === "b" ? { ...o, load: 2.5 } : o));
    expect(replay(d, taxCase, heavier, policy(), totals)).toBe(
      "load of candidate b: stored 2→4, recomputed 2.5→4.5",
    );
    expect(replay(d, taxCase, team, policy({ strategy: "rotation" }), totals)).toBe(
      "step: stored least_load, recomputed rotation",
    );
    expect(replay({ ...d, seed: "other" }, taxCase, team, policy(), totals)).toBeNull(); // seeds only matter for draws
  });

  it("refuses malformed input instead of deciding on it", () => {
    const os = [officer("a", "A")];
    expect(() => decide(taxCase, [...os, officer("a", "Again")], policy(), "s", totals)).toThrow(
      /duplicate officer id a/,
    );
    expect(() => decide({ ...taxCase, weight: -1 }, os, policy(), "s", totals)).toThrow(/weight/);
    expect(() => decide(taxCase, os, policy({ strategy: "random_top_k", topK: 0 }), "s", totals)).toThrow(
      /topK/,
    );
    expect(() =>
      decide(taxCase, [officer("b", "B", { lastAssignedAt: "yesterday" })], policy(), "s", totals),
    ).toThrow(/lastAssignedAt/);
    expect(() => decideMany([taxCase], os, policy(), () => "s", totals, "now")).toThrow(/now/);
  });
});
