import type { z } from "zod";
import type {
  deadlineEventBody,
  deadlinePatchBody,
  deadlinesQuery,
} from "../../../common/schemas/deadlines.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction, type Trx } from "../../db/transaction.ts";
import { updateVersioned } from "../../db/versioned.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { addDays, courtDay } from "../../platform/clock.ts";
import { diffFields } from "../../platform/diff.ts";
import { problems } from "../../platform/errors.ts";
import { loadVisibleCase } from "../cases/cases.service.ts";
import { listTasks } from "../tasks/tasks.service.ts";
import { computeDeadline, followDeadline, ruleByCode } from "./deadlines.compute.ts";
import { deadlineQuery, presentDeadline } from "./deadlines.repo.ts";
import { openAppealDeadline, openReplyDeadline } from "./deadlines.triggers.ts";

/** A case's deadlines, newest trigger first; whoever sees the case sees them. */
export async function caseDeadlines(db: Database, actor: Actor, caseId: string) {
  await loadVisibleCase(db, actor, caseId);
  const rows = await deadlineQuery(db, actor)
    .where("d.case_id", "=", caseId)
    .orderBy("d.state")
    .orderBy("d.internal_due_on")
    .execute();
  const today = courtDay();
  return { items: rows.map((r) => presentDeadline(actor, r, today)) };
}

/** The actor's open deadlines due within N days (overdue included), soonest first. */
export async function upcomingDeadlines(db: Database, actor: Actor, query: z.infer<typeof deadlinesQuery>) {
  const today = courtDay();
  const rows = await deadlineQuery(db, actor)
    .where("d.state", "=", "open")
    .where("d.internal_due_on", "<=", addDays(today, query.withinDays))
    .orderBy("d.internal_due_on")
    .orderBy("d.id")
    .limit(500)
    .execute();
  return { items: rows.map((r) => presentDeadline(actor, r, today)) };
}

/** A trigger event on a case: opens its deadlines and tasks; answers with both. */
export async function recordDeadlineEvent(
  db: Database,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof deadlineEventBody>,
) {
  const created = await inTransaction(db, async (trx) => {
    const { row, abilities } = await loadVisibleCase(trx, actor, caseId);
    if (!abilities.edit) throw problems.forbidden("You may view this case but not record events on it.");
    if (body.date > courtDay())
      throw problems.validation([{ path: "body.date", message: "must not be in the future" }]);
    return body.event === "decision_announced"
      ? openAppealDeadline(trx, actor, row, body.date, {
          ...(body.ruleCode ? { ruleCode: body.ruleCode } : {}),
          governmentResult: row.status === "decided" ? row.government_result : null,
          onDuplicate: "refuse",
        })
      : openReplyDeadline(trx, actor, row, body.date, body.replyDueOn);
  });
  const deadlines = await caseDeadlines(db, actor, caseId);
  const tasks = await listTasks(db, actor, { scope: "case", caseId, state: "all" });
  return {
    deadlines: deadlines.items.filter((d) => created.deadlineIds.includes(d.id)),
    tasks: tasks.items.filter((t) => created.taskIds.includes(t.id)),
  };
}

async function loadDeadline(trx: Trx, actor: Actor, id: string) {
  const row = await deadlineQuery(trx, actor).where("d.id", "=", id).executeTakeFirst();
  if (!row) throw problems.notFound("deadline");
  return row;
}

/** Certified-copy dates and a changed rule recompute the deadline; a state closes it. */
export async function updateDeadline(
  db: Database,
  actor: Actor,
  id: string,
  body: z.infer<typeof deadlinePatchBody>,
) {
  return inTransaction(db, async (trx) => {
    const row = await loadDeadline(trx, actor, id);
    if (!presentDeadline(actor, row).abilities.edit) {
      throw problems.forbidden("You may view this deadline but not change it.");
    }
    if (row.version !== body.version) throw problems.staleVersion(row.version);
    if (row.state !== "open")
      throw problems.conflict("deadline_closed", `This deadline is already ${row.state}.`);
    const recompute = body.copyAppliedOn !== undefined || body.copyReadyOn !== undefined || body.ruleCode;
    if (recompute && row.kind !== "appeal") {
      throw problems.unprocessable(
        "not_a_limitation_deadline",
        "Only an appeal deadline is computed from a rule.",
      );
    }
    const caseRow = await trx
      .selectFrom("cases")
      .select("court_id")
      .where("id", "=", row.case_id)
      .executeTakeFirstOrThrow();
    const dates = {
      decidedOn: row.trigger_on,
      copyAppliedOn: body.copyAppliedOn === undefined ? row.copy_applied_on : body.copyAppliedOn,
      copyReadyOn: body.copyReadyOn === undefined ? row.copy_ready_on : body.copyReadyOn,
    };
    for (const [key, value] of [
      ["copyAppliedOn", dates.copyAppliedOn],
      ["copyReadyOn", dates.copyReadyOn],
    ] as const) {
      if (value && value > courtDay())
        throw problems.validation([{ path: `body.${key}`, message: "must not be in the future" }]);
    }
    const computed = recompute
      ? await computeDeadline(
          trx,
          await ruleByCode(trx, body.ruleCode ?? row.rule_code!),
          caseRow.court_id,
          dates,
        )
      : {};
    const closing = body.state !== undefined;
    const after = {
      ...computed,
      copy_applied_on: dates.copyAppliedOn,
      copy_ready_on: dates.copyReadyOn,
      ...(closing ? { state: body.state, closed_note: body.note ?? "" } : {}),
    };
    await updateVersioned(trx, "deadlines", id, row.version, {
      ...after,
      ...(closing ? { closed_by: actor.userId, closed_at: new Date() } : {}),
    });
    const newDue = "internal_due_on" in computed ? (computed.internal_due_on as string) : row.internal_due_on;
    const moved = newDue !== row.internal_due_on;
    if (moved || closing) await followDeadline(trx, id, moved ? newDue : null, body.state);
    const changes = diffFields(row as Record<string, unknown>, { ...after, derivation: undefined });
    await recordAudit(trx, actor, {
      action: closing ? "deadline.closed" : "deadline.recomputed",
      entityType: "case",
      entityId: row.case_id,
      organisationId: row.organisation_id,
      changes: { deadlineId: id, ...changes },
    });
    return presentDeadline(actor, await loadDeadline(trx, actor, id));
  });
}
