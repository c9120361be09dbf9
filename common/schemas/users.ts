import { z } from "zod";
import { ROLES } from "../roles.ts";
import { orgRef, pagination, trimmed, uuid, version } from "./shared.ts";

export const locale = z.enum(["en", "ur"]);
export const userStatus = z.enum(["pending", "active", "disabled", "rejected"]);
export const role = z.enum(ROLES);

/** At least 12 characters with a letter and a digit: long passphrases beat composition rules (NIST 800-63B). */
export const password = z
  .string()
  .min(12, "must be at least 12 characters")
  .max(200)
  .regex(/[A-Za-z]/, "must contain a letter")
  .regex(/[0-9]/, "must contain a digit");

export const username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-zA-Z0-9._-]+$/, "may contain only letters, digits, dot, dash and underscore");

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
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
});
export type Me = z.infer<typeof me>;

export const sessionResponse = z.object({ user: me, csrfToken: z.string() });
export const mePatch = z.object({ locale });

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
  version: z.number(),
  createdAt: z.string(),
  abilities: z.object({ edit: z.boolean(), approve: z.boolean() }),
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
