import { z } from "zod";

/**
 * GET /mla/metrics/export: one table of the MLA figures as a file. The names are the figures' tables in the
 * order the page shows them; the page links each to its export with these names.
 */
export const MLA_METRICS_TABLES = [
  "timeByHolder",
  "timeInState",
  "grounds",
  "pending",
  "acknowledgement",
  "expiredPreservations",
] as const;
export type MlaMetricsTable = (typeof MLA_METRICS_TABLES)[number];

export const mlaMetricsExportQuery = z.object({
  table: z.enum(MLA_METRICS_TABLES),
  format: z.enum(["csv", "xlsx", "pdf"]),
});
