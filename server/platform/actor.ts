import { isRole, type Role } from "../../common/roles.ts";

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

/** A user as a background job acts for them: their roles and organisation, no request context. */
export function jobActor(
  u: {
    id: string;
    username: string;
    fullName: string;
    organisationId: string;
    organisationKind: string;
    locale: string | null;
    roles: readonly string[];
  },
  job: string,
): Actor {
  return {
    userId: u.id,
    username: u.username,
    fullName: u.fullName,
    organisationId: u.organisationId,
    organisationKind: u.organisationKind,
    roles: new Set(u.roles.filter(isRole) as Role[]),
    locale: u.locale === "ur" ? "ur" : "en",
    sessionId: job,
    ip: null,
    userAgent: null,
    requestId: null,
  };
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.has(r));
}

/** Request context for audit events of actions with no signed-in actor (login, self-registration). */
export type RequestContext = { ip: string | null; userAgent: string | null; requestId: string | null };
