import type { Trx } from "../../db/transaction.ts";
import { courtCalendar, filingCourt } from "../deadlines/court-calendar.ts";
import { proposeRule, type RuleRow } from "../deadlines/deadlines.compute.ts";
import { type CourtCalendar, computeLimitation } from "../deadlines/limitation.ts";

/**
 * Appeal deadlines for synthetic decisions, computed as the app computes them (deadlines.triggers.ts): the rule
 * proposed for the court and case type, over the calendar of the court where the appeal is filed, by the pure
 * limitation code. Rules and calendars are read once per court and type and kept for the run.
 */
export class AppealDeadlines {
  private readonly rules = new Map<string, RuleRow | null>();
  private readonly calendars = new Map<string, { courtId: string | null; calendar: CourtCalendar }>();

  /** The appeal deadline an adverse decision opens, under the rule proposed for the court and case type. */
  async compute(trx: Trx, courtId: string, typeId: string, decidedOn: string) {
    const key = `${courtId}/${typeId}`;
    if (!this.rules.has(key))
      this.rules.set(key, await proposeRule(trx, { court_id: courtId, case_type_id: typeId }));
    const rule = this.rules.get(key);
    if (!rule || rule.days === null) return null;
    const where = `${rule.filed_in}/${courtId}`;
    let cal = this.calendars.get(where);
    if (!cal) {
      const calendarCourtId = await filingCourt(trx, rule.filed_in, courtId);
      cal = {
        courtId: calendarCourtId,
        calendar: await courtCalendar(trx, calendarCourtId, "2008-01-01", 22),
      };
      this.calendars.set(where, cal);
    }
    const result = computeLimitation({
      rule: {
        code: rule.code,
        nameEn: rule.name_en,
        days: rule.days,
        certifiedCopyExcluded: rule.certified_copy_excluded,
        source: rule.source,
        status: rule.status,
      },
      decidedOn,
      copyAppliedOn: null,
      copyReadyOn: null,
      calendar: cal.calendar,
      marginDays: rule.margin_days,
    });
    if (!result.ok) return null;
    return {
      rule,
      calendarCourtId: cal.courtId,
      legal: result.legalDueDate,
      internal: result.internalDueDate,
      steps: result.steps,
    };
  }
}
