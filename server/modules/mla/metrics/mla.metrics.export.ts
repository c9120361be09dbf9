import type { MlaMetrics } from "../../../../common/schemas/mla-metrics.ts";
import type { MlaMetricsTable } from "../../../../common/schemas/mla-metrics-export.ts";
import { type Sheet, sheet } from "../../exports/export.table.ts";
import { KIND_LABEL } from "../mla.register.export.ts";

/**
 * One table of the MLA figures as a file's rows (GET /mla/metrics/export), from mlaMetrics' own answer — the
 * figures the page shows, read with the same Central-Authority-only check. Pure: the test reads the file back
 * against it.
 */
const HOLDER_LABEL: Record<string, string> = {
  agency: "Requesting agency",
  central_authority: "Central Authority",
  foreign: "Foreign authority or provider",
  executing_agency: "Executing agency",
};

export function metricsSheet(m: MlaMetrics, table: MlaMetricsTable): Sheet {
  switch (table) {
    case "timeByHolder":
      return sheet(
        "Time by whose turn it was",
        ["Whose turn", "Total days", "Share (%)"],
        m.timeInState.byHolder.map((h) => [HOLDER_LABEL[h.holder] ?? h.holder, h.totalDays, h.share]),
      );
    case "timeInState":
      return sheet(
        "Time in each state",
        ["Kind", "State", "Whose turn", "Moved by", "Stays", "Total days", "Median days"],
        m.timeInState.states.map((s) => [
          KIND_LABEL[s.kind],
          s.state,
          HOLDER_LABEL[s.holder] ?? s.holder,
          s.movedBy,
          s.stays,
          s.totalDays,
          s.medianDays,
        ]),
      );
    case "grounds":
      return sheet(
        "Deficiency and refusal grounds",
        ["Ground", "Count", "Rate (%)"],
        [
          ...m.rates.deficiency.byGround.map((g) => [`Deficiency: ${g.ground}`, g.count, g.rate]),
          ...m.rates.refusal.byGround.map((g) => [`Refusal: ${g.ground}`, g.count, g.rate]),
        ],
      );
    case "pending": {
      const b = m.pending.ageBucketsDays;
      const ages = [
        ...b.map((to, i) => `${i === 0 ? 0 : b[i - 1]! + 1}–${to} days`),
        `Over ${b.at(-1)} days`,
      ];
      return sheet(
        "Pending requests by state and age",
        ["Kind", "State", "Total", ...ages],
        m.pending.rows.map((r) => [KIND_LABEL[r.kind], r.state, r.total, ...r.byAge]),
      );
    }
    case "acknowledgement":
      return sheet(
        "Receipt to acknowledgement",
        ["Kind", "Acknowledged", "Median days", "90th percentile days", "Waiting"],
        m.acknowledgement.map((a) => [
          KIND_LABEL[a.kind],
          a.acknowledged,
          a.medianDays,
          a.p90Days,
          a.waiting,
        ]),
      );
    case "expiredPreservations":
      return sheet(
        "Preservations expired before the MLA request",
        ["Preservation", "Expired on", "MLA request", "MLA request transmitted on"],
        m.expiredPreservations.map((p) => [p.reference, p.expiredOn, p.mlaReference, p.mlaTransmittedOn]),
      );
  }
}
