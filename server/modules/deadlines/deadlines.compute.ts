import type { Selectable } from "kysely";
import type { Trx } from "../../db/transaction.ts";
import type { LimitationRulesTable } from "../../db/types.deadlines.ts";
import { type AuditEvent, recordAuditMany, type Who } from "../../platform/audit.ts";
import { problems } from "../../platform/errors.ts";
import { courtCalendar, filingCourt } from "./court-calendar.ts";
import { computeLimitation, type Limitation } from "./limitation.ts";

export type RuleRow = Selectable<LimitationRulesTable>;
type AppliesWhen = { court_levels?: string[]; case_types?: string[] };

/**
 * The rule proposed for a decided case: the one whose `applies_when` names the case's court level and type,
 * a rule naming the type beating one that names only the level. Null when none fits — the officer chooses.
 */
export async function proposeRule(
  trx: Trx,
  c: { court_id: string; case_type_id: string },
): Promise<RuleRow | null> {
  const facts = await trx
    .selectFrom("courts as ct")
    .innerJoin("case_types as t", (j) => j.on("t.id", "=", c.case_type_id))
    .select(["ct.level", "t.code as type_code"])
    .where("ct.id", "=", c.court_id)
    .executeTakeFirstOrThrow();
  const rules = await trx.selectFrom("limitation_rules").selectAll().orderBy("code").execute();
  const fits = rules
    .map((r) => ({ r, when: r.applies_when as AppliesWhen }))
    .filter(({ when }) => when.court_levels?.includes(facts.level))
    .filter(({ when }) => !when.case_types || when.case_types.includes(facts.type_code));
  fits.sort((a, b) => Number(Boolean(b.when.case_types)) - Number(Boolean(a.when.case_types)));
  return fits[0]?.r ?? null;
}

export async function ruleByCode(trx: Trx, code: string, path = "body.ruleCode"): Promise<RuleRow> {
  const rule = await trx
    .selectFrom("limitation_rules")
    .selectAll()
    .where("code", "=", code)
    .executeTakeFirst();
  if (!rule) throw problems.validation([{ path, message: "is not a known limitation rule" }]);
  return rule;
}

export type ComputedColumns = {
  rule_code: string;
  rule_version: number;
  calendar_court_id: string | null;
  legal_due_on: string;
  internal_due_on: string;
  provisional: boolean;
  derivation: string;
};

/**
 * Computes a limitation deadline over the calendar of the court where the appeal is filed, as the columns a
 * deadline row stores. A rule without a period, or inconsistent copy dates, is a 422 naming the cause.
 */
export async function computeDeadline(
  trx: Trx,
  rule: RuleRow,
  caseCourtId: string,
  dates: { decidedOn: string; copyAppliedOn: string | null; copyReadyOn: string | null },
): Promise<ComputedColumns> {
  const calendarCourtId = await filingCourt(trx, rule.filed_in, caseCourtId);
  const calendar = await courtCalendar(
    trx,
    calendarCourtId,
    dates.decidedOn,
    Math.ceil((rule.days ?? 0) / 365) + 3, // the period, and up to three years for the copy
  );
  const result: Limitation = computeLimitation({
    rule: {
      code: rule.code,
      nameEn: rule.name_en,
      days: rule.days,
      certifiedCopyExcluded: rule.certified_copy_excluded,
      source: rule.source,
      status: rule.status,
    },
    decidedOn: dates.decidedOn,
    copyAppliedOn: dates.copyAppliedOn,
    copyReadyOn: dates.copyReadyOn,
    calendar,
    marginDays: rule.margin_days,
  });
  if (!result.ok) {
    throw problems.unprocessable(
      result.code === "no_period" ? "rule_without_period" : "inconsistent_dates",
      result.text,
      result.code === "no_period" ? [{ path: "body.ruleCode", message: result.text }] : undefined,
    );
  }
  return {
    rule_code: rule.code,
    rule_version: rule.version,
    calendar_court_id: calendarCourtId,
    legal_due_on: result.legalDueDate,
    internal_due_on: result.internalDueDate,
    provisional: result.provisional,
    derivation: JSON.stringify(result.steps),
  };
}

/**
 * Recomputes open deadlines after a rule or a calendar changed, each with its stored dates, so a correction
 * reaches every running deadline. Returns how many moved. A deadline the new data cannot compute (a period
 * removed) keeps its dates: the rule's edit already answered 422 for that case before reaching here.
 */
export async function recomputeOpenDeadlines(
  trx: Trx,
  who: Who,
  filter: { ruleCode?: string; affectedFrom?: string; affectedTo?: string; calendarCourtId?: string | null },
): Promise<number> {
  let q = trx
    .selectFrom("deadlines as d")
    .innerJoin("cases as c", "c.id", "d.case_id")
    .select([
      "d.id",
      "d.case_id",
      "d.rule_code",
      "d.trigger_on",
      "d.copy_applied_on",
      "d.copy_ready_on",
      "d.legal_due_on",
      "d.internal_due_on",
      "c.court_id",
      "c.organisation_id",
    ])
    .where("d.state", "=", "open")
    .where("d.rule_code", "is not", null)
    .forUpdate("d"); // a user's edit of one of these waits, rather than being overwritten or overwriting
  if (filter.ruleCode) q = q.where("d.rule_code", "=", filter.ruleCode);
  if (filter.calendarCourtId !== undefined) {
    const court = filter.calendarCourtId;
    q = q.where((eb) => (court ? eb("d.calendar_court_id", "=", court) : eb.val(true)));
  }
  // A closure can move only deadlines whose period started before it ended and whose due date is not before it.
  if (filter.affectedFrom) q = q.where("d.legal_due_on", ">=", filter.affectedFrom);
  if (filter.affectedTo) q = q.where("d.trigger_on", "<=", filter.affectedTo);
  const rows = await q.execute();
  const rules = new Map<string, RuleRow>();
  let moved = 0;
  const events: AuditEvent[] = [];
  for (const row of rows) {
    const code = row.rule_code!;
    if (!rules.has(code)) rules.set(code, await ruleByCode(trx, code));
    const rule = rules.get(code)!;
    if (rule.days === null) continue;
    const next = await computeDeadline(trx, rule, row.court_id, {
      decidedOn: row.trigger_on,
      copyAppliedOn: row.copy_applied_on,
      copyReadyOn: row.copy_ready_on,
    });
    if (next.legal_due_on !== row.legal_due_on || next.internal_due_on !== row.internal_due_on) {
      moved++;
      await followDeadline(trx, row.id, next.internal_due_on);
      // each case's history shows its deadline moving, and why
      events.push({
        action: "deadline.recomputed",
        entityType: "case",
        entityId: row.case_id,
        organisationId: row.organisation_id,
        changes: {
          deadlineId: row.id,
          because: filter.ruleCode ? `rule ${filter.ruleCode} changed` : "court calendar changed",
          legalDueOn: { from: row.legal_due_on, to: next.legal_due_on },
          internalDueOn: { from: row.internal_due_on, to: next.internal_due_on },
        },
      });
    }
    await trx
      .updateTable("deadlines")
      .set({ ...next, updated_at: new Date(), version: (eb) => eb("version", "+", 1) })
      .where("id", "=", row.id)
      .execute();
  }
  await recordAuditMany(trx, who, events);
  return moved;
}

/**
 * The open tasks due on a deadline (the decision to appeal, the reply) move with its internal due date, and
 * their escalation starts again; closing the deadline closes every task leading to it (met: done, otherwise
 * cancelled).
 */
export async function followDeadline(trx: Trx, deadlineId: string, dueOn: string | null, closedAs?: string) {
  await trx
    .updateTable("tasks")
    .set({
      ...(dueOn ? { due_on: dueOn, escalated_at: null } : {}),
      ...(closedAs ? { state: closedAs === "met" ? "done" : "cancelled", completed_at: new Date() } : {}),
      updated_at: new Date(),
      version: (eb) => eb("version", "+", 1),
    })
    .where("deadline_id", "=", deadlineId)
    // a date moves the tasks due on the deadline itself (the comments come a week earlier and keep their date);
    // closing it closes every task leading to it
    .$if(!closedAs, (q) => q.where("kind", "in", ["appeal_decision", "file_reply"]))
    .where("state", "in", ["open", "in_progress"])
    .execute();
}
