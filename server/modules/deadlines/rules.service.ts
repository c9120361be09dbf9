import type { z } from "zod";
import type {
  closureBody,
  courtCalendarQuery,
  limitationRulePatchBody,
  weekendBody,
} from "../../../common/schemas/deadlines.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction, isUniqueViolation, type Trx } from "../../db/transaction.ts";
import { type Actor, hasRole } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { diffFields } from "../../platform/diff.ts";
import { problems } from "../../platform/errors.ts";
import { recomputeOpenDeadlines } from "./deadlines.compute.ts";

/**
 * Administration of the limitation rules and the courts' calendars. Every edit is audited, and the open
 * deadlines it can move are recomputed in the same transaction, so a corrected period or a newly notified
 * holiday reaches the running deadlines at once (the audit event says how many moved).
 */
function assertAdmin(actor: Actor) {
  if (!hasRole(actor, "administrator"))
    throw problems.forbidden("Only administrators edit limitation rules and calendars.");
}

const presentRule = (r: Awaited<ReturnType<typeof rulesQuery>>[number]) => ({
  code: r.code,
  nameEn: r.name_en,
  nameUr: r.name_ur,
  days: r.days,
  certifiedCopyExcluded: r.certified_copy_excluded,
  marginDays: r.margin_days,
  filedIn: r.filed_in,
  appliesWhen: {
    ...((r.applies_when as { court_levels?: string[] }).court_levels
      ? { courtLevels: (r.applies_when as { court_levels: string[] }).court_levels }
      : {}),
    ...((r.applies_when as { case_types?: string[] }).case_types
      ? { caseTypes: (r.applies_when as { case_types: string[] }).case_types }
      : {}),
  },
  source: r.source,
  status: r.status,
  version: r.version,
  updatedAt: new Date(r.updated_at).toISOString(),
});

const rulesQuery = (q: Database | Trx) =>
  q.selectFrom("limitation_rules").selectAll().orderBy("code").execute();

export async function listRules(db: Database) {
  return { items: (await rulesQuery(db)).map(presentRule) };
}

export async function updateRule(
  db: Database,
  actor: Actor,
  code: string,
  body: z.infer<typeof limitationRulePatchBody>,
) {
  assertAdmin(actor);
  return inTransaction(db, async (trx) => {
    const before = await trx
      .selectFrom("limitation_rules")
      .selectAll()
      .where("code", "=", code)
      .forUpdate() // concurrent edits queue here, so the version check below cannot be raced
      .executeTakeFirst();
    if (!before) throw problems.notFound("limitation rule");
    if (before.version !== body.version) throw problems.staleVersion(before.version);
    const after = {
      days: body.days === undefined ? before.days : body.days,
      certified_copy_excluded: body.certifiedCopyExcluded ?? before.certified_copy_excluded,
      margin_days: body.marginDays ?? before.margin_days,
      source: body.source ?? before.source,
      status: body.status ?? before.status,
    };
    if (after.days === null) {
      const open = await trx
        .selectFrom("deadlines")
        .select("id")
        .where("rule_code", "=", code)
        .where("state", "=", "open")
        .executeTakeFirst();
      if (open) {
        throw problems.unprocessable(
          "rule_in_use",
          "Open deadlines run under this rule: it must keep a period.",
          [{ path: "body.days", message: "cannot be removed while deadlines run under the rule" }],
        );
      }
    }
    await trx
      .updateTable("limitation_rules")
      .set({ ...after, version: before.version + 1, updated_by: actor.userId, updated_at: new Date() })
      .where("code", "=", code)
      .execute();
    const moved = await recomputeOpenDeadlines(trx, actor, { ruleCode: code });
    await recordAudit(trx, actor, {
      action: "limitation_rule.updated",
      entityType: "limitation_rule",
      entityId: null,
      changes: { code, ...diffFields(before, after), deadlinesMoved: moved },
    });
    const rows = await rulesQuery(trx);
    return presentRule(rows.find((r) => r.code === code)!);
  });
}

const courtRef = (r: { court_id: string | null; court_code: string | null; court_name: string | null }) =>
  r.court_id ? { id: r.court_id, code: r.court_code!, nameEn: r.court_name! } : null;

export async function courtCalendarView(db: Database | Trx, query: z.infer<typeof courtCalendarQuery>) {
  let weekends = db
    .selectFrom("court_weekends as w")
    .leftJoin("courts as ct", "ct.id", "w.court_id")
    .select([
      "w.id",
      "w.court_id",
      "w.days",
      "w.source",
      "w.status",
      "w.version",
      "ct.code as court_code",
      "ct.name_en as court_name",
    ]);
  let closures = db
    .selectFrom("court_closures as k")
    .leftJoin("courts as ct", "ct.id", "k.court_id")
    .select([
      "k.id",
      "k.court_id",
      "k.starts_on",
      "k.ends_on",
      "k.name_en",
      "k.name_ur",
      "k.kind",
      "k.source",
      "k.status",
      "k.version",
      "ct.code as court_code",
      "ct.name_en as court_name",
    ]);
  if (query.courtId) {
    const id = query.courtId;
    weekends = weekends.where((eb) => eb.or([eb("w.court_id", "=", id), eb("w.court_id", "is", null)]));
    closures = closures.where((eb) => eb.or([eb("k.court_id", "=", id), eb("k.court_id", "is", null)]));
  }
  if (query.year) {
    closures = closures
      .where("k.ends_on", ">=", `${query.year}-01-01`)
      .where("k.starts_on", "<=", `${query.year}-12-31`);
  }
  const [w, k] = await Promise.all([
    weekends.orderBy("ct.code", (ob) => ob.nullsFirst()).execute(),
    closures
      .orderBy("k.starts_on")
      .orderBy("ct.code", (ob) => ob.nullsFirst())
      .execute(),
  ]);
  return {
    weekends: w.map((r) => ({
      id: r.id,
      court: courtRef(r),
      days: r.days,
      source: r.source,
      status: r.status,
      version: r.version,
    })),
    closures: k.map((r) => ({
      id: r.id,
      court: courtRef(r),
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      nameEn: r.name_en,
      nameUr: r.name_ur,
      kind: r.kind,
      source: r.source,
      status: r.status,
      version: r.version,
    })),
  };
}

async function assertCourt(trx: Trx, courtId: string | null) {
  if (!courtId) return;
  const court = await trx.selectFrom("courts").select("id").where("id", "=", courtId).executeTakeFirst();
  if (!court) throw problems.validation([{ path: "body.courtId", message: "is not a court" }]);
}

async function presentClosure(trx: Trx, id: string) {
  const { closures } = await courtCalendarView(trx, {});
  return closures.find((c) => c.id === id)!;
}

type ClosureInput = z.infer<typeof closureBody>;
const closureColumns = (b: ClosureInput) => ({
  court_id: b.courtId,
  starts_on: b.startsOn,
  ends_on: b.endsOn,
  name_en: b.nameEn,
  name_ur: b.nameUr,
  kind: b.kind,
  source: b.source,
  status: b.status,
});

/** Writes a closure, recomputes what it can move, audits; a duplicate (court, first day, name) is 409. */
async function saveClosure(
  trx: Trx,
  actor: Actor,
  action: "court_calendar.closure_added" | "court_calendar.closure_changed",
  write: () => Promise<string>,
  span: { from: string; to: string },
  changes: Record<string, unknown>,
) {
  let id: string;
  try {
    id = await write();
  } catch (e) {
    if (isUniqueViolation(e))
      throw problems.conflict(
        "closure_exists",
        "This court already has a closure of that name starting that day.",
      );
    throw e;
  }
  const moved = await recomputeOpenDeadlines(trx, actor, { affectedFrom: span.from, affectedTo: span.to });
  await recordAudit(trx, actor, {
    action,
    entityType: "court_closure",
    entityId: id,
    changes: { ...changes, deadlinesMoved: moved },
  });
  return presentClosure(trx, id);
}

export async function addClosure(db: Database, actor: Actor, body: ClosureInput) {
  assertAdmin(actor);
  return inTransaction(db, async (trx) => {
    await assertCourt(trx, body.courtId);
    const write = async () =>
      (
        await trx
          .insertInto("court_closures")
          .values(closureColumns(body))
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    return saveClosure(
      trx,
      actor,
      "court_calendar.closure_added",
      write,
      { from: body.startsOn, to: body.endsOn },
      { ...body },
    );
  });
}

async function loadClosure(trx: Trx, id: string, version: number) {
  const row = await trx
    .selectFrom("court_closures")
    .selectAll()
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw problems.notFound("closure");
  if (row.version !== version) throw problems.staleVersion(row.version);
  return row;
}

export async function changeClosure(
  db: Database,
  actor: Actor,
  id: string,
  body: ClosureInput & { version: number },
) {
  assertAdmin(actor);
  return inTransaction(db, async (trx) => {
    const before = await loadClosure(trx, id, body.version);
    await assertCourt(trx, body.courtId);
    const after = closureColumns(body);
    const write = async () => {
      await trx
        .updateTable("court_closures")
        .set({ ...after, version: before.version + 1, updated_at: new Date() })
        .where("id", "=", id)
        .execute();
      const rekeyed =
        before.court_id !== after.court_id ||
        before.starts_on !== after.starts_on ||
        before.name_en !== after.name_en;
      if (rekeyed) await rememberRemoval(trx, before);
      return id;
    };
    const span = {
      from: [before.starts_on, body.startsOn].sort()[0]!,
      to: [before.ends_on, body.endsOn].sort()[1]!,
    };
    return saveClosure(trx, actor, "court_calendar.closure_changed", write, span, diffFields(before, after));
  });
}

export async function deleteClosure(db: Database, actor: Actor, id: string, version: number) {
  assertAdmin(actor);
  await inTransaction(db, async (trx) => {
    const before = await loadClosure(trx, id, version);
    await trx.deleteFrom("court_closures").where("id", "=", id).execute();
    await rememberRemoval(trx, before);
    const moved = await recomputeOpenDeadlines(trx, actor, {
      affectedFrom: before.starts_on,
      affectedTo: before.ends_on,
    });
    await recordAudit(trx, actor, {
      action: "court_calendar.closure_removed",
      entityType: "court_closure",
      entityId: id,
      changes: { ...before, deadlinesMoved: moved },
    });
  });
}

export async function setWeekend(db: Database, actor: Actor, body: z.infer<typeof weekendBody>) {
  assertAdmin(actor);
  return inTransaction(db, async (trx) => {
    await assertCourt(trx, body.courtId);
    const before = await trx
      .selectFrom("court_weekends")
      .selectAll()
      .where((eb) => (body.courtId ? eb("court_id", "=", body.courtId) : eb("court_id", "is", null)))
      .forUpdate()
      .executeTakeFirst();
    if (before && before.version !== body.version) throw problems.staleVersion(before.version);
    const after = {
      court_id: body.courtId,
      days: [...body.days].sort(),
      source: body.source,
      status: body.status,
    };
    const id = before
      ? (
          await trx
            .updateTable("court_weekends")
            .set({ ...after, version: before.version + 1, updated_at: new Date() })
            .where("id", "=", before.id)
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id
      : await insertWeekend(trx, after);
    // A court's own weekend moves its deadlines; the one for every court can move any.
    const moved = await recomputeOpenDeadlines(trx, actor, { calendarCourtId: body.courtId });
    await recordAudit(trx, actor, {
      action: "court_calendar.weekend_changed",
      entityType: "court_weekend",
      entityId: id,
      changes: { ...diffFields(before ?? {}, after), deadlinesMoved: moved },
    });
    const { weekends } = await courtCalendarView(trx, {});
    return weekends.find((w) => w.id === id)!;
  });
}

/** A court's first weekend entry; a concurrent first one for the same court is a conflict, not a 500. */
async function insertWeekend(
  trx: Trx,
  row: { court_id: string | null; days: number[]; source: string; status: "V" | "S" | "U" },
) {
  try {
    return (await trx.insertInto("court_weekends").values(row).returning("id").executeTakeFirstOrThrow()).id;
  } catch (e) {
    if (isUniqueViolation(e))
      throw problems.conflict("weekend_exists", "This court's weekend was just set by someone else; reload.");
    throw e;
  }
}

/** A removed or re-keyed closure is remembered, so the reference file does not bring it back at the next start. */
async function rememberRemoval(trx: Trx, c: { court_id: string | null; starts_on: string; name_en: string }) {
  await trx
    .insertInto("court_closure_removals")
    .values({ court_id: c.court_id, starts_on: c.starts_on, name_en: c.name_en })
    .onConflict((oc) => oc.columns(["court_id", "starts_on", "name_en"]).doNothing())
    .execute();
}
