import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import type { z } from "zod";
import { type MlaDirectory, mlaDirectory } from "../../../common/mla/directory.ts";
import { type MlaRuleData, mlaRuleData, mlaRulesFile } from "../../../common/mla/rules.types.ts";
import {
  DIRECTORY_KINDS,
  type DirectoryKind,
  directoryEntrySchemas,
} from "../../../common/schemas/mla.reference.ts";
import type { Database } from "../../db/connection.ts";
import type { Trx } from "../../db/transaction.ts";

/**
 * The drafting assistant's rules (reference/mla-rules.json) and directory (reference/mla-directory.json) as data
 * in the database (migration 0016), which the Central Authority edits in the app. The files are loaded at start
 * adding what is missing and never overwriting a row already there — an upgrade must not undo an edit — so a
 * fix in a file reaches an existing installation only through the directory and rules screens (as with the
 * limitation rules, deadlines.reference.ts).
 */
const REFERENCE_DIR = path.resolve(import.meta.dirname, "../../../reference");
const EMPTY: MlaDirectory = { instruments: [], states: [], providers: [] };

/** The file's lists, keyed by the entry kinds of the table. */
const LISTS: Record<DirectoryKind, string> = {
  instrument: "instruments",
  state: "states",
  provider: "providers",
  contact: "contacts",
};

function readJson(dir: string, file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
}

function invalid(file: string, error: z.ZodError): Error {
  const first = error.issues[0]!;
  return new Error(`reference/${file}: ${first.path.join(".")}: ${first.message}`);
}

/** The directory file is `{ source, note, items: { instruments, states, providers, contacts } }`. */
export function readDirectory(dir = REFERENCE_DIR): MlaDirectory {
  const file = path.join(dir, "mla-directory.json");
  if (!fs.existsSync(file)) return EMPTY;
  return mlaDirectory.parse((readJson(dir, "mla-directory.json") as { items: unknown }).items);
}

/** The directory file's entries as the editing schemas read them (strict: a misspelt key stops the load). */
export function readDirectoryEntries(dir = REFERENCE_DIR) {
  const file = "mla-directory.json";
  if (!fs.existsSync(path.join(dir, file))) return [];
  const items = (readJson(dir, file) as { items?: Record<string, unknown[]> }).items ?? {};
  return DIRECTORY_KINDS.flatMap((kind) =>
    (items[LISTS[kind]] ?? []).map((raw, i) => {
      const parsed = directoryEntrySchemas[kind].safeParse(raw);
      if (!parsed.success) {
        const first = parsed.error.issues[0]!;
        throw new Error(
          `reference/${file}: items.${LISTS[kind]}.${i}.${first.path.join(".")}: ${first.message}`,
        );
      }
      const { code, ...data } = parsed.data;
      return { kind, code, data };
    }),
  );
}

/** Adds the rules and directory entries not yet in the database; returns how many rows were added. */
export async function loadMlaReference(db: Database, opts: { dir?: string } = {}): Promise<number> {
  const dir = opts.dir ?? REFERENCE_DIR;
  const rules = mlaRulesFile.safeParse(readJson(dir, "mla-rules.json"));
  if (!rules.success) throw invalid("mla-rules.json", rules.error);
  const entries = readDirectoryEntries(dir);
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto("mla_rules")
      .values(
        rules.data.items.map(({ code, source, status, ...data }) => ({
          code,
          number: data.number,
          data: JSON.stringify(data),
          source,
          status,
        })),
      )
      .onConflict((oc) => oc.column("code").doNothing())
      .executeTakeFirst();
    let added = Number(r.numInsertedOrUpdatedRows ?? 0);
    if (entries.length > 0) {
      const d = await trx
        .insertInto("mla_directory_entries")
        .values(entries.map((e) => ({ kind: e.kind, code: e.code, data: JSON.stringify(e.data) })))
        .onConflict((oc) => oc.columns(["kind", "code"]).doNothing())
        .executeTakeFirst();
      added += Number(d.numInsertedOrUpdatedRows ?? 0);
    }
    return added;
  });
}

/** A stored rule row as the checker reads it. */
export function ruleFromRow(row: {
  code: string;
  data: unknown;
  source: string;
  status: string;
}): MlaRuleData {
  return mlaRuleData.parse({
    ...(row.data as object),
    code: row.code,
    source: row.source,
    status: row.status,
  });
}

export type MlaReference = { rules: MlaRuleData[]; directory: MlaDirectory; fingerprint: string };

/**
 * Whatever changes either table changes this: an edit bumps a version, a new row adds one, and rows are never
 * deleted. One cheap query instead of reading and parsing ~45 KB of JSON on every request.
 */
async function fingerprint(q: Database | Trx): Promise<string> {
  const { rows } = await sql<{ f: string }>`
    select concat_ws('/',
      (select count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(updated_at)::text, '') from mla_rules),
      (select count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(updated_at)::text, '') from mla_directory_entries)
    ) as f`.execute(q);
  return rows[0]!.f;
}

async function readReference(q: Database | Trx, print: string): Promise<MlaReference> {
  // one after the other: q may be a transaction, whose single connection runs one statement at a time
  const ruleRows = await q
    .selectFrom("mla_rules")
    .selectAll()
    .where("enabled", "=", true)
    .orderBy("number")
    .execute();
  const entryRows = await q
    .selectFrom("mla_directory_entries")
    .select(["kind", "code", "data"])
    .orderBy("code")
    .execute();
  const of = (kind: DirectoryKind) =>
    entryRows.filter((e) => e.kind === kind).map((e) => ({ ...(e.data as object), code: e.code }));
  return {
    rules: ruleRows.map(ruleFromRow),
    // the checker's schema keeps what it reads and drops the rest (notes, central authority, contacts)
    directory: mlaDirectory.parse({
      instruments: of("instrument"),
      states: of("state"),
      providers: of("provider"),
    }),
    fingerprint: print,
  };
}

let cached: MlaReference | undefined;

/**
 * The enabled rules and the directory as the checker reads them. Kept in the process while the tables'
 * fingerprint holds, so an edit made by any process is seen at the next read.
 */
export async function mlaReference(q: Database | Trx): Promise<MlaReference> {
  const print = await fingerprint(q);
  if (cached?.fingerprint !== print) cached = await readReference(q, print);
  return cached;
}
