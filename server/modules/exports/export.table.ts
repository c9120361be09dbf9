import type { FastifyReply } from "fastify";
import { z } from "zod";
import type { Database } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { problems } from "../../platform/errors.ts";
import { CsvWriter } from "./export.csv.ts";
import { PdfWriter } from "./export.pdf.ts";
import { type Cell, XlsxWriter } from "./export.xlsx.ts";
import { type ExportFormat, MEDIA_TYPES } from "./exports.service.ts";

/**
 * A list or report table as a file (issue 6 item 3: "any list or report exported as CSV, XLSX and PDF"). The
 * rows come from the screen's own service function (its scope and filters), so a file never holds more than
 * the reader sees; these helpers only write them, answer them, and audit them. The case list, which can run to
 * 100,000 rows and so has background jobs, keeps its own route (exports.routes.ts).
 */
export type Sheet = { title: string; header: string[]; rows: Cell[][] };
export type { Cell };

export const TABLE_FORMATS = ["csv", "xlsx", "pdf"] as const;
/** `format` for a list's export route: the list's own query plus this. */
export const tableFormat = z.object({ format: z.enum(TABLE_FORMATS) });

export const sheet = (title: string, header: string[], rows: Cell[][]): Sheet => ({ title, header, rows });

/** The file of one table; `widths` (points, summing to 770) for the PDF, else the first column is widest. */
export async function writeTable(
  format: ExportFormat,
  s: Sheet,
  heading: string,
  widths?: readonly number[],
): Promise<Buffer> {
  if (format === "csv") {
    const w = new CsvWriter(s.header);
    w.add(s.rows);
    return w.finish();
  }
  if (format === "xlsx") {
    const w = new XlsxWriter(s.header, s.title);
    w.add(s.rows);
    return w.finish();
  }
  const rest = s.header.length - 1;
  const first = Math.min(300, 770 - rest * 70);
  const w = new PdfWriter(
    s.header,
    heading,
    widths ?? [first, ...Array(rest).fill((770 - first) / Math.max(1, rest))],
  );
  w.add(s.rows);
  return w.finish();
}

/**
 * A list read up to its `cap` may have stopped there: its file would silently lack rows, so it is refused
 * (422 export_too_large) and the reader narrows the filter. Lists that can pass 5,000 rows get no file at once.
 */
export function refuseIfCapped(rows: number, cap: number, narrow: string) {
  if (rows >= cap)
    throw problems.unprocessable(
      "export_too_large",
      `This list reaches the limit of ${cap} rows, so a file of it could be incomplete. ${narrow}`,
    );
}

/** export.created for a list or report table: which one (entity), the format, the filters, the row count. */
export function auditExport(
  db: Database,
  actor: Actor,
  entityType: string,
  changes: { format: ExportFormat; rows: number } & Record<string, unknown>,
) {
  return inTransaction(db, (trx) =>
    recordAudit(trx, actor, {
      action: "export.created",
      entityType,
      organisationId: actor.organisationId,
      changes,
    }),
  );
}

/** `<name>-YYYYMMDDHHMM.<format>` (UTC), the case list's and the dashboard's file names. */
export function tableFileName(name: string, format: ExportFormat) {
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, "");
  return `${name}-${stamp}.${format}`;
}

/** The file as a download: its media type, an attachment name, and no caching (it carries scoped data). */
export function sendTable(reply: FastifyReply, format: ExportFormat, fileName: string, file: Buffer) {
  return reply
    .type(MEDIA_TYPES[format])
    .header("content-disposition", `attachment; filename="${fileName}"`)
    .header("cache-control", "no-store")
    .send(file);
}

/** Writes, audits and answers one table: what every list export route does after reading its rows. */
export async function answerTable(
  reply: FastifyReply,
  db: Database,
  actor: Actor,
  t: {
    format: ExportFormat;
    sheet: Sheet;
    heading: string;
    entityType: string;
    fileName: string;
    changes: Record<string, unknown>;
    widths?: readonly number[];
  },
) {
  const file = await writeTable(t.format, t.sheet, t.heading, t.widths);
  await auditExport(db, actor, t.entityType, { ...t.changes, format: t.format, rows: t.sheet.rows.length });
  return sendTable(reply, t.format, tableFileName(t.fileName, t.format), file);
}

/** A date-time as the files show it: YYYY-MM-DD HH:MM UTC (ISO without seconds). */
export const stamp = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : null);
