import { type DemoAccount, LAW_OFFICERS } from "./demo.accounts.ts";
import { andOthers } from "./demo.names.ts";
import {
  COURT_NAMES,
  claimNumber,
  DEMO_AS_OF,
  displayOf,
  drawCase,
  type GovernmentResult,
  type Outcome,
  type PlanContext,
  type PlannedCase,
  type PlannedParty,
  SC_REGISTRY_SUFFIX,
  type Stage,
  sidesFor,
} from "./demo.plan.ts";
import { type Forum, type Matter, PROFILES, type Profile, SEAT_CITY } from "./demo.profiles.ts";
import { addDays, courtDate, createRng, daysBetween, minDate, type Rng } from "./demo.random.ts";
import { SPECIAL_CASES } from "./demo.specials.ts";

export const DEMO_SEED = 20_250_214;

/**
 * The whole demo as a pure, deterministic plan: draw the cases from the ministry profiles, then play out their
 * lives — decisions, appeals (each linked to the case below), contempt petitions after unimplemented
 * judgments, and the assignment of law officers with the reason each was chosen. demo.seed.ts carries the
 * plan out through the case services.
 */
export function planDemo(opts: { abbreviations: ReadonlyMap<string, string>; seed?: number }): PlannedCase[] {
  const ctx: PlanContext = {
    rng: createRng(opts.seed ?? DEMO_SEED),
    abbreviations: opts.abbreviations,
    keys: new Set(),
    cases: [],
  };
  const known = (forum: Forum) => opts.abbreviations.has(forum.type);

  // Specials first, so their fixed numbers (W.P. No. 1234 of 2025 …) are claimed before any random one.
  for (const special of SPECIAL_CASES) {
    const matter: Matter = {
      ...special.matter,
      subjects: [special.subject ?? ""],
      forums: [special.forum],
      w: 1,
    };
    drawCase(ctx, profileOf(special.org), matter, special.forum, special);
  }
  for (const profile of PROFILES) {
    for (let i = 0; i < profile.count; i++) {
      const matter = ctx.rng.weighted(
        profile.matters.map((m) => [m, m.forums.some(known) ? m.w : 0] as const),
      );
      const forum = ctx.rng.weighted(matter.forums.map((fo) => [fo, known(fo) ? fo.w : 0] as const));
      drawCase(ctx, profile, matter, forum);
    }
  }

  const drawn = [...ctx.cases];
  for (const c of drawn) drawStatus(ctx, c, 1);
  for (const c of drawn) if (c.finalStatus === "appealed") planAppeal(ctx, c);
  planContempt(ctx, drawn);
  linkGroups(ctx.cases);
  const loads = new Map<string, number>(LAW_OFFICERS.map((o) => [o.username, 0]));
  for (const c of ctx.cases) planAssignment(ctx, c, loads);
  return ctx.cases;
}

function profileOf(org: string): Profile {
  const profile = PROFILES.find((p) => p.org === org);
  if (!profile) throw new Error(`demo plan: no profile for ${org}`);
  return profile;
}

export function pendingStage(rng: Rng, ageYears: number): Stage {
  if (ageYears < 0.4) {
    return rng.weighted([
      ["notice", 6],
      ["reply_due", 3],
      ["arguments", 1],
    ] as const);
  }
  return rng.weighted([
    ["notice", 1],
    ["reply_due", 2.5],
    ["arguments", 5],
    ["reserved", 0.5],
    ["judgment", 0.3],
  ] as const);
}

/** The government's result follows from who filed: a dismissed petition against it is a win for it. */
export function governmentResult(rng: Rng, outcome: Outcome, govFiled: boolean): GovernmentResult {
  switch (outcome) {
    case "partly_allowed":
      return "partly";
    case "disposed_of":
      return govFiled || rng.chance(0.5) ? "partly" : "in_favour";
    case "allowed":
      return govFiled ? "in_favour" : "against";
    case "dismissed":
      return govFiled ? "against" : "in_favour";
    case "withdrawn":
      return govFiled ? "against" : "in_favour";
  }
}

/**
 * Older cases are more likely to have been decided. `factor` < 1 for appeals and contempt petitions, which
 * are younger and are never appealed again in the demo.
 */
function drawStatus(ctx: PlanContext, c: PlannedCase, factor: number) {
  const { rng } = ctx;
  const ageDays = daysBetween(c.filedOn, DEMO_AS_OF);
  const age = ageDays / 365;
  if (c.fixed?.status === "pending") {
    c.stage = c.fixed.stage ?? "arguments";
    return;
  }
  const p = Math.min(0.75, 0.04 + 0.07 * age) * factor;
  if (ageDays < 90 || !rng.chance(p)) {
    c.stage = pendingStage(rng, age);
    return;
  }
  c.stage = "judgment";
  const outcome = rng.weighted([
    ["allowed", 3],
    ["dismissed", 3.5],
    ["disposed_of", 2],
    ["withdrawn", c.govInitiated ? 0 : 0.7],
    ["partly_allowed", 0.8],
  ] as const);
  const decidedOn = addDays(c.filedOn, rng.int(60, Math.max(61, Math.min(ageDays - 5, 2200))));
  c.decision = { decidedOn, outcome, governmentResult: governmentResult(rng, outcome, c.govInitiated) };
  const sinceDecision = daysBetween(decidedOn, DEMO_AS_OF);
  const canAppeal =
    factor === 1 && outcome !== "withdrawn" && sinceDecision > 100 && appealRoute(ctx, c) !== null;
  c.finalStatus = rng.weighted([
    ["decided", 4],
    ["closed", sinceDecision > 120 ? 3.5 : 0],
    ["appealed", canAppeal ? 2 : 0],
  ] as const);
}

type Route = { court: string; bench: string; type: string; window: [number, number]; what: string };

const SC_REGISTRY_FOR: Record<string, string> = {
  IHC: "ISB",
  LHC: "LHR",
  SHC: "KHI",
  PHC: "PSH",
  BHC: "QTA",
  FST: "ISB",
  ATIR: "ISB",
};

/** Where the losing side goes next, and within how many days it files (inside the limitation period). */
function appealRoute(ctx: PlanContext, c: PlannedCase): Route | null {
  let route: Route | null = null;
  if (c.type === "WP" && (c.court === "IHC" || c.court === "LHC")) {
    route = { court: c.court, bench: c.bench, type: "ICA", window: [6, 19], what: "Intra-court appeal" };
  } else if (c.court === "SC") {
    route = { court: "SC", bench: c.bench, type: "RP", window: [10, 29], what: "Review petition" };
  } else if (c.court === "ATIR") {
    route = { court: "IHC", bench: "ISB", type: "TR", window: [20, 80], what: "Tax reference" };
  } else if (SC_REGISTRY_FOR[c.court] && c.type !== "COC") {
    const bench = SC_REGISTRY_FOR[c.court]!;
    route = { court: "SC", bench, type: "CPLA", window: [20, 58], what: "Petition for leave to appeal" };
  }
  return route && ctx.abbreviations.has(route.type) ? route : null;
}

/** Government parties are the ones on the side the government took in the case. */
function split(c: PlannedCase): { gov: PlannedParty[]; others: PlannedParty[] } {
  const sides = sidesFor(c.type);
  const govSide = c.govInitiated ? sides.filer : sides.answerer;
  return {
    gov: c.parties.filter((p) => p.side === govSide),
    others: c.parties.filter((p) => p.side !== govSide),
  };
}

const shortGov = (name: string) => name.split(" through ")[0]!;
const titleName = (name: string) => name.split(",")[0]!;

function derivedCase(
  ctx: PlanContext,
  from: PlannedCase,
  at: { court: string; bench: string; type: string; filedOn: string },
  govFiles: boolean,
  parties: { filers: PlannedParty[]; answerers: PlannedParty[] },
  subject: string,
  link: PlannedCase["links"][number],
): PlannedCase {
  const year = Number(at.filedOn.slice(0, 4));
  const suffix = at.court === "SC" ? (SC_REGISTRY_SUFFIX[at.bench] ?? "") : "";
  const number = claimNumber(ctx, { court: at.court, bench: at.bench, type: at.type, year, suffix });
  const sides = sidesFor(at.type);
  const name = (p: PlannedParty, first: boolean) =>
    p.org === null ? titleName(p.name) : first ? p.name : shortGov(p.name);
  const c: PlannedCase = {
    ...from,
    ref: ctx.cases.length,
    court: at.court,
    bench: at.bench,
    type: at.type,
    number,
    suffix,
    year,
    display: displayOf(ctx, at.type, number, suffix, year),
    title: `${name(parties.filers[0]!, true)}${andOthers(parties.filers.length)} v. ${name(parties.answerers[0]!, false)}${andOthers(parties.answerers.length)}`,
    subject,
    filedOn: at.filedOn,
    noticeReceivedOn: govFiles
      ? null
      : minDate(addDays(at.filedOn, ctx.rng.int(8, 40)), addDays(DEMO_AS_OF, -2)),
    stage: "notice",
    flags: { ...from.flags, contempt: at.type === "COC" },
    parties: [
      ...parties.filers.map((p) => ({ ...p, side: sides.filer })),
      ...parties.answerers.map((p) => ({ ...p, side: sides.answerer })),
    ],
    govInitiated: govFiles,
    decision: null,
    finalStatus: "pending",
    assignments: [],
    links: [link],
  };
  delete c.fixed;
  delete c.group;
  ctx.cases.push(c);
  return c;
}

/** The loser appeals: an I.C.A. in the same High Court, a C.P.L.A. in the Supreme Court, or a review. */
function planAppeal(ctx: PlanContext, c: PlannedCase) {
  const route = appealRoute(ctx, c)!;
  const decision = c.decision!;
  const filedOn = addDays(decision.decidedOn, ctx.rng.int(...route.window));
  const govAppeals = decision.governmentResult !== "in_favour";
  const { gov, others } = split(c);
  const subject = `${route.what} against the judgment dated ${courtDate(decision.decidedOn)} in ${c.display}: ${c.baseSubject}`;
  const parties = govAppeals ? { filers: gov, answerers: others } : { filers: others, answerers: gov };
  const appeal = derivedCase(ctx, c, { ...route, filedOn }, govAppeals, parties, subject, {
    kind: "appeal_of",
    to: c.ref,
  });
  drawStatus(ctx, appeal, 0.5);
}

/** A judgment the government has not yet carried out brings a contempt petition against the Secretary. */
function planContempt(ctx: PlanContext, drawn: PlannedCase[]) {
  const candidates = drawn.filter(
    (c) =>
      c.type === "WP" &&
      (c.court === "IHC" || c.court === "LHC") &&
      (c.finalStatus === "decided" || c.finalStatus === "closed") &&
      c.decision?.governmentResult === "against" &&
      !c.govInitiated &&
      !c.flags.confidential &&
      daysBetween(c.decision.decidedOn, DEMO_AS_OF) > 120,
  );
  for (const c of candidates.slice(0, 6)) {
    const decision = c.decision!;
    const since = daysBetween(decision.decidedOn, DEMO_AS_OF);
    const filedOn = addDays(decision.decidedOn, ctx.rng.int(60, Math.min(300, since - 30)));
    const { gov, others } = split(c);
    const secretary: PlannedParty = { side: "respondent", name: profileOf(c.org).secretary, org: c.org };
    const answerers = gov[0] ? [secretary, gov[0]] : [secretary];
    const subject = `Non-implementation of the judgment dated ${courtDate(decision.decidedOn)} in ${c.display}: ${c.baseSubject}`;
    const at = { court: c.court, bench: c.bench, type: "COC", filedOn };
    const coc = derivedCase(ctx, c, at, false, { filers: others.slice(0, 1), answerers }, subject, {
      kind: "connected_with",
      to: c.ref,
    });
    coc.amount = null;
    drawStatus(ctx, coc, 0.4);
  }
}

function linkGroups(cases: PlannedCase[]) {
  const anchors = new Map<string, PlannedCase>();
  for (const c of cases) {
    if (!c.group) continue;
    const anchor = anchors.get(c.group.name);
    if (anchor) c.links.push({ kind: c.group.kind, to: anchor.ref });
    else anchors.set(c.group.name, c);
  }
}

const appearsBefore = (o: DemoAccount, c: PlannedCase) =>
  (o.appearsBefore ?? []).some((s) => s === c.court || s === `${c.court}/${c.bench}`);

/**
 * Assignment as an allocation desk would do it, with the reason recorded: continuity of counsel for appeals and
 * connected matters, a senior law officer for constitutional, contempt and confidential matters, otherwise
 * the next officer in turn on the court's roster (least cases so far).
 */
function planAssignment(ctx: PlanContext, c: PlannedCase, loads: Map<string, number>) {
  const { rng } = ctx;
  const eligible = LAW_OFFICERS.filter((o) => appearsBefore(o, c));
  if (eligible.length === 0) return;
  const p = c.fixed?.assign || c.flags.confidential ? 1 : c.finalStatus === "pending" ? 0.5 : 0.8;
  if (!rng.chance(p)) return;

  const leastLoaded = (among: readonly DemoAccount[]) =>
    among.reduce((best, o) => (loads.get(o.username)! < loads.get(best.username)! ? o : best));
  const senior = eligible.find((o) => o.senior);
  const origin = c.links[0] ? ctx.cases[c.links[0].to] : undefined;
  const originOfficer = origin?.assignments.at(-1)?.officer;
  const court = `${COURT_NAMES[c.court] ?? c.court}${["LHC", "SHC", "PHC", "BHC"].includes(c.court) ? ` at ${SEAT_CITY[c.bench]}` : ""}`;

  let officer: DemoAccount;
  let reason: string;
  let by: "solicitor" | "assigner.agp" = c.flags.confidential
    ? "solicitor"
    : rng.chance(0.75)
      ? "assigner.agp"
      : "solicitor";
  if (c.fixed?.officer) {
    officer = LAW_OFFICERS.find((o) => o.username === c.fixed!.officer)!;
    reason = c.flags.confidential
      ? "Confidential matter: allotted by the Solicitor to a law officer named on the case."
      : "Allotted by the Solicitor on the Ministry's request.";
  } else if (origin && originOfficer && eligible.some((o) => o.username === originOfficer)) {
    officer = eligible.find((o) => o.username === originOfficer)!;
    reason =
      c.links[0]!.kind === "appeal_of"
        ? `Arises from ${origin.display}, argued by this officer: continuity of counsel.`
        : `Connected with ${origin.display}: connected matters go to the same counsel.`;
  } else if (senior && (c.flags.constitutional || c.flags.contempt || c.flags.confidential)) {
    officer = senior;
    reason = c.flags.constitutional
      ? "Challenge to constitutional validity: allotted to a senior law officer under the allocation policy."
      : c.flags.contempt
        ? "Contempt petition naming the Secretary: allotted to a senior law officer."
        : "Confidential matter: allotted to a senior law officer.";
  } else if (rng.chance(0.04)) {
    officer = rng.pick(eligible);
    by = "solicitor";
    reason = "Named counsel requested by the Ministry in writing; the justification is on file.";
  } else {
    officer = leastLoaded(eligible);
    reason = `Roster for the ${court}: next officer in turn (${loads.get(officer.username)} cases allotted so far).`;
  }
  loads.set(officer.username, loads.get(officer.username)! + 1);
  c.assignments.push({ officer: officer.username, by, reason });

  const others = eligible.filter((o) => o.username !== officer.username);
  if (!c.flags.confidential && !c.fixed && others.length > 0 && rng.chance(0.07)) {
    const next = leastLoaded(others);
    const span = daysBetween(c.filedOn, c.decision?.decidedOn ?? DEMO_AS_OF);
    const leave = addDays(c.filedOn, rng.int(Math.min(30, span), Math.max(Math.min(30, span), span - 25)));
    loads.set(next.username, loads.get(next.username)! + 1);
    c.assignments.push({
      officer: next.username,
      by: "assigner.agp",
      reason: `Reassigned: ${officer.fullName} on leave from ${courtDate(leave)} to ${courtDate(addDays(leave, 21))}; a hearing is fixed within the leave.`,
    });
  }
}
