import { type Actor, hasRole } from "../../platform/actor.ts";
import { problems } from "../../platform/errors.ts";

/**
 * Who runs assignment for which law office: the office's assigning officer for their own office; the Law
 * Ministry for any office. `officeId` null means a system-wide setting (weights): Law Ministry or administrator.
 */
export function assertMayManageOffice(actor: Actor, officeId: string | null): void {
  if (hasRole(actor, "law_ministry")) return;
  if (officeId === null && hasRole(actor, "administrator")) return;
  if (officeId !== null && hasRole(actor, "assigning_officer") && actor.organisationId === officeId) return;
  throw problems.forbidden(
    "Only the office's assigning officer or the Law Ministry manages its assignments.",
  );
}

/** The office an actor works for, unless they name another they may manage. */
export function resolveOffice(actor: Actor, requested: string | undefined): string {
  if (!requested && actor.organisationKind !== "law_office") {
    throw problems.validation([{ path: "querystring.officeId", message: "name the law office" }]);
  }
  const officeId = requested ?? actor.organisationId;
  assertMayManageOffice(actor, officeId);
  return officeId;
}

/** Auditors and administrators verify the ledger; so may those who run assignment. */
export function assertMayVerify(actor: Actor): void {
  if (!hasRole(actor, "auditor", "administrator", "law_ministry")) {
    throw problems.forbidden("Only auditors verify the assignment ledger.");
  }
}
