import type { CaseCreateInput, CasePatchInput } from "../../../common/schemas/cases.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction, isUniqueViolation, type Trx } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { diffFields } from "../../platform/diff.ts";
import { Problem, problems } from "../../platform/errors.ts";
import { allowedTransitions, caseAbilities, registeringOrganisation } from "./cases.policy.ts";
import { displayNumber, presentDetail } from "./cases.present.ts";
import { assertOrganisationsExist, type CaseRefs, caseKey, resolveCaseRefs } from "./cases.refs.ts";
import * as repo from "./cases.repo.ts";

/** Loads a case the actor may see, or answers 404 — the same answer whether it is missing or out of scope. */
export async function loadVisibleCase(q: Database | Trx, actor: Actor, id: string) {
  const row = await repo.findVisibleCase(q, actor, id);
  if (!row) throw problems.notFound("case");
  return { row, abilities: caseAbilities(actor, row) };
}

export async function getCaseDetail(q: Database | Trx, actor: Actor, id: string) {
  const { row, abilities } = await loadVisibleCase(q, actor, id);
  const [parties, links, assignments, access] = await Promise.all([
    repo.partiesOf(q, id),
    repo.linksOf(q, actor, id),
    repo.assignmentsOf(q, id),
    repo.accessOf(q, id),
  ]);
  return presentDetail(row, {
    parties,
    links,
    assignments,
    access,
    abilities,
    allowedTransitions: allowedTransitions(abilities, row.status),
  });
}

async function duplicateProblem(trx: Trx, actor: Actor, key: string, refs: CaseRefs, n: NumberParts) {
  const existing = await trx.selectFrom("cases").select("id").where("case_key", "=", key).executeTakeFirst();
  if (!existing) return null;
  const visible = await repo.findVisibleCase(trx, actor, existing.id);
  const number = displayNumber({ type_abbreviation: refs.type.abbreviation, ...n });
  return problems.conflict("duplicate_case", `${number} is already registered in this court.`, {
    displayNumber: number,
    ...(visible ? { existingCaseId: existing.id } : {}),
  });
}

type NumberParts = { number: number; number_suffix: string; year: number };

function partyOrgRefs(parties: CaseCreateInput["parties"] | undefined) {
  return (parties ?? []).flatMap((p, i) =>
    p.organisationId ? [{ path: `body.parties.${i}.organisationId`, id: p.organisationId }] : [],
  );
}

export async function createCase(db: Database, actor: Actor, input: CaseCreateInput) {
  const organisationId = registeringOrganisation(actor, input.organisationId);
  if (organisationId === "forbidden")
    throw problems.forbidden("You may not register cases for this organisation.");
  return inTransaction(db, async (trx) => {
    await assertOrganisationsExist(trx, [
      { path: "body.organisationId", id: organisationId },
      ...partyOrgRefs(input.parties),
    ]);
    const refs = await resolveCaseRefs(trx, input);
    const n = { number: input.number, number_suffix: input.numberSuffix ?? "", year: input.year };
    const key = caseKey(refs, { ...n, suffix: n.number_suffix });
    const duplicate = await duplicateProblem(trx, actor, key, refs, n);
    if (duplicate) throw duplicate;
    const flags = input.flags ?? {};
    const row = await trx
      .insertInto("cases")
      .values({
        organisation_id: organisationId,
        court_id: refs.court.id,
        bench_id: refs.bench?.id ?? null,
        case_type_id: refs.type.id,
        ...n,
        case_key: key,
        title: input.title,
        subject: input.subject ?? "",
        category: input.category,
        amount_involved: input.amountInvolved ?? null,
        filed_on: input.filedOn ?? null,
        notice_received_on: input.noticeReceivedOn ?? null,
        stage: input.stage ?? "notice",
        is_contempt: flags.contempt ?? false,
        is_constitutional: flags.constitutional ?? false,
        is_tax_recovery: flags.taxRecovery ?? false,
        is_confidential: flags.confidential ?? false,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
      .catch(async (error) => {
        if (isUniqueViolation(error)) throw (await duplicateProblem(trx, actor, key, refs, n)) ?? error;
        throw error;
      });
    await repo.replaceParties(trx, row.id, input.parties);
    // Whoever registers a confidential case is named on it, or they could not see what they just made.
    if (flags.confidential) {
      await trx
        .insertInto("case_access")
        .values({ case_id: row.id, user_id: actor.userId, granted_by: actor.userId })
        .execute();
    }
    await repo.refreshSearch(trx, row.id, displayNumber({ type_abbreviation: refs.type.abbreviation, ...n }));
    await recordAudit(trx, actor, {
      action: "case.created",
      entityType: "case",
      entityId: row.id,
      organisationId,
      changes: { ...input, organisationId },
    });
    return getCaseDetail(trx, actor, row.id);
  });
}

function assertEditable(abilities: { edit: boolean }) {
  if (!abilities.edit) throw problems.forbidden("You may view this case but not change it.");
}

export async function updateCase(db: Database, actor: Actor, id: string, input: CasePatchInput) {
  return inTransaction(db, async (trx) => {
    const { row, abilities } = await loadVisibleCase(trx, actor, id);
    assertEditable(abilities);
    if (row.version !== input.version) throw problems.staleVersion(row.version);
    await assertOrganisationsExist(trx, partyOrgRefs(input.parties));
    const refs = await resolveCaseRefs(trx, {
      courtId: input.courtId ?? row.court_id,
      benchId: input.benchId === undefined ? row.bench_id : input.benchId,
      caseTypeId: input.caseTypeId ?? row.case_type_id,
    });
    const n = {
      number: input.number ?? row.number,
      number_suffix: input.numberSuffix ?? row.number_suffix,
      year: input.year ?? row.year,
    };
    const key = caseKey(refs, { ...n, suffix: n.number_suffix });
    if (key !== row.case_key) {
      const duplicate = await duplicateProblem(trx, actor, key, refs, n);
      if (duplicate) throw duplicate;
    }
    const flags = input.flags ?? {};
    const after = {
      court_id: refs.court.id,
      bench_id: refs.bench?.id ?? null,
      case_type_id: refs.type.id,
      ...n,
      case_key: key,
      title: input.title,
      subject: input.subject,
      category: input.category,
      amount_involved: input.amountInvolved,
      filed_on: input.filedOn,
      notice_received_on: input.noticeReceivedOn,
      stage: input.stage,
      is_contempt: flags.contempt,
      is_constitutional: flags.constitutional,
      is_tax_recovery: flags.taxRecovery,
      is_confidential: flags.confidential,
    };
    const changes: Record<string, unknown> = diffFields(row, after);
    const partiesBefore = input.parties ? await repo.partiesOf(trx, id) : [];
    if (input.parties) {
      const before = partiesBefore.map((p) => ({
        side: p.side,
        name: p.name,
        organisationId: p.organisation_id,
      }));
      const next = input.parties.map((p) => ({
        side: p.side,
        name: p.name,
        organisationId: p.organisationId ?? null,
      }));
      if (JSON.stringify(before) !== JSON.stringify(next)) changes.parties = { from: before, to: next };
    }
    if (Object.keys(changes).length === 0) return getCaseDetail(trx, actor, id);
    const set = Object.fromEntries(
      Object.keys(changes)
        .filter((k) => k !== "parties")
        .map((k) => [k, (after as Record<string, unknown>)[k]]),
    );
    const updated = await trx
      .updateTable("cases")
      .set({ ...set, version: row.version + 1, updated_at: new Date() })
      .where("id", "=", id)
      .where("version", "=", row.version)
      .executeTakeFirst()
      .catch((error) => {
        if (isUniqueViolation(error))
          throw problems.conflict("duplicate_case", "That case number is already registered.");
        throw error;
      });
    // Another edit committed between our read and this write: refuse rather than overwrite it.
    if (Number(updated.numUpdatedRows) !== 1) throw problems.staleVersion(row.version + 1);
    if (input.parties) await repo.replaceParties(trx, id, input.parties);
    let tasksTaken = 0;
    if (flags.confidential && !row.is_confidential) {
      await trx
        .insertInto("case_access")
        .values({ case_id: id, user_id: actor.userId, granted_by: actor.userId })
        .onConflict((oc) => oc.doNothing())
        .execute();
      tasksTaken = await takeMinistryTasks(trx, actor, id);
    }
    await repo.refreshSearch(trx, id, displayNumber({ type_abbreviation: refs.type.abbreviation, ...n }));
    await recordAudit(trx, actor, {
      action: "case.updated",
      entityType: "case",
      entityId: id,
      organisationId: row.organisation_id,
      changes: tasksTaken > 0 ? { ...changes, openTasksTakenFromMinistry: tasksTaken } : changes,
    });
    return getCaseDetail(trx, actor, id);
  });
}

/**
 * A case made confidential takes its open ministry-wide tasks to the person who made it so (named on it now):
 * left with the ministry, their titles would reach lists, reminders and digests of people the case is hidden from.
 */
async function takeMinistryTasks(trx: Trx, actor: Actor, caseId: string): Promise<number> {
  const moved = await trx
    .updateTable("tasks")
    .set((eb) => ({
      assignee_user_id: actor.userId,
      assignee_organisation_id: null,
      version: eb("version", "+", 1),
      updated_at: new Date(),
    }))
    .where("case_id", "=", caseId)
    .where("assignee_organisation_id", "is not", null)
    .where("state", "in", ["open", "in_progress"])
    .executeTakeFirst();
  return Number(moved.numUpdatedRows);
}

export { Problem };
