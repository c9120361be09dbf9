import { z } from "zod";

/**
 * The public (no-login) face: case status by number, a ministry's page and feed, open statistics. These schemas
 * are the whole of what the public endpoints may say — the server parses every answer through them, and zod
 * drops any key they do not name, so a field added to a query by mistake never reaches the public.
 */

const code = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/, "must be a code of letters, digits, '-' or '_'");

export const publicCaseQuery = z.object({
  number: z.string().trim().min(1, "write a case number, e.g. W.P. No. 1234 of 2025").max(300),
  court: code(20).optional(),
});

export const publicOrganisationParams = z.object({ code: code(40) });
export const publicOrganisationQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  /** Narrows the pending list to one court (its code, as in /public/courts). */
  court: code(20).optional(),
});

const names = { code: z.string(), nameEn: z.string(), nameUr: z.string() };
export const publicPlace = z.object(names);
export type PublicPlace = z.infer<typeof publicPlace>;

export const publicCase = z.object({
  court: publicPlace,
  bench: publicPlace.nullable(),
  organisation: publicPlace,
  caseType: z.object({ code: z.string(), abbreviation: z.string() }),
  /** As courts write it: "W.P. No. 1234 of 2025". */
  number: z.string(),
  year: z.number(),
  /** Private individuals' names as initials when masking is on. */
  title: z.string(),
  status: z.string(),
  nextHearingDate: z.string().nullable(),
});
export type PublicCase = z.infer<typeof publicCase>;

export const publicCaseResult = z.object({ items: z.array(publicCase) });

/** The courts a public search may be narrowed to, in their order of precedence. */
export const publicCourtList = z.object({ items: z.array(publicPlace) });

const count = z.number().int().nonnegative();
export const publicCount = z.object({ key: z.string(), nameEn: z.string(), nameUr: z.string(), count });

export const publicOrganisationPage = z.object({
  organisation: publicPlace,
  asOf: z.string(),
  total: count,
  byStatus: z.array(publicCount),
  byCourt: z.array(publicCount),
  pending: z.object({
    items: z.array(publicCase),
    total: count,
    page: z.number(),
    pageSize: z.number(),
  }),
});
export type PublicOrganisationPage = z.infer<typeof publicOrganisationPage>;

export const AGE_BUCKETS = ["under_1", "1_3", "3_5", "5_10", "over_10"] as const;

export const publicStatistics = z.object({
  asOf: z.string(),
  /** When the figures were counted (ISO time): they are counted every few minutes, not on each request. */
  countedAt: z.string(),
  total: count,
  byOrganisation: z.array(publicCount),
  byCourt: z.array(publicCount),
  byStatus: z.array(publicCount),
  byYearFiled: z.array(publicCount),
  byAgeBucket: z.array(publicCount),
});
export type PublicStatistics = z.infer<typeof publicStatistics>;

export const dictionaryField = z.object({
  name: z.string(),
  type: z.string(),
  meaning: z.string(),
  source: z.string(),
});
export const publicDictionary = z.object({
  title: z.string(),
  description: z.string(),
  files: z.array(z.object({ path: z.string(), format: z.string(), fields: z.array(dictionaryField) })),
});
