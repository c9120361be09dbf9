import fs from "node:fs";
import path from "node:path";
import type { z } from "zod";
import {
  DEFAULT_POLICY,
  type PolicyConfigDto,
  type policyBody,
  policyConfig,
  type weightPatchBody,
} from "../../../common/schemas/assignment.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction, isUniqueViolation, type Trx } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { problems } from "../../platform/errors.ts";
import { assertMayManageOffice } from "./assignment.policy.ts";

type Q = Database | Trx;

export async function findPolicy(q: Q, officeId: string) {
  const row = await q
    .selectFrom("assignment_policies as p")
    .leftJoin("users as u", "u.id", "p.created_by")
    .select([
      "p.id",
      "p.organisation_id",
      "p.version",
      "p.config",
      "p.note",
      "p.created_at",
      "p.created_by",
      "u.full_name",
    ])
    .where("p.organisation_id", "=", officeId)
    .orderBy("p.version", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? { ...row, config: policyConfig.parse(row.config) } : undefined;
}

/**
 * The office's policy for a decision, inside the caller's transaction; an office's first decision records
 * version 1 with the CAMS defaults (audited), so every decision points at a stored version.
 */
export async function currentPolicy(trx: Trx, actor: Actor, officeId: string) {
  const found = await findPolicy(trx, officeId);
  if (found) return found;
  const inserted = await trx
    .insertInto("assignment_policies")
    .values({
      organisation_id: officeId,
      version: 1,
      config: JSON.stringify(DEFAULT_POLICY),
      note: "CAMS defaults",
    })
    // two first decisions at once (two processes, or two connections of one): the later one uses the stored row
    .onConflict((oc) => oc.columns(["organisation_id", "version"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) return (await findPolicy(trx, officeId))!;
  await recordAudit(trx, actor, {
    action: "assignment.policy_changed",
    entityType: "assignment_policy",
    entityId: officeId,
    organisationId: officeId,
    changes: { version: 1, to: DEFAULT_POLICY, note: "CAMS defaults" },
  });
  return (await findPolicy(trx, officeId))!;
}

/** For reading: the stored policy, or the defaults as version 0 when the office has none yet (writes nothing). */
export async function readPolicy(q: Q, officeId: string) {
  return (
    (await findPolicy(q, officeId)) ?? {
      id: "",
      organisation_id: officeId,
      version: 0,
      config: DEFAULT_POLICY,
      note: "CAMS defaults (not yet saved)",
      created_at: new Date(),
      created_by: null,
      full_name: null,
    }
  );
}

export function presentPolicy(p: Awaited<ReturnType<typeof readPolicy>>) {
  return {
    id: p.id,
    officeId: p.organisation_id,
    version: p.version,
    config: p.config as PolicyConfigDto,
    note: p.note,
    createdBy: p.created_by ? { id: p.created_by, fullName: p.full_name ?? "" } : null,
    createdAt: p.created_at.toISOString(),
  };
}

/** Policies are versioned: an edit adds a version; decisions keep pointing at the version they used. */
export async function savePolicy(
  db: Database,
  actor: Actor,
  officeId: string,
  input: z.infer<typeof policyBody>,
) {
  assertMayManageOffice(actor, officeId);
  return inTransaction(db, async (trx) => {
    const current = await findPolicy(trx, officeId);
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== input.version) throw problems.staleVersion(currentVersion);
    try {
      await trx
        .insertInto("assignment_policies")
        .values({
          organisation_id: officeId,
          version: currentVersion + 1,
          config: JSON.stringify(input.config),
          note: input.note,
          created_by: actor.userId,
        })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw problems.staleVersion(currentVersion + 1);
      throw error;
    }
    await recordAudit(trx, actor, {
      action: "assignment.policy_changed",
      entityType: "assignment_policy",
      entityId: officeId,
      organisationId: officeId,
      changes: {
        version: currentVersion + 1,
        from: current?.config ?? DEFAULT_POLICY,
        to: input.config,
        note: input.note,
      },
    });
    return presentPolicy((await findPolicy(trx, officeId))!);
  });
}

export async function policyHistory(db: Database, officeId: string) {
  const rows = await db
    .selectFrom("assignment_policies")
    .select(["version", "note", "created_at"])
    .where("organisation_id", "=", officeId)
    .orderBy("version", "desc")
    .execute();
  return rows.map((r) => ({ version: r.version, note: r.note, createdAt: r.created_at.toISOString() }));
}

const WEIGHTS_FILE = path.resolve(import.meta.dirname, "../../../reference/assignment-weights.json");

/** Inserts default weights that are missing; never overwrites an office's edits. */
export async function loadDefaultWeights(db: Database): Promise<number> {
  const file = JSON.parse(fs.readFileSync(WEIGHTS_FILE, "utf8")) as {
    source: string;
    status: string;
    items: { kind: "case_type" | "flag" | "amount_over"; key: string; weight: number; threshold?: number }[];
  };
  const result = await db
    .insertInto("assignment_weights")
    .values(
      file.items.map((i) => ({
        kind: i.kind,
        key: i.key,
        weight: i.weight,
        threshold: i.threshold ?? null,
        source: `${file.source} [${file.status}]`,
      })),
    )
    .onConflict((oc) => oc.columns(["kind", "key"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function listWeights(db: Database | Trx) {
  const rows = await db.selectFrom("assignment_weights").selectAll().orderBy("kind").orderBy("key").execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    key: r.key,
    weight: Number(r.weight),
    threshold: r.threshold === null ? null : Number(r.threshold),
    source: r.source,
    version: r.version,
  }));
}

export async function updateWeight(
  db: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof weightPatchBody>,
) {
  assertMayManageOffice(actor, null);
  return inTransaction(db, async (trx) => {
    const before = await trx
      .selectFrom("assignment_weights")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    if (!before) throw problems.notFound("weight");
    if (before.version !== input.version) throw problems.staleVersion(before.version);
    const updated = await trx
      .updateTable("assignment_weights")
      .set({
        weight: input.weight,
        ...(input.threshold !== undefined ? { threshold: input.threshold } : {}),
        version: before.version + 1,
      })
      .where("id", "=", id)
      .where("version", "=", input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw problems.staleVersion(before.version + 1);
    await recordAudit(trx, actor, {
      action: "assignment.weight_changed",
      entityType: "assignment_weight",
      entityId: id,
      changes: {
        key: `${before.kind}:${before.key}`,
        weight: { from: Number(before.weight), to: input.weight },
      },
    });
    return (await listWeights(trx)).find((w) => w.id === id)!;
  });
}
