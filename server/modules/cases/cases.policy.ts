import { type ExpressionBuilder, type ExpressionWrapper, type SqlBool, sql } from "kysely";
import { type CaseStatus, STATUS_TRANSITIONS } from "../../../common/case-status.ts";
import type { CaseAbilities } from "../../../common/schemas/cases.ts";
import type { DB } from "../../db/types.ts";
import { type Actor, hasRole } from "../../platform/actor.ts";

/**
 * Who sees which case (DOMAIN.md §2), as one SQL predicate applied to every case query — list, search, read,
 * edit, download — so no path can forget it:
 *  - Law Ministry litigation: every case;
 *  - ministry focal persons and nodal officers: their organisation's cases;
 *  - law officers: the cases assigned to them;
 *  - assigning officers: cases assigned within their law office, and unassigned cases (their queue);
 *  - a confidential case: only the users named on it, and the officer assigned to it.
 */
type CaseEB = ExpressionBuilder<DB & { c: DB["cases"] }, "c">;

export function caseScope(actor: Actor) {
  return (eb: CaseEB): ExpressionWrapper<DB & { c: DB["cases"] }, "c", SqlBool> => {
    const roleScopes = [];
    // the executive reads every case behind its dashboard's figures (DOMAIN.md §2), read-only
    if (hasRole(actor, "law_ministry", "executive_viewer")) roleScopes.push(sql<boolean>`true`);
    if (hasRole(actor, "focal_person", "nodal_officer")) {
      roleScopes.push(eb("c.organisation_id", "=", actor.organisationId));
    }
    if (hasRole(actor, "assigning_officer")) {
      roleScopes.push(
        eb.or([
          eb("c.assigned_officer_id", "is", null),
          eb(
            "c.assigned_officer_id",
            "in",
            eb
              .selectFrom("users as ou")
              .select("ou.id")
              .where("ou.organisation_id", "=", actor.organisationId),
          ),
        ]),
      );
    }
    const assignedToMe = eb("c.assigned_officer_id", "=", actor.userId);
    // The cases the reader is named on, as one array computed once per query: `id = any(array(…))` is an
    // index condition, so a confidential arm costs a few key lookups instead of a visit to every confidential
    // case (an EXISTS per row) — BENCHMARKS.md, the dashboard at 1,000,000 cases.
    const named = eb(
      "c.id",
      "=",
      sql<string>`any(array(select ca.case_id from case_access ca where ca.user_id = ${actor.userId}))`,
    );
    const open =
      roleScopes.length > 0 ? eb.and([eb("c.is_confidential", "=", false), eb.or(roleScopes)]) : null;
    const personal = hasRole(actor, "law_officer") ? [assignedToMe] : [];
    return eb.or([
      ...(open ? [open] : []),
      ...personal,
      eb.and([eb("c.is_confidential", "=", true), eb.or([named, assignedToMe])]),
    ]);
  };
}

type CaseForAbilities = {
  organisation_id: string;
  assigned_officer_id: string | null;
  is_confidential: boolean;
  status: string;
};

/** Abilities on a case the actor can already see (the scope above was applied when it was loaded). */
export function caseAbilities(actor: Actor, c: CaseForAbilities): CaseAbilities {
  const ownsIt =
    hasRole(actor, "focal_person", "nodal_officer") && c.organisation_id === actor.organisationId;
  const assignedToMe = c.assigned_officer_id === actor.userId;
  const edit = ownsIt || hasRole(actor, "law_ministry") || assignedToMe;
  const assign = hasRole(actor, "law_ministry", "assigning_officer");
  // an executive viewer reads dashboards and the cases behind them, not the case files
  const executiveOnly =
    hasRole(actor, "executive_viewer") &&
    !hasRole(actor, "law_ministry", "focal_person", "nodal_officer", "assigning_officer", "law_officer");
  return {
    edit,
    changeStatus: edit,
    assign,
    upload: edit,
    download: !executiveOnly,
    link: edit,
    manageAccess: edit && c.is_confidential,
  };
}

export function allowedTransitions(abilities: CaseAbilities, status: string): string[] {
  return abilities.changeStatus ? [...(STATUS_TRANSITIONS[status as CaseStatus] ?? [])] : [];
}

/** Which organisation a new case belongs to: a ministry user's own; Law Ministry may register for any. */
export function registeringOrganisation(actor: Actor, requested: string | undefined): string | "forbidden" {
  if (hasRole(actor, "law_ministry")) return requested ?? actor.organisationId;
  if (hasRole(actor, "focal_person", "nodal_officer")) {
    return requested === undefined || requested === actor.organisationId ? actor.organisationId : "forbidden";
  }
  return "forbidden";
}
