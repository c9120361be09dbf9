import { sql } from "kysely";
import { anyUuid, insertJsonRows } from "../../db/bulk.ts";
import type { Trx } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { type AuditEvent, recordAuditMany } from "../../platform/audit.ts";
import { problems } from "../../platform/errors.ts";
import { shiftOfficerLoad } from "../cases/officer-load.ts";
import { insertNotices } from "../notifications/notifications.service.ts";
import type { Outcome } from "./assignment.batch.ts";
import type { Decision } from "./engine.ts";

/**
 * The writes of a committed batch, in the caller's transaction and in few statements however many cases:
 * the ledger (one JSON value on the batch), the assignments, one guarded update of the cases, the notices, the audit events and the
 * officers' stored loads. Large row sets go in as one JSON parameter each (insertJsonRows).
 */
export type Method = "policy" | "override" | "handover" | "queue";
type Batch = { id: string; kind: string; office_id: string; policy_id: string; seed: string };
export type CaseRow = {
  id: string;
  version: number;
  assigned_officer_id: string | null;
  status: string;
  organisation_id: string;
};
/** The statuses whose assignments count in an officer's load (as refreshOfficerLoad counts them). */
const OPEN = new Set(["pending", "appealed"]);

export async function recordCommit(
  trx: Trx,
  actor: Actor,
  batch: Batch,
  cases: CaseRow[],
  outcomes: Outcome[],
  method: (o: Outcome) => Method,
  reasonOf: (o: Outcome) => string,
): Promise<string[]> {
  // the ledger: one JSON value per batch, position by position (a row per case cost 1.45 s per 10,000)
  const ledger: LedgerEntry[] = outcomes.map((o) => ({
    caseId: o.facts.id,
    officerId: o.officerId,
    method: method(o),
    step: o.decision.step,
    reason: reasonOf(o),
    facts: o.facts,
    decision: ledgerForm(o.decision),
  }));
  await trx
    .updateTable("assignment_batches")
    .set({ decisions: JSON.stringify(ledger) })
    .where("id", "=", batch.id)
    .execute();
  await applyToCases(trx, actor, batch, cases, outcomes, method, reasonOf);
  return outcomes.map((_, i) => decisionRef(batch.id, i));
}

/** A decision of the batch ledger is named by its batch and position. */
export const decisionRef = (batchId: string, position: number) => `${batchId}#${position}`;

/** One decision as the batch ledger keeps it: what replay needs (the case's facts and the decision). */
export type LedgerEntry = {
  caseId: string;
  officerId: string | null;
  method: Method;
  step: string;
  reason: string;
  facts: Outcome["facts"];
  decision: Decision;
};

/**
 * The decision as the ledger keeps it: what replay compares — ids, loads, codes and parameters, counts — without
 * the English sentences, names and candidate factors, which follow from the batch's stored inputs and can be
 * rebuilt for display. It cuts a bulk commit's ledger to a fifth.
 */
function ledgerForm(d: Decision): Decision {
  return {
    ...d,
    stepText: "",
    candidates: d.candidates.map((c) => ({ ...c, name: "", factors: [] })),
    excluded: d.excluded.map((e) => ({
      officerId: e.officerId,
      name: "",
      reasons: e.reasons.map((r) => ({ ...r, text: "" })),
    })),
  };
}

async function applyToCases(
  trx: Trx,
  actor: Actor,
  batch: { id: string; kind: string },
  cases: CaseRow[],
  outcomes: Outcome[],
  method: (o: Outcome) => string,
  reasonOf: (o: Outcome) => string,
) {
  const now = new Date().toISOString();
  const changing = outcomes
    .map((o, i) => ({ o, c: cases[i]!, position: i }))
    .filter((x) => x.o.officerId !== x.c.assigned_officer_id);
  if (changing.length === 0) return;
  const ended = await endAssignments(
    trx,
    changing.map((x) => x.c.id),
    now,
  );
  const assigned = changing.filter((x) => x.o.officerId);
  await insertJsonRows(
    trx,
    "case_assignments",
    ASSIGNMENT_COLUMNS,
    assigned.map((x) => ({
      case_id: x.c.id,
      officer_id: x.o.officerId!,
      assigned_by: actor.userId,
      assigned_at: now,
      method: method(x.o),
      reason: reasonOf(x.o),
      batch_id: batch.id,
      batch_position: x.position,
      weight: x.o.facts.weight,
    })),
  );
  await notifyOfficers(trx, batch.id, assigned);
  await updateCases(trx, changing);
  const names = await namesOf(
    trx,
    changing.flatMap((x) => [x.c.assigned_officer_id, x.o.officerId]),
  );
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  // Assignments to an officer: one event per batch and organisation, listing each case (the case history shows
  // its line of it, found through case_assignments.batch_id) — 10,000 events were a seventh of a bulk commit.
  // A case going back to the queue keeps its own event: no assignment row leads to the batch.
  const item = (x: (typeof changing)[number]) => [
    x.c.id,
    x.c.assigned_officer_id,
    x.o.officerId,
    method(x.o),
    x.o.decision.step,
    x.position,
    x.o.facts.weight,
    reasonOf(x.o) || null,
  ];
  const events: AuditEvent[] = [...Map.groupBy(assigned, (x) => x.c.organisation_id)].map(([org, xs]) => ({
    action: "assignment.committed",
    entityType: "assignment_batch",
    entityId: batch.id,
    organisationId: org,
    changes: {
      kind: batch.kind,
      cases: xs.length,
      columns: BATCH_ITEM_COLUMNS,
      items: xs.map(item),
      names: Object.fromEntries(
        [...new Set(xs.flatMap((x) => [x.c.assigned_officer_id, x.o.officerId]))]
          .filter((id): id is string => id !== null)
          .map((id) => [id, name(id)]),
      ),
    },
  }));
  for (const x of changing.filter((x) => !x.o.officerId)) {
    events.push({
      action: "case.assigned",
      entityType: "case",
      entityId: x.c.id,
      organisationId: x.c.organisation_id,
      changes: {
        officer: { from: name(x.c.assigned_officer_id), to: null },
        officerId: { from: x.c.assigned_officer_id, to: null },
        method: method(x.o),
        step: x.o.decision.step,
        batchId: batch.id,
        position: x.position,
        weight: x.o.facts.weight,
        ...(reasonOf(x.o) ? { reason: reasonOf(x.o) } : {}),
      },
    });
  }
  await recordAuditMany(trx, actor, events);
  const open = new Set(changing.filter((x) => OPEN.has(x.c.status)).map((x) => x.c.id));
  await shiftOfficerLoad(trx, [
    ...ended
      .filter((e) => open.has(e.case_id))
      .map((e) => ({ officerId: e.officer_id, load: -Number(e.weight), cases: -1, assignedAt: null })),
    ...assigned
      .filter((x) => open.has(x.c.id))
      .map((x) => ({ officerId: x.o.officerId!, load: x.o.facts.weight, cases: 1, assignedAt: now })),
  ]);
}

/** The order of each case's line in a batch's audit event (cases.history.ts reads it back). */
export const BATCH_ITEM_COLUMNS = [
  "caseId",
  "fromOfficerId",
  "toOfficerId",
  "method",
  "step",
  "position",
  "weight",
  "reason",
];

const ASSIGNMENT_COLUMNS = {
  case_id: "uuid",
  officer_id: "uuid",
  assigned_by: "uuid",
  assigned_at: "timestamptz",
  method: "text",
  reason: "text",
  batch_id: "uuid",
  batch_position: "int",
  weight: "numeric",
};

/** Officers' names for the case history, which shows who a case went from and to. */
async function namesOf(trx: Trx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await trx
    .selectFrom("users")
    .select(["id", "full_name"])
    .where("id", "=", anyUuid(wanted))
    .execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

/** Ends the cases' current assignments; returns whom they ended for and the weight each carried. */
async function endAssignments(trx: Trx, caseIds: string[], now: string) {
  const result = await sql<{ case_id: string; officer_id: string; weight: string }>`
    update case_assignments set ended_at = ${now}::timestamptz
    where case_id = any(${sql.val(caseIds)}::uuid[]) and ended_at is null
    returning case_id, officer_id, weight`.execute(trx);
  return result.rows;
}

/** One guarded statement for the whole batch: each row must still have the version seen at preview. */
async function updateCases(trx: Trx, changing: { o: Outcome; c: CaseRow }[]) {
  const result = await sql`
    update cases set assigned_officer_id = v.officer_id, version = cases.version + 1, updated_at = now()
    from unnest(${sql.val(changing.map((x) => x.c.id))}::uuid[],
                ${sql.val(changing.map((x) => x.o.officerId))}::uuid[],
                ${sql.val(changing.map((x) => x.c.version))}::int[]) as v(id, officer_id, version)
    where cases.id = v.id and cases.version = v.version`.execute(trx);
  if (Number(result.numAffectedRows ?? 0) !== changing.length) {
    throw problems.conflict(
      "stale_version",
      "Another assignment of these cases was committed first; preview again.",
    );
  }
}

/**
 * One notice per officer per batch: "a case was assigned to you" naming the case, or, for several, "N cases
 * were assigned to you" — an officer given forty cases in one run wants one notice, not forty.
 */
async function notifyOfficers(trx: Trx, batchId: string, assigned: { o: Outcome; c: CaseRow }[]) {
  const byOfficer = Map.groupBy(assigned, (x) => x.o.officerId!);
  await insertNotices(
    trx,
    [...byOfficer].map(([officerId, xs]) =>
      xs.length === 1
        ? { user_id: officerId, kind: "case_assigned", case_id: xs[0]!.c.id, params: { batchId } }
        : {
            user_id: officerId,
            kind: "cases_assigned",
            case_id: null,
            params: { batchId, count: xs.length },
          },
    ),
  );
}
