import type { ColumnType, Generated } from "kysely";

/** Tables of migration 0022 (saved filters, weekly report subscriptions); part of `DB` in types.ts. */
type Json = ColumnType<unknown, string, string>;

export interface SavedFiltersTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  list: Generated<"cases">;
  query: Json;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface ReportSubscriptionsTable {
  id: Generated<string>;
  user_id: string;
  saved_filter_id: string;
  weekday: number;
  last_sent_on: string | null;
  created_at: Generated<Date>;
}

export interface ReportTables {
  saved_filters: SavedFiltersTable;
  report_subscriptions: ReportSubscriptionsTable;
}
