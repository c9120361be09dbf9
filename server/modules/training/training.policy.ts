import { type Actor, hasRole } from "../../platform/actor.ts";
import { problems } from "../../platform/errors.ts";

/**
 * Who may do what in training. Every signed-in user learns. Administrators keep the catalogue, the competences
 * and the certificates. The completion report: administrators and the Law Ministry for every organisation, a
 * ministry's nodal officer for their own. Certificates: one's own; administrators and the Law Ministry all; a
 * nodal officer their organisation's.
 */
export const managesTraining = (actor: Actor) => hasRole(actor, "administrator");

export function assertManagesTraining(actor: Actor): void {
  if (!managesTraining(actor)) throw problems.forbidden("Only administrators keep the training catalogue.");
}

/** The organisations whose training figures and certificates the actor may read: all (null), one, or none. */
export function trainingOversight(actor: Actor): { all: true } | { organisationId: string } | null {
  if (hasRole(actor, "administrator", "law_ministry")) return { all: true };
  if (hasRole(actor, "nodal_officer")) return { organisationId: actor.organisationId };
  return null;
}

export function assertReadsReport(actor: Actor) {
  const scope = trainingOversight(actor);
  if (scope === null)
    throw problems.forbidden("Only administrators, the Law Ministry and nodal officers read it.");
  return scope;
}
