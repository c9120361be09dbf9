import type { ExpressionBuilder } from "kysely";
import type { MlaRequestKind } from "../../../common/mla/request.ts";
import { MLA_FLOWS } from "../../../common/mla/states.ts";
import type { DB } from "../../db/types.ts";
import { type Actor, hasRole } from "../../platform/actor.ts";

/**
 * Who sees an MLA request (issue 5 §8): the Central Authority, the requesting agency unit that owns it, and the
 * users named on it — nobody else, in no list, search or export. One SQL predicate for every query.
 */
export function mlaScope(actor: Actor) {
  return (eb: ExpressionBuilder<DB & { r: DB["mla_requests"] }, "r">) =>
    eb.or([
      ...(hasRole(actor, "central_authority") ? [eb.val(true)] : []),
      ...(hasRole(actor, "requesting_agency") ? [eb("r.organisation_id", "=", actor.organisationId)] : []),
      eb.exists(
        eb
          .selectFrom("mla_request_access as a")
          .select("a.request_id")
          .whereRef("a.request_id", "=", "r.id")
          .where("a.user_id", "=", actor.userId),
      ),
    ]);
}

/** Kinds each role may open: agencies ask; only the Central Authority registers what another state asks. */
export function mayCreate(actor: Actor, kind: MlaRequestKind): boolean {
  if (hasRole(actor, "central_authority")) return true;
  return hasRole(actor, "requesting_agency") && kind !== "mla_incoming";
}

/** States in which the owner's agency still shapes the draft (before the Central Authority has it, or when returned). */
const AGENCY_EDITS = new Set(["draft", "agency_legal_review", "returned_for_amendment"]);

export function mayEditDraft(
  actor: Actor,
  r: { kind: MlaRequestKind; state: string; organisation_id: string },
): boolean {
  if (MLA_FLOWS[r.kind].final.includes(r.state)) return false;
  if (hasRole(actor, "central_authority")) return true;
  return (
    hasRole(actor, "requesting_agency") &&
    r.organisation_id === actor.organisationId &&
    AGENCY_EDITS.has(r.state)
  );
}
