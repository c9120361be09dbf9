/**
 * Micro-benchmark of the pure assignment engine (server/modules/assignment/engine.ts): no database, no HTTP.
 *
 *   npx node bench/assignment-engine.bench.ts          (BENCH_RUNS=200 decisions for the median by default)
 *
 * Data is generated from a fixed PRNG seed, so every run decides the same inputs:
 *  - "mixed": 1,000 officers over 8 courts × 3 benches (1–3 seats each, some for every bench), 2–4 of 9
 *    categories, 5% on leave, 3% inactive, a few conflicts; most officers are excluded for a given case, as in
 *    a real office;
 *  - "all eligible": the same 1,000 officers, every one eligible for every case (the widest candidate lists).
 * Figures: one decide() among 1,000 officers (median, p95 and max of BENCH_RUNS runs, full lists of candidates
 * and exclusions with texts); decideMany() of 10,000 cases over 1,000 officers for each strategy (median and
 * min of BENCH_BULK_RUNS=3 runs; lists cut at BULK_LIST_LIMIT, the default, and once at 20); replayMany() of
 * one such batch. Goals from issue 3, which include the database: a suggestion under 20 ms, a bulk of 10,000
 * under 2 s; the pure part should be a small fraction of both. Wall-clock times: a busy machine inflates them.
 */
import os from "node:os";
import { replayMany } from "../server/modules/assignment/engine.replay.ts";
import {
  BULK_LIST_LIMIT,
  type CaseFacts,
  type Decision,
  decide,
  decideMany,
  type OfficerFacts,
  type PolicyConfig,
  TIERS,
  type TierTotals,
} from "../server/modules/assignment/engine.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
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
const COURTS = 8;
const BENCHES = 3;

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(20261122);
const int = (n: number) => Math.floor(rnd() * n);
const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!;

function officers(n: number): OfficerFacts[] {
  return Array.from({ length: n }, (_, i) => {
    const seats = Array.from({ length: 1 + int(3) }, () => ({
      courtId: `court-${int(COURTS)}`,
      benchId: rnd() < 0.3 ? null : `bench-${int(BENCHES)}`,
    }));
    const expertise = [...new Set(Array.from({ length: 2 + int(3) }, () => pick(CATEGORIES)))];
    return {
      id: `officer-${String(i).padStart(4, "0")}`,
      name: `Officer ${i}`,
      tier: TIERS[Math.min(4, int(6))]!,
      active: rnd() > 0.03,
      seats,
      expertise,
      maxLoad: 40 + int(40),
      onLeave: rnd() < 0.05,
      conflicts: { partyNames: rnd() < 0.05 ? [`Party ${int(50)}`] : [], organisationIds: [] },
      load: int(30),
      openCases: int(20),
      lastAssignedAt:
        rnd() < 0.1 ? null : new Date(Date.UTC(2026, 0, 1) + int(300) * 86_400_000).toISOString(),
    };
  });
}

function cases(n: number): CaseFacts[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `case-${i}`,
    courtId: `court-${int(COURTS)}`,
    benchId: rnd() < 0.2 ? null : `bench-${int(BENCHES)}`,
    category: pick(CATEGORIES),
    organisationId: `org-${int(30)}`,
    partyNames: [`Party ${int(50)}`, "Federation of Pakistan"],
    weight: pick([0.5, 1, 1, 1, 2, 3]),
    sensitive: rnd() < 0.05,
    relatedOfficerIds: rnd() < 0.1 ? [`officer-${String(int(1000)).padStart(4, "0")}`] : [],
  }));
}

const strict = (strategy: PolicyConfig["strategy"]): PolicyConfig => ({
  strategy,
  topK: 5,
  requireSeat: true,
  requireExpertise: true,
  respectCapacity: true,
  keepRelated: true,
  sensitiveTiers: ["additional_ag", "deputy_ag"],
  tierCaps: { additional_ag: 0.1 },
});
const open = (strategy: PolicyConfig["strategy"]): PolicyConfig => ({
  ...strict(strategy),
  requireSeat: false,
  requireExpertise: false,
  respectCapacity: false,
  sensitiveTiers: [...TIERS],
  tierCaps: {},
});
const allEligible = (os: OfficerFacts[]) =>
  os.map((o) => ({ ...o, active: true, onLeave: false, conflicts: { partyNames: [], organisationIds: [] } }));

const tiers: TierTotals = { pendingTotal: 20_000, byTier: { additional_ag: 100 } };
const ms = (t0: number) => performance.now() - t0;
const q = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const f = (x: number) => x.toFixed(2).padStart(8);

function single(label: string, os: OfficerFacts[], policy: PolicyConfig, cs: CaseFacts[]) {
  for (let i = 0; i < 20; i++) decide(cs[i]!, os, policy, `warm-${i}`, tiers);
  const times: number[] = [];
  let eligible = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const d = decide(cs[i % cs.length]!, os, policy, `seed-${i}`, tiers);
    times.push(ms(t0));
    eligible += d.candidates.length;
  }
  const avg = Math.round(eligible / RUNS);
  console.log(
    `decide, ${label.padEnd(30)} median ${f(q(times, 0.5))} ms  p95 ${f(q(times, 0.95))} ms  max ${f(Math.max(...times))} ms  (avg ${avg} candidates)`,
  );
}

const NOW = "2026-11-22T12:00:00.000Z";
const BULK_RUNS = Number(process.env.BENCH_BULK_RUNS ?? 3);

function bulk(label: string, os: OfficerFacts[], policy: PolicyConfig, cs: CaseFacts[], listLimit?: number) {
  const opts = listLimit === undefined ? {} : { listLimit };
  decideMany(cs.slice(0, 500), os, policy, (id) => `warm:${id}`, tiers, NOW, opts);
  const times: number[] = [];
  let ds: Decision[] = [];
  for (let r = 0; r < BULK_RUNS; r++) {
    const t0 = performance.now();
    ds = decideMany(cs, os, policy, (id) => `seed:${id}`, tiers, NOW, opts);
    times.push(ms(t0));
  }
  const assigned = ds.filter((d) => d.chosenOfficerId !== null).length;
  console.log(
    `decideMany ${cs.length} cases, ${label.padEnd(38)} median ${f(q(times, 0.5))} ms  min ${f(Math.min(...times))} ms  (${assigned} assigned)`,
  );
  return ds;
}

const base = officers(1000);
const everyone = allEligible(base);
const cs1 = cases(RUNS);
const cs10k = cases(10_000);
console.log(
  `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, load ${os.loadavg()[0]!.toFixed(2)}`,
);
console.log(`1,000 officers; ${RUNS} single decisions; bulk list limit ${BULK_LIST_LIMIT}\n`);
for (const s of ["least_load", "rotation", "random_top_k"] as const)
  single(`mixed, ${s}`, base, strict(s), cs1);
for (const s of ["least_load", "rotation", "random_top_k"] as const)
  single(`all eligible, ${s}`, everyone, open(s), cs1);
console.log("");
for (const s of ["least_load", "rotation", "random_top_k"] as const)
  bulk(`mixed, ${s}`, base, strict(s), cs10k);
for (const s of ["least_load", "rotation", "random_top_k"] as const)
  bulk(`all eligible, ${s}`, everyone, open(s), cs10k);
bulk("all eligible, least_load, listLimit 20", everyone, open("least_load"), cs10k, 20);
const stored = bulk("mixed, random_top_k (kept for replay)", base, strict("random_top_k"), cs10k);
const t0 = performance.now();
const failures = replayMany(stored, cs10k, base, strict("random_top_k"), tiers, NOW).filter(
  (r) => r !== null,
);
console.log(
  `replayMany of those ${cs10k.length} decisions: ${f(ms(t0))} ms, ${failures.length} not reproduced`,
);
