import type { Database } from "../../db/connection.ts";
import type { Actor } from "../../platform/actor.ts";
import { listModules } from "./training.catalogue.ts";
import { listCertificates } from "./training.certificates.ts";
import { heldCompetences } from "./training.competences.ts";

/** The signed-in user's learning: the modules they enrolled in, their certificates, the competences they hold. */
export async function myTrainingOf(db: Database, actor: Actor) {
  const [modules, certificates, held] = await Promise.all([
    listModules(db, actor, {}),
    listCertificates(db, actor, { userId: actor.userId }),
    heldCompetences(db, [actor.userId], actor),
  ]);
  return {
    modules: modules.items.filter((m) => m.mine !== null),
    certificates: certificates.items,
    competences: held.get(actor.userId) ?? [],
  };
}
