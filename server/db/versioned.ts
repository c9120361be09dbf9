import type { Updateable } from "kysely";
import { problems } from "../platform/errors.ts";
import type { Trx } from "./transaction.ts";
import type { DB } from "./types.ts";

/** Tables whose rows carry `id`, `version` and `updated_at` and are edited under optimistic concurrency. */
type Versioned = "cases" | "tasks" | "deadlines" | "mla_requests";

/**
 * Writes `set` to the row only if it still has the version the writer read, bumping the version and
 * `updated_at`. Another writer who got in between wins: this one gets 409 with the row's current version.
 */
export async function updateVersioned<T extends Versioned>(
  trx: Trx,
  table: T,
  id: string,
  expected: number,
  set: Updateable<DB[T]>,
): Promise<void> {
  // One table at a time for Kysely's types; the columns used here exist on every Versioned table.
  const t = table as "tasks";
  const written = await trx
    .updateTable(t)
    .set({ ...(set as Updateable<DB["tasks"]>), version: expected + 1, updated_at: new Date() })
    .where("id", "=", id)
    .where("version", "=", expected)
    .executeTakeFirst();
  if (Number(written.numUpdatedRows) === 1) return;
  const current = await trx.selectFrom(t).select("version").where("id", "=", id).executeTakeFirst();
  throw problems.staleVersion(current?.version ?? expected + 1);
}
