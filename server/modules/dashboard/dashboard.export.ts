import { AGE_BUCKETS } from "../../../common/schemas/cases.ts";
import type { Dashboard } from "../../../common/schemas/dashboard.ts";
import type { DashboardTable } from "../../../common/schemas/dashboard-export.ts";
import type { Database } from "../../db/connection.ts";
import type { Actor } from "../../platform/actor.ts";
import { auditExport, type Sheet, sheet, tableFileName, writeTable } from "../exports/export.table.ts";
import type { ExportFormat } from "../exports/exports.service.ts";
import { getDashboard } from "./dashboard.service.ts";

/**
 * A dashboard table as a file (issue 6 item 3: "any list or report exported"). The figures are getDashboard's
 * own — the file is what the reader sees on the page, in the reader's scope — written with the case-list
 * export's writers. Names are in English, as in the case-list export (the PDF's font has no Urdu).
 */
type AgeBucket = (typeof AGE_BUCKETS)[number];

export type { Sheet };

export const AGE_LABELS: Record<AgeBucket, string> = {
  lt1: "Under 1 year",
  "1to3": "1–3 years",
  "3to5": "3–5 years",
  "5to10": "5–10 years",
  gt10: "Over 10 years",
};

const SIDE_LABELS: Record<string, string> = {
  government: "Government",
  other_side: "Other side",
  court: "Court",
  both: "Both sides",
};

/** The table as header and rows, from the dashboard's answer (pure: the test reads a file back against it). */
export function dashboardSheet(d: Dashboard, table: DashboardTable): Sheet {
  const p = d.pendency;
  switch (table) {
    case "pendencyByOrganisation":
      return sheet(
        "Pending cases by organisation",
        ["Code", "Organisation", "Pending cases"],
        p.byOrganisation.map((o) => [o.organisation.code, o.organisation.nameEn, o.count]),
      );
    case "pendencyByCourt":
      return sheet(
        "Pending cases by court",
        ["Code", "Court", "Pending cases"],
        p.byCourt.map((c) => [c.court.code, c.court.nameEn, c.count]),
      );
    case "pendencyByAge":
      return sheet(
        "Pending cases by age",
        ["Age", "Pending cases"],
        p.byAge.map((b) => [AGE_LABELS[b.bucket], b.count]),
      );
    case "courtByAge":
      return courtByAge(d);
    case "exposureByOrganisation":
      return sheet(
        "Financial exposure of pending cases",
        ["Code", "Organisation", "Pending cases", "Amount (PKR)"],
        d.exposure.byOrganisation.map((o) => [
          o.organisation.code,
          o.organisation.nameEn,
          o.count,
          Number(o.amount),
        ]),
      );
    case "disposalByMonth":
      return sheet(
        "Disposal and success rate by month",
        ["Month", "Disposed of", "In favour", "Success rate (%)"],
        d.disposal.map((m) => [
          m.month,
          m.disposed.count,
          m.inFavour.count,
          m.successRate === null ? null : Math.round(m.successRate * 1000) / 10,
        ]),
      );
    case "hearingsByDay":
      return sheet(
        "Cases with a hearing in the next 7 days",
        ["Date", "Cases"],
        d.hearings.byDay.map((h) => [h.date, h.count]),
      );
    case "delaysBySide":
      return sheet(
        "Adjournments by side",
        ["Attributed to", "Cases adjourned"],
        d.delays.bySide.map((s) => [SIDE_LABELS[s.side] ?? s.side, s.count]),
      );
    case "delaysByReason":
      return sheet(
        "Most frequent adjournment reasons",
        ["Reason", "Cases adjourned"],
        d.delays.byReason.map((r) => [r.reason, r.count]),
      );
    case "workload":
      return sheet(
        "Officer workload (pending cases)",
        ["Law officer", "Pending cases"],
        d.workload.map((w) => [w.officer.fullName, w.count]),
      );
  }
}

/** The heat map as the page draws it: a row per court (as pendency by court), a column per age, empty cells 0. */
function courtByAge(d: Dashboard): Sheet {
  const buckets = AGE_BUCKETS;
  const cells = new Map(d.pendency.heatmap.map((h) => [`${h.courtId}|${h.bucket}`, h.count]));
  return sheet(
    "Pending cases: court by age",
    ["Court", ...buckets.map((b) => AGE_LABELS[b]), "Total"],
    d.pendency.byCourt.map((c) => {
      const counts = buckets.map((b) => cells.get(`${c.court.id}|${b}`) ?? 0);
      return [c.court.nameEn, ...counts, counts.reduce((a, n) => a + n, 0)];
    }),
  );
}

/** The file of one table for this reader (their scope, as on the page), audited like every export. */
export async function exportDashboardTable(
  db: Database,
  actor: Actor,
  input: { table: DashboardTable; format: ExportFormat; organisationId?: string | undefined },
  everyMinutes?: number,
) {
  const d = await getDashboard(db, actor, { organisationId: input.organisationId }, everyMinutes);
  const s = dashboardSheet(d, input.table);
  const scope = d.organisation ? ` — ${d.organisation.nameEn}` : "";
  const file = await writeTable(input.format, s, `CAMS dashboard: ${s.title}${scope} — ${d.asOf}`);
  await auditExport(db, actor, "dashboard_table", {
    table: input.table,
    format: input.format,
    organisationId: input.organisationId ?? null,
    rows: s.rows.length,
  });
  return { file, fileName: tableFileName(`dashboard-${input.table}`, input.format) };
}
