import { sql } from "kysely";
import type { Trx } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { type AuditEvent, recordAuditMany } from "../../platform/audit.ts";
import { problems } from "../../platform/errors.ts";
import { refreshOfficerLoad } from "../cases/officer-load.ts";
import type { Outcome } from "./assignment.batch.ts";
import type { Decision } from "./engine.ts";

/**
 * The writes of a committed batch, in the caller's transaction and in few statements however many cases:
 * the ledger rows, the assignments, one guarded update of the cases, the notices, the audit events and the
 * officers' stored loads.
 */
export type Method = "policy" | "override" | "handover" | "queue";
type Batch = { id: string; kind: string; office_id: string; policy_id: string; seed: string };
type CaseRow = { id: string; version: number; assigned_officer_id: string | null };

export async function recordCommit(
  trx: Trx,
  actor: Actor,
  batch: Batch,
  cases: CaseRow[],
  outcomes: Outcome[],
  method: (o: Outcome) => Method,
  reasonOf: (o: Outcome) => string,
): Promise<string[]> {
  const decisionIds = await writeLedger(trx, actor, batch, outcomes, method, reasonOf);
  await applyToCases(trx, actor, batch, cases, outcomes, decisionIds, method, reasonOf);
  await refreshOfficerLoad(trx, [
    ...outcomes.map((o) => o.officerId),
    ...cases.map((c) => c.assigned_officer_id),
  ]);
  return decisionIds;
}

/**
 * The decision as the ledger keeps it: codes and parameters without their English sentences, which replay
 * never compares and which can be rebuilt for display — it halves what a bulk commit writes.
 */
function ledgerForm(d: Decision): Decision {
  const bare = <T extends { text: string }>(r: T) => ({ ...r, text: "" });
  return {
    ...d,
    stepText: "",
    candidates: d.candidates.map((c) => ({ ...c, factors: c.factors.map(bare) })),
    excluded: d.excluded.map((e) => ({ ...e, reasons: e.reasons.map(bare) })),
  };
}

async function writeLedger(
  trx: Trx,
  actor: Actor,
  batch: { id: string; office_id: string; policy_id: string; seed: string },
  outcomes: Outcome[],
  method: (o: Outcome) => "policy" | "override" | "handover" | "queue",
  reasonOf: (o: Outcome) => string,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < outcomes.length; i += 500) {
    const rows = await trx
      .insertInto("assignment_decisions")
      .values(
        outcomes.slice(i, i + 500).map((o, k) => ({
          case_id: o.facts.id,
          office_id: batch.office_id,
          policy_id: batch.policy_id,
          officer_id: o.officerId,
          method: method(o),
          step: o.decision.step,
          seed: batch.seed,
          inputs: JSON.stringify({ case: o.facts }),
          decision: JSON.stringify(ledgerForm(o.decision)),
          reason: reasonOf(o),
          actor_id: actor.userId,
          batch_id: batch.id,
          position: i + k,
        })),
      )
      .returning("id")
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

async function applyToCases(
  trx: Trx,
  actor: Actor,
  batch: { id: string; kind: string },
  cases: { id: string; version: number; assigned_officer_id: string | null }[],
  outcomes: Outcome[],
  decisionIds: string[],
  method: (o: Outcome) => string,
  reasonOf: (o: Outcome) => string,
) {
  const now = new Date();
  const changing = outcomes
    .map((o, i) => ({ o, c: cases[i]!, decisionId: decisionIds[i]! }))
    .filter((x) => x.o.officerId !== x.c.assigned_officer_id);
  const ids = changing.map((x) => x.c.id);
  for (let i = 0; i < ids.length; i += 1000) {
    await trx
      .updateTable("case_assignments")
      .set({ ended_at: now })
      .where("case_id", "in", ids.slice(i, i + 1000))
      .where("ended_at", "is", null)
      .execute();
  }
  const assigned = changing.filter((x) => x.o.officerId);
  for (let i = 0; i < assigned.length; i += 1000) {
    await trx
      .insertInto("case_assignments")
      .values(
        assigned.slice(i, i + 1000).map((x) => ({
          case_id: x.c.id,
          officer_id: x.o.officerId!,
          assigned_by: actor.userId,
          method: method(x.o),
          reason: reasonOf(x.o),
          decision_id: x.decisionId,
          weight: x.o.facts.weight,
        })),
      )
      .execute();
    await trx
      .insertInto("notifications")
      .values(
        assigned.slice(i, i + 1000).map((x) => ({
          user_id: x.o.officerId!,
          kind: "case_assigned",
          case_id: x.c.id,
          params: JSON.stringify({ batchId: batch.id }),
        })),
      )
      .execute();
  }
  if (changing.length > 0) {
    // One statement for the whole batch, each row guarded by the version seen at preview.
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
  const events: AuditEvent[] = changing.map((x) => ({
    action: "case.assigned",
    entityType: "case",
    entityId: x.c.id,
    changes: {
      officerId: { from: x.c.assigned_officer_id, to: x.o.officerId },
      method: method(x.o),
      step: x.o.decision.step,
      decisionId: x.decisionId,
      batchId: batch.id,
      weight: x.o.facts.weight,
      ...(reasonOf(x.o) ? { reason: reasonOf(x.o) } : {}),
    },
  }));
  await recordAuditMany(trx, actor, events);
}
