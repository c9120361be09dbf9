import type { z } from "zod";
import type { organisationCreateBody, organisationPatchBody } from "../../../common/schemas/reference.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction, isUniqueViolation } from "../../db/transaction.ts";
import type { Organisation } from "../../db/types.ts";
import { type Actor, hasRole } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { problems } from "../../platform/errors.ts";

export function presentOrganisation(o: Organisation) {
  return {
    id: o.id,
    code: o.code,
    nameEn: o.name_en,
    nameUr: o.name_ur,
    kind: o.kind,
    parentId: o.parent_id,
    active: o.active,
    staleAfterDays: o.stale_after_days,
    version: o.version,
  };
}

/** Everyone sees active organisations (names are public); administrators also see inactive ones. */
export async function listOrganisations(db: Database, actor: Actor | null) {
  let q = db.selectFrom("organisations").selectAll().orderBy("kind").orderBy("name_en");
  if (!actor || !hasRole(actor, "administrator"))
    q = q.where("active", "=", true).where("kind", "!=", "system");
  return (await q.execute()).map(presentOrganisation);
}

function assertAdmin(actor: Actor) {
  if (!hasRole(actor, "administrator")) throw problems.forbidden("Only administrators manage organisations.");
}

export async function createOrganisation(
  db: Database,
  actor: Actor,
  input: z.infer<typeof organisationCreateBody>,
) {
  assertAdmin(actor);
  return inTransaction(db, async (trx) => {
    try {
      const row = await trx
        .insertInto("organisations")
        .values({
          code: input.code,
          name_en: input.nameEn,
          name_ur: input.nameUr,
          kind: input.kind,
          parent_id: input.parentId ?? null,
          source: `created by ${actor.username}`,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actor, {
        action: "organisation.created",
        entityType: "organisation",
        entityId: row.id,
        organisationId: row.id,
        changes: { ...input },
      });
      return presentOrganisation(row);
    } catch (error) {
      if (isUniqueViolation(error))
        throw problems.conflict("code_taken", `The code ${input.code} is in use.`);
      if ((error as { code?: string }).code === "23503") {
        throw problems.validation([{ path: "body.parentId", message: "no such organisation" }]);
      }
      throw error;
    }
  });
}

export async function updateOrganisation(
  db: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof organisationPatchBody>,
) {
  assertAdmin(actor);
  return inTransaction(db, async (trx) => {
    const before = await trx.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirst();
    if (!before) throw problems.notFound("organisation");
    if (before.version !== input.version) throw problems.staleVersion(before.version);
    const row = await trx
      .updateTable("organisations")
      .set({
        ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
        ...(input.nameUr !== undefined ? { name_ur: input.nameUr } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        ...(input.staleAfterDays !== undefined ? { stale_after_days: input.staleAfterDays } : {}),
        version: before.version + 1,
        updated_at: new Date(),
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "organisation.updated",
      entityType: "organisation",
      entityId: id,
      organisationId: id,
      changes: {
        before: {
          nameEn: before.name_en,
          nameUr: before.name_ur,
          active: before.active,
          staleAfterDays: before.stale_after_days,
        },
        after: input,
      },
    });
    return presentOrganisation(row);
  });
}
