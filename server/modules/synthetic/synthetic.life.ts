import { ADJOURNMENTS, PURPOSES } from "../demo/demo.hearings.ts";
import type { GovernmentResult, Outcome, PlannedCase, Stage } from "../demo/demo.plan.ts";
import { governmentResult, pendingStage } from "../demo/demo.planner.ts";
import { addDays, courtDate, daysBetween, minDate, type Rng } from "../demo/demo.random.ts";

/**
 * What happened to a synthetic case after it was filed, as a pure function of the PRNG and the day the data
 * is made for (`asOf`): whether and how it was decided (older cases more often), what became of it after the
 * decision, and its hearings — the past ones held (notice issued, adjourned with the reason and the side it is
 * laid on, argued, reserved, decided on the day of the decision) and, for a pending case, the next one listed.
 */

export type Life = {
  status: "pending" | "decided" | "appealed" | "closed";
  stage: Stage;
  decision: { decidedOn: string; outcome: Outcome; governmentResult: GovernmentResult } | null;
  hearings: PlannedHearing[];
  /** The last day anything happened on the case (its `updated_at`). */
  lastActivity: string;
};

export type PlannedHearing = {
  date: string;
  time: string | null;
  serial: number | null;
  purpose: string;
  state: "held" | "scheduled";
  outcome: "adjourned" | "argued" | "reserved" | "decided" | "notice_issued" | null;
  adjournmentReason: string;
  side: string | null;
  result: string | null;
  appeared: string;
};

const MORE_ADJOURNMENTS: readonly (readonly [string, string])[] = [
  ["General strike called by the Bar Council", "court"],
  ["Record of the case not received from the lower forum", "court"],
  ["The learned Law Officer was busy before another bench", "government"],
  ["Para-wise comments not filed by the respondent ministry", "government"],
  ["The petitioner sought time to engage a new counsel", "other_side"],
  ["Connected matter pending before a larger bench", "court"],
];
const REASONS = [...ADJOURNMENTS, ...MORE_ADJOURNMENTS];

const OUTCOME_WEIGHTS: readonly (readonly [Outcome, number])[] = [
  ["allowed", 26],
  ["dismissed", 34],
  ["disposed_of", 25],
  ["withdrawn", 7],
  ["partly_allowed", 8],
];

/** Courts sit Monday to Friday: a Saturday or Sunday moves back to the Friday before. */
export function weekday(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return day === 6 ? addDays(iso, -1) : day === 0 ? addDays(iso, -2) : iso;
}

export function drawLife(rng: Rng, c: PlannedCase, asOf: string): Life {
  const yesterday = addDays(asOf, -1);
  const start = weekday(minDate(c.noticeReceivedOn ?? addDays(c.filedOn, rng.int(7, 40)), yesterday));
  const ageDays = Math.max(1, daysBetween(c.filedOn, asOf));
  const decided = rng.chance(Math.min(0.8, 0.05 + (0.075 * ageDays) / 365)) && daysBetween(start, asOf) > 30;
  let decision: Life["decision"] = null;
  let status: Life["status"] = "pending";
  let stage: Stage;
  let end: string;
  if (decided) {
    const span = daysBetween(start, yesterday);
    const decidedOn = weekday(addDays(start, rng.int(Math.min(30, span), span)));
    const outcome = rng.weighted(OUTCOME_WEIGHTS);
    const result = governmentResult(rng, outcome, c.govInitiated);
    decision = { decidedOn, outcome, governmentResult: result };
    const since = daysBetween(decidedOn, asOf);
    const adverse = result !== "in_favour";
    if (adverse) {
      status =
        since <= 90
          ? "decided"
          : rng.weighted([
              ["appealed", 55],
              ["closed", 38],
              ["decided", 7],
            ] as const);
    } else {
      status =
        since <= 60
          ? "decided"
          : rng.weighted([
              ["closed", 85],
              ["appealed", 8],
              ["decided", 7],
            ] as const);
    }
    stage = "judgment";
    end = decidedOn;
  } else {
    stage = pendingStage(rng, ageDays / 365);
    // The last hearing adjourned the case to the one listed ahead, usually within the last few months; the
    // few older ones are the stale cases the nightly scan flags.
    const recent = weekday(addDays(asOf, -rng.int(5, 105)));
    end = recent > start ? recent : yesterday;
  }

  const span = Math.max(0, daysBetween(start, end));
  const wanted = decided ? rng.int(3, 7) : span < 120 ? rng.int(1, 2) : rng.int(3, 6);
  const held = Math.max(1, Math.min(wanted, Math.floor(span / 7) + 1));
  const dates: string[] = [];
  for (let i = 0; i < held; i++) {
    const isLast = i === held - 1;
    let d = isLast
      ? (decision?.decidedOn ?? end)
      : weekday(addDays(start, Math.floor((span * (i + rng.next() * 0.8)) / held)));
    if (dates.length > 0 && d <= dates.at(-1)!) d = addDays(dates.at(-1)!, 1);
    dates.push(d);
  }
  const hearings: PlannedHearing[] = dates.map((date, i) => {
    const isLast = i === dates.length - 1;
    let outcome: PlannedHearing["outcome"];
    if (isLast && decision) outcome = "decided";
    else if (i === 0 && !c.govInitiated) outcome = "notice_issued";
    else if (isLast && stage === "reserved") outcome = "reserved";
    else
      outcome = rng.weighted([
        ["adjourned", 62],
        ["argued", 38],
      ] as const);
    const [reason, side] = outcome === "adjourned" ? rng.pick(REASONS) : ["", null];
    return {
      ...listing(rng),
      date,
      purpose: i === 0 ? rng.pick(["Preliminary hearing", "Notice"]) : rng.pick(PURPOSES),
      state: "held",
      outcome,
      adjournmentReason: reason,
      side,
      result: outcome === "decided" ? decision!.outcome : null,
      appeared: rng.chance(0.85) ? "Law officer for the Federation; counsel for the petitioner" : "",
    };
  });
  if (status === "pending") {
    hearings.push({
      ...listing(rng),
      date: weekday(addDays(asOf, rng.int(3, 62))),
      purpose: rng.pick(PURPOSES),
      state: "scheduled",
      outcome: null,
      adjournmentReason: "",
      side: null,
      result: null,
      appeared: "",
    });
  }
  const lastHeld = dates.at(-1) ?? start;
  return { status, stage, decision, hearings, lastActivity: lastHeld > asOf ? asOf : lastHeld };
}

function listing(rng: Rng) {
  return {
    time: rng.chance(0.5) ? `${String(rng.int(9, 12)).padStart(2, "0")}:${rng.pick(["00", "30"])}` : null,
    serial: rng.chance(0.6) ? rng.int(1, 80) : null,
  };
}

/** The documents on a case's file (metadata only; every version points at one shared placeholder blob). */
export function drawDocuments(
  rng: Rng,
  c: PlannedCase,
  life: Life,
): { kind: string; title: string; on: string; versions: number }[] {
  const docs = [
    {
      kind: "petition",
      title: c.govInitiated
        ? "Memorandum of appeal / petition as filed"
        : "Copy of the petition with annexures",
      on: c.noticeReceivedOn ?? c.filedOn,
      versions: 1,
    },
  ];
  const held = life.hearings.filter((h) => h.state === "held");
  if (!c.govInitiated && (life.decision || life.stage !== "notice") && rng.chance(0.75)) {
    const on = held[1]?.date ?? held[0]?.date ?? c.filedOn;
    docs.push({
      kind: "para_wise_comments",
      title: "Para-wise comments of the respondents",
      on,
      versions: rng.chance(0.25) ? 2 : 1,
    });
  }
  if (!c.govInitiated && life.decision && rng.chance(0.5)) {
    docs.push({
      kind: "reply",
      title: "Reply on behalf of the Federation",
      on: held[1]?.date ?? c.filedOn,
      versions: 1,
    });
  }
  if (held.length >= 2 && rng.chance(0.5)) {
    const h = rng.pick(held);
    docs.push({ kind: "order", title: `Order sheet dated ${courtDate(h.date)}`, on: h.date, versions: 1 });
  }
  if (life.decision && rng.chance(0.9)) {
    docs.push({
      kind: "judgment",
      title: `Judgment dated ${courtDate(life.decision.decidedOn)}`,
      on: addDays(life.decision.decidedOn, rng.int(0, 12)),
      versions: 1,
    });
  }
  return docs;
}
