import { z } from "zod";
import { caseListQuery } from "./cases.ts";
import { INT4_MAX, trimmed, version } from "./shared.ts";

/**
 * A saved filter's query is the case list's own query without the page, so applying it reproduces the list its
 * owner saw. Strict: a key the list does not know is refused rather than silently dropped.
 */
export const savedFilterQuery = caseListQuery.omit({ page: true }).strict();
export type SavedFilterQuery = z.infer<typeof savedFilterQuery>;

/** 0 = Sunday … 6 = Saturday, in the courts' time zone. */
export const weekday = z.number().int().min(0).max(6);

export const savedFilterCreate = z.object({ name: trimmed(100), query: savedFilterQuery });
export const savedFilterUpdate = z.object({
  name: trimmed(100).optional(),
  query: savedFilterQuery.optional(),
  version,
});
export const savedFilterDeleteQuery = z.object({ version: z.coerce.number().int().positive().max(INT4_MAX) });
export const subscriptionBody = z.object({ weekday });

export const savedFilter = z.object({
  id: z.string(),
  name: z.string(),
  list: z.literal("cases"),
  query: z.record(z.string(), z.unknown()),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  subscription: z.object({ weekday: z.number(), lastSentOn: z.string().nullable() }).nullable(),
});
export type SavedFilter = z.infer<typeof savedFilter>;
export const savedFilterList = z.object({ items: z.array(savedFilter) });

/** The case list's URL for a saved query (the web app and the weekly email build the same link). */
export function caseListSearch(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === "" || (k === "pageSize" && v === 25)) continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}
