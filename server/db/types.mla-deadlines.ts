import type { Generated } from "kysely";

/** Tables of migration 0015 (the MLA register's deadlines and their alerts); part of `DB` in types.ts. */
export interface MlaDeadlinesTable {
  id: Generated<string>;
  request_id: string;
  kind: "preservation_expiry" | "follow_up";
  rule_code: string;
  started_on: string;
  due_on: string;
  alert_on: string;
  basis: string;
  status: "V" | "S" | "U";
  extensions: Generated<number>;
  state: Generated<"open" | "met" | "expired" | "cancelled">;
  closed_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface MlaDeadlineAlertsTable {
  deadline_id: string;
  due_on: string;
  user_id: string;
  sent_at: Generated<Date>;
}

export interface MlaDeadlineTables {
  mla_deadlines: MlaDeadlinesTable;
  mla_deadline_alerts: MlaDeadlineAlertsTable;
}
