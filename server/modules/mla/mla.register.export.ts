import type { z } from "zod";
import type { MlaRequestKind } from "../../../common/mla/request.ts";
import type { mlaSummary } from "../../../common/schemas/mla.ts";
import { type Sheet, sheet, stamp } from "../exports/export.table.ts";

/**
 * The MLA register as a file's rows (GET /mla/requests/export): the register list's own presenter (the summary
 * GET /mla/requests answers, under mlaScope), so a file carries no field and no request the list would not.
 * Pure: the test reads the file back against it.
 */
export const KIND_LABEL: Record<MlaRequestKind, string> = {
  mla_outgoing: "MLA request (outgoing)",
  mla_incoming: "MLA request (incoming)",
  preservation: "Preservation",
  emergency_disclosure: "Emergency disclosure",
  voluntary_disclosure: "Voluntary disclosure",
};

export function registerSheet(items: readonly z.infer<typeof mlaSummary>[]): Sheet {
  return sheet(
    "MLA register",
    ["Reference", "Kind", "State", "Title", "Agency code", "Agency", "In state since (UTC)", "Updated (UTC)"],
    items.map((r) => [
      r.reference,
      KIND_LABEL[r.kind],
      r.state,
      r.title,
      r.organisation.code,
      r.organisation.nameEn,
      stamp(r.stateEnteredAt),
      stamp(r.updatedAt),
    ]),
  );
}

/** The PDF's columns (770 pt). */
export const REGISTER_WIDTHS = [95, 95, 100, 200, 50, 110, 60, 60];
