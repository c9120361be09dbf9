import { CATEGORIES } from "../../../common/case-status.ts";
import type { Database } from "../../db/connection.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Tier } from "../assignment/engine.ts";
import { saveProfile } from "../assignment/officers.service.ts";
import { DEMO_ACCOUNTS } from "./demo.accounts.ts";

/** The tier a designation names, most specific first. */
function tierOf(designation: string): Tier {
  if (/Additional Attorney-General/i.test(designation)) return "additional_ag";
  if (/Deputy Attorney-General/i.test(designation)) return "deputy_ag";
  if (/Assistant Attorney-General/i.test(designation)) return "assistant_ag";
  if (/Standing Counsel/i.test(designation)) return "standing_counsel";
  return "panel_advocate";
}

/**
 * Profiles for the demo's law officers, saved through the service as the office's assigning officer: tier
 * from the designation, seats from the courts they appear before ("SC/ISB" = that registry, "IHC" = every
 * bench), and expertise — senior officers take every category, others all but criminal.
 */
export async function seedOfficerProfiles(
  db: Database,
  assigner: Actor,
  userIds: ReadonlyMap<string, string>,
  refs: { courtIds: ReadonlyMap<string, string>; benchIds: ReadonlyMap<string, string> },
): Promise<number> {
  let saved = 0;
  for (const a of DEMO_ACCOUNTS.filter((x) => x.role === "law_officer")) {
    const seats = (a.appearsBefore ?? []).flatMap((seat) => {
      const [court, bench] = seat.split("/");
      const courtId = refs.courtIds.get(court!);
      if (!courtId) return [];
      return [{ courtId, benchId: bench ? (refs.benchIds.get(seat) ?? null) : null }];
    });
    await saveProfile(db, assigner, userIds.get(a.username)!, {
      version: 0,
      tier: tierOf(a.designation),
      expertise: a.senior ? [...CATEGORIES] : CATEGORIES.filter((c) => c !== "criminal"),
      maxLoad: a.senior ? 40 : 60,
      active: true,
      notes: "",
      seats,
    });
    saved += 1;
  }
  return saved;
}
