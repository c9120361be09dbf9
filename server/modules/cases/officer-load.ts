import { sql } from "kysely";
import type { Trx } from "../../db/transaction.ts";

/**
 * Recomputes the load columns of the given officers' profiles — weighted open cases, their count and the
 * last assignment — from their assignments. Called in the transaction of every change that can move them
 * (assignment, handover, status change), so readers never aggregate and never see a stale figure.
 */
export async function refreshOfficerLoad(
  trx: Trx,
  officerIds: readonly (string | null | undefined)[],
): Promise<void> {
  const ids = [...new Set(officerIds.filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return;
  // facts before the profile rows, as an assignment commit takes them: the other order deadlocked (PostgreSQL)
  await lockOfficerFacts(trx);
  await sql`
    update officer_profiles p set
      open_load = coalesce(s.load, 0),
      open_cases = coalesce(s.n, 0),
      last_assigned_at = l.last
    from unnest(${sql.val(ids)}::uuid[]) as ids(id)
    left join lateral (
      select sum(a.weight) as load, count(*) as n
      from case_assignments a join cases c on c.id = a.case_id
      where a.officer_id = ids.id and a.ended_at is null and c.status in ('pending', 'appealed')
    ) s on true
    left join lateral (
      select max(a.assigned_at) as last from case_assignments a where a.officer_id = ids.id
    ) l on true
    where p.user_id = ids.id`.execute(trx);
}

/** A change to one officer's stored load: weighted load and open cases added (negative to remove). */
export type LoadShift = { officerId: string; load: number; cases: number; assignedAt: string | null };

/**
 * Adds known changes to the stored loads — what a bulk commit uses: it knows every case it moves and its
 * weight, and recomputing a thousand officers' loads from their assignments would cost far more than the
 * commit's own writes. Shifts for the same officer are summed first.
 */
export async function shiftOfficerLoad(trx: Trx, shifts: readonly LoadShift[]): Promise<void> {
  const byOfficer = new Map<string, LoadShift>();
  for (const s of shifts) {
    const sum = byOfficer.get(s.officerId);
    if (!sum) byOfficer.set(s.officerId, { ...s });
    else {
      sum.load += s.load;
      sum.cases += s.cases;
      if (s.assignedAt && (!sum.assignedAt || s.assignedAt > sum.assignedAt)) sum.assignedAt = s.assignedAt;
    }
  }
  if (byOfficer.size === 0) return;
  const rows = JSON.stringify([...byOfficer.values()]);
  await sql`
    update officer_profiles p set
      open_load = p.open_load + s."load",
      open_cases = p.open_cases + s.cases,
      last_assigned_at = greatest(p.last_assigned_at, s."assignedAt")
    from json_to_recordset(${rows}::json) as s("officerId" uuid, "load" numeric, cases int, "assignedAt" timestamptz)
    where p.user_id = s."officerId"`.execute(trx);
}

/**
 * Takes the officer-facts version row (migration 0003) at the start of a transaction that will change officer
 * facts and write audit events. Triggers take it anyway at the first change of officer facts and hold it to
 * the end; taking it before the audit chain's lock keeps one lock order everywhere (facts, then audit), so an
 * assignment commit and, say, a profile save cannot deadlock.
 */
export async function lockOfficerFacts(trx: Trx): Promise<number> {
  const r = await sql<{ version: string }>`
    update officer_facts_version set version = version + 1 where id = 1 returning version`.execute(trx);
  // the version every committed change before this transaction left (ours is the bump just made)
  return Number(r.rows[0]!.version) - 1;
}
