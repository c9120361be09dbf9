import { randomBytes } from "node:crypto";
import type { Trx } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { lockOfficerFacts } from "../cases/officer-load.ts";
import { runBatch, snapshot } from "./assignment.batch.ts";
import { type CaseRow, recordCommit } from "./assignment.ledger.ts";
import { currentPolicy } from "./policies.service.ts";

/**
 * A manual assignment (the case page's "assign" with a reason) as a ledger entry like any other: the engine
 * decides the case under the officer's office policy with a fresh CSPRNG seed, the named officer replaces its
 * choice as an override with the written reason (or matches it, and is then the policy's choice), and the
 * batch of one is committed at once — so the ledger keeps the candidate pool and the verifier replays it.
 * Writes, in the caller's transaction, the ledger row, the assignment, the case, the notice, the audit events
 * and the officers' loads. Returns the ledger row's id.
 */
export async function commitManualAssignment(
  trx: Trx,
  actor: Actor,
  c: CaseRow,
  officer: { id: string; officeId: string },
  reason: string,
): Promise<string> {
  await lockOfficerFacts(trx); // before any audit event: one lock order (migration 0003)
  const policy = await currentPolicy(trx, actor, officer.officeId);
  const { inputs, cases } = await snapshot(trx, officer.officeId, [c.id], policy.config, null);
  const seed = randomBytes(16).toString("hex");
  const everyone = { listLimit: Number.POSITIVE_INFINITY, excludedLimit: Number.POSITIVE_INFINITY };
  const outcomes = runBatch(inputs, cases, seed, new Map([[c.id, officer.id]]), everyone);
  const batch = await trx
    .insertInto("assignment_batches")
    .values({
      office_id: officer.officeId,
      policy_id: policy.id,
      kind: "single",
      seed,
      case_ids: [c.id],
      case_versions: [c.version],
      inputs: JSON.stringify(inputs),
      created_by: actor.userId,
      committed_at: new Date(),
    })
    .returning(["id", "kind", "office_id", "policy_id", "seed"])
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: "assignment.previewed",
    entityType: "assignment_batch",
    entityId: batch.id,
    organisationId: officer.officeId,
    changes: { kind: "single", cases: 1, policyVersion: policy.version, manual: true },
  });
  const [decisionId] = await recordCommit(
    trx,
    actor,
    batch,
    [c],
    outcomes,
    (o) => (o.overridden ? "override" : "policy"),
    () => reason,
  );
  return decisionId!;
}
