import type { Role } from "../roles.ts";
import type { GroundsKind } from "./grounds.ts";
import type { MlaRequestKind } from "./request.ts";

/**
 * The life of each kind of request (DOMAIN.md §9), as data the server enforces and the screens offer: which
 * moves exist, who may make them, and which need a reason (a return or a refusal says why). The outgoing,
 * incoming and preservation flows are DOMAIN.md's (a preservation request may be sent by the agency's 24/7 point
 * or by the Central Authority, so either moves it); emergency and voluntary disclosure go from the agency
 * through the Central Authority's approval straight to the provider — CAMS's reading, marked U until confirmed.
 */
export type MlaMove = {
  to: string;
  /** Who may make it: the requesting agency (its own requests) or the Central Authority. */
  by: readonly Role[];
  reason?: "required";
  /** A return names the drafting rules it found wanting; a refusal its ground (grounds.ts). */
  grounds?: GroundsKind;
};
export type MlaFlow = {
  status: "V" | "S" | "U";
  source: string;
  initial: string;
  /** States from which nothing further happens. */
  final: readonly string[];
  moves: Readonly<Record<string, readonly MlaMove[]>>;
};

const AGENCY: readonly Role[] = ["requesting_agency"];
const CA: readonly Role[] = ["central_authority"];
const BOTH: readonly Role[] = ["requesting_agency", "central_authority"];
const D9 = "DOMAIN.md §9 (MLA workflows)";

const outgoing: MlaFlow = {
  status: "S",
  source: D9,
  initial: "draft",
  final: ["closed"],
  moves: {
    draft: [{ to: "agency_legal_review", by: AGENCY }],
    agency_legal_review: [
      { to: "submitted_to_central_authority", by: AGENCY },
      { to: "draft", by: AGENCY, reason: "required", grounds: "deficiency" },
    ],
    submitted_to_central_authority: [{ to: "central_authority_review", by: CA }],
    central_authority_review: [
      { to: "returned_for_amendment", by: CA, reason: "required", grounds: "deficiency" },
      { to: "approved", by: CA },
    ],
    returned_for_amendment: [{ to: "submitted_to_central_authority", by: AGENCY }],
    approved: [{ to: "translated_authenticated", by: CA }],
    translated_authenticated: [{ to: "transmitted", by: CA }],
    transmitted: [{ to: "acknowledged", by: CA }],
    acknowledged: [{ to: "in_execution", by: CA }],
    in_execution: [
      { to: "further_information_requested", by: CA, reason: "required", grounds: "deficiency" },
      { to: "executed", by: CA },
      { to: "partly_executed", by: CA, reason: "required", grounds: "refusal" },
      { to: "refused", by: CA, reason: "required", grounds: "refusal" },
      { to: "withdrawn", by: BOTH, reason: "required" },
    ],
    further_information_requested: [{ to: "in_execution", by: CA }],
    executed: [{ to: "evidence_received", by: CA }],
    partly_executed: [{ to: "evidence_received", by: CA }],
    evidence_received: [{ to: "closed", by: CA }],
    refused: [{ to: "closed", by: CA }],
    withdrawn: [{ to: "closed", by: CA }],
  },
};

const incoming: MlaFlow = {
  status: "S",
  source: D9,
  initial: "received",
  final: ["closed", "returned_unregistered"],
  moves: {
    received: [
      { to: "registered", by: CA },
      { to: "returned_unregistered", by: CA, reason: "required", grounds: "deficiency" },
    ],
    registered: [{ to: "acknowledged", by: CA }],
    acknowledged: [{ to: "assessment", by: CA }],
    assessment: [
      { to: "clarification_requested", by: CA, reason: "required", grounds: "deficiency" },
      { to: "accepted", by: CA },
      { to: "refused", by: CA, reason: "required", grounds: "refusal" },
      { to: "postponed", by: CA, reason: "required" },
    ],
    clarification_requested: [{ to: "assessment", by: CA }],
    postponed: [{ to: "assessment", by: CA }],
    accepted: [{ to: "assigned_to_executing_agency", by: CA }],
    assigned_to_executing_agency: [{ to: "court_order", by: CA }],
    court_order: [{ to: "executed", by: CA }],
    executed: [{ to: "certified", by: CA }],
    certified: [{ to: "returned", by: CA }],
    returned: [{ to: "closed", by: CA }],
    refused: [{ to: "closed", by: CA }],
  },
};

/**
 * DOMAIN.md's preservation flow (draft → sent → confirmed → active …), with the Central Authority's approval before
 * an agency's request is sent: only the Central Authority transmits (Act s.4, rule 11). The Central Authority's
 * own requests go straight from draft to sent.
 */
const preservation: MlaFlow = {
  status: "S",
  source: `${D9}; approval before sending: Act XXII of 2020 s.4 (only the Central Authority transmits)`,
  initial: "draft",
  final: ["superseded_by_mla", "expired", "released"],
  moves: {
    draft: [
      { to: "submitted_to_central_authority", by: AGENCY },
      { to: "sent", by: CA },
    ],
    submitted_to_central_authority: [
      { to: "returned_for_amendment", by: CA, reason: "required", grounds: "deficiency" },
      { to: "approved", by: CA },
    ],
    returned_for_amendment: [{ to: "submitted_to_central_authority", by: AGENCY }],
    approved: [{ to: "sent", by: CA }],
    sent: [{ to: "confirmed", by: BOTH }],
    confirmed: [{ to: "active", by: BOTH }],
    active: [
      { to: "extension_sent", by: BOTH },
      { to: "superseded_by_mla", by: BOTH },
      { to: "expired", by: BOTH },
      { to: "released", by: BOTH, reason: "required" },
    ],
    extension_sent: [{ to: "active", by: BOTH }],
  },
};

/** Direct to the provider after the Central Authority's approval (CAMS's reading; status U). */
const disclosure: MlaFlow = {
  status: "U",
  source:
    "CAMS workflow for direct requests to providers (DOMAIN.md §9 kinds; confirm with the Central Authority)",
  initial: "draft",
  final: ["closed"],
  moves: {
    draft: [{ to: "submitted_to_central_authority", by: AGENCY }],
    submitted_to_central_authority: [
      { to: "returned_for_amendment", by: CA, reason: "required", grounds: "deficiency" },
      { to: "approved", by: CA },
    ],
    returned_for_amendment: [{ to: "submitted_to_central_authority", by: AGENCY }],
    approved: [{ to: "sent_to_provider", by: BOTH }],
    sent_to_provider: [
      { to: "disclosed", by: BOTH },
      { to: "declined", by: BOTH, reason: "required", grounds: "refusal" },
    ],
    disclosed: [{ to: "closed", by: BOTH }],
    declined: [{ to: "closed", by: BOTH }],
  },
};

export const MLA_FLOWS: Readonly<Record<MlaRequestKind, MlaFlow>> = {
  mla_outgoing: outgoing,
  mla_incoming: incoming,
  preservation,
  emergency_disclosure: disclosure,
  voluntary_disclosure: disclosure,
};

/** The moves from a state that someone with these roles may make. */
export function movesFor(kind: MlaRequestKind, state: string, roles: ReadonlySet<Role>): MlaMove[] {
  return (MLA_FLOWS[kind].moves[state] ?? []).filter((m) => m.by.some((r) => roles.has(r)));
}

/** Every state a flow can reach, in the order of its moves (for filters and reports). */
export function statesOf(kind: MlaRequestKind): string[] {
  const flow = MLA_FLOWS[kind];
  const seen = new Set<string>([flow.initial]);
  for (const [from, moves] of Object.entries(flow.moves)) {
    seen.add(from);
    for (const m of moves) seen.add(m.to);
  }
  return [...seen];
}
