import type { Database } from "../../db/connection.ts";
import { containsPattern } from "../../db/like.ts";
import { inTransaction, type Trx } from "../../db/transaction.ts";
import { type Actor, hasRole } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { problems } from "../../platform/errors.ts";
import { mlaScope } from "./mla.policy.ts";

/**
 * Named users (issue 5 item 8): beyond the Central Authority and the owning agency unit, a request is visible to
 * the users named on it — an investigator of another unit, the executing agency's officer on an incoming request.
 * The Central Authority and the owning agency name and un-name them; each change is audited.
 */
type Q = Database | Trx;

export const mayManageAccess = (actor: Actor, r: { organisation_id: string }) =>
  hasRole(actor, "central_authority") ||
  (hasRole(actor, "requesting_agency") && r.organisation_id === actor.organisationId);

export function namedUsers(q: Q, id: string) {
  return q
    .selectFrom("mla_request_access as a")
    .innerJoin("users as u", "u.id", "a.user_id")
    .innerJoin("organisations as o", "o.id", "u.organisation_id")
    .select(["u.id", "u.full_name", "o.code"])
    .where("a.request_id", "=", id)
    .orderBy("u.full_name")
    .execute()
    .then((rows) => rows.map((r) => ({ id: r.id, fullName: r.full_name, organisationCode: r.code })));
}

async function managed(q: Q, actor: Actor, id: string) {
  const r = await q
    .selectFrom("mla_requests as r")
    .where(mlaScope(actor))
    .select(["r.id", "r.organisation_id", "r.created_by"])
    .where("r.id", "=", id)
    .executeTakeFirst();
  if (!r) throw problems.notFound("request");
  if (!mayManageAccess(actor, r))
    throw problems.forbidden("Only the Central Authority and the requesting agency name users on a request.");
  return r;
}

export async function setAccess(db: Database, actor: Actor, id: string, userId: string, grant: boolean) {
  await inTransaction(db, async (trx) => {
    const r = await managed(trx, actor, id);
    const user = await trx
      .selectFrom("users")
      .select("id")
      .where("id", "=", userId)
      .where("status", "=", "active")
      .executeTakeFirst();
    if (!user) throw problems.validation([{ path: "body.userId", message: "no such active user" }]);
    if (grant) {
      await trx
        .insertInto("mla_request_access")
        .values({ request_id: id, user_id: userId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    } else {
      if (userId === r.created_by)
        throw problems.unprocessable(
          "creator_removal",
          "The officer who opened the request stays named on it.",
        );
      await trx
        .deleteFrom("mla_request_access")
        .where("request_id", "=", id)
        .where("user_id", "=", userId)
        .execute();
    }
    await recordAudit(trx, actor, {
      action: grant ? "mla.access_granted" : "mla.access_revoked",
      entityType: "mla_request",
      entityId: id,
      organisationId: r.organisation_id,
      changes: { userId },
    });
  });
}

/** Active users who could be named, by name or username; only for those who manage the request's access. */
export async function accessCandidates(db: Database, actor: Actor, id: string, q: string) {
  await managed(db, actor, id);
  const rows = await db
    .selectFrom("users as u")
    .innerJoin("organisations as o", "o.id", "u.organisation_id")
    .select(["u.id", "u.full_name", "o.code"])
    .where("u.status", "=", "active")
    .where((eb) =>
      eb.or([eb("u.full_name", "ilike", containsPattern(q)), eb("u.username", "ilike", containsPattern(q))]),
    )
    .orderBy("u.full_name")
    .limit(20)
    .execute();
  return { items: rows.map((r) => ({ id: r.id, fullName: r.full_name, organisationCode: r.code })) };
}
