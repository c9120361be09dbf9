import { sql } from "kysely";
import { insertJsonRows } from "../../db/bulk.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction, type Trx } from "../../db/transaction.ts";
import { recordAudit, recordAuditMany, type Who } from "../../platform/audit.ts";
import { hashPassword } from "../../platform/auth/passwords.ts";
import { courtDay } from "../../platform/clock.ts";
import { type BlobStorage, sha256Hex } from "../../platform/storage/storage.ts";
import { loadWeights } from "../cases/case-weight.ts";
import { DICTIONARY_WORD, ORGANISATION_LEXEME } from "../cases/cases.repo.ts";
import { DEMO_AS_OF } from "../demo/demo.plan.ts";
import { createRng } from "../demo/demo.random.ts";
import { DEMO_PASSWORD } from "../demo/demo.seed.ts";
import { caseDrawer, caseProfiles } from "./synthetic.draw.ts";
import { IdCounter } from "./synthetic.ids.ts";
import { drawLife } from "./synthetic.life.ts";
import { insertPeople, type Refs } from "./synthetic.people.ts";
import { emptyRows, RowBuilder, type Rows, type TableName } from "./synthetic.rows.ts";
import { COLUMNS, PLACEHOLDER_PDF } from "./synthetic.tables.ts";

/**
 * `cams seed --synthetic --cases N`: a large, realistic and deterministic data set for benchmarks and load
 * tests. The same N, seed and as-of day give the same rows (ids included); only the times the rows were
 * written (audit events, users) differ. All of it is one transaction — a failed or interrupted run leaves the
 * database as it was — inside which the loaded tables' secondary indexes are dropped and rebuilt at the end
 * (cheaper than maintaining them row by row — above all case_search's GIN index; being transactional,
 * they can never be left missing). Audit: one `case.created` event per case through recordAuditMany, the
 * chain's own code, so `cams audit verify` passes by construction, and a `synthetic.seeded` summary.
 */
export const SYNTHETIC_PASSWORD = DEMO_PASSWORD;
export const SYNTHETIC_DEFAULT_SEED = 7;
const BATCH = 5000;
const OFFICERS = 1000;

export type SyntheticOptions = {
  cases: number;
  seed?: number;
  /** The day the data is made for (hearings ahead of it, deadlines running from it); default today in Pakistan. */
  asOf?: string;
  officers?: number;
  /** Where the one placeholder file every document version points at is stored (none: only its row). */
  storage?: BlobStorage;
  onProgress?: (phase: string, done: number, total: number) => void;
  onPhaseEnd?: (phase: string) => void;
};

export type SyntheticResult = {
  seed: number;
  asOf: string;
  counts: Record<string, number>;
  phases: { phase: string; ms: number }[];
  /** Milliseconds spent writing each table during the case phase (the rest is drawing and audit hashing). */
  tables: Record<string, number>;
  /** Milliseconds each dropped index took to rebuild. */
  indexes: Record<string, number>;
  ms: number;
};

export class SyntheticRefused extends Error {}

export async function seedSynthetic(db: Database, opts: SyntheticOptions): Promise<SyntheticResult> {
  const seed = opts.seed ?? SYNTHETIC_DEFAULT_SEED;
  const asOf = opts.asOf ?? courtDay();
  if (!Number.isInteger(opts.cases) || opts.cases < 1)
    throw new SyntheticRefused("--cases must be a positive integer");
  if (asOf < DEMO_AS_OF)
    throw new SyntheticRefused(`--as-of must be ${DEMO_AS_OF} or later (cases are filed up to it)`);
  const seeded = await db
    .selectFrom("audit_events")
    .select("seq")
    .where("action", "=", "synthetic.seeded")
    .executeTakeFirst();
  if (seeded)
    throw new SyntheticRefused("this database already holds synthetic data (audit event synthetic.seeded)");

  const started = performance.now();
  const phases: SyntheticResult["phases"] = [];
  const tables: Record<string, number> = {};
  const indexes: Record<string, number> = {};
  let phaseStart = performance.now();
  const endPhase = (phase: string) => {
    phases.push({ phase, ms: Math.round(performance.now() - phaseStart) });
    opts.onPhaseEnd?.(phase);
    phaseStart = performance.now();
  };
  const progress = (phase: string, done: number, total: number) => opts.onProgress?.(phase, done, total);

  const refs = await loadRefs(db);
  const passwordHash = await hashPassword(SYNTHETIC_PASSWORD);
  const blob = { bytes: Buffer.from(PLACEHOLDER_PDF, "latin1"), mediaType: "application/pdf" };
  const sha256 = sha256Hex(blob.bytes);
  await opts.storage?.put(sha256, blob.bytes);
  const counts: Record<string, number> = {};
  const who: Who = {
    userId: null,
    organisationId: null,
    ip: null,
    userAgent: "cams seed --synthetic",
    requestId: null,
  };

  await inTransaction(db, async (trx) => {
    const rng = createRng(seed);
    progress("people", 0, 1);
    const people = await insertPeople(trx, rng, refs, { officers: opts.officers ?? OFFICERS, passwordHash });
    counts.users = people.users;
    counts.officers = people.officers;
    progress("people", 1, 1);
    endPhase("people");

    await sql`insert into blobs (sha256, size_bytes, media_type) values (${sha256}, ${blob.bytes.length}, ${blob.mediaType})
      on conflict (sha256) do nothing`.execute(trx);
    const dropped = await dropSecondaryIndexes(trx);
    const unchecked = await skipTriggers(trx);
    const ids = new IdCounter();
    const builder = new RowBuilder(refs, {
      people,
      ids,
      weights: await loadWeights(trx),
      blob: { sha256, size: blob.bytes.length, mediaType: blob.mediaType },
      asOf,
    });
    const taken = new Set(
      (await trx.selectFrom("cases").select("case_key").execute()).map((r) => r.case_key),
    );
    const draw = caseDrawer(rng, caseProfiles(refs.orgs), {
      abbreviations: new Map(refs.types.map((t) => [t.code, t.abbreviation])),
      courts: new Set(refs.courts.map((c) => c.code)),
      benches: new Set(
        refs.benches.map((b) => `${refs.courts.find((c) => c.id === b.court_id)?.code}/${b.code}`),
      ),
      taken,
    });
    // Drawing the next batch overlaps writing the last one: the writes queue on the transaction's connection
    // and the drawing yields every few hundred cases so their replies are handled.
    let writing: Promise<void> = Promise.resolve();
    for (let drawn = 0; drawn < opts.cases; ) {
      const size = Math.min(BATCH, opts.cases - drawn);
      const rows = emptyRows();
      for (let i = 0; i < size; i++) {
        if (i % 250 === 249) await new Promise((resolve) => setImmediate(resolve));
        const planned = draw();
        await builder.add(trx, rng, planned, drawLife(rng, planned, asOf), rows);
      }
      drawn += size;
      const upTo = drawn;
      await writing;
      writing = (async () => {
        await writeRows(trx, rows, tables, counts);
        const t = performance.now();
        await recordAuditMany(trx, who, rows.audit);
        tables.audit_events = (tables.audit_events ?? 0) + performance.now() - t;
        counts.audit_events = (counts.audit_events ?? 0) + rows.audit.length;
        progress("cases", upTo, opts.cases);
      })();
    }
    await writing;
    if (unchecked) await sql`set local session_replication_role = origin`.execute(trx);
    endPhase("cases");

    progress("indexes", 0, dropped.length);
    await sql`set local maintenance_work_mem = '1GB'`.execute(trx);
    for (const [i, index] of dropped.entries()) {
      const t = performance.now();
      await sql.raw(index.definition).execute(trx);
      indexes[index.name] = Math.round(performance.now() - t);
      progress("indexes", i + 1, dropped.length);
    }
    endPhase("indexes");

    progress("search words", 0, 1);
    await sql`insert into search_words (word)
      select distinct w.lexeme from case_search s, unnest(s.search_vector) as w where ${DICTIONARY_WORD}
      on conflict do nothing`.execute(trx);
    progress("search words", 1, 1);
    endPhase("search words");

    progress("officer loads", 0, 1);
    await storeOfficerLoads(trx);
    progress("officer loads", 1, 1);
    endPhase("officer loads");

    await recordAudit(trx, who, {
      action: "synthetic.seeded",
      entityType: "synthetic",
      changes: { seed, asOf, cases: opts.cases, counts },
    });
    counts.audit_events = (counts.audit_events ?? 0) + 1;
  });
  endPhase("commit");
  progress("analyze", 0, 1);
  await sql`analyze`.execute(db);
  progress("analyze", 1, 1);
  endPhase("analyze");
  for (const k of Object.keys(tables)) tables[k] = Math.round(tables[k]!);
  return { seed, asOf, counts, phases, tables, indexes, ms: Math.round(performance.now() - started) };
}

async function writeRows(
  trx: Trx,
  rows: Rows,
  tables: Record<string, number>,
  counts: Record<string, number>,
) {
  for (const table of Object.keys(COLUMNS) as TableName[]) {
    const list = rows[table];
    const t = performance.now();
    if (table === "case_search") {
      // the same text and vector as cases.repo's refreshSearch, from the display number, title, subject and parties
      const payload = JSON.stringify(list);
      await sql`insert into case_search (case_id, search_vector)
        select case_id, to_tsvector('simple', doc) || ${ORGANISATION_LEXEME}
        from json_to_recordset(${payload}::json) as x(case_id uuid, organisation_id uuid, doc text)`.execute(
        trx,
      );
    } else {
      for (let i = 0; i < list.length; i += 20_000)
        await insertJsonRows(trx, table, COLUMNS[table], list.slice(i, i + 20_000));
    }
    tables[table] = (tables[table] ?? 0) + performance.now() - t;
    counts[table] = (counts[table] ?? 0) + list.length;
  }
}

/**
 * Foreign keys are checked by per-row triggers — six lookups for each of five million hearings. The rows are
 * consistent by construction (every id they name was generated in the same run, the test checks there are no
 * orphans), so a role allowed to (a superuser, as `cams migrate` usually runs) skips triggers for the case
 * phase: `session_replication_role = replica`, local to the transaction. No other trigger fires on these tables.
 */
async function skipTriggers(trx: Trx): Promise<boolean> {
  const { rows } = await sql<{
    ok: boolean;
  }>`select rolsuper as ok from pg_roles where rolname = current_user`.execute(trx);
  if (!rows[0]?.ok) return false;
  await sql`set local session_replication_role = replica`.execute(trx);
  return true;
}

/**
 * The officers' stored loads (what cases/officer-load.ts's refreshOfficerLoad keeps) in one aggregate over all
 * assignments instead of one lateral query per officer; the test checks them against refreshOfficerLoad.
 */
async function storeOfficerLoads(trx: Trx): Promise<void> {
  await sql`
    update officer_profiles p set
      open_load = coalesce(s.load, 0), open_cases = coalesce(s.n, 0), last_assigned_at = s.last
    from (
      select a.officer_id,
             sum(a.weight) filter (where a.ended_at is null and c.status in ('pending', 'appealed')) as load,
             count(*) filter (where a.ended_at is null and c.status in ('pending', 'appealed')) as n,
             max(a.assigned_at) as last
      from case_assignments a join cases c on c.id = a.case_id
      group by a.officer_id
    ) s
    where p.user_id = s.officer_id`.execute(trx);
}

/** The tables the case phase fills; their secondary indexes are rebuilt once at the end instead of row by row. */
export const LOADED = [
  "cases",
  "case_parties",
  "case_access",
  "case_assignments",
  "case_search",
  "hearings",
  "documents",
  "document_versions",
  "deadlines",
  "tasks",
];

/**
 * Drops the loaded tables' secondary indexes — not primary keys, not unique ones (they keep guarding case
 * keys, party positions, versions and hearing chains) — inside the load's transaction, and returns their
 * definitions to rebuild before it commits. A failed run rolls the drop back with everything else.
 */
async function dropSecondaryIndexes(trx: Trx): Promise<{ name: string; definition: string }[]> {
  const { rows } = await sql<{ name: string; definition: string }>`
    select ci.relname as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i
    join pg_class ci on ci.oid = i.indexrelid
    join pg_class t on t.oid = i.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = current_schema() and t.relname = any(${LOADED}::text[])
      and not i.indisprimary and not i.indisunique
    order by t.relname, ci.relname`.execute(trx);
  for (const r of rows) await sql`drop index ${sql.id(r.name)}`.execute(trx);
  return rows;
}

async function loadRefs(db: Database): Promise<Refs> {
  const [orgs, courts, benches, types] = await Promise.all([
    db
      .selectFrom("organisations")
      .select(["id", "code", "kind", "name_en"])
      .where("active", "=", true)
      .orderBy("code")
      .execute(),
    db
      .selectFrom("courts")
      .select(["id", "code", "level"])
      .where("active", "=", true)
      .orderBy("code")
      .execute(),
    db
      .selectFrom("benches")
      .select(["id", "code", "court_id", "is_principal_seat"])
      .where("active", "=", true)
      .orderBy("code")
      .execute(),
    db
      .selectFrom("case_types")
      .select(["id", "code", "abbreviation"])
      .where("active", "=", true)
      .orderBy("code")
      .execute(),
  ]);
  if (courts.length === 0 || types.length === 0 || orgs.length === 0)
    throw new SyntheticRefused("the reference data is missing: run `cams migrate` first");
  return { orgs, courts, benches, types };
}
