import { type Kysely, sql } from "kysely";
import type { DB } from "./types.ts";

/** A column of a bulk insert and its PostgreSQL type, as json_to_recordset needs it. */
export type ColumnTypes<Row> = { [K in keyof Row]: string };

/**
 * Inserts many rows in one statement with one parameter: the rows as a JSON array, unpacked by
 * `json_to_recordset`. A VALUES list binds one parameter per cell (10,000 rows × 10 columns = 100,000), which
 * PostgreSQL parses and plans at a cost that dominated large commits; one JSON text is parsed once. Same SQL
 * on PGlite and PostgreSQL. `columns` are code constants (names and types), never user input.
 */
export async function insertJsonRows<Row extends Record<string, unknown>>(
  db: Kysely<DB>,
  table: keyof DB & string,
  columns: ColumnTypes<Row>,
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  for (const name of [table, ...names]) {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`insertJsonRows: bad identifier ${name}`);
  }
  const list = sql.raw(names.join(", "));
  const shape = sql.raw(names.map((n) => `${n} ${columns[n as keyof Row]}`).join(", "));
  const payload = JSON.stringify(rows.map((r) => Object.fromEntries(names.map((n) => [n, r[n] ?? null]))));
  await sql`insert into ${sql.raw(table)} (${list})
    select ${list} from json_to_recordset(${payload}::json) as x(${shape})`.execute(db);
}

/**
 * `= any($1::uuid[])` for a long list of ids: one array parameter instead of one placeholder per id (a 10,000-id
 * `in (…)` list spent more time in PostgreSQL's parse and bind than in the query). Use as
 * `.where("c.id", "=", anyUuid(ids))`.
 */
export function anyUuid(ids: readonly string[]) {
  return sql<string>`any(${sql.val(ids)}::uuid[])`;
}
