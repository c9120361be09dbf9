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
