import { type ExpressionBuilder, sql } from "kysely";
import type { Database } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { DB } from "../../db/types.ts";
import { type Actor, hasRole } from "../../platform/actor.ts";
import { courtDay } from "../../platform/clock.ts";
import type { CaseFilters } from "../cases/cases.search.ts";
import { CENSUS, measureQueries } from "./dashboard.measures.ts";

/**
 * The pre-counted figures (migration 0023): counted by a background job every few minutes, read by the
 * dashboards of readers whose scope the count's dimensions express. Counting happens in one transaction, so a
 * reader sees the whole previous count or the whole new one, never half of each.
 */
const FIGURES_LOCK = 6_023_001;

export type FiguresCount = { countedAt: Date; courtDay: string; tookMs: number; rows: number };

/** Counts every non-confidential case into case_figures, replacing the previous count. */
export async function countCaseFigures(db: Database, today = courtDay()): Promise<FiguresCount> {
  const asked = new Date();
  return inTransaction(db, async (trx) => {
    await sql`select pg_advisory_xact_lock(${FIGURES_LOCK})`.execute(trx);
    // another process counted while this one waited for the lock: its count is as fresh as this one's
    const done = await trx.selectFrom("case_figures_count").selectAll().executeTakeFirst();
    if (done && done.counted_at >= asked && done.court_day === today) return present(done);

    const t0 = performance.now();
    await trx.deleteFrom("case_figures").execute();
    let rows = 0;
    for (const query of measureQueries(trx, CENSUS, today)) {
      const result = await trx
        .insertInto("case_figures")
        .columns(["measure", "key", "organisation_id", "office_id", "court_id", "cases", "won", "amount"])
        .expression(query as never)
        .executeTakeFirst();
      rows += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    const count = {
      counted_at: new Date(),
      court_day: today,
      took_ms: Math.round(performance.now() - t0),
      rows,
    };
    await trx
      .insertInto("case_figures_count")
      .values({ only_row: true, ...count })
      .onConflict((oc) => oc.column("only_row").doUpdateSet(count))
      .execute();
    return present(count);
  });
}

/** The current count, made first if there is none for today's courts' day (once a day at most). */
export async function currentCount(db: Database, today: string): Promise<FiguresCount> {
  const row = await db.selectFrom("case_figures_count").selectAll().executeTakeFirst();
  if (row && row.court_day === today) return present(row);
  return countCaseFigures(db, today);
}

function present(r: { counted_at: Date; court_day: string; took_ms: number; rows: number }): FiguresCount {
  return { countedAt: r.counted_at, courtDay: r.court_day, tookMs: r.took_ms, rows: r.rows };
}

type FigureEB = ExpressionBuilder<DB & { f: DB["case_figures"] }, "f">;
type FigureFilter = (eb: FigureEB) => ReturnType<FigureEB["and"]>;

/**
 * The reader's scope over pre-counted rows, mirroring caseScope's non-confidential part (cases.policy.ts), or
 * null when it cannot be expressed on the count's dimensions — a law officer's own cases are not among them —
 * and the reader's figures are counted live instead.
 */
export function figureScope(actor: Actor): FigureFilter | null {
  if (hasRole(actor, "law_ministry", "executive_viewer")) return (eb) => eb.and([]);
  if (hasRole(actor, "law_officer")) return null;
  const ministry = hasRole(actor, "focal_person", "nodal_officer");
  const office = hasRole(actor, "assigning_officer");
  if (!ministry && !office) return null;
  return (eb) =>
    eb.or([
      ...(ministry ? [eb("f.organisation_id", "=", actor.organisationId)] : []),
      ...(office ? [eb("f.office_id", "is", null), eb("f.office_id", "=", actor.organisationId)] : []),
    ]);
}

/** The confidential cases the reader may see (named on, or assigned): few, and found by a partial index. */
export async function confidentialIdsOf(db: Database, actor: Actor): Promise<string[]> {
  const rows = await db
    .selectFrom("cases as c")
    .select("c.id")
    .where("c.is_confidential", "=", true)
    .where((eb) =>
      eb.or([
        eb("c.assigned_officer_id", "=", actor.userId),
        eb(
          "c.id",
          "=",
          sql<string>`any(array(select ca.case_id from case_access ca where ca.user_id = ${actor.userId}))`,
        ),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}

export type StoredFigures = {
  pendingByOrganisation: { organisation_id: string; cases: string; amount: string }[];
  pendingByCourtAge: { court_id: string | null; key: string; cases: string }[];
  byKey: { measure: string; key: string; cases: string; won: string }[];
  reasons: { key: string; cases: string }[];
  workload: { key: string; cases: string }[];
};

/**
 * The pre-counted rows in the reader's scope, summed. Reasons and workload are ranked lists: besides the top
 * ones, the keys the live count found are read too, so adding the live counts cannot leave out a key that
 * belongs in the top.
 */
export async function readStoredFigures(
  db: Database,
  scope: FigureFilter,
  base: CaseFilters,
  live: { reasons: string[]; officers: string[] },
): Promise<StoredFigures> {
  const rows = (...measures: string[]) =>
    db
      .selectFrom("case_figures as f")
      .where("f.measure", "in", measures)
      .where(scope)
      .$if(!!base.organisationId, (q) => q.where("f.organisation_id", "=", base.organisationId ?? ""))
      .$if(!!base.officeId, (q) => q.where("f.office_id", "=", base.officeId ?? ""));
  const total = sql<string>`sum(f.cases)::text`.as("cases");
  const ranked = (measure: string, top: number, liveKeys: string[]) =>
    rows(measure)
      .select(["f.key", total])
      .groupBy("f.key")
      .orderBy(sql`f.key = any(${liveKeys}::text[])`, "desc")
      .orderBy(sql`sum(f.cases)`, "desc")
      .orderBy("f.key")
      .limit(top + liveKeys.length)
      .execute();
  const others = [
    "disposed",
    "hearing",
    "hearingWeek",
    "overdueTask",
    "overdueDeadline",
    "timeBarred",
    "stale",
    "adjournedBy",
  ];
  const [pendingByOrganisation, pendingByCourtAge, byKey, reasons, workload] = await Promise.all([
    rows("pending")
      .select(["f.organisation_id", total, sql<string>`sum(f.amount)::text`.as("amount")])
      .groupBy("f.organisation_id")
      .execute(),
    rows("pending").select(["f.court_id", "f.key", total]).groupBy(["f.court_id", "f.key"]).execute(),
    rows(...others)
      .select(["f.measure", "f.key", total, sql<string>`sum(f.won)::text`.as("won")])
      .groupBy(["f.measure", "f.key"])
      .execute(),
    ranked("adjournmentReason", 10, live.reasons),
    ranked("workload", 20, live.officers),
  ]);
  return { pendingByOrganisation, pendingByCourtAge, byKey, reasons, workload };
}
