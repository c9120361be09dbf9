import { randomBytes } from "node:crypto";
import type { z } from "zod";
import type { commitBody } from "../../../common/schemas/assignment.ts";
import { anyUuid } from "../../db/bulk.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction, type Trx } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAuditMany } from "../../platform/audit.ts";
import { problems } from "../../platform/errors.ts";
import { displayNumber } from "../cases/cases.present.ts";
import { caseQuery } from "../cases/cases.repo.ts";
import { lockOfficerFacts } from "../cases/officer-load.ts";
import { hearingClashes } from "../hearings/hearings.clashes.ts";
import {
  type BatchInputs,
  inputsOf,
  type Outcome,
  readFacts,
  runBatch,
  snapshot,
} from "./assignment.batch.ts";
import { type Method, recordCommit } from "./assignment.ledger.ts";
import { mayManageOffice, resolveOffice } from "./assignment.policy.ts";
import { keepPreview, takePreview, takeUnchanged } from "./assignment.reuse.ts";
import type { Decision } from "./engine.ts";
import { currentPolicy, findPolicy } from "./policies.service.ts";

type Kind = "single" | "bulk" | "handover";

/** The cases, as the actor may see them, with the facts a preview shows; 404 if any is out of scope. */
async function visibleCases(q: Database | Trx, actor: Actor, ids: string[]) {
  const rows = await caseQuery(q, actor)
    .select([
      "c.id",
      "c.version",
      "c.title",
      "c.number",
      "c.number_suffix",
      "c.year",
      "c.assigned_officer_id",
      "c.status",
      "c.organisation_id",
      "t.abbreviation as type_abbreviation",
    ])
    .where("c.id", "=", anyUuid(ids))
    .execute();
  if (rows.length !== new Set(ids).size) throw problems.notFound("case");
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}

/**
 * Previews who would get each case under the office's current policy, with a fresh CSPRNG seed. The batch
 * (cases, their versions, seed, policy) is kept so that committing it records exactly what was previewed.
 */
export async function preview(
  db: Database,
  actor: Actor,
  input: { caseIds: string[]; officeId?: string | undefined },
  kind: Kind,
  departingOfficerId: string | null = null,
) {
  const officeId = await resolveOffice(db, actor, input.officeId);
  const caseIds = [...new Set(input.caseIds)];
  // Reads on the pool, side by side (in parallel on PostgreSQL); nothing is shown before the scope check passes.
  // the officer-facts version before the facts, so a commit can tell that none has moved since (reuse.ts)
  const readAt = new Date();
  const officerVersion = await officerFactsVersion(db);
  const [cases, found, facts] = await Promise.all([
    visibleCases(db, actor, caseIds),
    findPolicy(db, officeId),
    readFacts(db, officeId, caseIds, departingOfficerId),
  ]);
  if (kind === "bulk") {
    const taken = cases.filter((c) => c.assigned_officer_id);
    if (taken.length > 0) {
      throw problems.conflict(
        "already_assigned",
        `${taken.length} of the selected cases already have an officer.`,
        {
          caseIds: taken.map((c) => c.id),
        },
      );
    }
  }
  const seed = randomBytes(16).toString("hex");
  // Only the batch row and its audit event (and a first policy) need a transaction.
  const policy = found ?? (await inTransaction(db, (trx) => currentPolicy(trx, actor, officeId)));
  const inputs = inputsOf(facts, policy.config);
  const outcomes = runBatch(inputs, facts.cases, seed, new Map(), listsFor(kind));
  const batch = await inTransaction(db, async (trx) => {
    const batch = await trx
      .insertInto("assignment_batches")
      .values({
        office_id: officeId,
        policy_id: policy.id,
        kind,
        seed,
        case_ids: caseIds,
        case_versions: cases.map((c) => c.version),
        departing_officer_id: departingOfficerId,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAuditMany(trx, actor, [
      {
        action: "assignment.previewed",
        entityType: "assignment_batch",
        entityId: batch.id,
        organisationId: officeId,
        changes: { kind, cases: caseIds.length, policyVersion: policy.version, departingOfficerId },
      },
    ]);
    return batch;
  });
  // deciding one case again costs less than fingerprinting its facts
  if (kind !== "single") keepPreview(batch.id, inputs, facts.cases, outcomes, { officerVersion, readAt });
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const only = outcomes.length === 1 ? outcomes[0]! : null;
  const clashes =
    kind === "single" && only
      ? await hearingClashes(
          db,
          only.facts.id,
          only.decision.candidates.map((c) => c.officerId),
        )
      : undefined;
  return {
    batchId: batch.id,
    kind,
    policy: { id: policy.id, version: policy.version, strategy: policy.config.strategy },
    items: outcomes.map((o) => {
      const c = caseById.get(o.facts.id)!;
      return {
        caseId: c.id,
        displayNumber: displayNumber(c),
        title: c.title,
        weight: o.facts.weight,
        decision:
          outcomes.length > LARGE_PREVIEW
            ? chosenOnly(withoutListTexts(o.decision))
            : withoutListTexts(o.decision),
        ...(clashes ? { hearingClashes: clashes } : {}),
      };
    }),
  };
}

/** Hands an officer's open cases over: a preview of their redistribution by the policy. */
export async function previewHandover(db: Database, actor: Actor, officerId: string) {
  const officer = await db
    .selectFrom("users as u")
    .innerJoin("user_roles as r", (j) => j.onRef("r.user_id", "=", "u.id").on("r.role", "=", "law_officer"))
    .select(["u.id", "u.organisation_id"])
    .where("u.id", "=", officerId)
    .executeTakeFirst();
  if (!officer || !mayManageOffice(actor, officer.organisation_id)) throw problems.notFound("law officer");
  const open = await db
    .selectFrom("cases")
    .select("id")
    .where("assigned_officer_id", "=", officerId)
    .where("status", "in", ["pending", "appealed"])
    .orderBy("created_at")
    .execute();
  if (open.length === 0) throw problems.conflict("nothing_to_hand_over", "This officer holds no open cases.");
  return preview(
    db,
    actor,
    { caseIds: open.map((c) => c.id), officeId: officer.organisation_id },
    "handover",
    officerId,
  );
}

/**
 * Commits a previewed batch in one transaction: ledger rows, assignments, case updates (each guarded by the
 * version seen at preview — a case changed since answers 409 and nothing is written), notices and audit.
 * `returnToQueue` (handover) ends the assignments without giving the cases to anyone.
 */
export async function commit(
  db: Database,
  actor: Actor,
  batchId: string,
  input: z.infer<typeof commitBody>,
  opts: { returnToQueue?: boolean; reason?: string } = {},
) {
  return inTransaction(db, async (trx) => {
    const officerVersion = await lockOfficerFacts(trx);
    const batch = await trx
      .selectFrom("assignment_batches")
      .selectAll()
      .where("id", "=", batchId)
      .forUpdate()
      .executeTakeFirst();
    // Another office's batch answers exactly like an unknown one.
    if (!batch || !mayManageOffice(actor, batch.office_id)) throw problems.notFound("assignment batch");
    if (batch.committed_at)
      throw problems.conflict("batch_committed", "This preview has already been committed.");
    const overrides = new Map<string, string>();
    for (const [i, o] of input.overrides.entries()) {
      if (!batch.case_ids.includes(o.caseId)) {
        throw problems.validation([{ path: `body.overrides.${i}.caseId`, message: "is not in this batch" }]);
      }
      if (!o.reason) {
        throw problems.validation([
          { path: `body.overrides.${i}.reason`, message: "an override of the policy needs a written reason" },
        ]);
      }
      overrides.set(o.caseId, o.officerId);
    }
    const cases = await visibleCases(trx, actor, batch.case_ids);
    const stale = cases.filter((c, i) => c.version !== batch.case_versions[i]);
    if (stale.length > 0) {
      throw problems.conflict(
        "stale_version",
        `${stale.length} case(s) changed since the preview; preview again.`,
        {
          caseIds: stale.map((c) => c.id),
        },
      );
    }
    const unchanged =
      !opts.returnToQueue && overrides.size === 0
        ? await takeUnchanged(batch.id, officerVersion, (at) => linkedSince(trx, batch.case_ids, at))
        : null;
    const { inputs, outcomes } =
      unchanged ?? (await decideAgain(trx, batch, input.overrides, overrides, opts));
    const reasons = new Map(input.overrides.map((o) => [o.caseId, o.reason ?? ""]));
    const method = (o: Outcome): Method =>
      o.officerId === null
        ? "queue"
        : o.overridden
          ? "override"
          : batch.kind === "handover"
            ? "handover"
            : "policy";
    const reasonFor = (o: Outcome) => reasons.get(o.facts.id) || opts.reason || "";
    const decisionIds = await recordCommit(trx, actor, batch, cases, outcomes, method, reasonFor);
    await trx
      .updateTable("assignment_batches")
      .set({ committed_at: new Date(), inputs: JSON.stringify(inputs) })
      .where("id", "=", batch.id)
      .execute();
    const names = new Map(inputs.officers.map((o) => [o.id, o.name]));
    return {
      batchId: batch.id,
      assigned: outcomes.filter((o) => o.officerId).length,
      queued: outcomes.filter((o) => !o.officerId).length,
      items: outcomes.map((o, i) => ({
        caseId: o.facts.id,
        officerId: o.officerId,
        officerName: o.officerId ? (names.get(o.officerId) ?? null) : null,
        method: method(o),
        step: o.decision.step,
        decisionId: decisionIds[i]!,
      })),
    };
  });
}

/** The facts read again in the commit's transaction, and the batch decided on them (or its preview reused). */
async function decideAgain(
  trx: Trx,
  batch: {
    id: string;
    office_id: string;
    policy_id: string;
    case_ids: string[];
    departing_officer_id: string | null;
    seed: string;
    kind: string;
  },
  given: { officerId: string }[],
  overrides: Map<string, string>,
  opts: { returnToQueue?: boolean },
): Promise<{ inputs: BatchInputs; outcomes: Outcome[] }> {
  const policy = await trx
    .selectFrom("assignment_policies")
    .select("config")
    .where("id", "=", batch.policy_id)
    .executeTakeFirstOrThrow();
  const fresh = await snapshot(
    trx,
    batch.office_id,
    batch.case_ids,
    policy.config,
    batch.departing_officer_id,
  );
  assertOverridesAreOfficers(fresh.inputs, given);
  if (opts.returnToQueue) {
    return {
      inputs: fresh.inputs,
      outcomes: fresh.cases.map((f) => ({
        facts: f,
        decision: queuedDecision(batch.seed),
        officerId: null,
        overridden: false,
      })),
    };
  }
  return (
    (overrides.size === 0 && takePreview(batch.id, fresh.inputs, fresh.cases)) || {
      inputs: fresh.inputs,
      outcomes: runBatch(fresh.inputs, fresh.cases, batch.seed, overrides, listsFor(batch.kind)),
    }
  );
}

/** Whether a link touching any of the cases was made after `at` (it could change a related-case decision). */
async function linkedSince(trx: Trx, caseIds: string[], at: Date): Promise<boolean> {
  const row = await trx
    .selectFrom("case_links")
    .select("case_id")
    .where((eb) => eb.or([eb("case_id", "=", anyUuid(caseIds)), eb("linked_case_id", "=", anyUuid(caseIds))]))
    .where("created_at", ">", at)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

async function officerFactsVersion(db: Database): Promise<number> {
  const r = await db.selectFrom("officer_facts_version").select("version").executeTakeFirstOrThrow();
  return Number(r.version);
}

/**
 * A preview's lists carry each factor and reason as a code with its figures, and the screen words them in the
 * reader's language; only the step keeps its English sentence. For one case among 1,000 officers this halves
 * the response.
 */
function withoutListTexts(d: Decision): Decision {
  const bare = <T extends { text: string }>(r: T) => ({ ...r, text: "" });
  return {
    ...d,
    candidates: d.candidates.map((c) => ({ ...c, factors: c.factors.map(bare) })),
    excluded: d.excluded.map((e) => ({ ...e, reasons: e.reasons.map(bare) })),
  };
}

/**
 * Above this many cases a preview lists only the proposed officer with the factors that chose them (the rest
 * are counted in `omitted`): thousands of rows are reviewed by their officers and samples, and a case's runners-up
 * are one suggestion away. It cut a 10,000-case preview from 19 to 8 MiB. The ledger keeps the fuller lists.
 */
const LARGE_PREVIEW = 500;

export function chosenOnly(d: Decision): Decision {
  const kept = d.candidates.filter((c) => c.officerId === d.chosenOfficerId);
  const dropped = d.candidates.length - kept.length;
  return {
    ...d,
    candidates: kept,
    omitted: { candidates: (d.omitted?.candidates ?? 0) + dropped, excluded: d.omitted?.excluded ?? 0 },
  };
}

/** One case: every candidate and every excluded officer with the reasons; a bulk run lists the first few. */
const listsFor = (kind: string) =>
  kind === "single" ? { listLimit: Number.POSITIVE_INFINITY, excludedLimit: Number.POSITIVE_INFINITY } : {};

function queuedDecision(seed: string): Decision {
  return {
    chosenOfficerId: null,
    step: "no_eligible_officer",
    stepText: "Returned to the queue on handover.",
    stepParams: { returnedToQueue: 1 },
    candidates: [],
    excluded: [],
    excludedBy: {},
    seed,
  };
}

function assertOverridesAreOfficers(inputs: BatchInputs, overrides: { officerId: string }[]) {
  const known = new Set(inputs.officers.map((o) => o.id));
  const unknown = overrides.findIndex((o) => !known.has(o.officerId));
  if (unknown >= 0) {
    throw problems.validation([
      { path: `body.overrides.${unknown}.officerId`, message: "is not a law officer of this office" },
    ]);
  }
}
