import type { z } from "zod";
import type { SavedFilter, savedFilterCreate, savedFilterUpdate } from "../../../common/schemas/reports.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction, isUniqueViolation, type Trx } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { type AuditAction, recordAudit } from "../../platform/audit.ts";
import { problems } from "../../platform/errors.ts";

/**
 * A user's own saved case-list filters and their weekly report subscriptions. Filters are private to their
 * owner: another user's id is 404, as if it did not exist. The saved query is only a filter — running it (here
 * in the weekly job, or in the browser) always goes through the case list and its scope.
 */
type Row = {
  id: string;
  name: string;
  query: unknown;
  version: number;
  created_at: Date;
  updated_at: Date;
  weekday: number | null;
  last_sent_on: string | null;
};

const present = (r: Row): SavedFilter => ({
  id: r.id,
  name: r.name,
  list: "cases",
  // jsonb arrives parsed from pg and PGlite alike; a string would be a driver configured otherwise
  query: (typeof r.query === "string" ? JSON.parse(r.query) : r.query) as Record<string, unknown>,
  version: r.version,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  subscription: r.weekday === null ? null : { weekday: r.weekday, lastSentOn: r.last_sent_on },
});

function filters(db: Database | Trx, userId: string) {
  return db
    .selectFrom("saved_filters as f")
    .leftJoin("report_subscriptions as s", "s.saved_filter_id", "f.id")
    .select([
      "f.id",
      "f.name",
      "f.query",
      "f.version",
      "f.created_at",
      "f.updated_at",
      "s.weekday",
      "s.last_sent_on",
    ])
    .where("f.user_id", "=", userId);
}

/** The actor's own filter, locked for the write; anyone else's is 404 like an unknown id. */
async function loadOwn(trx: Trx, actor: Actor, id: string): Promise<Row> {
  const row = await filters(trx, actor.userId).where("f.id", "=", id).forUpdate("f").executeTakeFirst();
  if (!row) throw problems.notFound("saved filter");
  return row;
}

const nameTaken = () => problems.conflict("name_taken", "You already have a saved filter with this name.");

const audit = (trx: Trx, actor: Actor, action: AuditAction, id: string, changes: Record<string, unknown>) =>
  recordAudit(trx, actor, {
    action,
    entityType: "saved_filter",
    entityId: id,
    organisationId: actor.organisationId,
    changes,
  });

export async function listSavedFilters(db: Database, actor: Actor) {
  const rows = await filters(db, actor.userId).orderBy("f.name").execute();
  return { items: rows.map(present) };
}

export async function createSavedFilter(
  db: Database,
  actor: Actor,
  input: z.infer<typeof savedFilterCreate>,
) {
  try {
    return await inTransaction(db, async (trx) => {
      const { id } = await trx
        .insertInto("saved_filters")
        .values({ user_id: actor.userId, name: input.name, query: JSON.stringify(input.query) })
        .returning("id")
        .executeTakeFirstOrThrow();
      await audit(trx, actor, "saved_filter.created", id, { name: input.name, query: input.query });
      return present(await loadOwn(trx, actor, id));
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

export async function updateSavedFilter(
  db: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof savedFilterUpdate>,
) {
  try {
    return await inTransaction(db, async (trx) => {
      const before = await loadOwn(trx, actor, id);
      if (before.version !== input.version) throw problems.staleVersion(before.version);
      await trx
        .updateTable("saved_filters")
        .set({
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.query !== undefined ? { query: JSON.stringify(input.query) } : {}),
          version: before.version + 1,
          updated_at: new Date(),
        })
        .where("id", "=", id)
        .execute();
      await audit(trx, actor, "saved_filter.updated", id, {
        ...(input.name !== undefined && input.name !== before.name
          ? { name: { from: before.name, to: input.name } }
          : {}),
        ...(input.query !== undefined ? { query: input.query } : {}),
      });
      return present(await loadOwn(trx, actor, id));
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

export async function deleteSavedFilter(db: Database, actor: Actor, id: string, version: number) {
  await inTransaction(db, async (trx) => {
    const before = await loadOwn(trx, actor, id);
    if (before.version !== version) throw problems.staleVersion(before.version);
    // the subscription goes with it (on delete cascade)
    await trx.deleteFrom("saved_filters").where("id", "=", id).execute();
    await audit(trx, actor, "saved_filter.deleted", id, { name: before.name });
  });
}

/** Subscribes the owner to a weekly email of the filter on a weekday; a second call moves it to another day. */
export async function subscribe(db: Database, actor: Actor, id: string, weekday: number) {
  return inTransaction(db, async (trx) => {
    await loadOwn(trx, actor, id);
    await trx
      .insertInto("report_subscriptions")
      .values({ user_id: actor.userId, saved_filter_id: id, weekday })
      .onConflict((oc) => oc.column("saved_filter_id").doUpdateSet({ weekday }))
      .execute();
    await audit(trx, actor, "report_subscription.saved", id, { weekday });
    return present(await loadOwn(trx, actor, id));
  });
}

export async function unsubscribe(db: Database, actor: Actor, id: string) {
  await inTransaction(db, async (trx) => {
    const before = await loadOwn(trx, actor, id);
    if (before.weekday === null) return;
    await trx.deleteFrom("report_subscriptions").where("saved_filter_id", "=", id).execute();
    await audit(trx, actor, "report_subscription.deleted", id, { weekday: before.weekday });
  });
}
