import type { ColumnType } from "kysely";

/** Tables of migration 0023 (pre-counted dashboard figures); part of `DB` in types.ts. */
type Count = ColumnType<string, number | string, number | string>;

export interface CaseFiguresTable {
  measure: string;
  key: string;
  organisation_id: string;
  office_id: string | null;
  court_id: string | null;
  cases: Count;
  won: Count;
  amount: Count;
}

export interface CaseFiguresCountTable {
  only_row: ColumnType<boolean, boolean | undefined, boolean>;
  counted_at: Date;
  court_day: string;
  took_ms: number;
  rows: number;
}

export interface FigureTables {
  case_figures: CaseFiguresTable;
  case_figures_count: CaseFiguresCountTable;
}
