import type { z } from "zod";
import type {
  benchCreateBody,
  caseTypePatchBody,
  courtPatchBody,
} from "../../../common/schemas/reference.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction, isUniqueViolation } from "../../db/transaction.ts";
import { type Actor, hasRole } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { problems } from "../../platform/errors.ts";

function assertAdmin(actor: Actor) {
  if (!hasRole(actor, "administrator")) throw problems.forbidden("Only administrators edit reference data.");
}

export async function listCourts(db: Database) {
  const [courts, benches] = await Promise.all([
    db.selectFrom("courts").selectAll().orderBy("sort_order").orderBy("name_en").execute(),
    db.selectFrom("benches").selectAll().orderBy("is_principal_seat", "desc").orderBy("name_en").execute(),
  ]);
  return courts.map((c) => ({
    id: c.id,
    code: c.code,
    nameEn: c.name_en,
    nameUr: c.name_ur,
    level: c.level,
    city: c.city,
    status: c.status,
    source: c.source,
    active: c.active,
    version: c.version,
    benches: benches
      .filter((b) => b.court_id === c.id)
      .map((b) => ({
        id: b.id,
        code: b.code,
        nameEn: b.name_en,
        nameUr: b.name_ur,
        city: b.city,
        isPrincipalSeat: b.is_principal_seat,
        active: b.active,
        version: b.version,
      })),
  }));
}

export async function listCaseTypes(db: Database) {
  const rows = await db.selectFrom("case_types").selectAll().orderBy("sort_order").orderBy("code").execute();
  return rows.map((t) => ({
    id: t.id,
    code: t.code,
    abbreviation: t.abbreviation,
    nameEn: t.name_en,
    nameUr: t.name_ur,
    aliases: t.aliases,
    courtLevels: t.court_levels,
    isAppeal: t.is_appeal,
    active: t.active,
    version: t.version,
  }));
}

export async function listRoles(db: Database) {
  const rows = await db.selectFrom("roles").selectAll().orderBy("sort_order").execute();
  return rows.map((r) => ({
    code: r.code,
    nameEn: r.name_en,
    nameUr: r.name_ur,
    description: r.description,
  }));
}

export async function updateCourt(
  db: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof courtPatchBody>,
) {
  assertAdmin(actor);
  await inTransaction(db, async (trx) => {
    const before = await trx.selectFrom("courts").selectAll().where("id", "=", id).executeTakeFirst();
    if (!before) throw problems.notFound("court");
    if (before.version !== input.version) throw problems.staleVersion(before.version);
    const { version, nameEn, nameUr, ...rest } = input;
    await trx
      .updateTable("courts")
      .set({
        ...rest,
        ...(nameEn !== undefined ? { name_en: nameEn } : {}),
        ...(nameUr !== undefined ? { name_ur: nameUr } : {}),
        version: version + 1,
      })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, actor, {
      action: "reference.updated",
      entityType: "court",
      entityId: id,
      changes: {
        before: { nameEn: before.name_en, nameUr: before.name_ur, city: before.city, active: before.active },
        after: input,
      },
    });
  });
  return (await listCourts(db)).find((c) => c.id === id)!;
}

export async function addBench(
  db: Database,
  actor: Actor,
  courtId: string,
  input: z.infer<typeof benchCreateBody>,
) {
  assertAdmin(actor);
  await inTransaction(db, async (trx) => {
    const court = await trx.selectFrom("courts").select("id").where("id", "=", courtId).executeTakeFirst();
    if (!court) throw problems.notFound("court");
    try {
      const row = await trx
        .insertInto("benches")
        .values({
          court_id: courtId,
          code: input.code,
          name_en: input.nameEn,
          name_ur: input.nameUr,
          city: input.city,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actor, {
        action: "reference.updated",
        entityType: "bench",
        entityId: row.id,
        changes: { created: { courtId, ...input } },
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw problems.conflict("code_taken", `This court already has a bench ${input.code}.`);
      throw error;
    }
  });
  return (await listCourts(db)).find((c) => c.id === courtId)!;
}

export async function updateCaseType(
  db: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof caseTypePatchBody>,
) {
  assertAdmin(actor);
  await inTransaction(db, async (trx) => {
    const before = await trx.selectFrom("case_types").selectAll().where("id", "=", id).executeTakeFirst();
    if (!before) throw problems.notFound("case type");
    if (before.version !== input.version) throw problems.staleVersion(before.version);
    await trx
      .updateTable("case_types")
      .set({
        ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
        ...(input.nameUr !== undefined ? { name_ur: input.nameUr } : {}),
        ...(input.aliases !== undefined ? { aliases: input.aliases } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        version: before.version + 1,
      })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, actor, {
      action: "reference.updated",
      entityType: "case_type",
      entityId: id,
      changes: {
        before: { nameEn: before.name_en, aliases: before.aliases, active: before.active },
        after: input,
      },
    });
  });
  return (await listCaseTypes(db)).find((t) => t.id === id)!;
}
