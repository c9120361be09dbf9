import type { Updateable } from "kysely";
import type { z } from "zod";
import { canTransition } from "../../../common/case-status.ts";
import type { caseAssignmentBody, caseLinkBody, caseStatusBody } from "../../../common/schemas/cases.ts";
import type { Database } from "../../db/connection.ts";
import { containsPattern } from "../../db/like.ts";
import { inTransaction, isUniqueViolation, type Trx } from "../../db/transaction.ts";
import type { DB } from "../../db/types.ts";
import { updateVersioned } from "../../db/versioned.ts";
import { type Actor, hasRole } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { diffFields } from "../../platform/diff.ts";
import { type FieldError, problems } from "../../platform/errors.ts";
import { commitManualAssignment } from "../assignment/assignment.manual.ts";
import { openAppealDeadline, settleOnStatus } from "../deadlines/deadlines.triggers.ts";
import { batchAssignmentEvents } from "./cases.history.ts";
import { getCaseDetail, loadVisibleCase } from "./cases.service.ts";
import { lockOfficerFacts, refreshOfficerLoad } from "./officer-load.ts";

const bumpVersion = (trx: Trx, id: string, version: number, set: Updateable<DB["cases"]> = {}) =>
  updateVersioned(trx, "cases", id, version, set);

/** Moves a case through its lifecycle; a decision needs its date, outcome and the government's result. */
export async function changeStatus(
  db: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof caseStatusBody>,
) {
  return inTransaction(db, async (trx) => {
    const { row, abilities } = await loadVisibleCase(trx, actor, id);
    if (!abilities.changeStatus)
      throw problems.forbidden("You may view this case but not change its status.");
    if (row.version !== input.version) throw problems.staleVersion(row.version);
    // an assigned case's status moves its officer's load: take the assignment lock order (facts first)
    if (row.assigned_officer_id) await lockOfficerFacts(trx);
    if (input.status !== row.status && !canTransition(row.status, input.status)) {
      throw problems.unprocessable(
        "invalid_transition",
        `A ${row.status} case cannot become ${input.status}.`,
        [{ path: "body.status", message: `not allowed from ${row.status}` }],
      );
    }
    if (input.status === "decided") {
      const missing: FieldError[] = (["decidedOn", "outcome", "governmentResult"] as const)
        .filter((k) => !input[k])
        .map((k) => ({ path: `body.${k}`, message: "is required when a case is decided" }));
      if (missing.length > 0) throw problems.validation(missing);
    }
    const after = {
      status: input.status,
      stage: input.status === "pending" ? (input.stage ?? row.stage ?? "notice") : null,
      outcome: input.status === "pending" ? null : (input.outcome ?? row.outcome),
      government_result:
        input.status === "pending" ? null : (input.governmentResult ?? row.government_result),
      decided_on: input.status === "pending" ? null : (input.decidedOn ?? row.decided_on),
    };
    const changes = diffFields(row, after);
    await bumpVersion(trx, id, row.version, after);
    await refreshOfficerLoad(trx, [row.assigned_officer_id]);
    // Rows before the audit chain's lock, as every other writer takes them, so none waits on the other.
    if (input.status !== row.status) await settleOnStatus(trx, actor, row, input.status);
    await recordAudit(trx, actor, {
      action: "case.status_changed",
      entityType: "case",
      entityId: id,
      organisationId: row.organisation_id,
      changes,
    });
    const adverse = after.government_result === "against" || after.government_result === "partly";
    if (input.status === "decided" && row.status !== "decided" && adverse && after.decided_on) {
      // An adverse decision opens the appeal deadline and its task, and is reported to the Solicitor.
      await openAppealDeadline(trx, actor, row, after.decided_on, {
        governmentResult: after.government_result,
        onDuplicate: "skip",
      });
    }
    return getCaseDetail(trx, actor, id);
  });
}

/**
 * Manual assignment of a law officer, with the reason recorded: committed through the assignment engine as an
 * override of the policy (assignment.manual.ts). An assigning officer assigns within their own law office; the
 * Law Ministry assigns anyone. `officerId: null` returns the case to the queue.
 */
export async function assignOfficer(
  db: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof caseAssignmentBody>,
) {
  return inTransaction(db, async (trx) => {
    const { row, abilities } = await loadVisibleCase(trx, actor, id);
    if (!abilities.assign) throw problems.forbidden("You may not assign law officers.");
    if (row.version !== input.version) throw problems.staleVersion(row.version);
    // Officer facts before any row of the case: the lock order of every assignment commit (migration 0003),
    // else unassigning and assigning the same case at once deadlock.
    await lockOfficerFacts(trx);
    let officerName: string | null = null;
    let officerOffice: string | null = null;
    if (input.officerId) {
      const officer = await trx
        .selectFrom("users as u")
        .innerJoin("user_roles as r", (j) =>
          j.onRef("r.user_id", "=", "u.id").on("r.role", "=", "law_officer"),
        )
        .select(["u.id", "u.full_name", "u.organisation_id"])
        .where("u.id", "=", input.officerId)
        .where("u.status", "=", "active")
        .executeTakeFirst();
      if (!officer)
        throw problems.validation([{ path: "body.officerId", message: "is not an active law officer" }]);
      if (!hasRole(actor, "law_ministry") && officer.organisation_id !== actor.organisationId) {
        throw problems.forbidden("You may assign only officers of your own law office.");
      }
      officerName = officer.full_name;
      officerOffice = officer.organisation_id;
    }
    if (input.officerId === row.assigned_officer_id) {
      throw problems.conflict("already_assigned", "The case is already with this officer.");
    }
    if (input.officerId && officerOffice) {
      // Through the engine, so the ledger keeps the candidate pool and the override's reason (issue 3).
      const target = { id: input.officerId, officeId: officerOffice };
      await commitManualAssignment(trx, actor, { ...row, id }, target, input.reason);
      return getCaseDetail(trx, actor, id);
    }
    await trx
      .updateTable("case_assignments")
      .set({ ended_at: new Date() })
      .where("case_id", "=", id)
      .where("ended_at", "is", null)
      .execute();
    await bumpVersion(trx, id, row.version, { assigned_officer_id: input.officerId });
    await refreshOfficerLoad(trx, [row.assigned_officer_id, input.officerId]);
    await recordAudit(trx, actor, {
      action: "case.assigned",
      entityType: "case",
      entityId: id,
      organisationId: row.organisation_id,
      changes: {
        officer: { from: row.officer_name ?? null, to: officerName },
        officerId: { from: row.assigned_officer_id, to: input.officerId },
        reason: input.reason,
        method: "manual",
      },
    });
    return getCaseDetail(trx, actor, id);
  });
}

export async function linkCases(db: Database, actor: Actor, id: string, input: z.infer<typeof caseLinkBody>) {
  return inTransaction(db, async (trx) => {
    const { row, abilities } = await loadVisibleCase(trx, actor, id);
    if (!abilities.link) throw problems.forbidden("You may not link this case.");
    if (input.linkedCaseId === id) {
      throw problems.validation([
        { path: "body.linkedCaseId", message: "a case cannot be linked to itself" },
      ]);
    }
    // The other case must be visible too; otherwise linking would confirm that it exists.
    await loadVisibleCase(trx, actor, input.linkedCaseId);
    await trx
      .insertInto("case_links")
      .values({ case_id: id, linked_case_id: input.linkedCaseId, kind: input.kind, created_by: actor.userId })
      .execute()
      .catch((error) => {
        if (isUniqueViolation(error))
          throw problems.conflict("already_linked", "These cases are already linked so.");
        throw error;
      });
    await recordAudit(trx, actor, {
      action: "case.linked",
      entityType: "case",
      entityId: id,
      organisationId: row.organisation_id,
      changes: { kind: input.kind, linkedCaseId: input.linkedCaseId },
    });
    return getCaseDetail(trx, actor, id);
  });
}

export async function unlinkCases(db: Database, actor: Actor, id: string, linkId: string) {
  return inTransaction(db, async (trx) => {
    const { row, abilities } = await loadVisibleCase(trx, actor, id);
    const link = await trx
      .selectFrom("case_links")
      .selectAll()
      .where("id", "=", linkId)
      .where((eb) => eb.or([eb("case_id", "=", id), eb("linked_case_id", "=", id)]))
      .executeTakeFirst();
    if (!link) throw problems.notFound("link");
    if (!abilities.link) throw problems.forbidden("You may not unlink this case.");
    await trx.deleteFrom("case_links").where("id", "=", linkId).execute();
    await recordAudit(trx, actor, {
      action: "case.unlinked",
      entityType: "case",
      entityId: id,
      organisationId: row.organisation_id,
      changes: { kind: link.kind, caseId: link.case_id, linkedCaseId: link.linked_case_id },
    });
    return getCaseDetail(trx, actor, id);
  });
}

/** Names (or un-names) a user on a confidential case. */
export async function setCaseAccess(db: Database, actor: Actor, id: string, userId: string, grant: boolean) {
  return inTransaction(db, async (trx) => {
    const { row, abilities } = await loadVisibleCase(trx, actor, id);
    if (!abilities.manageAccess)
      throw problems.forbidden("Only people named on a confidential case name others.");
    const user = await trx
      .selectFrom("users")
      .select("id")
      .where("id", "=", userId)
      .where("status", "=", "active")
      .executeTakeFirst();
    if (!user) throw problems.validation([{ path: "body.userId", message: "no such active user" }]);
    if (grant) {
      await trx
        .insertInto("case_access")
        .values({ case_id: id, user_id: userId, granted_by: actor.userId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    } else {
      if (userId === actor.userId)
        throw problems.unprocessable("self_removal", "You cannot remove yourself.");
      await trx.deleteFrom("case_access").where("case_id", "=", id).where("user_id", "=", userId).execute();
    }
    await recordAudit(trx, actor, {
      action: grant ? "case.access_granted" : "case.access_revoked",
      entityType: "case",
      entityId: id,
      organisationId: row.organisation_id,
      changes: { userId },
    });
    return getCaseDetail(trx, actor, id);
  });
}

/** Active users who could be named on a confidential case, by name or username; only for those who manage access. */
export async function accessCandidates(db: Database, actor: Actor, id: string, q: string) {
  const { abilities } = await loadVisibleCase(db, actor, id);
  if (!abilities.manageAccess)
    throw problems.forbidden("Only people named on a confidential case name others.");
  const like = containsPattern(q);
  const rows = await db
    .selectFrom("users as u")
    .innerJoin("organisations as o", "o.id", "u.organisation_id")
    .select(["u.id", "u.full_name", "u.designation", "o.code", "o.name_en", "o.name_ur"])
    .where("u.status", "=", "active")
    .where((eb) => eb.or([eb("u.full_name", "ilike", like), eb("u.username", "ilike", like)]))
    .orderBy("u.full_name")
    .limit(20)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      fullName: r.full_name,
      designation: r.designation,
      organisation: { code: r.code, nameEn: r.name_en, nameUr: r.name_ur },
    })),
  };
}

/** The case's whole history from the audit chain: every change, assignment, upload and download. */
export async function caseHistory(db: Database, actor: Actor, id: string) {
  await loadVisibleCase(db, actor, id);
  const rows = await db
    .selectFrom("audit_events as e")
    .leftJoin("users as u", "u.id", "e.actor_id")
    .select(["e.seq", "e.occurred_at", "e.action", "e.changes", "e.actor_id", "u.full_name"])
    .where("e.entity_type", "=", "case")
    .where("e.entity_id", "=", id)
    .orderBy("e.seq", "desc")
    .limit(500)
    .execute();
  const own = rows.map((r) => ({
    seq: Number(r.seq),
    occurredAt: r.occurred_at.toISOString(),
    action: r.action as string,
    actor: r.actor_id ? { id: r.actor_id, fullName: r.full_name ?? "" } : null,
    changes: r.changes as unknown,
  }));
  const batched = await batchAssignmentEvents(db, id);
  return { items: [...own, ...batched].sort((a, b) => b.seq - a.seq).slice(0, 500) };
}
