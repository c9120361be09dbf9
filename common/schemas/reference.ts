import { z } from "zod";
import { trimmed, version } from "./shared.ts";

const code = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{1,31}$/, "2–32 capital letters, digits, dash or underscore");

export const organisationKind = z.enum([
  "ministry",
  "division",
  "attached_department",
  "law_ministry",
  "law_office",
  "provincial_law_department",
  "agency",
  "executive",
  "central_authority",
  "system",
]);

export const organisationSchema = z.object({
  id: z.string(),
  code: z.string(),
  nameEn: z.string(),
  nameUr: z.string(),
  kind: z.string(),
  parentId: z.string().nullable(),
  active: z.boolean(),
  /** Days without an update after which its open cases are flagged stale; null: the system default. */
  staleAfterDays: z.number().nullable(),
  version: z.number(),
});

export const organisationCreateBody = z.object({
  code,
  nameEn: trimmed(200),
  nameUr: z.string().trim().max(200).default(""),
  kind: organisationKind,
  parentId: z.uuid().nullable().optional(),
});

export const organisationPatchBody = z.object({
  version,
  nameEn: trimmed(200).optional(),
  nameUr: z.string().trim().max(200).optional(),
  active: z.boolean().optional(),
  staleAfterDays: z.number().int().min(7).max(3650).nullable().optional(),
});

export const benchSchema = z.object({
  id: z.string(),
  code: z.string(),
  nameEn: z.string(),
  nameUr: z.string(),
  city: z.string(),
  isPrincipalSeat: z.boolean(),
  active: z.boolean(),
  version: z.number(),
});

export const courtSchema = z.object({
  id: z.string(),
  code: z.string(),
  nameEn: z.string(),
  nameUr: z.string(),
  level: z.string(),
  city: z.string(),
  status: z.string(),
  source: z.string(),
  active: z.boolean(),
  version: z.number(),
  benches: z.array(benchSchema),
});

export const courtPatchBody = z.object({
  version,
  nameEn: trimmed(200).optional(),
  nameUr: z.string().trim().max(200).optional(),
  city: z.string().trim().max(100).optional(),
  active: z.boolean().optional(),
});

export const benchCreateBody = z.object({
  code,
  nameEn: trimmed(200),
  nameUr: z.string().trim().max(200).default(""),
  city: trimmed(100),
});

export const caseTypeSchema = z.object({
  id: z.string(),
  code: z.string(),
  abbreviation: z.string(),
  nameEn: z.string(),
  nameUr: z.string(),
  aliases: z.array(z.string()),
  courtLevels: z.array(z.string()),
  isAppeal: z.boolean(),
  active: z.boolean(),
  version: z.number(),
});

export const caseTypePatchBody = z.object({
  version,
  nameEn: trimmed(200).optional(),
  nameUr: z.string().trim().max(200).optional(),
  aliases: z.array(trimmed(60)).max(30).optional(),
  active: z.boolean().optional(),
});

export const roleSchema = z.object({
  code: z.string(),
  nameEn: z.string(),
  nameUr: z.string(),
  description: z.string(),
});
