import type { Deadline } from "../../../common/schemas/deadlines.ts";
import { type Sheet, sheet } from "../exports/export.table.ts";

/**
 * The deadlines list as a file's rows (GET /deadlines/export): the items GET /deadlines answers for the same
 * reader and window, soonest first. English, as the other exports. Pure: the test reads the file back against it.
 */
const KIND: Record<Deadline["kind"], string> = {
  appeal: "Appeal",
  reply: "Reply",
  compliance: "Compliance",
  other: "Other",
};

export function deadlineSheet(items: readonly Deadline[]): Sheet {
  return sheet(
    "Deadlines",
    [
      "Internal due on",
      "Legal due on",
      "Days left",
      "Case",
      "Case title",
      "Deadline",
      "Kind",
      "Rule",
      "Provisional",
    ],
    items.map((d) => [
      d.internalDueOn,
      d.legalDueOn,
      d.daysLeft,
      d.caseNumber,
      d.caseTitle,
      d.title,
      KIND[d.kind],
      d.rule ? `${d.rule.code} — ${d.rule.nameEn}` : null,
      d.provisional ? "Yes" : "No",
    ]),
  );
}

/** The PDF's columns (770 pt). */
export const DEADLINE_WIDTHS = [65, 65, 45, 95, 150, 130, 55, 120, 45];
