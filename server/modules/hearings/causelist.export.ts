import { z } from "zod";
import { causeListQuery, type ListedHearingDto } from "../../../common/schemas/hearings.ts";
import { type Sheet, sheet } from "../exports/export.table.ts";

/**
 * The cause list as CSV or XLSX (GET /cause-list/export): the rows of GET /cause-list for the same reader, day
 * and filters, in its order (court, bench, serial, time). The printable PDF, grouped by court, stays
 * GET /cause-list.pdf. Pure: the test reads the file back against it.
 */
export const CAUSE_LIST_FORMATS = ["csv", "xlsx"] as const;
export const causeListExportQuery = causeListQuery.extend({ format: z.enum(CAUSE_LIST_FORMATS) });

const CLASH_TEXT: Record<string, string> = {
  two_courts: "listed before two courts",
  same_time: "two hearings at one time",
  over_daily_limit: "over the daily limit",
};

export function causeListSheet(date: string, items: readonly ListedHearingDto[]): Sheet {
  return sheet(
    `Cause list ${date}`,
    [
      "Date",
      "Court",
      "Bench",
      "No.",
      "Time",
      "Case",
      "Title",
      "Law officer",
      "Purpose",
      "State",
      "Outcome",
      "Flags",
    ],
    items.map((h) => [
      h.date,
      h.court.nameEn,
      h.bench?.nameEn ?? null,
      h.serial,
      h.time,
      h.case.displayNumber,
      h.case.title,
      h.officer?.fullName ?? null,
      h.purpose,
      h.state,
      h.outcome,
      h.clashes.map((c) => CLASH_TEXT[c] ?? c).join("; ") || null,
    ]),
  );
}
