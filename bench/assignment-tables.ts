/**
 * The tables bench/assignment-data.ts writes, with their columns in row order, and the set-based insert that
 * writes them (`insert … select from unnest($1::uuid[], …)`, 5,000 rows a statement).
 */
import type pg from "pg";

type Col = { name: string; type: string; cast?: string };

/** Column name and array element type; `cast` when the column takes another type than the array holds. */
const TABLES = {
  organisations: [
    { name: "id", type: "uuid" },
    { name: "code", type: "text" },
    { name: "name_en", type: "text" },
    { name: "kind", type: "text" },
  ],
  users: [
    { name: "id", type: "uuid" },
    { name: "organisation_id", type: "uuid" },
    { name: "username", type: "text" },
    { name: "full_name", type: "text" },
    { name: "password_hash", type: "text" },
    { name: "status", type: "text" },
  ],
  user_roles: [
    { name: "user_id", type: "uuid" },
    { name: "role", type: "text" },
  ],
  officer_profiles: [
    { name: "user_id", type: "uuid" },
    { name: "tier", type: "text" },
    { name: "expertise", type: "text", cast: "text[]" },
    { name: "max_load", type: "numeric" },
    { name: "active", type: "boolean" },
  ],
  officer_seats: [
    { name: "id", type: "uuid" },
    { name: "user_id", type: "uuid" },
    { name: "court_id", type: "uuid" },
    { name: "bench_id", type: "uuid" },
  ],
  officer_leaves: [
    { name: "id", type: "uuid" },
    { name: "user_id", type: "uuid" },
    { name: "starts_on", type: "date" },
    { name: "ends_on", type: "date" },
    { name: "reason", type: "text" },
    { name: "created_by", type: "uuid" },
  ],
  officer_conflicts: [
    { name: "id", type: "uuid" },
    { name: "user_id", type: "uuid" },
    { name: "party_name", type: "text" },
    { name: "organisation_id", type: "uuid" },
    { name: "note", type: "text" },
  ],
  cases: [
    { name: "id", type: "uuid" },
    { name: "organisation_id", type: "uuid" },
    { name: "court_id", type: "uuid" },
    { name: "bench_id", type: "uuid" },
    { name: "case_type_id", type: "uuid" },
    { name: "number", type: "int" },
    { name: "year", type: "int" },
    { name: "case_key", type: "text" },
    { name: "title", type: "text" },
    { name: "category", type: "text" },
    { name: "amount_involved", type: "numeric" },
    { name: "status", type: "text" },
    { name: "is_contempt", type: "boolean" },
    { name: "is_constitutional", type: "boolean" },
    { name: "is_tax_recovery", type: "boolean" },
    { name: "assigned_officer_id", type: "uuid" },
    { name: "created_by", type: "uuid" },
    { name: "created_at", type: "timestamptz" },
  ],
  case_parties: [
    { name: "id", type: "uuid" },
    { name: "case_id", type: "uuid" },
    { name: "position", type: "int" },
    { name: "side", type: "text" },
    { name: "name", type: "text" },
    { name: "organisation_id", type: "uuid" },
  ],
  case_assignments: [
    { name: "id", type: "uuid" },
    { name: "case_id", type: "uuid" },
    { name: "officer_id", type: "uuid" },
    { name: "assigned_by", type: "uuid" },
    { name: "method", type: "text" },
    { name: "reason", type: "text" },
    { name: "assigned_at", type: "timestamptz" },
    { name: "weight", type: "numeric" },
  ],
  case_links: [
    { name: "id", type: "uuid" },
    { name: "case_id", type: "uuid" },
    { name: "linked_case_id", type: "uuid" },
    { name: "kind", type: "text" },
    { name: "created_by", type: "uuid" },
  ],
} satisfies Record<string, Col[]>;

export type Table = keyof typeof TABLES;

/** Inserts rows (values in TABLES[table]'s column order) column-wise through unnest, `chunk` rows a statement. */
export async function insert(client: pg.Client, table: Table, rows: unknown[][], chunk = 5000) {
  const cols: Col[] = TABLES[table];
  const names = cols.map((c) => c.name).join(", ");
  const selects = cols.map((c) => (c.cast ? `${c.name}::${c.cast}` : c.name)).join(", ");
  const unnest = cols.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ");
  const text = `insert into ${table} (${names}) select ${selects} from unnest(${unnest}) as t(${names})`;
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await client.query(
      text,
      cols.map((_, k) => part.map((r) => r[k])),
    );
  }
}
