import { parse } from "csv-parse/sync";
import { expect } from "vitest";
import type { Sheet } from "../modules/exports/export.table.ts";
import { call, type Session, testApp } from "./harness.ts";
import { readXlsx } from "./xlsx.ts";

/**
 * Checks shared by the list and report exports' tests (export.table.ts): a file read back equals the sheet
 * made from the list's JSON, the audit event is there, a bad query is a 400 naming the field.
 */
export const get = (s: Session | null, url: string) => call(s, { method: "GET", url });

const asText = (rows: Sheet["rows"]) => rows.map((r) => r.map((c) => (c === null ? "" : String(c))));
// a cell that would start a formula is read back with the quote that neutralises it
const unquote = (v: string) => v.replace(/^'(?=[=+\-@])/, "");

export function readCsv(bytes: Buffer): string[][] {
  return (parse(bytes, { bom: true, relax_column_count: true }) as string[][]).map((r) => r.map(unquote));
}

/** `url` (with a query, no format) as CSV and as XLSX: both equal `expected` (the sheet of the list's JSON). */
export async function expectFilesEqual(who: Session, url: string, expected: Sheet, fileName: string) {
  const rows = [expected.header, ...asText(expected.rows)];
  const sep = url.includes("?") ? "&" : "?";
  const csv = await get(who, `${url}${sep}format=csv`);
  expect(csv.statusCode, csv.body).toBe(200);
  expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv.headers["content-disposition"]).toMatch(
    new RegExp(`^attachment; filename="${fileName}-\\d{12}\\.csv"$`),
  );
  expect(csv.headers["cache-control"]).toBe("no-store");
  expect(readCsv(csv.rawPayload), "csv").toEqual(rows);
  const xlsx = await get(who, `${url}${sep}format=xlsx`);
  expect(xlsx.statusCode, xlsx.body).toBe(200);
  expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
  expect(readXlsx(xlsx.rawPayload, expected.header.length), "xlsx").toEqual(rows);
}

export async function expectPdf(who: Session, url: string) {
  const res = await get(who, url);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers["content-type"]).toBe("application/pdf");
  expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
}

/** The actor's export.created events of one entity type, oldest first. */
export async function exportEvents(userId: string, entityType: string) {
  const { handle } = await testApp();
  const rows = await handle.db
    .selectFrom("audit_events")
    .select(["changes", "entity_type"])
    .where("action", "=", "export.created")
    .where("entity_type", "=", entityType)
    .where("actor_id", "=", userId)
    .orderBy("seq")
    .execute();
  return rows.map((r) => r.changes as { format: string; rows: number } & Record<string, unknown>);
}

/** Each query is a 400 problem whose errors name the field. */
export async function expectBadQueries(
  who: Session,
  path: string,
  cases: readonly (readonly [string, string])[],
) {
  for (const [qs, field] of cases) {
    const res = await get(who, `${path}?${qs}`);
    expect(res.statusCode, qs).toBe(400);
    expect(res.headers["content-type"], qs).toContain("application/problem+json");
    const paths = (res.json().errors ?? []).map((e: { path: string }) => e.path).join();
    expect(paths, qs).toContain(field);
  }
}
