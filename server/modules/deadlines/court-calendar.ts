import type { Database } from "../../db/connection.ts";
import type { Trx } from "../../db/transaction.ts";
import type { CourtCalendar } from "./limitation.ts";

type Q = Database | Trx;

/**
 * A court's closed days as the limitation computation needs them: its own weekend (else the one for every
 * court) and the closures of that court and of every court. `courtId` null: only what every court shares.
 * Closures are read from a year before `from` (a vacation can begin earlier) to `yearsAhead` years after it,
 * which the caller sizes to the rule's period plus a long certified-copy exclusion.
 */
export async function courtCalendar(
  q: Q,
  courtId: string | null,
  from: string,
  /** How far ahead the computation may reach (a rule's period and a copy's time), in years. */
  yearsAhead = 3,
): Promise<CourtCalendar> {
  const weekends = await q
    .selectFrom("court_weekends")
    .select(["court_id", "days"])
    .where((eb) =>
      courtId
        ? eb.or([eb("court_id", "=", courtId), eb("court_id", "is", null)])
        : eb("court_id", "is", null),
    )
    .execute();
  const own = weekends.find((w) => w.court_id !== null) ?? weekends.find((w) => w.court_id === null);
  const year = Number(from.slice(0, 4));
  const closures = await q
    .selectFrom("court_closures")
    .select(["starts_on", "ends_on", "name_en", "kind", "status"])
    .where((eb) =>
      courtId
        ? eb.or([eb("court_id", "=", courtId), eb("court_id", "is", null)])
        : eb("court_id", "is", null),
    )
    .where("ends_on", ">=", `${year - 1}-01-01`)
    .where("starts_on", "<=", `${year + yearsAhead}-12-31`)
    .orderBy("starts_on")
    .execute();
  return {
    weekendDays: own?.days ?? [],
    closures: closures.map((c) => ({
      from: c.starts_on,
      to: c.ends_on,
      name: c.name_en,
      kind: c.kind,
      status: c.status,
    })),
  };
}

/** The court whose calendar governs a rule's filing: the case's own, a named court, or none (every court). */
export async function filingCourt(q: Q, filedIn: string, caseCourtId: string): Promise<string | null> {
  if (filedIn === "same_court") return caseCourtId;
  if (filedIn === "*") return null;
  const court = await q.selectFrom("courts").select("id").where("code", "=", filedIn).executeTakeFirst();
  return court?.id ?? null;
}
