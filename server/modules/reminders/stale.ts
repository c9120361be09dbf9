import { sql } from "kysely";
import type { Database } from "../../db/connection.ts";
import { recordAuditMany } from "../../platform/audit.ts";
import { insertNotices } from "../notifications/notifications.service.ts";
import { SYSTEM } from "../tasks/tasks.escalation.ts";

/**
 * Stale cases (DOMAIN.md §1: LIMBS had 76,000 cases not updated for five years): an open case with no update
 * for N days — its organisation's `stale_after_days`, else CAMS_STALE_AFTER_DAYS — is flagged and escalated
 * to the organisation's nodal officers and the assigned law officer. The flag stands until the case is
 * updated; a case updated and then left again is flagged again.
 */
export async function flagStaleCases(db: Database, defaultDays: number, now = new Date(), limit = 5000) {
  return db.transaction().execute(async (trx) => {
    const stale = await sql<{
      id: string;
      organisation_id: string;
      assigned_officer_id: string | null;
      is_confidential: boolean;
      updated_at: Date;
      days: number;
    }>`
      select c.id, c.organisation_id, c.assigned_officer_id, c.is_confidential, c.updated_at,
             coalesce(o.stale_after_days, ${defaultDays}::int) as days
      from cases c join organisations o on o.id = c.organisation_id
      where c.status in ('pending', 'appealed')
        and c.updated_at < ${now}::timestamptz - make_interval(days => coalesce(o.stale_after_days, ${defaultDays}::int))
        and (c.stale_flagged_at is null or c.stale_flagged_at < c.updated_at)
      order by c.updated_at
      limit ${limit}
      for update of c skip locked
    `.execute(trx);
    if (stale.rows.length === 0) return 0;
    const orgIds = [...new Set(stale.rows.map((c) => c.organisation_id))];
    const nodal = await trx
      .selectFrom("users as u")
      .innerJoin("user_roles as ur", "ur.user_id", "u.id")
      .select(["u.id", "u.organisation_id"])
      .where("u.organisation_id", "in", orgIds)
      .where("u.status", "=", "active")
      .where("ur.role", "=", "nodal_officer")
      .execute();
    const notices = stale.rows.flatMap((c) => {
      // a confidential case goes only to its officer: the nodal officers may not see it
      const to = new Set(
        c.is_confidential
          ? []
          : nodal.filter((n) => n.organisation_id === c.organisation_id).map((n) => n.id),
      );
      if (c.assigned_officer_id) to.add(c.assigned_officer_id);
      const lastUpdate = new Date(c.updated_at).toISOString().slice(0, 10);
      return [...to].map((user_id) => ({
        user_id,
        kind: "case_stale",
        case_id: c.id,
        params: { days: c.days, lastUpdate },
      }));
    });
    await insertNotices(trx, notices);
    await trx
      .updateTable("cases")
      .set({ stale_flagged_at: now })
      .where(
        "id",
        "in",
        stale.rows.map((c) => c.id),
      )
      .execute();
    await recordAuditMany(
      trx,
      SYSTEM,
      stale.rows.map((c) => ({
        action: "case.flagged_stale" as const,
        entityType: "case",
        entityId: c.id,
        organisationId: c.organisation_id,
        changes: { days: c.days, lastUpdate: new Date(c.updated_at).toISOString() },
      })),
    );
    return stale.rows.length;
  });
}
