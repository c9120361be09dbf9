import { sql } from "kysely";
import { z } from "zod";
import { caseListQuery } from "../../../common/schemas/cases.ts";
import type { Database } from "../../db/connection.ts";
import type { Actor } from "../../platform/actor.ts";
import { courtDay } from "../../platform/clock.ts";
import { presentSummary } from "../cases/cases.present.ts";
import { caseQuery, summaryColumns } from "../cases/cases.repo.ts";
import { type CaseFilters, filterCases } from "../cases/cases.search.ts";
import { matchingCases } from "../cases/cases.text.ts";
import { CsvWriter } from "./export.csv.ts";
import { PdfWriter } from "./export.pdf.ts";
import { type Cell, XlsxWriter } from "./export.xlsx.ts";

/**
 * The case list as rows for a file: the same scope (caseQuery), filters (filterCases) and free text
 * (matchingCases) as GET /cases, read in keyset batches so 100,000 rows never make one result. The order is the
 * plain list's (most recently updated first, then id) even with `q`: the list's relevance rank is no stable key
 * for a keyset, and a file is read whole, not top-first.
 */
export const EXPORT_FORMATS = ["csv", "xlsx", "pdf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportFilters = caseListQuery.omit({ page: true, pageSize: true });
/** The list's filters and its free text. */
export type ExportFilters = CaseFilters & { q?: string | undefined };
export const exportQuery = exportFilters.extend({ format: z.enum(EXPORT_FORMATS) });

/** Answered at once up to this many rows; above it a background job. PDF stops here (paper, not data). */
export const DIRECT_LIMIT = 5000;
const BATCH = 2000;

export const HEADER = [
  "Case number",
  "Title",
  "Court",
  "Bench",
  "Organisation",
  "Status",
  "Officer",
  "Next hearing",
  "Filed on",
  "Updated at",
] as const;

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

async function scoped(db: Database, actor: Actor, filters: ExportFilters, today: string) {
  return matchingCases(db, actor, filterCases(caseQuery(db, actor), actor, filters, today), filters.q);
}

export async function countExport(db: Database, actor: Actor, filters: ExportFilters) {
  const row = await (await scoped(db, actor, filters, courtDay()))
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** Batches of rows in the list's order; the cursor is updated_at as text, so microseconds are kept. */
async function* caseRows(db: Database, actor: Actor, filters: ExportFilters): AsyncGenerator<Cell[][]> {
  const today = courtDay();
  const base = await scoped(db, actor, filters, today);
  let after: { at: string; id: string } | null = null;
  for (;;) {
    let query = base.select(summaryColumns).select([
      "c.filed_on",
      sql<string>`c.updated_at::text`.as("cursor_at"),
      sql<string | null>`(select min(h.hearing_date)::text from hearings h
          where h.case_id = c.id and h.state = 'scheduled' and h.hearing_date >= ${today}::date)`.as(
        "next_hearing",
      ),
    ]);
    if (after) {
      const { at, id } = after;
      query = query.where(sql<boolean>`(c.updated_at < ${at}::timestamptz
        or (c.updated_at = ${at}::timestamptz and c.id > ${id}::uuid))`);
    }
    const rows = await query.orderBy("c.updated_at", "desc").orderBy("c.id").limit(BATCH).execute();
    if (rows.length === 0) return;
    yield rows.map((r) => {
      const s = presentSummary(r);
      return [
        s.displayNumber,
        s.title,
        s.court.nameEn,
        s.bench?.nameEn ?? "",
        s.organisation.nameEn,
        s.status,
        s.assignedOfficer?.fullName ?? "",
        r.next_hearing,
        r.filed_on,
        s.updatedAt,
      ];
    });
    const last = rows[rows.length - 1]!;
    after = { at: last.cursor_at, id: last.id };
    if (rows.length < BATCH) return;
  }
}

/** Writes the whole file, calling onBatch with the rows written so far (a job's progress). */
export async function renderExport(
  db: Database,
  actor: Actor,
  format: ExportFormat,
  filters: ExportFilters,
  onBatch: (rowsDone: number) => Promise<void> = async () => {},
): Promise<{ file: Buffer; rows: number }> {
  const writer =
    format === "csv"
      ? new CsvWriter(HEADER)
      : format === "xlsx"
        ? new XlsxWriter(HEADER, "Cases")
        : new PdfWriter(HEADER, `CAMS case list — ${courtDay()}`);
  let rows = 0;
  for await (const batch of caseRows(db, actor, filters)) {
    writer.add(batch);
    rows += batch.length;
    await onBatch(rows);
  }
  return { file: await writer.finish(), rows };
}

export function exportFileName(format: ExportFormat, at = new Date()) {
  return `cases-${at.toISOString().slice(0, 16).replace(/[-:T]/g, "")}.${format}`;
}
