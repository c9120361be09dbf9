import { caseNumberKey } from "../../../common/case-number.ts";
import { drawCase, type PlanContext, type PlannedCase } from "../demo/demo.plan.ts";
import { type Forum, type Matter, PROFILES, type Profile } from "../demo/demo.profiles.ts";
import type { Rng } from "../demo/demo.random.ts";

/**
 * Drawing the synthetic cases: the demo's ministry profiles (what each ministry is sued about, where, by whom,
 * against which of its officers) and its drawCase — titles, parties, subjects, amounts and flags exactly as the
 * demo makes them — plus a plainer profile for each ministry or division the demo does not describe, so every
 * ministry has cases. Numbers run in turn per register (court, seat, type, year) with small gaps, as a
 * register does when most of its cases do not involve the government.
 */

const f = (court: string, type: string, w: number, benches?: readonly string[]): Forum => ({
  court,
  type,
  w,
  ...(benches ? { benches } : {}),
});

const HIGH_COURTS: readonly Forum[] = [
  f("IHC", "WP", 5),
  f("LHC", "WP", 2.5, ["LHR", "LHR", "RWP", "MUL", "BWP"]),
  f("SHC", "WP", 1.5, ["KHI", "KHI", "HYD", "SUK"]),
  f("PHC", "WP", 1, ["PSH", "PSH", "ATD", "DIK"]),
  f("BHC", "WP", 0.5, ["QTA"]),
];

/** Matters every ministry and division is sued over: its civil servants' service, its contracts, its orders. */
const GENERIC_MATTERS: readonly Matter[] = [
  {
    category: "service",
    w: 6,
    subjects: [
      { text: "Promotion to BS-19 deferred by the Departmental Promotion Committee", single: true },
      { text: "Seniority list of Section Officers and the petitioner's placement in it", single: true },
      {
        text: "Regularisation of contract employees under the Cabinet's decision",
        posts: ["Assistant (contract)", "Data Entry Operator (contract)", "Naib Qasid (contract)"],
      },
      { text: "Pensionary benefits withheld after retirement", single: true },
      {
        text: "Major penalty of removal from service under the Civil Servants (Efficiency and Discipline) Rules 2020",
        since: 2020,
        single: true,
      },
      { text: "Upgradation of posts and the arrears of pay it carries" },
      { text: "Repatriation of the petitioner from deputation to the parent department", single: true },
    ],
    forums: [...HIGH_COURTS, f("FST", "SA", 6), f("SC", "CPLA", 1.2)],
    petitioner: "employee",
    respondents: [0],
  },
  {
    category: "contract",
    w: 2,
    subjects: [
      "Payment of outstanding bills for work done under a contract of the ministry",
      "Cancellation of a tender and the blacklisting of the bidder under the PPRA Rules 2004",
      "Encashment of the performance guarantee of the contractor",
    ],
    forums: [...HIGH_COURTS, f("DSC-ISB", "SUIT", 1.5)],
    petitioner: "company",
    firms: ["Builders and Developers", "Engineering Works", "Traders", "Enterprises", "Construction Company"],
    respondents: [0],
    amount: [5e5, 3e8],
    amountChance: 0.85,
  },
  {
    category: "constitutional",
    w: 1.5,
    subjects: [
      "Appointments made without advertisement in violation of Article 18 and Article 25 of the Constitution",
      "Vires of a notification issued by the ministry without the Federal Cabinet's approval",
      "Inaction on the petitioner's representation and the right to fair treatment under Article 4",
    ],
    forums: HIGH_COURTS,
    petitioner: "person",
    respondents: [0],
    constitutional: 0.3,
  },
];

/** Divisions and ministries the demo profiles: their weight is the demo's count; each other one weighs this. */
const GENERIC_WEIGHT = 4;

export type Register = { court: string; bench: string; type: string; year: number; suffix: string };

export function caseProfiles(
  orgs: readonly { code: string; kind: string; name_en: string }[],
): readonly Profile[] {
  const known = new Set(PROFILES.map((p) => p.org));
  const generic = orgs
    .filter((o) => (o.kind === "ministry" || o.kind === "division") && !known.has(o.code))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map(
      (o): Profile => ({
        org: o.code,
        count: GENERIC_WEIGHT,
        registrar: "solicitor",
        secretary: `Secretary, ${o.name_en}, Islamabad`,
        pool: [
          {
            name: `Federation of Pakistan through Secretary, ${o.name_en}, Islamabad`,
            short: "Federation of Pakistan",
            org: o.code,
          },
        ],
        matters: GENERIC_MATTERS,
      }),
    );
  return [...PROFILES, ...generic];
}

/**
 * A case drawer over one PRNG. `taken` holds case keys already in the database (a demo seeded before), which
 * the numbering steps over.
 */
export function caseDrawer(
  rng: Rng,
  profiles: readonly Profile[],
  refs: {
    abbreviations: ReadonlyMap<string, string>;
    courts: ReadonlySet<string>;
    benches: ReadonlySet<string>;
    taken: ReadonlySet<string>;
  },
) {
  const next = new Map<string, number>();
  const claim = (r: Register) => {
    const register = `${r.court}/${r.bench}/${r.type}/${r.suffix}/${r.year}`;
    let n = next.get(register) ?? rng.int(1, 40);
    const keyOf = (k: number) =>
      `${r.court}/${r.bench}/${caseNumberKey({ typeCode: r.type, number: k, suffix: r.suffix, year: r.year })}`;
    while (refs.taken.has(keyOf(n))) n += 1;
    next.set(register, n + rng.int(1, 3));
    return n;
  };
  const ctx: PlanContext = { rng, abbreviations: refs.abbreviations, keys: new Set(), cases: [], claim };
  const usable = (fo: Forum) =>
    refs.abbreviations.has(fo.type) &&
    refs.courts.has(fo.court) &&
    (fo.benches ?? []).every((b) => refs.benches.has(`${fo.court}/${b}`));
  const weighted = profiles
    .map((p) => ({
      p,
      matters: p.matters.filter((m) => m.forums.some(usable)),
    }))
    .filter((x) => x.matters.length > 0);
  if (weighted.length === 0)
    throw new Error("synthetic data: no court or case type of the profiles is loaded");
  return (): PlannedCase => {
    const { p, matters } = rng.weighted(weighted.map((x) => [x, x.p.count] as const));
    const matter = rng.weighted(matters.map((m) => [m, m.w] as const));
    const forum = rng.weighted(matter.forums.map((fo) => [fo, usable(fo) ? fo.w : 0] as const));
    const planned = drawCase(ctx, p, matter, forum);
    ctx.cases.length = 0; // drawCase keeps what it draws; the seeder writes each batch and lets it go
    return planned;
  };
}
