import type { Dashboard } from "../../../common/schemas/dashboard.ts";
import type { Database } from "../../db/connection.ts";
import { type Actor, hasRole } from "../../platform/actor.ts";
import { courtDay } from "../../platform/clock.ts";
import { problems } from "../../platform/errors.ts";
import type { CaseFilters } from "../cases/cases.search.ts";
import { assembleDashboard, emptyTally, type Tally, tallyLive, tallyStored } from "./dashboard.assemble.ts";
import { confidentialIdsOf, currentCount, figureScope, readStoredFigures } from "./dashboard.figures.ts";
import { countLive } from "./dashboard.measures.ts";

/**
 * The executive and organisation dashboards (issue 6 items 1, 2). Every figure is counted through the case
 * list's own scope and filters and carries those filters as its drill-down, so the list a figure opens has the
 * figure's size (dashboard.measures.ts). For readers whose scope is wide — the Law Ministry, the executive, a
 * ministry, a law office — the non-confidential cases are read from the pre-count (dashboard.figures.ts, made
 * every few minutes; its time is on the page) and the confidential cases they are named on are counted live.
 * Other readers (a law officer's own cases) are counted live. MLA requests live in their own tables and never
 * enter.
 */
export async function getDashboard(
  db: Database,
  actor: Actor,
  input: { organisationId?: string | undefined },
  everyMinutes = 10,
): Promise<Dashboard> {
  const today = courtDay();
  const organisation = input.organisationId
    ? await organisationInScope(db, actor, input.organisationId)
    : null;
  // A law office's cases are those assigned to its officers; a ministry's are its own.
  const base: CaseFilters = organisation
    ? organisation.kind === "law_office"
      ? { officeId: organisation.id }
      : { organisationId: organisation.id }
    : {};

  const tally: Tally = emptyTally();
  const scope = figureScope(actor);
  let countedAt: string | null = null;
  if (scope) {
    const count = await currentCount(db, today);
    countedAt = count.countedAt.toISOString();
    const confidential = await confidentialIdsOf(db, actor);
    const live = await countLive(db, actor, today, base, confidential);
    tallyLive(tally, live);
    const stored = await readStoredFigures(db, scope, base, {
      reasons: [...tally.reasons.keys()],
      officers: [...tally.workload.keys()],
    });
    tallyStored(tally, stored);
  } else {
    tallyLive(tally, await countLive(db, actor, today, base));
  }
  const dashboard = await assembleDashboard(db, tally, base, today);
  return {
    ...dashboard,
    organisation: organisation
      ? {
          id: organisation.id,
          code: organisation.code,
          nameEn: organisation.name_en,
          nameUr: organisation.name_ur,
          kind: organisation.kind,
        }
      : null,
    freshness: { countedAt, everyMinutes: countedAt ? everyMinutes : 0 },
  };
}

/**
 * The organisation of an organisation dashboard, if the reader may see it: the Law Ministry any, everyone else
 * only their own. Out of scope answers 404, as unknown does — the rule of every other read.
 */
async function organisationInScope(db: Database, actor: Actor, id: string) {
  if (!hasRole(actor, "law_ministry") && id !== actor.organisationId) throw problems.notFound("organisation");
  const org = await db
    .selectFrom("organisations")
    .select(["id", "code", "name_en", "name_ur", "kind"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!org) throw problems.notFound("organisation");
  return org;
}
