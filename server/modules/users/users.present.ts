import type { Role } from "../../../common/roles.ts";
import type { Me, UserDto } from "../../../common/schemas/users.ts";
import type { Actor } from "../../platform/actor.ts";
import { canManageUser, meAbilities } from "./users.policy.ts";
import type { UserRow } from "./users.repo.ts";

/** Whether the actor's roles require a second factor that they have not enrolled yet. */
export function enrolmentRequired(
  roles: ReadonlySet<Role>,
  mfaRoles: ReadonlySet<Role>,
  totpEnabled: boolean,
): boolean {
  return !totpEnabled && [...roles].some((r) => mfaRoles.has(r));
}

/** The signed-in user as the web app needs it: identity, organisation, roles and general abilities. */
export function presentMe(actor: Actor, row: UserRow, mfaRoles: ReadonlySet<Role>): Me {
  const enabled = row.totp_enabled_at !== null;
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    designation: row.designation,
    organisation: {
      id: row.organisation_id,
      code: row.org_code,
      nameEn: row.org_name_en,
      nameUr: row.org_name_ur,
      kind: row.org_kind,
    },
    roles: [...actor.roles].sort(),
    locale: row.locale,
    abilities: meAbilities(actor),
    twoFactor: { enabled, enrolmentRequired: enrolmentRequired(actor.roles, mfaRoles, enabled) },
  };
}

export function presentUser(actor: Actor, row: UserRow, roles: string[]): UserDto {
  const manage = canManageUser(actor, row, roles);
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    email: row.email,
    designation: row.designation,
    status: row.status,
    locale: row.locale,
    organisation: {
      id: row.organisation_id,
      code: row.org_code,
      nameEn: row.org_name_en,
      nameUr: row.org_name_ur,
    },
    roles,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    twoFactorEnabled: row.totp_enabled_at !== null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    abilities: {
      edit: manage,
      approve: manage && row.status === "pending",
      // one's own second factor is turned off from the profile, with the password and a code
      resetTwoFactor: manage && row.totp_enabled_at !== null && row.id !== actor.userId,
    },
  };
}
