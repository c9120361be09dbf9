import type { Deadline } from "../../../common/schemas/deadlines.ts";
import type { Database } from "../../db/connection.ts";
import type { Trx } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { courtDay } from "../../platform/clock.ts";
import { caseAbilities, caseScope } from "../cases/cases.policy.ts";
import { displayNumber } from "../cases/cases.present.ts";

type Q = Database | Trx;
const DAY = 86_400_000;

/** Deadlines joined with what their presentation needs, limited to the cases the actor sees. */
export function deadlineQuery(q: Q, actor: Actor) {
  return q
    .selectFrom("deadlines as d")
    .innerJoin("cases as c", "c.id", "d.case_id")
    .innerJoin("case_types as t", "t.id", "c.case_type_id")
    .leftJoin("limitation_rules as r", "r.code", "d.rule_code")
    .leftJoin("courts as cc", "cc.id", "d.calendar_court_id")
    .leftJoin("users as cu", "cu.id", "d.closed_by")
    .where(caseScope(actor))
    .select([
      "d.id",
      "d.case_id",
      "d.kind",
      "d.title",
      "d.rule_version",
      "d.trigger_on",
      "d.copy_applied_on",
      "d.copy_ready_on",
      "d.legal_due_on",
      "d.internal_due_on",
      "d.provisional",
      "d.derivation",
      "d.state",
      "d.closed_note",
      "d.closed_by",
      "d.closed_at",
      "d.version",
      "d.updated_at",
      "c.title as case_title",
      "c.number",
      "c.number_suffix",
      "c.year",
      "c.organisation_id",
      "c.assigned_officer_id",
      "c.is_confidential",
      "c.status as case_status",
      "t.abbreviation as type_abbreviation",
      "r.code as rule_code",
      "r.name_en as rule_name_en",
      "r.name_ur as rule_name_ur",
      "r.source as rule_source",
      "r.status as rule_status",
      "cc.id as calendar_court_id",
      "cc.name_en as calendar_court_en",
      "cc.name_ur as calendar_court_ur",
      "cu.full_name as closed_by_name",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof deadlineQuery>["execute"]>>[number];

export function presentDeadline(actor: Actor, r: Row, today = courtDay()): Deadline {
  const abilities = caseAbilities(actor, {
    organisation_id: r.organisation_id,
    assigned_officer_id: r.assigned_officer_id,
    is_confidential: r.is_confidential,
    status: r.case_status,
  });
  return {
    id: r.id,
    caseId: r.case_id,
    caseTitle: r.case_title,
    caseNumber: displayNumber(r),
    kind: r.kind,
    title: r.title,
    rule: r.rule_code
      ? {
          code: r.rule_code,
          nameEn: r.rule_name_en!,
          nameUr: r.rule_name_ur!,
          source: r.rule_source!,
          status: r.rule_status!,
          version: r.rule_version ?? 1,
        }
      : null,
    calendarCourt: r.calendar_court_id
      ? { id: r.calendar_court_id, nameEn: r.calendar_court_en!, nameUr: r.calendar_court_ur! }
      : null,
    triggerOn: r.trigger_on,
    copyAppliedOn: r.copy_applied_on,
    copyReadyOn: r.copy_ready_on,
    legalDueOn: r.legal_due_on,
    internalDueOn: r.internal_due_on,
    provisional: r.provisional,
    daysLeft: Math.round((Date.parse(r.internal_due_on) - Date.parse(today)) / DAY),
    steps: r.derivation as Deadline["steps"],
    state: r.state,
    closedNote: r.closed_note,
    closedBy: r.closed_by ? { id: r.closed_by, fullName: r.closed_by_name ?? "" } : null,
    closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
    version: r.version,
    abilities: { edit: abilities.edit },
  };
}
