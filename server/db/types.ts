import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { AssignmentTables } from "./types.assignment.ts";
import type { AuthTables } from "./types.auth.ts";
import type { DeadlineTables } from "./types.deadlines.ts";
import type { ExportTables } from "./types.exports.ts";
import type { FigureTables } from "./types.figures.ts";
import type { MlaTables } from "./types.mla.ts";
import type { MlaDeadlineTables } from "./types.mla-deadlines.ts";
import type { MlaEvidenceTables } from "./types.mla-evidence.ts";
import type { MlaReferenceTables } from "./types.mla-reference.ts";
import type { ReportTables } from "./types.reports.ts";
import type { TrainingTables } from "./types.training.ts";

/** Table types for Kysely, kept by hand beside the migrations (one place to read the schema from code). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;

export interface RolesTable {
  code: string;
  name_en: string;
  name_ur: string;
  description: Generated<string>;
  sort_order: Generated<number>;
}

export type OrganisationKind =
  | "ministry"
  | "division"
  | "attached_department"
  | "law_ministry"
  | "law_office"
  | "provincial_law_department"
  | "agency"
  | "executive"
  | "central_authority"
  | "system";

export interface OrganisationsTable {
  id: Generated<string>;
  code: string;
  name_en: string;
  name_ur: Generated<string>;
  kind: OrganisationKind;
  parent_id: string | null;
  source: Generated<string>;
  /** Days without an update after which an open case is flagged stale (null: CAMS_STALE_AFTER_DAYS). */
  stale_after_days: number | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface CourtsTable {
  id: Generated<string>;
  code: string;
  name_en: string;
  name_ur: Generated<string>;
  level: string;
  city: Generated<string>;
  source: Generated<string>;
  status: Generated<string>;
  active: Generated<boolean>;
  version: Generated<number>;
  sort_order: Generated<number>;
}

export interface BenchesTable {
  id: Generated<string>;
  court_id: string;
  code: string;
  name_en: string;
  name_ur: Generated<string>;
  city: string;
  is_principal_seat: Generated<boolean>;
  active: Generated<boolean>;
  version: Generated<number>;
}

export interface CaseTypesTable {
  id: Generated<string>;
  code: string;
  abbreviation: string;
  name_en: string;
  name_ur: Generated<string>;
  aliases: ColumnType<string[], string[] | undefined, string[]>;
  court_levels: ColumnType<string[], string[] | undefined, string[]>;
  is_appeal: Generated<boolean>;
  source: Generated<string>;
  active: Generated<boolean>;
  version: Generated<number>;
  sort_order: Generated<number>;
}

export interface UsersTable {
  id: Generated<string>;
  organisation_id: string;
  username: string;
  full_name: string;
  email: string | null;
  designation: Generated<string>;
  password_hash: string;
  status: Generated<"pending" | "active" | "disabled" | "rejected">;
  locale: Generated<"en" | "ur">;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  approved_by: string | null;
  approved_at: Timestamp | null;
  version: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  /** Migration 0029: the TOTP secret, encrypted (secret-box.ts); the one awaiting a first code; replay guard. */
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: Timestamp | null;
  totp_last_step: number | null;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface CasesTable {
  id: Generated<string>;
  organisation_id: string;
  court_id: string;
  bench_id: string | null;
  case_type_id: string;
  number: number;
  number_suffix: Generated<string>;
  year: number;
  case_key: string;
  title: string;
  subject: Generated<string>;
  category: string;
  amount_involved: string | null;
  filed_on: string | null;
  notice_received_on: string | null;
  stale_flagged_at: Date | null;
  decided_on: string | null;
  status: Generated<string>;
  stage: string | null;
  outcome: string | null;
  government_result: string | null;
  is_contempt: Generated<boolean>;
  is_constitutional: Generated<boolean>;
  is_tax_recovery: Generated<boolean>;
  is_confidential: Generated<boolean>;
  assigned_officer_id: string | null;
  created_by: string;
  version: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

/** The case's searchable text (0018): apart from `cases` so that its GIN index changes only with the text. */
export interface CaseSearchTable {
  case_id: string;
  search_vector: Generated<string>;
}

/** Every word the search rows hold (0026), for widening a misspelt word to its near spellings. */
export interface SearchWordsTable {
  word: string;
}

export interface CasePartiesTable {
  id: Generated<string>;
  case_id: string;
  position: number;
  side: string;
  name: string;
  organisation_id: string | null;
}

export interface CaseLinksTable {
  id: Generated<string>;
  case_id: string;
  linked_case_id: string;
  kind: "appeal_of" | "connected_with" | "same_issue_as";
  created_by: string;
  created_at: DefaultTimestamp;
}

export interface CaseAccessTable {
  case_id: string;
  user_id: string;
  granted_by: string;
  granted_at: DefaultTimestamp;
}

export interface CaseAssignmentsTable {
  id: Generated<string>;
  /** A decision row (before 0017) or the batch and the position of the decision in its ledger. */
  decision_id: string | null;
  batch_id: string | null;
  batch_position: number | null;
  weight: ColumnType<string, string | number | undefined, string | number>;
  case_id: string;
  officer_id: string;
  assigned_by: string;
  method: Generated<string>;
  reason: string;
  assigned_at: DefaultTimestamp;
  ended_at: Timestamp | null;
}

export interface BlobsTable {
  sha256: string;
  size_bytes: number;
  media_type: string;
  created_at: DefaultTimestamp;
}

export interface DocumentsTable {
  id: Generated<string>;
  case_id: string;
  kind: string;
  title: string;
  current_version: Generated<number>;
  created_by: string;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface DocumentVersionsTable {
  id: Generated<string>;
  document_id: string;
  version: number;
  blob_sha256: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  uploaded_by: string;
  uploaded_at: DefaultTimestamp;
}

export interface AuditEventsTable {
  seq: number;
  occurred_at: Date;
  actor_id: string | null;
  actor_organisation_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  organisation_id: string | null;
  changes: Json | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface CalendarFeedsTable {
  user_id: string;
  token_hash: string;
  created_at: Generated<Date>;
  last_read_at: Date | null;
}

export interface HearingImportsTable {
  id: Generated<string>;
  court_id: string;
  format: string;
  file_name: Generated<string>;
  file_sha256: string;
  rows: Json;
  created_by: string;
  created_at: Generated<Date>;
  committed_by: string | null;
  committed_at: Date | null;
  created_hearings: number | null;
}

export interface HearingsTable {
  id: Generated<string>;
  case_id: string;
  hearing_date: string;
  hearing_time: string | null;
  serial: number | null;
  court_id: string;
  bench_id: string | null;
  purpose: Generated<string>;
  coram: Generated<string>;
  state: Generated<string>;
  outcome: string | null;
  appeared: Generated<string>;
  adjournment_reason: Generated<string>;
  adjourned_at_request_of: string | null;
  result: string | null;
  notes: Generated<string>;
  cancel_reason: Generated<string>;
  previous_hearing_id: string | null;
  order_sheet_document_id: string | null;
  recorded_by: string | null;
  recorded_at: Date | null;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  case_id: string | null;
  params: Json;
  read_at: Timestamp | null;
  created_at: DefaultTimestamp;
}

export interface DB
  extends AssignmentTables,
    AuthTables,
    DeadlineTables,
    MlaTables,
    MlaReferenceTables,
    MlaEvidenceTables,
    MlaDeadlineTables,
    ReportTables,
    ExportTables,
    FigureTables,
    TrainingTables {
  hearings: HearingsTable;
  hearing_imports: HearingImportsTable;
  calendar_feeds: CalendarFeedsTable;
  notifications: NotificationsTable;
  roles: RolesTable;
  organisations: OrganisationsTable;
  courts: CourtsTable;
  benches: BenchesTable;
  case_types: CaseTypesTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  cases: CasesTable;
  case_search: CaseSearchTable;
  search_words: SearchWordsTable;
  case_parties: CasePartiesTable;
  case_links: CaseLinksTable;
  case_access: CaseAccessTable;
  case_assignments: CaseAssignmentsTable;
  blobs: BlobsTable;
  documents: DocumentsTable;
  document_versions: DocumentVersionsTable;
  audit_events: AuditEventsTable;
}

export type Organisation = Selectable<OrganisationsTable>;
export type User = Selectable<UsersTable>;
export type Case = Selectable<CasesTable>;
export type NewCase = Insertable<CasesTable>;
export type CaseUpdate = Updateable<CasesTable>;
