import type { Database } from "../../db/connection.ts";
import type { Actor } from "../../platform/actor.ts";
import { addDays } from "../../platform/clock.ts";
import { caseWeight, loadWeights } from "../cases/case-weight.ts";
import { displayNumber } from "../cases/cases.present.ts";
import { caseQuery } from "../cases/cases.repo.ts";
import { type BatchInputs, replayBatch, returnedToQueue, type StoredDecision } from "./assignment.batch.ts";
import { loadOfficerFacts } from "./assignment.facts.ts";
import { decisionRef, type LedgerEntry } from "./assignment.ledger.ts";
import type { CaseFacts, Decision } from "./engine.ts";
import { today } from "./officers.service.ts";

/**
 * The office's queue: open, unassigned cases the actor can see at the courts where the office's officers appear
 * (a seat at the court, any bench), oldest first, with days waiting and weight. The office's seats are what
 * tell the Attorney-General's office from a provincial law office's queue.
 */
export async function queue(db: Database, actor: Actor, officeId: string, limit: number) {
  const weights = await loadWeights(db);
  const rows = await caseQuery(db, actor)
    .select([
      "c.id",
      "c.title",
      "c.number",
      "c.number_suffix",
      "c.year",
      "c.category",
      "c.created_at",
      "c.is_constitutional",
      "c.is_contempt",
      "c.is_tax_recovery",
      "c.is_confidential",
      "c.amount_involved",
      "t.abbreviation as type_abbreviation",
      "t.code as type_code",
      "ct.code as court_code",
      "b.code as bench_code",
      "o.code as org_code",
    ])
    .where("c.assigned_officer_id", "is", null)
    .where("c.status", "in", ["pending", "appealed"])
    .where("c.court_id", "in", (eb) =>
      eb
        .selectFrom("officer_seats as s")
        .innerJoin("users as su", "su.id", "s.user_id")
        .select("s.court_id")
        .where("su.organisation_id", "=", officeId),
    )
    .orderBy("c.created_at")
    .orderBy("c.id")
    .limit(limit)
    .execute();
  const now = Date.now();
  return rows.map((r) => ({
    id: r.id,
    displayNumber: displayNumber(r),
    title: r.title,
    court: r.bench_code ? `${r.court_code} (${r.bench_code})` : r.court_code,
    category: r.category,
    organisation: r.org_code,
    weight: caseWeight(r, weights),
    daysWaiting: Math.floor((now - r.created_at.getTime()) / 86_400_000),
    flags: [
      ...(r.is_constitutional ? ["constitutional"] : []),
      ...(r.is_contempt ? ["contempt"] : []),
      ...(r.is_tax_recovery ? ["taxRecovery"] : []),
      ...(r.is_confidential ? ["confidential"] : []),
    ],
  }));
}

/** Each officer of the office: open cases, weighted load against capacity, leave today. */
/** Each officer's open cases, weighted load and scheduled hearings in the next 14 days (today included). */
export async function workload(db: Database, officeId: string) {
  const day = today();
  const [officers, hearings] = await Promise.all([
    loadOfficerFacts(db, officeId, day),
    db
      .selectFrom("hearings as h")
      .innerJoin("cases as c", "c.id", "h.case_id")
      .innerJoin("users as u", "u.id", "c.assigned_officer_id")
      .select(["c.assigned_officer_id as officerId", (eb) => eb.fn.countAll<number>().as("n")])
      .where("u.organisation_id", "=", officeId)
      .where("h.state", "=", "scheduled")
      .where("h.hearing_date", ">=", day)
      .where("h.hearing_date", "<", addDays(day, 14))
      .groupBy("c.assigned_officer_id")
      .execute(),
  ]);
  const soon = new Map(hearings.map((h) => [h.officerId, Number(h.n)]));
  return officers
    .map((o) => ({
      officerId: o.id,
      fullName: o.name,
      tier: o.tier,
      active: o.active,
      onLeaveToday: o.onLeave,
      openCases: o.openCases,
      load: o.load,
      maxLoad: o.maxLoad,
      hearingsNext14Days: soon.get(o.id) ?? 0,
    }))
    .sort((a, b) => b.load - a.load || a.fullName.localeCompare(b.fullName));
}

/**
 * Replays every committed batch from the ledger (optionally one office's) and reports each decision that
 * does not come out the same.
 */
export async function verifyLedger(db: Database, officeId?: string) {
  let q = db
    .selectFrom("assignment_batches")
    .select(["id", "seed", "inputs", "decisions"])
    .where("committed_at", "is not", null);
  if (officeId) q = q.where("office_id", "=", officeId);
  const batches = await q.orderBy("committed_at").execute();
  let checked = 0;
  const failures: { decisionId: string; caseId: string; difference: string }[] = [];
  for (const batch of batches) {
    const stored = (
      batch.decisions
        ? fromBatchLedger(batch.id, batch.decisions as LedgerEntry[])
        : await fromRows(db, batch.id)
    ).filter((s) => !(s.method === "queue" && returnedToQueue(s.decision)));
    checked += stored.length;
    for (const f of replayBatch(batch.inputs as BatchInputs, batch.seed, stored)) {
      failures.push({ decisionId: f.id, caseId: f.caseId, difference: f.difference });
    }
  }
  return { checked, reproduced: checked - failures.length, failures };
}

type Stored = StoredDecision & { method: string };

function fromBatchLedger(batchId: string, entries: LedgerEntry[]): Stored[] {
  return entries.map((e, position) => ({
    id: decisionRef(batchId, position),
    position,
    case_id: e.caseId,
    officer_id: e.officerId,
    decision: e.decision,
    facts: e.facts,
    method: e.method,
  }));
}

/** Batches committed before 0017 keep a row per decision. */
async function fromRows(db: Database, batchId: string): Promise<Stored[]> {
  const rows = await db
    .selectFrom("assignment_decisions")
    .select(["id", "case_id", "officer_id", "decision", "inputs", "method", "position"])
    .where("batch_id", "=", batchId)
    .orderBy("position")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    case_id: r.case_id,
    officer_id: r.officer_id,
    decision: r.decision as Decision,
    facts: (r.inputs as { case: CaseFacts }).case,
    method: r.method,
  }));
}
