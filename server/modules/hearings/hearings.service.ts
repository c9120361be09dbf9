import type { z } from "zod";
import type {
  cancelHearingBody,
  hearingOutcomeBody,
  rescheduleHearingBody,
  scheduleHearingBody,
} from "../../../common/schemas/hearings.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction, type Trx } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { problems } from "../../platform/errors.ts";
import { loadVisibleCase } from "../cases/cases.service.ts";
import { findHearing, hearingQuery, presentHearing, touchCase } from "./hearings.repo.ts";

/**
 * Hearings of a case (DOMAIN.md §5). Whoever sees the case sees its hearings; whoever may edit the case (its
 * ministry, the Law Ministry, the assigned officer) schedules them and records what happened. A recorded next
 * date creates the next hearing in the same transaction, linked to the one it was fixed at.
 */
export async function listHearings(db: Database, actor: Actor, caseId: string) {
  await loadVisibleCase(db, actor, caseId);
  const rows = await hearingQuery(db)
    .where("h.case_id", "=", caseId)
    .orderBy("h.hearing_date")
    .orderBy("h.hearing_time")
    .orderBy("h.created_at")
    .execute();
  return { items: rows.map(presentHearing) };
}

async function editableCase(trx: Trx, actor: Actor, caseId: string) {
  const { row, abilities } = await loadVisibleCase(trx, actor, caseId);
  if (!abilities.edit) throw problems.forbidden("You may view this case's hearings but not change them.");
  return row;
}

/**
 * A scheduled hearing the actor may change: its case visible (404 otherwise, like an unknown id) and editable
 * (else 403), the version current (else 409), and nothing recorded or cancelled yet (else 409).
 */
async function scheduledHearing(trx: Trx, actor: Actor, id: string, version: number) {
  const hearing = await trx
    .selectFrom("hearings")
    .selectAll()
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!hearing) throw problems.notFound("hearing");
  const c = await loadVisibleCase(trx, actor, hearing.case_id).catch(() => {
    throw problems.notFound("hearing");
  });
  if (!c.abilities.edit) throw problems.forbidden("You may view this case's hearings but not change them.");
  if (hearing.version !== version) throw problems.staleVersion(hearing.version);
  if (hearing.state !== "scheduled") {
    throw problems.conflict("hearing_not_scheduled", `This hearing is already ${hearing.state}.`);
  }
  return { hearing, caseRow: c.row };
}

/** The end of every hearing write: the case marked as touched and the event recorded against it. */
async function recordOnCase(
  trx: Trx,
  actor: Actor,
  action: "hearing.scheduled" | "hearing.recorded" | "hearing.rescheduled" | "hearing.cancelled",
  c: { id: string; organisation_id: string },
  changes: Record<string, unknown>,
) {
  await touchCase(trx, c.id);
  await recordAudit(trx, actor, {
    action,
    entityType: "case",
    entityId: c.id,
    organisationId: c.organisation_id,
    changes,
  });
}

async function benchOf(
  trx: Trx,
  courtId: string,
  benchId: string | null | undefined,
  fallback: string | null,
) {
  if (benchId === undefined) return fallback;
  if (benchId === null) return null;
  const bench = await trx
    .selectFrom("benches")
    .select("id")
    .where("id", "=", benchId)
    .where("court_id", "=", courtId)
    .executeTakeFirst();
  if (!bench)
    throw problems.validation([{ path: "body.benchId", message: "is not a bench of the case's court" }]);
  return bench.id;
}

export async function scheduleHearing(
  db: Database,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof scheduleHearingBody>,
) {
  return inTransaction(db, async (trx) => {
    const c = await editableCase(trx, actor, caseId);
    const benchId = await benchOf(trx, c.court_id, input.benchId, c.bench_id);
    const { id } = await trx
      .insertInto("hearings")
      .values({
        case_id: caseId,
        hearing_date: input.date,
        hearing_time: input.time ?? null,
        serial: input.serial ?? null,
        court_id: c.court_id,
        bench_id: benchId,
        purpose: input.purpose,
        coram: input.coram,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordOnCase(
      trx,
      actor,
      "hearing.scheduled",
      { id: caseId, organisation_id: c.organisation_id },
      {
        hearingId: id,
        date: input.date,
        time: input.time ?? null,
        purpose: input.purpose,
      },
    );
    return presentHearing((await findHearing(trx, id))!);
  });
}

/** Records what happened at a scheduled hearing; a next date creates the next hearing. */
export async function recordOutcome(
  db: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof hearingOutcomeBody>,
) {
  return inTransaction(db, async (trx) => {
    const { hearing, caseRow } = await scheduledHearing(trx, actor, id, input.version);
    if (input.nextDate && input.nextDate <= hearing.hearing_date) {
      throw problems.validation([{ path: "body.nextDate", message: "must be after the hearing's date" }]);
    }
    if (input.orderSheetDocumentId) {
      const doc = await trx
        .selectFrom("documents")
        .select("id")
        .where("id", "=", input.orderSheetDocumentId)
        .where("case_id", "=", hearing.case_id)
        .executeTakeFirst();
      if (!doc) {
        throw problems.validation([
          { path: "body.orderSheetDocumentId", message: "is not a document of this case" },
        ]);
      }
    }
    const adjourned = input.outcome === "adjourned";
    await trx
      .updateTable("hearings")
      .set({
        state: "held",
        outcome: input.outcome,
        coram: input.coram || hearing.coram,
        appeared: input.appeared,
        adjournment_reason: adjourned ? input.adjournmentReason : "",
        adjourned_at_request_of: adjourned ? (input.adjournedAtRequestOf ?? null) : null,
        result: input.outcome === "decided" ? (input.result ?? null) : null,
        notes: input.notes,
        order_sheet_document_id: input.orderSheetDocumentId ?? null,
        recorded_by: actor.userId,
        recorded_at: new Date(),
        updated_at: new Date(),
        version: hearing.version + 1,
      })
      .where("id", "=", id)
      .execute();
    let nextId: string | null = null;
    if (input.nextDate) {
      const next = await trx
        .insertInto("hearings")
        .values({
          case_id: hearing.case_id,
          hearing_date: input.nextDate,
          hearing_time: input.nextTime ?? null,
          court_id: hearing.court_id,
          bench_id: hearing.bench_id,
          purpose: input.nextPurpose,
          previous_hearing_id: id,
          created_by: actor.userId,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      nextId = next.id;
    }
    const onCase = { id: hearing.case_id, organisation_id: caseRow.organisation_id };
    await recordOnCase(trx, actor, "hearing.recorded", onCase, {
      hearingId: id,
      date: hearing.hearing_date,
      outcome: input.outcome,
      ...(adjourned
        ? { adjournmentReason: input.adjournmentReason, attributedTo: input.adjournedAtRequestOf }
        : {}),
      ...(input.outcome === "decided" ? { result: input.result } : {}),
      ...(nextId ? { nextHearingId: nextId, nextDate: input.nextDate } : {}),
    });
    return {
      hearing: presentHearing((await findHearing(trx, id))!),
      next: nextId ? presentHearing((await findHearing(trx, nextId))!) : null,
    };
  });
}

export async function rescheduleHearing(
  db: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof rescheduleHearingBody>,
) {
  return inTransaction(db, async (trx) => {
    const { hearing, caseRow } = await scheduledHearing(trx, actor, id, input.version);
    await trx
      .updateTable("hearings")
      .set({
        hearing_date: input.date,
        hearing_time: input.time === undefined ? hearing.hearing_time : input.time,
        serial: input.serial === undefined ? hearing.serial : input.serial,
        purpose: input.purpose ?? hearing.purpose,
        coram: input.coram ?? hearing.coram,
        updated_at: new Date(),
        version: hearing.version + 1,
      })
      .where("id", "=", id)
      .execute();
    const onCase = { id: hearing.case_id, organisation_id: caseRow.organisation_id };
    await recordOnCase(trx, actor, "hearing.rescheduled", onCase, {
      hearingId: id,
      date: { from: hearing.hearing_date, to: input.date },
    });
    return presentHearing((await findHearing(trx, id))!);
  });
}

export async function cancelHearing(
  db: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof cancelHearingBody>,
) {
  return inTransaction(db, async (trx) => {
    const { hearing, caseRow } = await scheduledHearing(trx, actor, id, input.version);
    await trx
      .updateTable("hearings")
      .set({
        state: "cancelled",
        cancel_reason: input.reason,
        updated_at: new Date(),
        version: hearing.version + 1,
      })
      .where("id", "=", id)
      .execute();
    const onCase = { id: hearing.case_id, organisation_id: caseRow.organisation_id };
    await recordOnCase(trx, actor, "hearing.cancelled", onCase, {
      hearingId: id,
      date: hearing.hearing_date,
      reason: input.reason,
    });
    return presentHearing((await findHearing(trx, id))!);
  });
}
