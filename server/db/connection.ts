import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { Kysely, type LogEvent, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { PGliteDialect } from "./pglite-dialect.ts";
import type { DB } from "./types.ts";

export type Database = Kysely<DB>;

export type DatabaseHandle = {
  db: Database;
  kind: "pglite" | "postgres";
  /** For PGlite: the data directory, or "memory". For PostgreSQL: the URL without its password. */
  location: string;
  /** The embedded instance, for parts that speak to it directly (the job queue's adapter). */
  pglite?: PGlite;
  close(): Promise<void>;
};

const PG_TYPE = { INT8: 20, NUMERIC: 1700, DATE: 1082 } as const;

/**
 * Opens the database: a PostgreSQL server when a URL is given, otherwise PGlite in `dataDir`
 * (or in memory when dataDir is "memory", as tests do). Both return the same column types:
 * bigint as number, numeric as string, date as 'YYYY-MM-DD' string, timestamptz as Date.
 */
export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  /** Connections in the pool (PostgreSQL only); 10 unless said. */
  poolSize?: number;
  /** Sees every query run (PostgreSQL only): the load benchmark replays the SQL behind a request. */
  log?: (event: LogEvent) => void;
}): Promise<DatabaseHandle> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10, opts.log);
  return openPGlite(opts.dataDir);
}

function openPostgres(url: string, poolSize: number, log?: (event: LogEvent) => void): DatabaseHandle {
  const types = {
    getTypeParser(oid: number, format?: "text" | "binary") {
      if (oid === PG_TYPE.INT8) return (v: string) => Number(v);
      if (oid === PG_TYPE.DATE) return (v: string) => v;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), ...(log ? { log } : {}) });
  return { db, kind: "postgres", location: redactUrl(url), close: () => db.destroy() };
}

async function openPGlite(dataDir: string): Promise<DatabaseHandle> {
  const inMemory = dataDir === "memory";
  const dir = inMemory ? undefined : path.join(dataDir, "pg");
  if (dir) fs.mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir, {
    extensions: { pg_trgm },
    parsers: { [PG_TYPE.INT8]: (v: string) => Number(v), [PG_TYPE.DATE]: (v: string) => v },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: "pglite",
    location: dir ?? "memory",
    pglite,
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable url)";
  }
}

export async function isDatabaseReady(db: Database): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
