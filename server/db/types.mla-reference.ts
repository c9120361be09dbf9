import type { ColumnType, Generated } from "kysely";

/** Tables of migration 0016 (the MLA drafting rules and directory as data); part of `DB` in types.ts. */
type Json = ColumnType<unknown, string, string>;

export interface MlaRulesTable {
  code: string;
  number: number;
  data: Json;
  enabled: Generated<boolean>;
  source: string;
  status: "V" | "S" | "U";
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface MlaDirectoryEntriesTable {
  kind: "instrument" | "state" | "provider" | "contact";
  code: string;
  data: Json;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface MlaReferenceTables {
  mla_rules: MlaRulesTable;
  mla_directory_entries: MlaDirectoryEntriesTable;
}
