import type { Database } from "../../db/connection.ts";
import type { Trx } from "../../db/transaction.ts";
import { type Actor, hasRole } from "../../platform/actor.ts";
import { problems } from "../../platform/errors.ts";

/**
 * Who runs assignment for which law office: the office's assigning officer for their own office; the Law
 * Ministry for any office. `officeId` null means a system-wide setting (weights): Law Ministry or administrator.
 */
export function mayManageOffice(actor: Actor, officeId: string | null): boolean {
  if (hasRole(actor, "law_ministry")) return true;
  if (officeId === null) return hasRole(actor, "administrator");
  return hasRole(actor, "assigning_officer") && actor.organisationId === officeId;
}

export function assertMayManageOffice(actor: Actor, officeId: string | null): void {
  if (!mayManageOffice(actor, officeId)) {
    throw problems.forbidden(
      "Only the office's assigning officer or the Law Ministry manages its assignments.",
    );
  }
}

/**
 * The law office an actor works for, unless they name another they may manage. An office that does not exist
 * or is not a law office answers 404, like any record outside reach.
 */
export async function resolveOffice(
  db: Database | Trx,
  actor: Actor,
  requested: string | undefined,
): Promise<string> {
  if (!requested && actor.organisationKind !== "law_office") {
    throw problems.validation([{ path: "querystring.officeId", message: "name the law office" }]);
  }
  const officeId = requested ?? actor.organisationId;
  assertMayManageOffice(actor, officeId);
  const office = await db
    .selectFrom("organisations")
    .select("id")
    .where("id", "=", officeId)
    .where("kind", "=", "law_office")
    .executeTakeFirst();
  if (!office) throw problems.notFound("law office");
  return officeId;
}

/** Auditors and administrators verify the ledger; so may those who run assignment. */
export function assertMayVerify(actor: Actor): void {
  if (!hasRole(actor, "auditor", "administrator", "law_ministry")) {
    throw problems.forbidden("Only auditors verify the assignment ledger.");
  }
}
