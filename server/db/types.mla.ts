import type { ColumnType, Generated } from "kysely";

/** Tables of migration 0012 (the MLA register); part of `DB` in types.ts. */
type Json = ColumnType<unknown, string | undefined, string>;

export interface MlaRequestsTable {
  id: Generated<string>;
  reference: string;
  kind: "mla_outgoing" | "mla_incoming" | "preservation" | "emergency_disclosure" | "voluntary_disclosure";
  state: string;
  title: string;
  organisation_id: string;
  case_id: string | null;
  /** The Central Authority officer handling the request (0030). */
  handler_id: ColumnType<string | null, string | null | undefined, string | null>;
  draft: Json;
  state_entered_at: Generated<Date>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface MlaRequestAccessTable {
  request_id: string;
  user_id: string;
}

export interface MlaTransitionsTable {
  id: Generated<number>;
  request_id: string;
  from_state: string | null;
  to_state: string;
  reason: Generated<string>;
  actor_id: string;
  actor_role: string;
  at: Generated<Date>;
  seconds_in_previous: number | null;
  grounds: Generated<string[]>;
}

export interface MlaRequestLinksTable {
  request_id: string;
  earlier_id: string;
  relation: "follows" | "related";
  created_by: string;
  created_at: Generated<Date>;
}

export interface MlaTables {
  mla_requests: MlaRequestsTable;
  mla_request_access: MlaRequestAccessTable;
  mla_transitions: MlaTransitionsTable;
  mla_request_links: MlaRequestLinksTable;
}
