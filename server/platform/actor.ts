import type { Role } from "../../common/roles.ts";

/** Who is acting: the authenticated user, their organisation and roles, and where the request came from. */
export type Actor = {
  userId: string;
  username: string;
  fullName: string;
  organisationId: string;
  organisationKind: string;
  roles: ReadonlySet<Role>;
  locale: "en" | "ur";
  sessionId: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
};

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.has(r));
}

/** Request context for audit events of actions with no signed-in actor (login, self-registration). */
export type RequestContext = { ip: string | null; userAgent: string | null; requestId: string | null };
