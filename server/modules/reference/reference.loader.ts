import { readFile } from "node:fs/promises";
import path from "node:path";
import { type RawBuilder, sql, type Transaction } from "kysely";
import type { z } from "zod";
import type { Database } from "../../db/connection.ts";
import type { DB } from "../../db/types.ts";
import { recordAudit } from "../../platform/audit.ts";
import { caseTypesFile, courtsFile, organisationsFile, rolesFile } from "./reference.files.ts";

/** reference/ at the root of the project. */
export const REFERENCE_DIR = path.resolve(import.meta.dirname, "../../../reference");

export type ReferenceCounts = {
  roles: number;
  organisations: number;
  courts: number;
  benches: number;
  caseTypes: number;
  /** Rows inserted or changed by this load; 0 when the database already matched the files. */
  changed: number;
};

export class ReferenceDataError extends Error {
  override name = "ReferenceDataError";
}

/**
 * Loads reference/*.json into roles, organisations, courts, benches and case_types, in one transaction.
 * Upserts by code (benches by court and code): fields from the files overwrite the database; rows not in the
 * files and columns the files do not carry (active, ids) are left alone. A row whose fields already match is not
 * touched, so a second load changes nothing and bumps no versions. Item status (V/S/U) is kept in the `source`
 * text where the table has no status column. One `reference.updated` audit event records what changed.
 */
export async function loadReferenceData(
  db: Database,
  opts: { onProgress?: (done: number, total: number) => void; dir?: string } = {},
): Promise<ReferenceCounts> {
  const dir = opts.dir ?? REFERENCE_DIR;
  const roles = await readReferenceFile(dir, "roles.json", rolesFile);
  const orgs = await readReferenceFile(dir, "organisations.json", organisationsFile);
  const courts = await readReferenceFile(dir, "courts.json", courtsFile);
  const caseTypes = await readReferenceFile(dir, "case-types.json", caseTypesFile);

  const benchCount = courts.items.reduce((n, c) => n + c.benches.length, 0);
  const total =
    roles.items.length + orgs.items.length + courts.items.length + benchCount + caseTypes.items.length;
  let done = 0;
  const progress = (n: number) => {
    done += n;
    opts.onProgress?.(done, total);
  };
  const changed = { roles: 0, organisations: 0, courts: 0, benches: 0, caseTypes: 0 };

  await db.transaction().execute(async (trx) => {
    const roleCols = ["name_en", "name_ur", "description", "sort_order"] as const;
    const roleRows = roles.items.map((r) => pick(r, "code", roleCols));
    changed.roles = await upsert(trx, "roles", ["code"], roleCols, roleRows);
    progress(roleRows.length);

    // Parents before children: load the organisations level by level of their depth in the tree.
    const parentOf = new Map(orgs.items.map((o) => [o.code, o.parent_code]));
    const depth = (code: string): number => {
      const parent = parentOf.get(code);
      return parent === undefined ? 0 : 1 + depth(parent);
    };
    const orgIds = new Map<string, string>();
    const orgCols = ["name_en", "name_ur", "kind", "parent_id", "source"] as const;
    for (let level = 0; level < orgs.items.length && orgIds.size < orgs.items.length; level++) {
      const rows = orgs.items
        .filter((o) => depth(o.code) === level)
        .map((o) => ({
          ...pick(o, "code", ["name_en", "name_ur", "kind"] as const),
          parent_id: o.parent_code === undefined ? null : orgIds.get(o.parent_code)!,
          source: `${o.source} [${o.status}]`,
        }));
      changed.organisations += await upsert(trx, "organisations", ["code"], orgCols, rows, true);
      for (const [code, id] of await idsByCode(trx, "organisations", rows)) orgIds.set(code, id);
      progress(rows.length);
    }

    const courtCols = ["name_en", "name_ur", "level", "city", "status", "source", "sort_order"] as const;
    const courtRows = courts.items.map((c) => pick(c, "code", courtCols));
    changed.courts = await upsert(trx, "courts", ["code"], courtCols, courtRows);
    progress(courtRows.length);

    const courtIds = await idsByCode(trx, "courts", courtRows);
    const benchCols = ["name_en", "name_ur", "city", "is_principal_seat"] as const;
    const benchRows = courts.items.flatMap((c) =>
      c.benches.map((b) => ({ court_id: courtIds.get(c.code)!, ...pick(b, "code", benchCols) })),
    );
    changed.benches = await upsert(trx, "benches", ["court_id", "code"], benchCols, benchRows);
    progress(benchRows.length);

    const typeCols = ["abbreviation", "name_en", "name_ur", "aliases", "court_levels", "is_appeal"] as const;
    const typeRows = caseTypes.items.map((t) => ({
      ...pick(t, "code", [...typeCols, "sort_order"] as const),
      source: `${t.source} [${t.status}]`,
    }));
    changed.caseTypes = await upsert(
      trx,
      "case_types",
      ["code"],
      [...typeCols, "sort_order", "source"],
      typeRows,
    );
    progress(typeRows.length);

    if (Object.values(changed).some((n) => n > 0)) {
      await recordAudit(
        trx,
        { ip: null, userAgent: null, requestId: null },
        {
          action: "reference.updated",
          entityType: "reference",
          changes: { loaded_from: "reference/*.json", ...changed },
        },
      );
    }
  });

  return {
    roles: roles.items.length,
    organisations: orgs.items.length,
    courts: courts.items.length,
    benches: benchCount,
    caseTypes: caseTypes.items.length,
    changed: Object.values(changed).reduce((a, b) => a + b, 0),
  };
}

type ReferenceTable = "roles" | "organisations" | "courts" | "benches" | "case_types";

/**
 * insert … on conflict (key) do update set col = excluded.col … where the row differs; returns the number of
 * rows inserted or changed. Tables with a version column get version + 1 (and updated_at, if touched) on change.
 */
async function upsert(
  trx: Transaction<DB>,
  table: ReferenceTable,
  key: readonly string[],
  cols: readonly string[],
  rows: readonly Record<string, unknown>[],
  touchUpdatedAt = false,
): Promise<number> {
  if (rows.length === 0) return 0;
  const set: Record<string, RawBuilder<unknown>> = {};
  for (const c of cols) set[c] = sql.ref(`excluded.${c}`);
  if (table !== "roles") set.version = sql`${sql.ref(`${table}.version`)} + 1`;
  if (touchUpdatedAt) set.updated_at = sql`now()`;
  const columns = Object.keys(rows[0]!);
  const current = sql.join(cols.map((c) => sql.ref(`${table}.${c}`)));
  const incoming = sql.join(cols.map((c) => sql.ref(`excluded.${c}`)));
  const result = await sql<{ n: number }>`
    with written as (
      insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
      values ${sql.join(rows.map((r) => sql`(${sql.join(columns.map((c) => r[c]))})`))}
      on conflict (${sql.join(key.map((c) => sql.ref(c)))}) do update
      set ${sql.join(Object.entries(set).map(([c, v]) => sql`${sql.ref(c)} = ${v}`))}
      where (${current}) is distinct from (${incoming})
      returning 1
    )
    select count(*)::int as n from written`.execute(trx);
  return result.rows[0]?.n ?? 0;
}

async function idsByCode(trx: Transaction<DB>, table: "organisations" | "courts", rows: { code: string }[]) {
  if (rows.length === 0) return new Map<string, string>();
  const codes = rows.map((r) => r.code);
  const found = await trx.selectFrom(table).select(["id", "code"]).where("code", "in", codes).execute();
  return new Map(found.map((r) => [r.code, r.id]));
}

function pick<T extends Record<string, unknown>, K extends keyof T>(item: T, code: K, cols: readonly K[]) {
  return Object.fromEntries([code, ...cols].map((c) => [c, item[c]])) as Pick<T, K>;
}

async function readReferenceFile<S extends z.ZodType>(
  dir: string,
  file: string,
  schema: S,
): Promise<z.output<S>> {
  const name = `reference/${file}`;
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path.join(dir, file), "utf8"));
  } catch (err) {
    throw new ReferenceDataError(`${name}: cannot read: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const [, index, ...rest] = issue.path;
    if (issue.path[0] !== "items" || typeof index !== "number") {
      return `  ${issue.path.join(".") || "(file)"}: ${issue.message}`;
    }
    const item = (raw as { items: { code?: unknown }[] }).items[index];
    const label = typeof item?.code === "string" ? ` (code ${item.code})` : "";
    return `  item ${index}${label}${rest.length ? ` › ${rest.join(".")}` : ""}: ${issue.message}`;
  });
  throw new ReferenceDataError(`${name} is invalid:\n${lines.join("\n")}`);
}
