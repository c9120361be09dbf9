import { z } from "zod";
import { ROLES } from "../../../common/roles.ts";
import { organisationKind } from "../../../common/schemas/reference.ts";

/**
 * Zod schemas for the files in reference/. Each file is `{ source, note?, items: [...] }`; items carry their own
 * source and status (V checked in primary text, S secondary source, U unconfirmed — DOMAIN.md markers).
 * Checks across items (unique codes, known parents, no cycles, one principal seat) live here too, so every
 * problem is reported with the path of the item at fault.
 */

const CODE = /^[A-Z0-9][A-Z0-9_-]{1,31}$/;
const CASE_TYPE_CODE = /^[A-Z0-9][A-Z0-9_-]{0,31}$/;

export const COURT_LEVELS = [
  "supreme",
  "constitutional",
  "shariat",
  "high",
  "tribunal",
  "special",
  "district",
] as const;

const text = z.string().trim().min(1);
const code = z.string().regex(CODE, `must match ${CODE}`);
const status = z.enum(["V", "S", "U"]);
const note = z.string().optional();

const roleItem = z.strictObject({
  code: z.enum(ROLES),
  name_en: text,
  name_ur: text,
  description: text,
  sort_order: z.number().int(),
});

const organisationItem = z.strictObject({
  code,
  name_en: text,
  name_ur: text,
  kind: organisationKind,
  parent_code: code.optional(),
  source: text,
  status,
  note,
});

const benchItem = z.strictObject({
  code,
  name_en: text,
  name_ur: text,
  city: text,
  is_principal_seat: z.boolean(),
});

const courtItem = z.strictObject({
  code,
  name_en: text,
  name_ur: text,
  level: z.enum(COURT_LEVELS),
  city: text,
  status,
  source: text,
  sort_order: z.number().int(),
  note,
  benches: z.array(benchItem).min(1),
});

const caseTypeItem = z.strictObject({
  code: z.string().regex(CASE_TYPE_CODE, `must match ${CASE_TYPE_CODE}`),
  abbreviation: text,
  name_en: text,
  name_ur: text,
  aliases: z.array(text).min(1),
  court_levels: z.array(z.enum(COURT_LEVELS)).min(1),
  is_appeal: z.boolean(),
  status,
  source: text,
  sort_order: z.number().int(),
  note,
});

function referenceFile<T extends z.ZodType<{ code: string }>>(item: T) {
  return z.strictObject({ source: text, note, items: z.array(item).min(1) }).superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.items.forEach((it, i) => {
      if (seen.has(it.code))
        ctx.addIssue({ code: "custom", path: ["items", i, "code"], message: "duplicate code" });
      seen.add(it.code);
    });
  });
}

export const rolesFile = referenceFile(roleItem).superRefine((file, ctx) => {
  const present = new Set(file.items.map((r) => r.code));
  const missing = ROLES.filter((r) => !present.has(r));
  if (missing.length) ctx.addIssue({ code: "custom", path: ["items"], message: `missing roles: ${missing}` });
});

export const organisationsFile = referenceFile(organisationItem).superRefine((file, ctx) => {
  const parents = new Map(file.items.map((o) => [o.code, o.parent_code]));
  file.items.forEach((o, i) => {
    if (o.parent_code === undefined) return;
    if (!parents.has(o.parent_code)) {
      ctx.addIssue({ code: "custom", path: ["items", i, "parent_code"], message: `unknown organisation` });
      return;
    }
    const chain = new Set([o.code]);
    for (let p: string | undefined = o.parent_code; p !== undefined; p = parents.get(p)) {
      if (chain.has(p)) {
        ctx.addIssue({
          code: "custom",
          path: ["items", i, "parent_code"],
          message: "parent chain is a cycle",
        });
        return;
      }
      chain.add(p);
    }
  });
});

export const courtsFile = referenceFile(courtItem).superRefine((file, ctx) => {
  file.items.forEach((court, i) => {
    const seen = new Set<string>();
    court.benches.forEach((b, j) => {
      if (seen.has(b.code)) {
        ctx.addIssue({
          code: "custom",
          path: ["items", i, "benches", j, "code"],
          message: "duplicate bench code",
        });
      }
      seen.add(b.code);
    });
    const seats = court.benches.filter((b) => b.is_principal_seat).length;
    if (seats !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["items", i, "benches"],
        message: `needs exactly one principal seat, found ${seats}`,
      });
    }
  });
});

export const caseTypesFile = referenceFile(caseTypeItem);

export type RolesFile = z.infer<typeof rolesFile>;
export type OrganisationsFile = z.infer<typeof organisationsFile>;
export type CourtsFile = z.infer<typeof courtsFile>;
export type CaseTypesFile = z.infer<typeof caseTypesFile>;
