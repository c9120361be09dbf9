import type { Database } from "../../db/connection.ts";
import type { Actor } from "../../platform/actor.ts";
import { addDays, courtDay } from "../../platform/clock.ts";
import { recordOutcome, scheduleHearing } from "../hearings/hearings.service.ts";
import type { PlannedCase } from "./demo.plan.ts";
import { createRng } from "./demo.random.ts";

/**
 * Hearings for the demo's pending cases: a past hearing adjourned (with a reason and the side it is attributed
 * to) to a next date in the coming weeks, so the case page, the workload board's "next 14 days" and the cause
 * lists have something to show. Unlike the rest of the demo these dates follow the real calendar — a demo
 * started next month must still have hearings ahead — but which case gets what is fixed by the seed.
 */
export const ADJOURNMENTS = [
  ["Counsel for the respondent sought time to file para-wise comments", "government"],
  ["The petitioner's counsel was not available", "other_side"],
  ["The bench did not assemble", "court"],
  ["Time sought by both sides to settle the record", "both"],
  ["The learned Law Officer sought time to obtain instructions from the ministry", "government"],
  ["Notice to the respondents was not served", "court"],
] as const;
export const PURPOSES = [
  "Notice",
  "Para-wise comments",
  "Arguments",
  "Reply of the respondents",
  "Preliminary hearing",
];

export async function seedDemoHearings(
  db: Database,
  actorOf: (username: string) => Actor,
  plan: readonly PlannedCase[],
  ids: readonly { id: string }[],
): Promise<number> {
  const rng = createRng(2026_11_05);
  const today = courtDay();
  let n = 0;
  for (const c of plan) {
    if (c.finalStatus !== "pending" || !rng.chance(0.5)) continue;
    const actor = actorOf(c.registrar);
    const caseId = ids[c.ref]!.id;
    const past = addDays(today, -rng.int(5, 40));
    const held = await scheduleHearing(db, actor, caseId, {
      date: past,
      time: rng.chance(0.5) ? `${String(rng.int(9, 12)).padStart(2, "0")}:${rng.pick(["00", "30"])}` : null,
      serial: rng.chance(0.6) ? rng.int(1, 60) : null,
      purpose: rng.pick(PURPOSES),
      coram: "",
    });
    const [reason, side] = rng.pick(ADJOURNMENTS);
    await recordOutcome(db, actor, held.id, {
      version: held.version,
      outcome: "adjourned",
      coram: "",
      appeared: rng.chance(0.8) ? "Law officer for the Federation" : "",
      adjournmentReason: reason,
      adjournedAtRequestOf: side,
      nextDate: addDays(today, rng.int(0, 30)),
      nextTime: null,
      nextPurpose: rng.pick(PURPOSES),
      notes: "",
    });
    n += 2;
  }
  return n;
}
