/**
 * Competences from training in the engine (issue 9): "prefer" ranks holders first, "require" excludes the
 * others, "ignore" (and policies from before competences) decide exactly as before; a case that no competence
 * covers is never affected. Example tests of the explanations, and a property over random officers.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { replay } from "./engine.replay.ts";
import { type CaseFacts, decide, decideMany, type OfficerFacts, type PolicyConfig } from "./engine.ts";

const officer = (
  id: string,
  load: number,
  competences: string[] = [],
  lastAssignedAt: string | null = null,
): OfficerFacts => ({
  id,
  name: `Officer ${id}`,
  tier: "deputy_ag",
  active: true,
  seats: [{ courtId: "ihc", benchId: null }],
  expertise: [],
  maxLoad: 100,
  onLeave: false,
  conflicts: { partyNames: [], organisationIds: [] },
  load,
  openCases: load,
  lastAssignedAt,
  competences,
});
const theCase = (competences: string[] | null = ["limitation_appeals"]): CaseFacts => ({
  id: "case-1",
  courtId: "ihc",
  benchId: null,
  category: "service",
  organisationId: "org",
  partyNames: [],
  weight: 1,
  sensitive: false,
  relatedOfficerIds: [],
  ...(competences ? { competences } : {}),
});
const policy = (
  competence: PolicyConfig["competence"],
  strategy: PolicyConfig["strategy"] = "least_load",
): PolicyConfig => ({
  strategy,
  topK: 2,
  requireSeat: true,
  requireExpertise: false,
  respectCapacity: true,
  keepRelated: true,
  sensitiveTiers: ["deputy_ag"],
  tierCaps: {},
  ...(competence ? { competence } : {}),
});
const tiers = { pendingTotal: 0, byTier: {} };
// a has the least load but no competence; b holds it with more load
const officers = [officer("a", 1), officer("b", 5, ["limitation_appeals"]), officer("c", 3)];

describe("competence in the assignment engine", () => {
  it("prefer: a holder of the competence the case calls for ranks ahead of a less loaded officer, and says why", () => {
    const d = decide(theCase(), officers, policy("prefer"), "seed", tiers);
    expect(d.chosenOfficerId).toBe("b");
    expect(d.candidates.map((c) => c.officerId)).toEqual(["b", "a", "c"]);
    expect(d.candidates[0]!.factors.map((f) => f.code)).toContain("holds_competence");
    expect(d.candidates[1]!.factors.map((f) => f.code)).not.toContain("holds_competence");
    expect(d.stepText).toContain(
      "the lowest among 1 eligible officer holding a competence this case calls for (ranked ahead of the other 2)",
    );
    expect(d.stepParams).toMatchObject({ competentEligible: 1, eligible: 3 });
  });

  it("require: officers without it are excluded with the reason; ignore and an older policy decide on load alone", () => {
    const required = decide(theCase(), officers, policy("require"), "seed", tiers);
    expect(required.chosenOfficerId).toBe("b");
    expect(required.excluded.map((e) => [e.officerId, e.reasons[0]!.code])).toEqual([
      ["a", "no_competence"],
      ["c", "no_competence"],
    ]);
    expect(required.excluded[0]!.reasons[0]!.text).toContain("limitation_appeals");
    expect(decide(theCase(), officers, policy("ignore"), "seed", tiers).chosenOfficerId).toBe("a");
    expect(decide(theCase(), officers, policy(undefined), "seed", tiers).chosenOfficerId).toBe("a");
  });

  it("a case no competence covers, or officers with no competence facts (an older ledger), are not affected", () => {
    expect(decide(theCase([]), officers, policy("require"), "seed", tiers).chosenOfficerId).toBe("a");
    expect(decide(theCase(null), officers, policy("prefer"), "seed", tiers).chosenOfficerId).toBe("a");
    const old = officers.map(({ competences: _held, ...o }) => o);
    expect(decide(theCase(), old, policy("prefer"), "seed", tiers).chosenOfficerId).toBe("a");
  });

  it("rotation and the draw pool also take holders first; decisions replay", () => {
    const rotating = [
      officer("a", 1, [], "2026-01-01T00:00:00Z"),
      officer("b", 1, ["limitation_appeals"], "2026-06-01T00:00:00Z"),
    ];
    expect(decide(theCase(), rotating, policy("prefer", "rotation"), "s", tiers).chosenOfficerId).toBe("b");
    const pool = [
      officer("a", 1),
      officer("b", 2),
      officer("c", 9, ["limitation_appeals"]),
      officer("d", 8, ["limitation_appeals"]),
    ];
    for (const seed of ["1", "2", "3", "4", "5", "6"]) {
      const d = decide(theCase(), pool, policy("prefer", "random_top_k"), seed, tiers);
      expect(["c", "d"]).toContain(d.chosenOfficerId);
      expect(replay(d, theCase(), pool, policy("prefer", "random_top_k"), tiers)).toBeNull();
    }
    // replaying a "prefer" decision without the competences does not reproduce it
    const d = decide(theCase(), officers, policy("prefer"), "seed", tiers);
    expect(replay(d, theCase(), officers, policy("ignore"), tiers)).toMatch(/chosen officer/);
  });

  it("property: with prefer every holder ranks before every other eligible officer, each group in least-load order", () => {
    const arb = fc.array(
      fc.record({ load: fc.integer({ min: 0, max: 20 }), held: fc.boolean(), away: fc.boolean() }),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const pool = rows.map((r, i) => ({
          ...officer(`o${String(i).padStart(2, "0")}`, r.load, r.held ? ["limitation_appeals"] : []),
          onLeave: r.away,
        }));
        const d = decide(theCase(), pool, policy("prefer"), "seed", tiers);
        const ranked = d.candidates.map((c) => pool.find((o) => o.id === c.officerId)!);
        const heldFlags = ranked.map((o) => (o.competences ?? []).length > 0);
        expect(heldFlags).toEqual([...heldFlags].sort((x, y) => Number(y) - Number(x)));
        for (const group of [
          ranked.filter((o) => o.competences!.length > 0),
          ranked.filter((o) => o.competences!.length === 0),
        ])
          for (let i = 1; i < group.length; i++) expect(group[i - 1]!.load <= group[i]!.load).toBe(true);
        // a batch of one decides the same as one decision
        expect(
          decideMany([theCase()], pool, policy("prefer"), () => "seed", tiers, "2026-11-22T10:00:00Z")[0]!
            .chosenOfficerId,
        ).toBe(d.chosenOfficerId);
      }),
    );
  });
});
