import { z } from "zod";

export const uuid = z.uuid();
/** A calendar date the courts could use: years 1947–2100 (PostgreSQL refuses year 0, and far dates overflow). */
export const isoDate = z.iso
  .date()
  .refine((d) => d >= "1947-01-01" && d <= "2100-12-31", "must be a date between 1947 and 2100");
/** The largest value of a PostgreSQL `int` column: versions and counters are stored in one. */
export const INT4_MAX = 2_147_483_647;
export const version = z.number().int().positive().max(INT4_MAX);
export const trimmed = (max: number) => z.string().trim().min(1).max(max);

export const pagination = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export const orgRef = z.object({ id: z.string(), code: z.string(), nameEn: z.string(), nameUr: z.string() });
export const personRef = z.object({ id: z.string(), fullName: z.string() });

export const paged = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

export const idParams = z.object({ id: uuid });

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.string(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
