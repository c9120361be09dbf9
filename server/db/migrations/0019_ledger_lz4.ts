import { type Kysely, sql } from "kysely";

/**
 * A bulk batch's ledger is one JSON value of about 10 MB; compressing it with PostgreSQL's default pglz took
 * 125 ms of a commit, lz4 50 ms for the same size on disk. lz4 needs a server built with it (PostgreSQL 14+
 * from the usual packages is); where it is not (the embedded database), the default stays.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    do $$ begin
      alter table assignment_batches alter column decisions set compression lz4;
      alter table assignment_batches alter column inputs set compression lz4;
    exception when others then
      raise notice 'lz4 is not available: the ledger keeps the default compression';
    end $$;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Restore from backup instead of reverting 0019_ledger_lz4.");
}
