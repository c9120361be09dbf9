import { z } from "zod";
import { dashboardQuery } from "./dashboard.ts";

/**
 * GET /dashboard/export: one table of the dashboard as a file. The names are the dashboard's tables, in the
 * order the page shows them; the web page links each table to its export with these names.
 */
export const DASHBOARD_TABLES = [
  "pendencyByOrganisation",
  "pendencyByCourt",
  "pendencyByAge",
  "courtByAge",
  "exposureByOrganisation",
  "disposalByMonth",
  "hearingsByDay",
  "delaysBySide",
  "delaysByReason",
  "workload",
] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

export const DASHBOARD_EXPORT_FORMATS = ["csv", "xlsx", "pdf"] as const;

export const dashboardExportQuery = dashboardQuery.extend({
  table: z.enum(DASHBOARD_TABLES),
  format: z.enum(DASHBOARD_EXPORT_FORMATS),
});
