import type { HearingDto } from "../../../common/schemas/hearings.ts";
import type { Database } from "../../db/connection.ts";
import type { Trx } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { caseScope } from "../cases/cases.policy.ts";

type Q = Database | Trx;

/** Hearings with their court, bench, order sheet, recorder and the hearing fixed at each, ready to present. */
export function hearingQuery(q: Q) {
  return q
    .selectFrom("hearings as h")
    .innerJoin("courts as ct", "ct.id", "h.court_id")
    .leftJoin("benches as b", "b.id", "h.bench_id")
    .leftJoin("documents as d", "d.id", "h.order_sheet_document_id")
    .leftJoin("users as ru", "ru.id", "h.recorded_by")
    .leftJoin("hearings as nx", "nx.previous_hearing_id", "h.id")
    .select([
      "h.id",
      "h.case_id",
      "h.hearing_date",
      "h.hearing_time",
      "h.serial",
      "h.purpose",
      "h.coram",
      "h.state",
      "h.outcome",
      "h.appeared",
      "h.adjournment_reason",
      "h.adjourned_at_request_of",
      "h.result",
      "h.notes",
      "h.cancel_reason",
      "h.previous_hearing_id",
      "h.order_sheet_document_id",
      "h.recorded_by",
      "h.recorded_at",
      "h.version",
      "ct.id as court_id",
      "ct.code as court_code",
      "ct.name_en as court_name_en",
      "ct.name_ur as court_name_ur",
      "b.id as bench_id",
      "b.code as bench_code",
      "b.name_en as bench_name_en",
      "b.name_ur as bench_name_ur",
      "d.title as order_sheet_title",
      "d.current_version as order_sheet_version",
      "ru.full_name as recorded_by_name",
      "nx.id as next_hearing_id",
    ]);
}

/**
 * Hearings, not cancelled, of the cases the actor may see between two dates (`to` excluded), with their case's
 * number, title and law officer — what cause lists and calendar feeds show.
 */
export function listedHearingsQuery(q: Q, actor: Actor, from: string, to: string) {
  return (
    hearingQuery(q)
      .innerJoin("cases as c", "c.id", "h.case_id")
      .innerJoin("case_types as t", "t.id", "c.case_type_id")
      .leftJoin("users as ou", "ou.id", "c.assigned_officer_id")
      .select([
        "c.title as case_title",
        "c.number",
        "c.number_suffix",
        "c.year",
        "t.abbreviation as type_abbreviation",
        "c.assigned_officer_id",
        "ou.full_name as officer_name",
        "h.updated_at",
      ])
      // the scope on the joined case itself: a semi-join against every visible case cost ~150 ms at 200,000
      .where((eb) => caseScope(actor)(eb as never))
      .where("h.state", "!=", "cancelled")
      .where("h.hearing_date", ">=", from)
      .where("h.hearing_date", "<", to)
  );
}

export type HearingRow = Awaited<ReturnType<ReturnType<typeof hearingQuery>["executeTakeFirstOrThrow"]>>;

export function presentHearing(r: HearingRow): HearingDto {
  return {
    id: r.id,
    caseId: r.case_id,
    date: r.hearing_date,
    time: r.hearing_time,
    serial: r.serial,
    court: { id: r.court_id, code: r.court_code, nameEn: r.court_name_en, nameUr: r.court_name_ur },
    bench: r.bench_id
      ? { id: r.bench_id, code: r.bench_code!, nameEn: r.bench_name_en!, nameUr: r.bench_name_ur! }
      : null,
    purpose: r.purpose,
    coram: r.coram,
    state: r.state as HearingDto["state"],
    outcome: r.outcome as HearingDto["outcome"],
    appeared: r.appeared,
    adjournmentReason: r.adjournment_reason,
    adjournedAtRequestOf: r.adjourned_at_request_of as HearingDto["adjournedAtRequestOf"],
    result: r.result as HearingDto["result"],
    notes: r.notes,
    cancelReason: r.cancel_reason,
    previousHearingId: r.previous_hearing_id,
    nextHearingId: r.next_hearing_id,
    orderSheet: r.order_sheet_document_id
      ? {
          documentId: r.order_sheet_document_id,
          title: r.order_sheet_title ?? "",
          version: r.order_sheet_version ?? 1,
        }
      : null,
    recordedBy: r.recorded_by ? { id: r.recorded_by, fullName: r.recorded_by_name ?? "" } : null,
    recordedAt: r.recorded_at?.toISOString() ?? null,
    version: r.version,
  };
}

export async function findHearing(q: Q, id: string) {
  return hearingQuery(q).where("h.id", "=", id).executeTakeFirst();
}

/** Marks the case as touched (stale-case detection and "recently updated" lists count hearings). */
export async function touchCase(q: Q, caseId: string) {
  await q.updateTable("cases").set({ updated_at: new Date() }).where("id", "=", caseId).execute();
}
