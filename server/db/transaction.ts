import type { Transaction } from "kysely";
import type { Database } from "./connection.ts";
import type { DB } from "./types.ts";

export type Trx = Transaction<DB>;

/** Runs `work` in one transaction: its writes and their audit events commit together or not at all. */
export function inTransaction<T>(db: Database, work: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}

/** Postgres unique-violation, so services can turn a lost race into a 409 instead of a 500. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string } | null;
  return e?.code === "23505" && (constraint === undefined || e.constraint === constraint);
}
