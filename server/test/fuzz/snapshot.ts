import { sql } from "kysely";
import { testApp } from "../harness.ts";

/**
 * What "nothing was written" means to the fuzzer: no committed row inserted, updated or deleted in any table.
 * A row-level trigger on every table of the fuzzer's own test database counts the rows per table and operation
 * in `fuzz_writes` (a statement that matches no row counts nothing); the counter is written in the same
 * transaction as the change, so a rolled-back request leaves it as it was, and a snapshot is one read of a few
 * rows (counting every table's rows after each request cost ~50 ms on PGlite). Some refusals write by design,
 * and only those writes are allowed:
 *   - every authenticated request touches its session (last seen);
 *   - a failed proof of identity (password, current password, second factor) is counted towards the lockout
 *     and audited, and the lock ends the account's sessions;
 *   - signing in discards the session the request came with, whatever the outcome (no planted session lives on).
 */
export type Snapshot = Map<string, number>;

const ALWAYS_ALLOWED = new Set(["sessions:UPDATE"]);
const FAILED_PROOF = new Set([
  "invalid_credentials",
  "current_password_wrong",
  "invalid_second_factor",
  "account_locked",
  "account_disabled",
]);
const FAILED_PROOF_WRITES = new Set(["users:UPDATE", "audit_events:INSERT", "sessions:DELETE"]);
/** Installs the counting triggers (test databases only: the fuzzer's worker owns its database). */
export async function installWriteCounter(): Promise<void> {
  const { handle } = await testApp();
  await sql`create table if not exists fuzz_writes (what text primary key, n bigint not null)`.execute(
    handle.db,
  );
  await sql`
    create or replace function fuzz_count_write() returns trigger language plpgsql as $$
    begin
      insert into fuzz_writes values (tg_table_name || ':' || tg_op, 1)
        on conflict (what) do update set n = fuzz_writes.n + 1;
      return null;
    end $$`.execute(handle.db);
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'fuzz_writes'`.execute(
    handle.db,
  );
  for (const { name } of tables.rows) {
    await sql`${sql.raw(`drop trigger if exists fuzz_count_write on "${name}"`)}`.execute(handle.db);
    await sql`${sql.raw(
      `create trigger fuzz_count_write after insert or update or delete on "${name}" for each row execute function fuzz_count_write()`,
    )}`.execute(handle.db);
  }
}

export async function snapshot(): Promise<Snapshot> {
  const { handle } = await testApp();
  const rows = await sql<{ what: string; n: number }>`select what, n::int as n from fuzz_writes`.execute(
    handle.db,
  );
  return new Map(rows.rows.map((r) => [r.what, r.n]));
}

/** The tables and operations written between two snapshots, less the writes a refusal makes by design. */
export function writesBetween(before: Snapshot, after: Snapshot, url: string, code: string): string[] {
  const allowed = (what: string) =>
    ALWAYS_ALLOWED.has(what) ||
    (FAILED_PROOF.has(code) && FAILED_PROOF_WRITES.has(what)) ||
    (url.startsWith("/api/v1/auth/login") && what === "sessions:DELETE");
  const changed: string[] = [];
  for (const [what, n] of after) {
    const was = before.get(what) ?? 0;
    if (n !== was && !allowed(what)) changed.push(`${what} ×${n - was}`);
  }
  return changed;
}
