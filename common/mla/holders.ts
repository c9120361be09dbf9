import type { MlaRequestKind } from "./request.ts";
import { MLA_FLOWS } from "./states.ts";

/**
 * Whose turn it is while a request sits in a state — the split of "time in each state by actor" that showed
 * Canada's Central Authority holding only ~15% of the total time (DOMAIN.md §9 metrics [S]). Where the flow's
 * moves out of a state are the agency's or the Central Authority's alone, the time is theirs; states that wait on
 * the other state or the provider (transmitted, in execution, sent…) are the foreign side's; on an incoming
 * request, execution is the executing agency's. CAMS's reading of the flows (status U): editable here.
 */
export const HOLDERS = ["agency", "central_authority", "foreign", "executing_agency"] as const;
export type Holder = (typeof HOLDERS)[number];

const FOREIGN_STATES = new Set([
  "transmitted",
  "acknowledged",
  "in_execution",
  "sent",
  "confirmed",
  "active",
  "extension_sent",
  "sent_to_provider",
]);
const AGENCY_STATES = new Set([
  "draft",
  "agency_legal_review",
  "returned_for_amendment",
  "further_information_requested",
]);
const EXECUTING_STATES = new Set(["assigned_to_executing_agency", "court_order", "executed"]);

export function holderOf(kind: MlaRequestKind, state: string): Holder {
  if (kind === "mla_incoming") {
    if (state === "clarification_requested") return "foreign";
    return EXECUTING_STATES.has(state) ? "executing_agency" : "central_authority";
  }
  if (FOREIGN_STATES.has(state)) return "foreign";
  if (AGENCY_STATES.has(state)) return "agency";
  return "central_authority";
}

/** States still open to a move: a request in one of them is pending. */
export const isFinal = (kind: MlaRequestKind, state: string) => MLA_FLOWS[kind].final.includes(state);
