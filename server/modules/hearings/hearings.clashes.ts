import { anyUuid } from "../../db/bulk.ts";
import type { Database } from "../../db/connection.ts";
import { courtDay } from "../../platform/clock.ts";

/**
 * Clashes at assignment (issue 4 §2): for a case with hearings ahead, which of the given officers are already
 * listed on one of those days before another court or bench. Shown beside the candidates of a suggestion; it
 * informs the choice and does not change the ranking (the ledger does not depend on it).
 */
export type HearingClash = { officerId: string; date: string; courtCode: string; benchCode: string | null };

export async function hearingClashes(
  db: Database,
  caseId: string,
  officerIds: readonly string[],
): Promise<HearingClash[]> {
  if (officerIds.length === 0) return [];
  const ahead = await db
    .selectFrom("hearings")
    .select(["hearing_date", "court_id", "bench_id"])
    .where("case_id", "=", caseId)
    .where("state", "=", "scheduled")
    .where("hearing_date", ">=", courtDay())
    .execute();
  if (ahead.length === 0) return [];
  const listed = await db
    .selectFrom("hearings as h")
    .innerJoin("cases as c", "c.id", "h.case_id")
    .innerJoin("courts as ct", "ct.id", "h.court_id")
    .leftJoin("benches as b", "b.id", "h.bench_id")
    .select([
      "c.assigned_officer_id as officerId",
      "h.hearing_date",
      "h.court_id",
      "h.bench_id",
      "ct.code as courtCode",
      "b.code as benchCode",
    ])
    .where("c.assigned_officer_id", "=", anyUuid([...officerIds]))
    .where("h.case_id", "!=", caseId)
    .where("h.state", "=", "scheduled")
    .where("h.hearing_date", "in", [...new Set(ahead.map((a) => a.hearing_date))])
    .orderBy("h.hearing_date")
    .execute();
  const seen = new Set<string>();
  return listed.flatMap((l) => {
    const here = ahead.filter((a) => a.hearing_date === l.hearing_date);
    const elsewhere = here.some(
      (a) => a.court_id !== l.court_id || (a.bench_id ?? "") !== (l.bench_id ?? ""),
    );
    const key = `${l.officerId}|${l.hearing_date}|${l.court_id}|${l.bench_id}`;
    if (!elsewhere || seen.has(key)) return [];
    seen.add(key);
    return [
      { officerId: l.officerId!, date: l.hearing_date, courtCode: l.courtCode, benchCode: l.benchCode },
    ];
  });
}
