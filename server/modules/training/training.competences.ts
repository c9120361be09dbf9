import type { z } from "zod";
import type {
  Competence,
  competenceCreate,
  competenceUpdate,
  HeldCompetence,
} from "../../../common/schemas/training.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction, isUniqueViolation, type Trx } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { problems } from "../../platform/errors.ts";
import { assertManagesTraining, trainingOversight } from "./training.policy.ts";

/**
 * Competences: what a completed module makes someone competent in, and for which case categories and MLA request
 * kinds that counts. Held while a certificate naming it stands. Read by every signed-in user (they label
 * modules, profiles and assignment explanations); kept by administrators.
 */
type Q = Database | Trx;

function competences(q: Q) {
  return q
    .selectFrom("competences as c")
    .select([
      "c.code",
      "c.name_en",
      "c.name_ur",
      "c.description",
      "c.case_categories",
      "c.mla_kinds",
      "c.source",
      "c.version",
      (eb) =>
        eb
          .selectFrom("training_modules as m")
          .select(eb.fn.countAll<number>().as("n"))
          .whereRef("m.competence_code", "=", "c.code")
          .as("modules"),
    ]);
}

const present = (
  r: Awaited<ReturnType<ReturnType<typeof competences>["executeTakeFirstOrThrow"]>>,
): Competence => ({
  code: r.code,
  nameEn: r.name_en,
  nameUr: r.name_ur,
  description: r.description,
  caseCategories: r.case_categories as Competence["caseCategories"],
  mlaKinds: r.mla_kinds as Competence["mlaKinds"],
  source: r.source,
  version: r.version,
  modules: Number(r.modules ?? 0),
});

export async function listCompetences(db: Database) {
  return { items: (await competences(db).orderBy("c.code").execute()).map(present) };
}

async function one(q: Q, code: string) {
  const row = await competences(q).where("c.code", "=", code).executeTakeFirst();
  if (!row) throw problems.notFound("competence");
  return present(row);
}

export async function createCompetence(db: Database, actor: Actor, input: z.infer<typeof competenceCreate>) {
  assertManagesTraining(actor);
  try {
    return await inTransaction(db, async (trx) => {
      await trx.insertInto("competences").values(rowOf(input)).execute();
      await audit(trx, actor, "competence.created", input.code, { ...input });
      return one(trx, input.code);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw problems.conflict("code_taken", "Another competence has this code.");
    throw error;
  }
}

export function updateCompetence(
  db: Database,
  actor: Actor,
  code: string,
  input: z.infer<typeof competenceUpdate>,
) {
  assertManagesTraining(actor);
  return inTransaction(db, async (trx) => {
    const before = await trx
      .selectFrom("competences")
      .selectAll()
      .where("code", "=", code)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw problems.notFound("competence");
    if (before.version !== input.version) throw problems.staleVersion(before.version);
    await trx
      .updateTable("competences")
      .set({ ...rowOf({ ...input, code }), version: before.version + 1, updated_at: new Date() })
      .where("code", "=", code)
      .execute();
    await audit(trx, actor, "competence.updated", code, {
      caseCategories: { from: before.case_categories, to: input.caseCategories },
      mlaKinds: { from: before.mla_kinds, to: input.mlaKinds },
      ...(before.name_en !== input.nameEn ? { nameEn: { from: before.name_en, to: input.nameEn } } : {}),
    });
    return one(trx, code);
  });
}

const rowOf = (c: z.infer<typeof competenceCreate>) => ({
  code: c.code,
  name_en: c.nameEn,
  name_ur: c.nameUr,
  description: c.description,
  case_categories: c.caseCategories,
  mla_kinds: c.mlaKinds,
  source: c.source,
});

const audit = (
  trx: Trx,
  actor: Actor,
  action: "competence.created" | "competence.updated",
  code: string,
  changes: Record<string, unknown>,
) =>
  recordAudit(trx, actor, {
    action,
    entityType: "competence",
    entityId: code,
    organisationId: actor.organisationId,
    changes,
  });

/** The competences these users hold (a standing certificate of a module granting it), by user; first earned first. */
export async function heldCompetences(
  q: Q,
  userIds: readonly string[],
  reader: Actor,
): Promise<Map<string, HeldCompetence[]>> {
  // a certificate's code opens its public page (name, organisation, dates): shown only to who may read the
  // certificate itself — its holder and the overseers of the holder's organisation
  const oversight = trainingOversight(reader);
  const mayReadCode = (holder: string, organisationId: string) =>
    holder === reader.userId ||
    (oversight !== null && ("all" in oversight || oversight.organisationId === organisationId));
  if (userIds.length === 0) return new Map();
  const rows = await q
    .selectFrom("training_certificates as t")
    .innerJoin("competences as c", "c.code", "t.competence_code")
    .innerJoin("users as u", "u.id", "t.user_id")
    .select([
      "t.user_id",
      "u.organisation_id",
      "c.code",
      "c.name_en",
      "c.name_ur",
      "t.code as certificate_code",
      "t.module_title as title",
      "t.issued_at",
    ])
    .where("t.user_id", "in", [...userIds])
    .where("t.revoked_at", "is", null)
    .orderBy("t.user_id")
    .orderBy("t.issued_at")
    .orderBy("t.id")
    .execute();
  const out = new Map<string, HeldCompetence[]>();
  for (const r of rows) {
    const list = out.get(r.user_id) ?? [];
    // two modules may grant one competence: the first certificate is the one shown
    if (list.some((h) => h.code === r.code)) continue;
    list.push({
      code: r.code,
      nameEn: r.name_en,
      nameUr: r.name_ur,
      certificateCode: mayReadCode(r.user_id, r.organisation_id) ? r.certificate_code : null,
      moduleTitle: r.title,
      issuedAt: r.issued_at.toISOString(),
    });
    out.set(r.user_id, list);
  }
  return out;
}
