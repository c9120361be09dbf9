import { z } from "zod";
import { ROLES } from "../roles.ts";
import { PASSWORD_MAX } from "./password.ts";
import { orgRef, pagination, trimmed, uuid, version } from "./shared.ts";

export const locale = z.enum(["en", "ur"]);
export const userStatus = z.enum(["pending", "active", "disabled", "rejected"]);
export const role = z.enum(ROLES);

/**
 * A new password's type and bounds; its policy (length by second factor, breached list, username) is checked by
 * the server where the username and second factor are known (common/schemas/password.ts).
 */
export const password = z.string().min(1, "must not be empty").max(PASSWORD_MAX);

/** A 6-digit TOTP code, spaces allowed as apps show them ("123 456"). */
export const totpCode = z
  .string()
  .trim()
  .regex(/^\d{3} ?\d{3}$/, "must be the 6 digits the authenticator app shows");
export const recoveryCode = z.string().trim().min(12).max(20);

export const username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-zA-Z0-9._-]+$/, "may contain only letters, digits, dot, dash and underscore");

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(PASSWORD_MAX),
  /** For an account with two-step sign-in: the app's current code, or else one of the recovery codes. */
  totpCode: totpCode.optional(),
  recoveryCode: recoveryCode.optional(),
});

export const registerBody = z.object({
  organisationCode: z.string().trim().min(2).max(32),
  username,
  fullName: trimmed(200),
  email: z.email().max(200).optional(),
  designation: z.string().trim().max(200).optional(),
  password,
});

export const meAbilities = z.object({
  registerCases: z.boolean(),
  viewAllCases: z.boolean(),
  assignCases: z.boolean(),
  manageUsers: z.boolean(),
  approveUsers: z.boolean(),
  manageReference: z.boolean(),
  readAudit: z.boolean(),
});

export const me = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  designation: z.string(),
  organisation: orgRef.extend({ kind: z.string() }),
  roles: z.array(z.string()),
  locale,
  abilities: meAbilities,
  /** Two-step sign-in: on or not, and whether this user's roles require it before anything else. */
  twoFactor: z.object({ enabled: z.boolean(), enrolmentRequired: z.boolean() }),
});
export type Me = z.infer<typeof me>;

export const sessionResponse = z.object({ user: me, csrfToken: z.string() });
/** The user's own settings; a new password needs the current one. */
export const mePatch = z
  .object({
    locale: locale.optional(),
    currentPassword: z.string().min(1).max(PASSWORD_MAX).optional(),
    password: password.optional(),
  })
  .refine((b) => b.locale !== undefined || b.password !== undefined, {
    message: "give a locale or a new password",
  })
  .refine((b) => b.password === undefined || b.currentPassword !== undefined, {
    path: ["currentPassword"],
    message: "required to set a new password",
  });

export const totpEnrolment = z.object({ secret: z.string(), uri: z.string(), qr: z.string() });
/** Setting up two-step sign-in asks for the password: a session left open must not bind the intruder's app. */
export const totpStartBody = z.object({ currentPassword: z.string().min(1).max(PASSWORD_MAX) });
export const totpConfirmBody = z.object({ code: totpCode });
export const recoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
/** Turning it off: the password and the app's code — or a recovery code, for a user who lost the app. */
export const totpDisableBody = z
  .object({
    currentPassword: z.string().min(1).max(PASSWORD_MAX),
    code: totpCode.optional(),
    recoveryCode: recoveryCode.optional(),
  })
  .refine((b) => Boolean(b.code) !== Boolean(b.recoveryCode), {
    path: ["code"],
    message: "give the app's code or a recovery code",
  });

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  designation: z.string(),
  status: userStatus,
  locale,
  organisation: orgRef,
  roles: z.array(z.string()),
  lastLoginAt: z.string().nullable(),
  twoFactorEnabled: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  abilities: z.object({ edit: z.boolean(), approve: z.boolean(), resetTwoFactor: z.boolean() }),
});
export type UserDto = z.infer<typeof userSchema>;

export const userCreateBody = z.object({
  organisationId: uuid,
  username,
  fullName: trimmed(200),
  email: z.email().max(200).optional(),
  designation: z.string().trim().max(200).optional(),
  password,
  roles: z.array(role).min(1).max(10),
});

export const userPatchBody = z.object({
  version,
  fullName: trimmed(200).optional(),
  email: z.email().max(200).nullable().optional(),
  designation: z.string().trim().max(200).optional(),
  roles: z.array(role).min(1).max(10).optional(),
  status: z.enum(["active", "disabled"]).optional(),
  password: password.optional(),
});

export const userDecisionBody = z.object({ version });

export const userListQuery = pagination.extend({
  organisationId: uuid.optional(),
  status: userStatus.optional(),
  role: role.optional(),
  q: z.string().trim().max(100).optional(),
});

export const officerSchema = z.object({
  id: z.string(),
  fullName: z.string(),
  designation: z.string(),
  organisation: orgRef,
  activeCases: z.number(),
});
