/**
 * Limitation: the last day to file an appeal or petition, with its derivation (DOMAIN.md §6). Pure: the rule,
 * the dates and the court's calendar come in; the result says every step in words, so the screen and the
 * ledger can show why a date is what it is.
 *
 * - s.12(1): the day of the decision is excluded, so the period runs from the next day: last = decided + days.
 * - s.12(2), (5): where the rule allows it, the time requisite for obtaining a certified copy is added — from
 *   the day the copy was applied for to the day it was ready, both counted (the reading used in practice; an
 *   application made after the period had run out saves nothing). Not for an intra-court appeal.
 * - s.4: when the last day falls on a day the court is closed (weekend, gazetted holiday, vacation), the filing
 *   may be made on the day it reopens. Only closures whose date is known (status V or S) move a deadline: an
 *   unconfirmed one (U, e.g. a lunar holiday's expected date) is named but never relied on, since a wrong
 *   date would make the government late. Courts' offices often receive filings during a vacation, so when
 *   s.4 carries a deadline over a vacation the internal due date is kept before the vacation.
 * - The internal due date is the safety margin earlier, moved back to a day the court is open.
 */
import { addDays } from "../../platform/clock.ts";

export type LimitationRule = {
  code: string;
  nameEn: string;
  days: number | null;
  certifiedCopyExcluded: boolean;
  source: string;
  status: "V" | "S" | "U";
};

/** A court's closed days: weekdays off (0 Sunday … 6 Saturday) and dated closures (holidays, vacations). */
export type CourtCalendar = {
  weekendDays: readonly number[];
  closures: readonly {
    from: string;
    to: string;
    name: string;
    kind: "holiday" | "vacation";
    /** V checked, S secondary source, U unconfirmed (never relied on to extend a deadline). */
    status: "V" | "S" | "U";
  }[];
};

export type LimitationInput = {
  rule: LimitationRule;
  decidedOn: string;
  copyAppliedOn?: string | null;
  copyReadyOn?: string | null;
  calendar: CourtCalendar;
  marginDays: number;
};

export type Step = { code: string; date: string; days?: number; text: string };
export type Limitation =
  | {
      ok: true;
      legalDueDate: string;
      internalDueDate: string;
      excludedDays: number;
      /** A copy was applied for and is not ready: the date will move once it is. */
      provisional: boolean;
      steps: Step[];
    }
  | { ok: false; code: "no_period" | "bad_dates"; text: string };

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

type Closure = CourtCalendar["closures"][number];
const closureOn = (day: string, calendar: CourtCalendar, relied: boolean): Closure | undefined =>
  calendar.closures.find((c) => c.from <= day && day <= c.to && (!relied || c.status !== "U"));

/**
 * Why the court is closed that day, or null when it sits. `relied` (the default) counts only closures whose
 * date is confirmed; moving a date earlier may count unconfirmed ones too.
 */
export function closedBecause(day: string, calendar: CourtCalendar, relied = true): string | null {
  const closure = closureOn(day, calendar, relied);
  if (closure) return closure.name;
  return calendar.weekendDays.includes(weekday(day)) ? WEEKDAYS[weekday(day)]! : null;
}

/** The last day on or before `day` (and after `floor`) on which the court sits, counting every closure. */
function lastOpenDayFrom(day: string, floor: string, calendar: CourtCalendar): string {
  let d = day;
  while (closedBecause(d, calendar, false) && d > floor) d = addDays(d, -1);
  return d <= floor ? addDays(floor, 1) : d;
}

export function computeLimitation(input: LimitationInput): Limitation {
  const { rule, decidedOn, calendar } = input;
  if (rule.days === null) {
    return {
      ok: false,
      code: "no_period",
      text: `The rule ${rule.code} has no period entered (${rule.source}).`,
    };
  }
  const applied = input.copyAppliedOn ?? null;
  const ready = input.copyReadyOn ?? null;
  if ((applied && applied < decidedOn) || (applied && ready && ready < applied) || (!applied && ready)) {
    return {
      ok: false,
      code: "bad_dates",
      text: "A copy is applied for on or after the decision, and is ready on or after it was applied for.",
    };
  }
  const steps: Step[] = [];
  const period = addDays(decidedOn, rule.days);
  steps.push({
    code: "period",
    date: period,
    days: rule.days,
    text: `${rule.days} days (${rule.source}) from the decision of ${decidedOn}, the day of the decision excluded (s.12(1)): ${period}.`,
  });
  let last = period;
  let excludedDays = 0;
  let provisional = false;
  if (applied && !rule.certifiedCopyExcluded) {
    steps.push({
      code: "no_copy_exclusion",
      date: last,
      text: "The time taken to obtain a certified copy is not excluded for this appeal.",
    });
  } else if (applied && applied > period) {
    steps.push({
      code: "copy_too_late",
      date: last,
      text: `The copy was applied for on ${applied}, after the period had run out on ${period}: nothing is excluded.`,
    });
  } else if (applied && !ready) {
    provisional = true;
    steps.push({
      code: "copy_pending",
      date: last,
      text: `A certified copy was applied for on ${applied} and is not ready yet: each day until it is moves the deadline (s.12(2)).`,
    });
  } else if (applied && ready) {
    excludedDays = daysBetween(applied, ready) + 1;
    last = addDays(period, excludedDays);
    steps.push({
      code: "copy_excluded",
      date: last,
      days: excludedDays,
      text: `${excludedDays} day(s) taken to obtain the certified copy (applied for ${applied}, ready ${ready}, both counted) are excluded (s.12(2)): ${last}.`,
    });
  }
  const beforeS4 = last;
  const closed: string[] = [];
  let crossedVacation = false;
  while (closedBecause(last, calendar)) {
    closed.push(`${last} (${closedBecause(last, calendar)})`);
    if (closureOn(last, calendar, true)?.kind === "vacation") crossedVacation = true;
    last = addDays(last, 1);
  }
  if (closed.length > 0) {
    steps.push({
      code: "court_closed",
      date: last,
      days: closed.length,
      text: `The court is closed on ${closed.join(", ")}: the filing may be made on ${last}, when it reopens (s.4).`,
    });
  }
  const unconfirmed = closureOn(last, calendar, false);
  if (unconfirmed && unconfirmed.status === "U") {
    steps.push({
      code: "unconfirmed_closure",
      date: last,
      text: `${last} is listed as ${unconfirmed.name}, but that date is not confirmed: the deadline is not moved for it. Confirm the court's calendar.`,
    });
  }
  let internal = lastOpenDayFrom(addDays(last, -input.marginDays), decidedOn, calendar);
  if (crossedVacation) {
    const safe = lastOpenDayFrom(beforeS4, decidedOn, calendar);
    if (safe < internal) internal = safe;
    steps.push({
      code: "vacation_caution",
      date: safe,
      text: `The period ends in a vacation. The court's office may receive filings during it, and whether s.4 then extends the period is for the law officer: the last day the court sits before it is ${safe}, and the internal due date is kept no later than that.`,
    });
  }
  steps.push({
    code: "internal",
    date: internal,
    days: input.marginDays,
    text: `Internal due date: ${input.marginDays} day(s) before the legal one, on a day the court sits: ${internal}.`,
  });
  return { ok: true, legalDueDate: last, internalDueDate: internal, excludedDays, provisional, steps };
}
