import type { ColumnType, Generated } from "kysely";

/** Tables of the assignment engine (migrations 0002–0004); part of `DB` in types.ts. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;

export interface OfficerProfilesTable {
  user_id: string;
  tier: string;
  expertise: ColumnType<string[], string[] | undefined, string[]>;
  max_load: ColumnType<string, string | number | undefined, string | number>;
  active: Generated<boolean>;
  notes: Generated<string>;
  open_load: ColumnType<string, string | number | undefined, string | number>;
  open_cases: Generated<number>;
  last_assigned_at: Timestamp | null;
  version: Generated<number>;
  updated_at: DefaultTimestamp;
}

export interface OfficerSeatsTable {
  id: Generated<string>;
  user_id: string;
  court_id: string;
  bench_id: string | null;
}

export interface OfficerLeavesTable {
  id: Generated<string>;
  user_id: string;
  starts_on: string;
  ends_on: string;
  reason: Generated<string>;
  created_by: string;
  created_at: DefaultTimestamp;
}

export interface OfficerFactsVersionTable {
  id: Generated<number>;
  /** bigint: pg returns it as a string */
  version: Generated<string>;
}

export interface OfficerConflictsTable {
  id: Generated<string>;
  user_id: string;
  party_name: string | null;
  organisation_id: string | null;
  note: Generated<string>;
  created_at: DefaultTimestamp;
}

export interface AssignmentWeightsTable {
  id: Generated<string>;
  kind: "case_type" | "flag" | "amount_over";
  key: string;
  weight: ColumnType<string, string | number, string | number>;
  threshold: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  source: Generated<string>;
  version: Generated<number>;
}

export interface AssignmentPoliciesTable {
  id: Generated<string>;
  organisation_id: string;
  version: number;
  config: Json;
  note: Generated<string>;
  created_by: string | null;
  created_at: DefaultTimestamp;
}

export interface AssignmentBatchesTable {
  id: Generated<string>;
  office_id: string;
  policy_id: string;
  kind: "single" | "bulk" | "handover";
  seed: string;
  case_ids: string[];
  case_versions: number[];
  departing_officer_id: string | null;
  inputs: Json | null;
  /** The committed decisions, in case order (0017); null for batches whose decisions are rows. */
  decisions: Json | null;
  created_by: string;
  created_at: DefaultTimestamp;
  committed_at: Timestamp | null;
}

export interface AssignmentDecisionsTable {
  id: Generated<string>;
  case_id: string;
  office_id: string;
  policy_id: string | null;
  officer_id: string | null;
  method: "policy" | "override" | "handover" | "queue";
  step: string;
  seed: string;
  inputs: Json;
  decision: Json;
  reason: Generated<string>;
  actor_id: string;
  batch_id: string | null;
  position: Generated<number>;
  decided_at: DefaultTimestamp;
}

export interface AssignmentTables {
  officer_profiles: OfficerProfilesTable;
  officer_seats: OfficerSeatsTable;
  officer_leaves: OfficerLeavesTable;
  officer_conflicts: OfficerConflictsTable;
  officer_facts_version: OfficerFactsVersionTable;
  assignment_weights: AssignmentWeightsTable;
  assignment_policies: AssignmentPoliciesTable;
  assignment_batches: AssignmentBatchesTable;
  assignment_decisions: AssignmentDecisionsTable;
}
