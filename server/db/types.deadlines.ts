import type { ColumnType, Generated } from "kysely";

/** Tables of migration 0008 (limitation rules, court calendars, deadlines, tasks); part of `DB` in types.ts. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;
type Status = "V" | "S" | "U";

export interface LimitationRulesTable {
  code: string;
  name_en: string;
  name_ur: string;
  days: number | null;
  certified_copy_excluded: boolean;
  margin_days: number;
  filed_in: string;
  applies_when: Json;
  source: string;
  status: Status;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface CourtWeekendsTable {
  id: Generated<string>;
  court_id: string | null;
  days: number[];
  source: string;
  status: Status;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface CourtClosuresTable {
  id: Generated<string>;
  court_id: string | null;
  starts_on: string;
  ends_on: string;
  name_en: string;
  name_ur: Generated<string>;
  kind: "holiday" | "vacation";
  source: string;
  status: Status;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface DeadlinesTable {
  id: Generated<string>;
  case_id: string;
  kind: "appeal" | "reply" | "compliance" | "other";
  title: string;
  rule_code: string | null;
  rule_version: number | null;
  calendar_court_id: string | null;
  trigger_on: string;
  copy_applied_on: string | null;
  copy_ready_on: string | null;
  legal_due_on: string;
  internal_due_on: string;
  provisional: Generated<boolean>;
  derivation: Json;
  state: Generated<"open" | "met" | "missed" | "cancelled">;
  closed_note: Generated<string>;
  closed_by: string | null;
  closed_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface TasksTable {
  id: Generated<string>;
  case_id: string | null;
  deadline_id: string | null;
  kind: "para_wise_comments" | "file_reply" | "compliance" | "appeal_decision" | "other";
  title: string;
  priority: "contempt" | "high" | "normal" | "low";
  assignee_user_id: string | null;
  assignee_organisation_id: string | null;
  due_on: string;
  state: Generated<"open" | "in_progress" | "done" | "cancelled">;
  note: Generated<string>;
  escalated_at: Timestamp | null;
  completed_by: string | null;
  completed_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface ReminderLogTable {
  subject_kind: "deadline" | "task" | "digest" | "stale_case";
  subject_id: string;
  due_on: string;
  lead_days: number;
  user_id: string;
  sent_at: Generated<Date>;
}

export interface MailOutboxTable {
  id: Generated<string>;
  user_id: string | null;
  to_address: string;
  subject: string;
  body_text: string;
  kind: string;
  created_at: Generated<Date>;
  sent_at: Date | null;
  claimed_at: Date | null;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface CourtClosureRemovalsTable {
  court_id: string | null;
  starts_on: string;
  name_en: string;
  removed_at: Generated<Date>;
}

export interface DeadlineTables {
  court_closure_removals: CourtClosureRemovalsTable;
  reminder_log: ReminderLogTable;
  mail_outbox: MailOutboxTable;
  limitation_rules: LimitationRulesTable;
  court_weekends: CourtWeekendsTable;
  court_closures: CourtClosuresTable;
  deadlines: DeadlinesTable;
  tasks: TasksTable;
}
