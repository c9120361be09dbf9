import { formatCaseNumber } from "../../../common/case-number.ts";
import type {
  CASE_STAGES,
  GOVERNMENT_RESULTS,
  LINK_KINDS,
  OUTCOMES,
  PARTY_SIDES,
} from "../../../common/case-status.ts";
import { andOthers, employeeName, firmName, personName } from "./demo.names.ts";
import {
  type Category,
  type Forum,
  type Matter,
  numberRange,
  type Profile,
  placeRespondent,
  type Registrar,
  type Respondent,
  SEAT_CITY,
  type Subject,
} from "./demo.profiles.ts";
import { addDays, courtDate, minDate, type Rng } from "./demo.random.ts";
import type { SpecialCase } from "./demo.specials.ts";

/**
 * Drawing one demo case: court, number, parties, title, subject, amount, flags. demo.planner.ts decides how many
 * and what happens to them. Nothing here reads a clock: every date is computed from DEMO_AS_OF.
 */
export const DEMO_AS_OF = "2026-10-31";

export type Stage = (typeof CASE_STAGES)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type GovernmentResult = (typeof GOVERNMENT_RESULTS)[number];
export type PartySide = (typeof PARTY_SIDES)[number];
export type LinkKind = (typeof LINK_KINDS)[number];

export type PlannedParty = { side: PartySide; name: string; org: string | null };

export type PlannedCase = {
  ref: number;
  org: string;
  registrar: Registrar;
  court: string;
  bench: string;
  type: string;
  number: number;
  suffix: string;
  year: number;
  display: string;
  title: string;
  /** The subject without any "appeal against…" prefix, so derived cases can quote it. */
  baseSubject: string;
  subject: string;
  category: Category;
  amount: string | null;
  filedOn: string;
  noticeReceivedOn: string | null;
  stage: Stage;
  flags: { contempt: boolean; constitutional: boolean; taxRecovery: boolean; confidential: boolean };
  parties: PlannedParty[];
  /** The government files it (appeal, leave petition, reference) rather than answers it. */
  govInitiated: boolean;
  decision: { decidedOn: string; outcome: Outcome; governmentResult: GovernmentResult } | null;
  finalStatus: "pending" | "decided" | "appealed" | "closed";
  assignments: { officer: string; by: "solicitor" | "assigner.agp"; reason: string }[];
  links: { kind: LinkKind; to: number }[];
  /** Users the registrar names on a confidential case. */
  grantAccess: string[];
  /** Set by specials: keep this status/stage, and assign even if the draw says not. */
  fixed?: { status?: "pending"; stage?: Stage; assign?: boolean; officer?: string };
  /** Specials that belong together: linked to the first of their group with this kind. */
  group?: { name: string; kind: LinkKind };
};

export type PlanContext = {
  rng: Rng;
  abbreviations: ReadonlyMap<string, string>;
  keys: Set<string>;
  cases: PlannedCase[];
  /** Numbers a case in its register instead of a random free number (the synthetic data numbers in turn). */
  claim?: (c: { court: string; bench: string; type: string; year: number; suffix: string }) => number;
};

const DEFAULT_SEAT: Record<string, string> = {
  SC: "ISB",
  IHC: "ISB",
  LHC: "LHR",
  SHC: "KHI",
  PHC: "PSH",
  BHC: "QTA",
  FST: "ISB",
  ATIR: "ISB",
  CAT: "ISB",
  "DSC-ISB": "ISB",
  "BC-ISB": "ISB",
};
/** Supreme Court branch registries number their petitions with a letter: "C.P.L.A. No. 77-K of 2024". */
export const SC_REGISTRY_SUFFIX: Record<string, string> = { ISB: "", LHR: "L", KHI: "K", PSH: "P", QTA: "Q" };

export const COURT_NAMES: Record<string, string> = {
  SC: "Supreme Court",
  IHC: "Islamabad High Court",
  LHC: "Lahore High Court",
  SHC: "Sindh High Court",
  PHC: "Peshawar High Court",
  BHC: "Balochistan High Court",
  FST: "Federal Service Tribunal",
  ATIR: "Appellate Tribunal Inland Revenue",
  "DSC-ISB": "District and Sessions Court, Islamabad",
};

const YEAR_WEIGHTS: readonly (readonly [number, number])[] = [
  [2012, 1],
  [2013, 1],
  [2014, 1.5],
  [2015, 2],
  [2016, 2],
  [2017, 3],
  [2018, 3.5],
  [2019, 4],
  [2020, 4],
  [2021, 5],
  [2022, 6],
  [2023, 7],
  [2024, 8],
  [2025, 9],
  [2026, 6],
];

/** Which side a party is on, in the words of each kind of case. */
export function sidesFor(type: string): { filer: PartySide; answerer: PartySide } {
  if (type === "SUIT") return { filer: "plaintiff", answerer: "defendant" };
  if (type === "TR") return { filer: "applicant", answerer: "respondent" };
  if (["SA", "ICA", "CA", "CRLA", "RFA", "RSA", "FAO", "ITA", "STA"].includes(type)) {
    return { filer: "appellant", answerer: "respondent" };
  }
  return { filer: "petitioner", answerer: "respondent" };
}

export function displayOf(ctx: PlanContext, type: string, number: number, suffix: string, year: number) {
  return formatCaseNumber({ abbreviation: ctx.abbreviations.get(type) ?? type, number, suffix, year });
}

/** A number not yet used in that register (court, seat, type, year). */
export function claimNumber(
  ctx: PlanContext,
  c: { court: string; bench: string; type: string; year: number; suffix: string },
  wanted?: number,
) {
  if (ctx.claim && wanted === undefined) return ctx.claim(c);
  const max = numberRange(c.court, c.type);
  for (let attempt = 0; ; attempt++) {
    const n = wanted !== undefined && attempt === 0 ? wanted : ctx.rng.int(1, max + attempt);
    const key = `${c.court}/${c.bench}/${c.type}/${n}-${c.suffix}/${c.year}`;
    if (!ctx.keys.has(key)) {
      ctx.keys.add(key);
      return n;
    }
    if (wanted !== undefined && attempt === 0) throw new Error(`demo plan: ${key} claimed twice`);
  }
}

function randomFiledOn(rng: Rng, year: number): string {
  const start = `${year}-01-01`;
  const day = addDays(start, rng.int(0, 364));
  return minDate(day, addDays(DEMO_AS_OF, -rng.int(12, 40)));
}

function privateParties(rng: Rng, matter: Matter, subject: Exclude<Subject, string>): string[] {
  const many = (make: (r: Rng) => string, min: number, max: number) =>
    Array.from({ length: rng.int(min, max) }, () => make(rng));
  const firm = (r: Rng) => firmName(r, matter.firms);
  const employee = (r: Rng) => employeeName(r, subject.posts);
  if (subject.single) return [matter.petitioner.startsWith("employee") ? employee(rng) : personName(rng)];
  switch (matter.petitioner) {
    case "company":
      return rng.chance(0.12) ? many(firm, 2, 4) : [firm(rng)];
    case "person":
      return rng.chance(0.12) ? many(personName, 2, 3) : [personName(rng)];
    case "persons":
      return many(personName, 1, 7);
    case "employee":
      return rng.chance(0.15) ? many(employee, 2, 12) : [employee(rng)];
    case "employees":
      return many(employee, 2, 14);
  }
}

/** The words before the first comma: "Muhammad Aslam, Assistant (BS-16)" is "Muhammad Aslam" in a title. */
const titleName = (name: string) => name.split(",")[0]!;

function lowerCourtRecital(
  ctx: PlanContext,
  forum: Forum,
  bench: string,
  filedOn: string,
  serviceMatter: boolean,
) {
  const { rng } = ctx;
  const decided = addDays(filedOn, -rng.int(20, 55));
  const year = Number(decided.slice(0, 4)) - rng.int(0, 2);
  const date = courtDate(decided);
  if (forum.type === "TR") {
    const sales = rng.chance(0.4);
    const n = `${sales ? "S.T.A." : "I.T.A."} No. ${rng.int(10, 2600)}/${sales ? "KB" : "IB"}/${year}`;
    const law = sales
      ? "section 47 of the Sales Tax Act 1990"
      : "section 133 of the Income Tax Ordinance 2001";
    return `Reference under ${law} against the order of the Appellate Tribunal Inland Revenue dated ${date} in ${n}`;
  }
  if (forum.type === "RP") {
    const n = displayOf(ctx, "CA", rng.int(10, 2400), "", year);
    return `Review of the judgment of this Court dated ${date} in ${n}`;
  }
  if (forum.type === "RFA") {
    return `Regular first appeal against the judgment and decree of the Referee Judge, ${SEAT_CITY[bench]}, dated ${date} on a land acquisition reference`;
  }
  if (forum.type === "RSA") {
    return `Regular second appeal against the judgment and decree of the Additional District Judge, ${SEAT_CITY[bench]}, dated ${date}`;
  }
  const below = serviceMatter
    ? { name: "the Federal Service Tribunal", n: displayOf(ctx, "SA", rng.int(10, 3000), "", year) }
    : {
        name: `the ${COURT_NAMES[{ ISB: "IHC", LHR: "LHC", KHI: "SHC", PSH: "PHC", QTA: "BHC" }[bench] ?? "IHC"]}`,
        n: displayOf(ctx, "WP", rng.int(10, 4000), "", year),
      };
  const what = {
    CPLA: "Petition for leave to appeal",
    CRLPLA: "Criminal petition for leave to appeal",
    CA: "Civil appeal by leave of the Court",
  }[forum.type];
  return `${what ?? "Appeal"} against the judgment of ${below.name} dated ${date} in ${below.n}`;
}

/** One case drawn from a ministry's profile (or shaped by a special's overrides). */
export function drawCase(
  ctx: PlanContext,
  profile: Profile,
  matter: Matter,
  forum: Forum,
  special?: SpecialCase,
): PlannedCase {
  const { rng } = ctx;
  const picked = special?.subject ?? rng.pick(matter.subjects);
  const subject = typeof picked === "string" ? { text: picked } : picked;
  const baseSubject = subject.text;
  const sinceYear = subject.since ?? 0;
  const year = special?.year ?? rng.weighted(YEAR_WEIGHTS.filter(([y]) => y >= sinceYear));
  const bench = special?.bench ?? (forum.benches ? rng.pick(forum.benches) : DEFAULT_SEAT[forum.court]!);
  const city = SEAT_CITY[bench] ?? "Islamabad";
  const suffix = forum.court === "SC" ? (SC_REGISTRY_SUFFIX[bench] ?? "") : "";
  const where = { court: forum.court, bench, type: forum.type, year, suffix };
  const number = claimNumber(ctx, where, special?.number);
  const filedOn = special?.filedOn ?? randomFiledOn(rng, year);
  const gov = forum.gov === true;
  const sides = sidesFor(forum.type);

  const [leadIx, ...extraIx] = matter.respondents;
  const extras = rng.sample(
    extraIx,
    rng.weighted([
      [0, 3],
      [1, 3],
      [2, 2],
      [3, 1],
    ] as const),
  );
  const government: Respondent[] = [leadIx!, ...extras].map((i) => placeRespondent(profile.pool[i]!, city));
  const privates = special?.petitioners ?? privateParties(rng, matter, subject);
  const govParties =
    special?.respondents ?? government.map((r) => ({ name: r.name, org: r.org, short: r.short }));

  let parties: PlannedParty[];
  let title: string;
  if (gov) {
    const filers = govParties.slice(0, rng.chance(0.3) ? 2 : 1);
    parties = [
      ...filers.map((g) => ({ side: sides.filer, name: g.name, org: g.org })),
      ...privates.map((name) => ({ side: sides.answerer, name, org: null })),
    ];
    title = `${filers[0]!.name}${andOthers(filers.length)} v. ${titleName(privates[0]!)}${andOthers(privates.length)}`;
  } else {
    parties = [
      ...privates.map((name) => ({ side: sides.filer, name, org: null })),
      ...govParties.map((g) => ({ side: sides.answerer, name: g.name, org: g.org })),
    ];
    title = `${titleName(privates[0]!)}${andOthers(privates.length)} v. ${govParties[0]!.short}${andOthers(govParties.length)}`;
  }
  if (special?.title) title = special.title;

  const serviceMatter = matter.category === "service";
  const subjectText = gov
    ? `${lowerCourtRecital(ctx, forum, bench, filedOn, serviceMatter)}: ${baseSubject}`
    : baseSubject;
  const amount =
    special?.amount !== undefined
      ? special.amount
      : matter.amount && rng.chance(matter.amountChance ?? 1)
        ? String(rng.amount(matter.amount[0], matter.amount[1]))
        : null;

  const planned: PlannedCase = {
    ref: ctx.cases.length,
    org: profile.org,
    registrar: special?.registrar ?? profile.registrar,
    ...where,
    number,
    display: displayOf(ctx, forum.type, number, suffix, year),
    title,
    baseSubject,
    subject: subjectText,
    category: matter.category,
    amount,
    filedOn,
    noticeReceivedOn: gov ? null : minDate(addDays(filedOn, rng.int(6, 70)), addDays(DEMO_AS_OF, -3)),
    stage: "notice",
    flags: {
      contempt: forum.type === "COC",
      constitutional: forum.type === "CONSTP" || rng.chance(matter.constitutional ?? 0),
      taxRecovery: rng.chance(matter.taxRecovery ?? 0),
      confidential: special?.confidential ?? false,
    },
    parties,
    govInitiated: gov,
    decision: null,
    finalStatus: "pending",
    assignments: [],
    links: [],
    grantAccess: special?.grantAccess ?? [],
    ...(special?.fixed ? { fixed: special.fixed } : {}),
    ...(special?.group ? { group: special.group } : {}),
  };
  ctx.cases.push(planned);
  return planned;
}
