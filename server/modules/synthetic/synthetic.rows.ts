import { formatCaseNumber } from "../../../common/case-number.ts";
import type { Trx } from "../../db/transaction.ts";
import type { AuditEvent } from "../../platform/audit.ts";
import { caseWeight, type Weights } from "../cases/case-weight.ts";
import type { PlannedCase } from "../demo/demo.plan.ts";
import { addDays, minDate, type Rng } from "../demo/demo.random.ts";
import { AppealDeadlines } from "./synthetic.deadlines.ts";
import { type IdCounter, TAG } from "./synthetic.ids.ts";
import { drawDocuments, type Life, weekday } from "./synthetic.life.ts";
import type { People, Refs } from "./synthetic.people.ts";

/**
 * Turns drawn cases and their lives into the rows of every table, a batch at a time: the case (with its
 * search row, exactly as cases.repo's refreshSearch writes it), parties, the registrar named on a confidential
 * case, the assignment, hearings chained to the one each was fixed at, document metadata, the appeal deadline
 * an adverse decision opens (computed by the limitation code over the filing court's calendar) or the reply
 * deadline of a pending notice, their tasks, and the `case.created` audit event.
 */
export type Rows = Record<TableName, Record<string, unknown>[]> & { audit: AuditEvent[] };
export type TableName =
  | "cases"
  | "case_parties"
  | "case_access"
  | "case_assignments"
  | "case_search"
  | "hearings"
  | "documents"
  | "document_versions"
  | "deadlines"
  | "tasks";

export const emptyRows = (): Rows => ({
  cases: [],
  case_parties: [],
  case_access: [],
  case_assignments: [],
  case_search: [],
  hearings: [],
  documents: [],
  document_versions: [],
  deadlines: [],
  tasks: [],
  audit: [],
});

/** Noon in Pakistan on a court day, as a timestamp. */
const at = (date: string, hour = 12) => `${date}T${String(hour).padStart(2, "0")}:00:00+05:00`;

export type Blob = { sha256: string; size: number; mediaType: string };

export class RowBuilder {
  private readonly orgIds: Map<string, string>;
  private readonly courts: Map<string, { id: string; level: string }>;
  private readonly benchIds: Map<string, string>;
  private readonly principal: Map<string, string>;
  private readonly types: Map<string, { id: string; abbreviation: string }>;
  private readonly appeals = new AppealDeadlines();

  private readonly people: People;
  private readonly ids: IdCounter;
  private readonly weights: Weights;
  private readonly blob: Blob;
  private readonly asOf: string;

  constructor(
    refs: Refs,
    ctx: { people: People; ids: IdCounter; weights: Weights; blob: Blob; asOf: string },
  ) {
    this.people = ctx.people;
    this.ids = ctx.ids;
    this.weights = ctx.weights;
    this.blob = ctx.blob;
    this.asOf = ctx.asOf;
    this.orgIds = new Map(refs.orgs.map((o) => [o.code, o.id]));
    this.courts = new Map(refs.courts.map((c) => [c.code, { id: c.id, level: c.level }]));
    const courtCode = new Map(refs.courts.map((c) => [c.id, c.code]));
    this.benchIds = new Map(refs.benches.map((b) => [`${courtCode.get(b.court_id)}/${b.code}`, b.id]));
    this.principal = new Map(
      refs.benches.filter((b) => b.is_principal_seat).map((b) => [courtCode.get(b.court_id)!, b.code]),
    );
    this.types = new Map(refs.types.map((t) => [t.code, { id: t.id, abbreviation: t.abbreviation }]));
  }

  async add(trx: Trx, rng: Rng, c: PlannedCase, life: Life, rows: Rows): Promise<void> {
    const id = this.ids.next(TAG.case);
    const court = this.courts.get(c.court)!;
    const type = this.types.get(c.type)!;
    const benchCode = this.benchIds.has(`${c.court}/${c.bench}`) ? c.bench : this.principal.get(c.court);
    const benchId = benchCode ? this.benchIds.get(`${c.court}/${benchCode}`)! : null;
    const orgId = this.orgIds.get(c.org)!;
    const registrars = this.people.focal.get(c.org) ?? this.people.solicitors;
    const registrar = rng.pick(registrars);
    const confidential = rng.chance(0.02);
    const decision = life.decision;
    const display = formatCaseNumber({
      abbreviation: type.abbreviation,
      number: c.number,
      suffix: c.suffix,
      year: c.year,
    });
    const numberKey = `${c.type}/${c.number}${c.suffix ? `-${c.suffix}` : ""}/${c.year}`;
    const openCase = life.status === "pending" || life.status === "appealed";
    const officers = this.people.officersByCourt.get(c.court) ?? [];
    const officer = officers.length > 0 && rng.chance(openCase ? 0.65 : 0.8) ? rng.pick(officers) : null;
    const createdOn = minDate(c.noticeReceivedOn ?? c.filedOn, this.asOf);
    rows.cases.push({
      id,
      organisation_id: orgId,
      court_id: court.id,
      bench_id: benchId,
      case_type_id: type.id,
      number: c.number,
      number_suffix: c.suffix,
      year: c.year,
      case_key: `${c.court}/${benchCode ?? "-"}/${numberKey}`,
      title: c.title,
      subject: c.subject,
      category: c.category,
      amount_involved: c.amount,
      filed_on: c.filedOn,
      notice_received_on: c.noticeReceivedOn,
      decided_on: decision?.decidedOn ?? null,
      status: life.status,
      stage: life.stage,
      outcome: decision?.outcome ?? null,
      government_result: decision?.governmentResult ?? null,
      is_contempt: c.flags.contempt,
      is_constitutional: c.flags.constitutional,
      is_tax_recovery: c.flags.taxRecovery,
      is_confidential: confidential,
      assigned_officer_id: officer,
      created_by: registrar,
      created_at: at(createdOn, 11),
      updated_at: at(life.lastActivity, 16),
    });
    c.parties.forEach((p, i) => {
      rows.case_parties.push({
        id: this.ids.next(TAG.party),
        case_id: id,
        position: i + 1,
        side: p.side,
        name: p.name,
        organisation_id: p.org ? (this.orgIds.get(p.org) ?? null) : null,
      });
    });
    const doc = `${display} ${c.title} ${c.subject} ${c.parties.map((p) => p.name).join(" ")}`;
    rows.case_search.push({ case_id: id, organisation_id: orgId, doc });
    if (confidential)
      rows.case_access.push({
        case_id: id,
        user_id: registrar,
        granted_by: registrar,
        granted_at: at(createdOn, 11),
      });
    if (officer) {
      const by = rng.chance(0.7) ? this.people.assigner : rng.pick(this.people.solicitors);
      rows.case_assignments.push({
        id: this.ids.next(TAG.assignment),
        case_id: id,
        officer_id: officer,
        assigned_by: by,
        method: "manual",
        reason: `Appears before the ${c.court} in ${c.category} matters; assigned in turn`,
        assigned_at: at(minDate(addDays(createdOn, rng.int(2, 30)), this.asOf), 15),
        weight: caseWeight(
          {
            type_code: c.type,
            is_constitutional: c.flags.constitutional,
            is_contempt: c.flags.contempt,
            is_tax_recovery: c.flags.taxRecovery,
            amount_involved: c.amount,
          },
          this.weights,
        ),
      });
    }
    let previous: string | null = null;
    for (const h of life.hearings) {
      const hid = this.ids.next(TAG.hearing);
      rows.hearings.push({
        id: hid,
        case_id: id,
        hearing_date: h.date,
        hearing_time: h.time,
        serial: h.serial,
        court_id: court.id,
        bench_id: benchId,
        purpose: h.purpose,
        state: h.state,
        outcome: h.outcome,
        appeared: h.appeared,
        adjournment_reason: h.adjournmentReason,
        adjourned_at_request_of: h.side,
        result: h.result,
        previous_hearing_id: previous,
        recorded_by: h.state === "held" ? registrar : null,
        recorded_at: h.state === "held" ? at(h.date, 17) : null,
        created_by: registrar,
        created_at: at(minDate(h.date, this.asOf), 9),
      });
      previous = hid;
    }
    for (const d of drawDocuments(rng, c, life)) {
      const did = this.ids.next(TAG.document);
      const on = minDate(d.on, this.asOf);
      rows.documents.push({
        id: did,
        case_id: id,
        kind: d.kind,
        title: d.title,
        current_version: d.versions,
        created_by: registrar,
        created_at: at(on, 14),
        updated_at: at(on, 14),
      });
      for (let v = 1; v <= d.versions; v++) {
        rows.document_versions.push({
          id: this.ids.next(TAG.version),
          document_id: did,
          version: v,
          blob_sha256: this.blob.sha256,
          file_name: `${d.kind.replaceAll("_", "-")}-${numberKey.replaceAll("/", "-")}${v > 1 ? `-v${v}` : ""}.pdf`,
          media_type: this.blob.mediaType,
          size_bytes: this.blob.size,
          uploaded_by: registrar,
          uploaded_at: at(on, 14),
        });
      }
    }
    const owner: Record<string, string> = confidential
      ? { assignee_user_id: registrar }
      : { assignee_organisation_id: orgId };
    const priority = c.flags.contempt ? "contempt" : "high";
    if (decision && decision.governmentResult !== "in_favour") {
      const deadline = await this.appeals.compute(trx, court.id, type.id, decision.decidedOn);
      if (deadline) {
        const state =
          life.status === "appealed"
            ? "met"
            : life.status === "closed"
              ? "cancelled"
              : deadline.legal < addDays(this.asOf, -180)
                ? "missed"
                : "open";
        const closedAt = state === "open" ? null : at(minDate(deadline.internal, this.asOf), 15);
        const did = this.ids.next(TAG.deadline);
        rows.deadlines.push({
          id: did,
          case_id: id,
          kind: "appeal",
          title: deadline.rule.name_en,
          rule_code: deadline.rule.code,
          rule_version: deadline.rule.version,
          calendar_court_id: deadline.calendarCourtId,
          trigger_on: decision.decidedOn,
          legal_due_on: deadline.legal,
          internal_due_on: deadline.internal,
          derivation: deadline.steps,
          state,
          closed_note: state === "met" ? "Appeal filed" : state === "cancelled" ? "Case closed" : "",
          closed_at: closedAt,
          created_by: registrar,
          created_at: at(decision.decidedOn, 17),
        });
        rows.tasks.push({
          id: this.ids.next(TAG.task),
          case_id: id,
          deadline_id: did,
          kind: "appeal_decision",
          title: "Decide whether to appeal",
          priority,
          ...owner,
          due_on: deadline.internal,
          state: state === "open" ? "open" : state === "met" ? "done" : "cancelled",
          completed_at: closedAt,
          created_by: registrar,
          created_at: at(decision.decidedOn, 17),
        });
      }
    }
    const next = life.hearings.find((h) => h.state === "scheduled");
    if (!decision && next && !c.govInitiated && (life.stage === "notice" || life.stage === "reply_due")) {
      const received = c.noticeReceivedOn ?? c.filedOn;
      const internal = weekday(addDays(next.date, -3));
      const did = this.ids.next(TAG.deadline);
      rows.deadlines.push({
        id: did,
        case_id: id,
        kind: "reply",
        title: "Reply to the notice",
        rule_code: null,
        rule_version: null,
        calendar_court_id: court.id,
        trigger_on: received,
        legal_due_on: next.date,
        internal_due_on: internal,
        derivation: [
          {
            code: "fixed_by_court",
            date: next.date,
            text: `The court fixed ${next.date} for the reply (notice received ${received}).`,
          },
          {
            code: "internal",
            date: internal,
            days: 3,
            text: `Internal due date: 3 day(s) earlier, on a day the court sits: ${internal}.`,
          },
        ],
        state: "open",
        closed_note: "",
        closed_at: null,
        created_by: registrar,
        created_at: at(minDate(received, this.asOf), 12),
      });
      const commentsDone = life.stage === "reply_due" && rng.chance(0.5);
      const task = (
        kind: string,
        title: string,
        due: string,
        done: boolean,
        assignee: Record<string, string>,
      ) =>
        rows.tasks.push({
          id: this.ids.next(TAG.task),
          case_id: id,
          deadline_id: did,
          kind,
          title,
          priority: c.flags.contempt ? "contempt" : "normal",
          ...assignee,
          due_on: due,
          state: done ? "done" : "open",
          completed_at: done ? at(addDays(this.asOf, -rng.int(1, 20)), 12) : null,
          created_by: registrar,
          created_at: at(minDate(received, this.asOf), 12),
        });
      task("para_wise_comments", "Send para-wise comments", addDays(internal, -7), commentsDone, owner);
      task("file_reply", "File the reply", internal, false, officer ? { assignee_user_id: officer } : owner);
    }
    rows.audit.push({
      action: "case.created",
      entityType: "case",
      entityId: id,
      organisationId: orgId,
      changes: {
        displayNumber: display,
        title: c.title,
        court: c.court,
        status: life.status,
        synthetic: true,
      },
    });
  }
}
