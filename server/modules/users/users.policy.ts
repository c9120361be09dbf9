import type { Role } from "../../../common/roles.ts";
import type { Me } from "../../../common/schemas/users.ts";
import { type Actor, hasRole } from "../../platform/actor.ts";
import { problems } from "../../platform/errors.ts";

/** What the signed-in user may do in general; the UI shows only these capabilities. */
export function meAbilities(actor: Pick<Actor, "roles">): Me["abilities"] {
  const a = actor as Actor;
  return {
    registerCases: hasRole(a, "focal_person", "nodal_officer", "law_ministry"),
    viewAllCases: hasRole(a, "law_ministry"),
    assignCases: hasRole(a, "law_ministry", "assigning_officer"),
    manageUsers: hasRole(a, "administrator", "nodal_officer"),
    approveUsers: hasRole(a, "administrator", "nodal_officer"),
    manageReference: hasRole(a, "administrator"),
    readAudit: hasRole(a, "auditor", "administrator"),
  };
}

/** Roles a nodal officer may hand out inside their own organisation; administrators may grant any. */
const NODAL_GRANTABLE: ReadonlySet<Role> = new Set(["focal_person", "nodal_officer"]);

type UserRecord = { organisation_id: string };

/** Administrators see every user; nodal officers the users of their own organisation; others only themselves. */
export function canSeeUser(actor: Actor, user: UserRecord & { id: string }): boolean {
  if (hasRole(actor, "administrator")) return true;
  if (hasRole(actor, "nodal_officer") && user.organisation_id === actor.organisationId) return true;
  return user.id === actor.userId;
}

/**
 * Administrators manage everyone. A nodal officer manages users of their own organisation whose roles are all
 * ones a nodal officer could grant — never a Law Ministry officer or an administrator who happens to share the
 * organisation, whose password, roles and status stay out of their reach.
 */
export function canManageUser(actor: Actor, user: UserRecord, targetRoles: readonly string[]): boolean {
  if (hasRole(actor, "administrator")) return true;
  return (
    hasRole(actor, "nodal_officer") &&
    user.organisation_id === actor.organisationId &&
    targetRoles.every((r) => NODAL_GRANTABLE.has(r as Role))
  );
}

export function assertCanGrant(actor: Actor, organisationId: string, roles: readonly Role[]): void {
  if (hasRole(actor, "administrator")) return;
  if (!hasRole(actor, "nodal_officer") || organisationId !== actor.organisationId) {
    throw problems.forbidden("Only an administrator or the organisation's nodal officer manages its users.");
  }
  const refused = roles.filter((r) => !NODAL_GRANTABLE.has(r));
  if (refused.length > 0) {
    throw problems.forbidden(`A nodal officer may not grant: ${refused.join(", ")}. Ask an administrator.`);
  }
}

/** Scope of user lists: the organisation filter the actor is held to (null = all). */
export function userListScope(actor: Actor): string | null | "none" {
  if (hasRole(actor, "administrator")) return null;
  if (hasRole(actor, "nodal_officer")) return actor.organisationId;
  return "none";
}
