import type { Trx } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { addDays } from "../../platform/clock.ts";
import { problems } from "../../platform/errors.ts";
import { insertNotices } from "../notifications/notifications.service.ts";
import { insertTask } from "../tasks/tasks.service.ts";
import { courtCalendar } from "./court-calendar.ts";
import { computeDeadline, proposeRule, ruleByCode } from "./deadlines.compute.ts";
import { closedBecause } from "./limitation.ts";

/**
 * Trigger events (DOMAIN.md §6): a decision announced opens the appeal deadline under its limitation rule and a
 * task "decide whether to appeal" for the case's ministry; an adverse one is reported to the Law Ministry
 * (the Solicitor) at once. A notice received opens the reply deadline the court fixed, with the ministry's
 * para-wise comments and the reply as tasks.
 */
export type TriggerCase = {
  id: string;
  organisation_id: string;
  court_id: string;
  case_type_id: string;
  assigned_officer_id: string | null;
  is_contempt: boolean;
  is_confidential: boolean;
  title: string;
};

/**
 * Who owes a case's task: its ministry — or, for a confidential case, which only the people named on it may
 * see, the user who recorded the event.
 */
const ownerOf = (c: TriggerCase, actor: Actor) =>
  c.is_confidential ? { assigneeUserId: actor.userId } : { assigneeOrganisationId: c.organisation_id };

/** Days before the court's reply date by which the reply should be ready (internal practice, not law). */
const REPLY_MARGIN_DAYS = 3;
/** Days before the reply is due by which the ministry's para-wise comments should reach the law officer. */
const COMMENTS_LEAD_DAYS = 7;
/** With no rule to compute from, the appeal decision is asked for within this many days (internal). */
const UNRULED_DECISION_DAYS = 7;

export async function openAppealDeadline(
  trx: Trx,
  actor: Actor,
  c: TriggerCase,
  decidedOn: string,
  opts: { ruleCode?: string; governmentResult?: string | null; onDuplicate: "refuse" | "skip" },
): Promise<{ deadlineIds: string[]; taskIds: string[] }> {
  const existing = await trx
    .selectFrom("deadlines")
    .select("id")
    .where("case_id", "=", c.id)
    .where("kind", "=", "appeal")
    .where("trigger_on", "=", decidedOn)
    .where("state", "=", "open")
    .executeTakeFirst();
  if (existing) {
    if (opts.onDuplicate === "skip") return { deadlineIds: [], taskIds: [] };
    throw problems.conflict("deadline_exists", "An open appeal deadline from this decision already exists.");
  }
  const rule = opts.ruleCode ? await ruleByCode(trx, opts.ruleCode) : await proposeRule(trx, c);
  const usable = rule && rule.days !== null ? rule : null;
  if (opts.ruleCode && !usable) {
    throw problems.unprocessable(
      "rule_without_period",
      `The rule ${opts.ruleCode} has no period entered yet.`,
      [{ path: "body.ruleCode", message: "has no period entered" }],
    );
  }
  let deadlineId: string | null = null;
  let dueOn = addDays(decidedOn, UNRULED_DECISION_DAYS);
  let legalDueOn: string | null = null;
  if (usable) {
    const computed = await computeDeadline(trx, usable, c.court_id, {
      decidedOn,
      copyAppliedOn: null,
      copyReadyOn: null,
    });
    const row = await trx
      .insertInto("deadlines")
      .values({
        case_id: c.id,
        kind: "appeal",
        title: usable.name_en,
        trigger_on: decidedOn,
        ...computed,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    deadlineId = row.id;
    dueOn = computed.internal_due_on;
    legalDueOn = computed.legal_due_on;
    await recordAudit(trx, actor, {
      action: "deadline.opened",
      entityType: "case",
      entityId: c.id,
      organisationId: c.organisation_id,
      changes: {
        deadlineId,
        kind: "appeal",
        rule: usable.code,
        ruleVersion: usable.version,
        triggerOn: decidedOn,
        legalDueOn,
        internalDueOn: computed.internal_due_on,
      },
    });
  }
  const taskId = await insertTask(trx, actor, {
    caseId: c.id,
    deadlineId,
    kind: "appeal_decision",
    title: "Decide whether to appeal",
    priority: c.is_contempt ? "contempt" : "high",
    ...ownerOf(c, actor),
    dueOn,
    note: usable
      ? ""
      : "No limitation rule with a period is proposed for this court and case type: open the appeal deadline with the rule that applies.",
    organisationId: c.organisation_id,
  });
  if (opts.governmentResult === "against" || opts.governmentResult === "partly") {
    await reportToSolicitor(trx, actor, c, { decidedOn, legalDueOn, result: opts.governmentResult });
  }
  return { deadlineIds: deadlineId ? [deadlineId] : [], taskIds: [taskId] };
}

/** Adverse decisions go to the Solicitor at once (DOMAIN.md §1): a notice to every Law Ministry user. */
async function reportToSolicitor(
  trx: Trx,
  actor: Actor,
  c: TriggerCase,
  facts: { decidedOn: string; legalDueOn: string | null; result: string },
) {
  const lawMinistry = await trx
    .selectFrom("users as u")
    .innerJoin("user_roles as ur", "ur.user_id", "u.id")
    .select("u.id")
    .where("ur.role", "=", "law_ministry")
    .where("u.status", "=", "active")
    // a confidential case is reported only to the Law Ministry users named on it
    .$if(c.is_confidential, (q) =>
      q.where((eb) =>
        eb.exists(
          eb
            .selectFrom("case_access as ca")
            .select("ca.case_id")
            .where("ca.case_id", "=", c.id)
            .whereRef("ca.user_id", "=", "u.id"),
        ),
      ),
    )
    .execute();
  await insertNotices(
    trx,
    lawMinistry.map((u) => ({ user_id: u.id, kind: "adverse_decision", case_id: c.id, params: facts })),
  );
  await recordAudit(trx, actor, {
    action: "case.adverse_decision_reported",
    entityType: "case",
    entityId: c.id,
    organisationId: c.organisation_id,
    changes: { ...facts, notified: lawMinistry.length },
  });
}

/** A notice received: the reply deadline (the court's date) and the tasks leading to it. */
export async function openReplyDeadline(
  trx: Trx,
  actor: Actor,
  c: TriggerCase,
  receivedOn: string,
  replyDueOn: string | undefined,
): Promise<{ deadlineIds: string[]; taskIds: string[] }> {
  const due = replyDueOn ?? (await nextHearingDate(trx, c.id, receivedOn));
  if (!due) {
    throw problems.unprocessable(
      "reply_date_unknown",
      "No hearing is scheduled after the notice: give the date fixed for the reply.",
      [{ path: "body.replyDueOn", message: "is required when no later hearing is scheduled" }],
    );
  }
  if (due <= receivedOn)
    throw problems.validation([
      { path: "body.replyDueOn", message: "must be after the notice was received" },
    ]);
  const calendar = await courtCalendar(trx, c.court_id, receivedOn);
  let internal = addDays(due, -REPLY_MARGIN_DAYS);
  while (closedBecause(internal, calendar, false) && internal > receivedOn) internal = addDays(internal, -1);
  if (internal <= receivedOn) internal = addDays(receivedOn, 1) > due ? due : addDays(receivedOn, 1);
  const steps = [
    {
      code: "fixed_by_court",
      date: due,
      text: `The court fixed ${due} for the reply (notice received ${receivedOn}).`,
    },
    {
      code: "internal",
      date: internal,
      days: REPLY_MARGIN_DAYS,
      text: `Internal due date: ${REPLY_MARGIN_DAYS} day(s) earlier, on a day the court sits: ${internal}.`,
    },
  ];
  const row = await trx
    .insertInto("deadlines")
    .values({
      case_id: c.id,
      kind: "reply",
      title: "Reply to the notice",
      calendar_court_id: c.court_id,
      trigger_on: receivedOn,
      legal_due_on: due,
      internal_due_on: internal,
      derivation: JSON.stringify(steps),
      created_by: actor.userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .updateTable("cases")
    .set({ notice_received_on: receivedOn, updated_at: new Date() })
    .where("id", "=", c.id)
    .where("notice_received_on", "is", null)
    .execute();
  await recordAudit(trx, actor, {
    action: "deadline.opened",
    entityType: "case",
    entityId: c.id,
    organisationId: c.organisation_id,
    changes: {
      deadlineId: row.id,
      kind: "reply",
      triggerOn: receivedOn,
      legalDueOn: due,
      internalDueOn: internal,
    },
  });
  let commentsDue = addDays(internal, -COMMENTS_LEAD_DAYS);
  if (commentsDue <= receivedOn) commentsDue = internal;
  const priority = c.is_contempt ? "contempt" : "normal";
  const comments = await insertTask(trx, actor, {
    caseId: c.id,
    deadlineId: row.id,
    kind: "para_wise_comments",
    title: "Send para-wise comments",
    priority,
    ...ownerOf(c, actor),
    dueOn: commentsDue,
    organisationId: c.organisation_id,
  });
  const reply = await insertTask(trx, actor, {
    caseId: c.id,
    deadlineId: row.id,
    kind: "file_reply",
    title: "File the reply",
    priority,
    ...(c.assigned_officer_id ? { assigneeUserId: c.assigned_officer_id } : ownerOf(c, actor)),
    dueOn: internal,
    organisationId: c.organisation_id,
  });
  return { deadlineIds: [row.id], taskIds: [comments, reply] };
}

async function nextHearingDate(trx: Trx, caseId: string, after: string): Promise<string | null> {
  const row = await trx
    .selectFrom("hearings")
    .select("hearing_date")
    .where("case_id", "=", caseId)
    .where("state", "=", "scheduled")
    .where("hearing_date", ">", after)
    .orderBy("hearing_date")
    .executeTakeFirst();
  return row?.hearing_date ?? null;
}

/**
 * A case marked appealed has had its appeal filed: its open appeal deadlines are met and the decision to
 * appeal is done. A case closed ends whatever was still open on it; one pending again (restored on review or
 * remanded) no longer has a decision to appeal.
 */
export async function settleOnStatus(trx: Trx, actor: Actor, c: TriggerCase, status: string) {
  const plans = {
    appealed: {
      deadline: "met",
      task: "done",
      appealOnly: true,
      note: "The appeal was filed (the case was marked appealed).",
    },
    closed: { deadline: "cancelled", task: "cancelled", appealOnly: false, note: "The case was closed." },
    pending: {
      deadline: "cancelled",
      task: "cancelled",
      appealOnly: true,
      note: "The decision no longer stands (the case is pending again).",
    },
  } as const;
  const plan = plans[status as keyof typeof plans];
  if (!plan) return;
  const { note } = plan;
  const deadlines = await trx
    .updateTable("deadlines")
    .set({
      state: plan.deadline,
      closed_note: note,
      closed_by: actor.userId,
      closed_at: new Date(),
      updated_at: new Date(),
      version: (eb) => eb("version", "+", 1),
    })
    .where("case_id", "=", c.id)
    .where("state", "=", "open")
    .where((eb) => (plan.appealOnly ? eb("kind", "=", "appeal") : eb.val(true)))
    .returning("id")
    .execute();
  const tasks = await trx
    .updateTable("tasks")
    .set({
      state: plan.task,
      note,
      completed_by: actor.userId,
      completed_at: new Date(),
      updated_at: new Date(),
      version: (eb) => eb("version", "+", 1),
    })
    .where("case_id", "=", c.id)
    .where("state", "in", ["open", "in_progress"])
    .where((eb) => (plan.appealOnly ? eb("kind", "=", "appeal_decision") : eb.val(true)))
    .returning("id")
    .execute();
  if (deadlines.length + tasks.length === 0) return;
  await recordAudit(trx, actor, {
    action: "deadline.closed",
    entityType: "case",
    entityId: c.id,
    organisationId: c.organisation_id,
    changes: { because: status, deadlineIds: deadlines.map((d) => d.id), taskIds: tasks.map((t) => t.id) },
  });
}
