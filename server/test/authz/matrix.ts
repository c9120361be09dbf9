import { ROLES, type Role } from "../../../common/roles.ts";
import type { Call } from "../harness.ts";
import type { Actor, Variant, World } from "./world.ts";

/**
 * The authorization matrix as data: for every endpoint of the route table, which record its path names, which
 * roles may act on each variant of that record, and how to make the request. Everyone else is refused:
 * 401 without a session; 403 when a role gate turns the role away before any record is read, or when the
 * role can see the record but not do this to it; 404 — the answer an unknown id gets — when the record is
 * outside the role's scope, so a refusal never reveals that a record exists.
 */
export type Kind =
  | "none" // a collection or the actor's own settings: no record of someone else in the path
  | "case" // a case, or a record belonging to one (hearing, document, deadline, link)
  | "mla" // an MLA request, or a record belonging to one (evidence)
  | "mine" // a record a user keeps for themselves (saved filter, export, notification): own or another's
  | "user" // a user account: of the actor's organisation, or of another
  | "officer" // a law officer's profile: of the actor's law office (the matrix's officer), or of another
  | "office" // what a law office runs (its batches, a handover of its officer): the matrix's office, or another
  | "certificate" // a training certificate: the actor's own, or another's (a far law office's officer)
  | "public"; // no session needed

export type Entry = {
  on: Kind;
  /** Roles that may; a list applies to every variant, an object names each. */
  ok: readonly Role[] | Partial<Record<Variant, readonly Role[]>>;
  /** Roles let past a gate checked before the record is read; the rest get 403 whatever the record. */
  gate?: readonly Role[];
  /** Statuses that count as done besides 2xx (e.g. 422 where the record's state refuses the move). */
  alsoOk?: readonly number[];
  /** Send it with a new session of the actor's role and organisation (the request ends or changes sessions). */
  freshSession?: boolean;
  /** Builds the request for one actor and variant; fresh records for anything the request changes. */
  req: (w: World, variant: Variant, me: Actor) => Promise<Omit<Call, "method">> | Omit<Call, "method">;
};

/** Every role of DOMAIN.md §2. */
export const ALL_ROLES: readonly Role[] = ROLES;

/** Who sees a record of each kind and variant (DOMAIN.md §2; cases.policy.ts and mla.policy.ts are the code). */
export const VISIBLE: Record<Kind, Partial<Record<Variant, readonly Role[]>>> = {
  none: { none: ALL_ROLES },
  public: { none: ALL_ROLES },
  case: {
    own: [
      "focal_person",
      "nodal_officer",
      "law_ministry",
      "executive_viewer",
      "assigning_officer",
      "law_officer",
    ],
    other: ["law_ministry", "executive_viewer"],
    confidential: [],
  },
  mla: { own: ["central_authority", "requesting_agency"], other: ["central_authority"] },
  mine: { own: ALL_ROLES, other: [] },
  user: { own: ["administrator", "nodal_officer"], other: ["administrator"] },
  officer: {
    own: ["law_ministry", "administrator", "auditor", "assigning_officer", "law_officer"],
    other: ["law_ministry", "administrator", "auditor"],
  },
  // only those who run an office see what it runs; to anyone else it answers as unknown
  office: { own: ["law_ministry", "assigning_officer"], other: ["law_ministry"] },
  // one's own; everyone's for administrators and the Law Ministry (a nodal officer: their organisation's only)
  certificate: { own: ROLES, other: ["administrator", "law_ministry"] },
};

export const VARIANTS: Record<Kind, readonly Variant[]> = {
  none: ["none"],
  public: ["none"],
  case: ["own", "other", "confidential"],
  mla: ["own", "other"],
  mine: ["own", "other"],
  user: ["own", "other"],
  officer: ["own", "other"],
  office: ["own", "other"],
  certificate: ["own", "other"],
};

export type Expected = "ok" | 401 | 403 | 404;

export function expected(entry: Entry, role: Role | null, variant: Variant): Expected {
  if (entry.on === "public") return "ok";
  if (role === null) return 401;
  const ok = Array.isArray(entry.ok)
    ? (entry.ok as readonly Role[])
    : ((entry.ok as Partial<Record<Variant, readonly Role[]>>)[variant] ?? []);
  if (ok.includes(role)) return "ok";
  if (entry.gate && !entry.gate.includes(role)) return 403;
  if (!(VISIBLE[entry.on][variant] ?? []).includes(role)) return 404;
  return 403;
}

/** Role lists used by many entries. */
export const CASE_READERS = VISIBLE.case.own as readonly Role[];
/** The case file: everyone who sees the case except the executive, who reads dashboards only. */
export const CASE_FILE_READERS = CASE_READERS.filter((r) => r !== "executive_viewer");
export const CASE_EDITORS: readonly Role[] = ["focal_person", "nodal_officer", "law_ministry", "law_officer"];
export const ASSIGNERS: readonly Role[] = ["law_ministry", "assigning_officer"];
export const MLA_ROLES: readonly Role[] = ["central_authority", "requesting_agency"];
