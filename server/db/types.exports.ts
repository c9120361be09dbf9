import type { ColumnType, Generated } from "kysely";

/** Tables of migrations 0021 (case-list export jobs) and 0024 (expiry); part of `DB` in types.ts. */
export interface ExportJobsTable {
  id: Generated<string>;
  user_id: string;
  format: "csv" | "xlsx" | "pdf";
  filters: ColumnType<unknown, string, string>;
  state: Generated<"queued" | "running" | "done" | "failed" | "expired">;
  rows_done: Generated<number>;
  rows_total: number | null;
  blob_sha256: string | null;
  file_name: string;
  error: string | null;
  created_at: Generated<Date>;
  heartbeat_at: Date | null;
  finished_at: Date | null;
  expired_at: Date | null;
}

export interface ExportTables {
  export_jobs: ExportJobsTable;
}
