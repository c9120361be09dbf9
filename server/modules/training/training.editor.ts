import type { ModuleBody, ModuleEditable } from "../../../common/schemas/training.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction, isUniqueViolation, type Trx } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { problems } from "../../platform/errors.ts";
import { getEditableModule } from "./training.catalogue.ts";
import { assertManagesTraining } from "./training.policy.ts";
import { insertContent, moduleRow } from "./training.reference.ts";

/**
 * Administrators write modules. An edit matches pages and questions by id: one sent with its id keeps it — and
 * with it its attachments, the learners' read marks and earlier attempts' answers — wherever it moves; one sent
 * without is new; one left out is deleted (its attachments and read marks with it, each named in the audit).
 * The version moves, so a quiz answered against the old questions is refused rather than scored on new ones.
 */
async function assertCompetenceExists(trx: Trx, code: string | null) {
  if (code === null) return;
  const found = await trx
    .selectFrom("competences")
    .select("code")
    .where("code", "=", code)
    .executeTakeFirst();
  if (!found)
    throw problems.unprocessable("unknown_competence", `No competence has the code ${code}.`, [
      { path: "body.competenceCode", message: "no such competence" },
    ]);
}

const codeTaken = () => problems.conflict("code_taken", "Another module has this code.");

export async function createModule(db: Database, actor: Actor, body: ModuleBody): Promise<ModuleEditable> {
  assertManagesTraining(actor);
  if (body.pages.some((p) => p.id) || body.questions.some((q) => q.id))
    throw problems.validation([
      { path: "body.pages", message: "a new module's pages and questions have no ids" },
    ]);
  try {
    return await inTransaction(db, async (trx) => {
      await assertCompetenceExists(trx, body.competenceCode);
      const { id } = await trx
        .insertInto("training_modules")
        .values(moduleRow(body))
        .returning("id")
        .executeTakeFirstOrThrow();
      await insertContent(trx, id, body);
      await recordAudit(trx, actor, {
        action: "training.module_created",
        entityType: "training_module",
        entityId: id,
        organisationId: actor.organisationId,
        changes: {
          code: body.code,
          title: body.title,
          published: body.published,
          competence: body.competenceCode,
        },
      });
      return getEditableModule(trx, actor, id);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken();
    throw error;
  }
}

export async function updateModule(
  db: Database,
  actor: Actor,
  id: string,
  body: ModuleBody & { version: number },
): Promise<ModuleEditable> {
  assertManagesTraining(actor);
  try {
    return await inTransaction(db, async (trx) => {
      const before = await trx
        .selectFrom("training_modules")
        .selectAll()
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
      if (!before) throw problems.notFound("training module");
      if (before.version !== body.version) throw problems.staleVersion(before.version);
      await assertCompetenceExists(trx, body.competenceCode);
      await trx
        .updateTable("training_modules")
        .set({ ...moduleRow(body), version: before.version + 1, updated_at: new Date() })
        .where("id", "=", id)
        .execute();
      const content = await replaceContent(trx, id, body);
      const changed = <K extends keyof typeof before>(k: K, to: unknown) =>
        before[k] !== to ? { [k]: { from: before[k], to } } : {};
      await recordAudit(trx, actor, {
        action: "training.module_updated",
        entityType: "training_module",
        entityId: id,
        organisationId: actor.organisationId,
        changes: {
          version: { from: before.version, to: before.version + 1 },
          ...changed("title", body.title),
          ...changed("published", body.published),
          ...changed("competence_code", body.competenceCode),
          ...changed("pass_mark", body.passMark),
          ...changed("language", body.language),
          ...content,
        },
      });
      return getEditableModule(trx, actor, id);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken();
    throw error;
  }
}

type Kept = { id?: string | undefined };
/** Ids sent must be the module's own and each sent once; a 422 names the first that is not. */
function checkIds(sent: Kept[], existing: Set<string>, what: "pages" | "questions") {
  const seen = new Set<string>();
  for (const [i, x] of sent.entries()) {
    if (!x.id) continue;
    if (!existing.has(x.id) || seen.has(x.id))
      throw problems.unprocessable(
        `unknown_${what === "pages" ? "page" : "question"}`,
        `The ${what} sent name an id this module does not have, or twice.`,
        [{ path: `body.${what}.${i}.id`, message: "not one of this module's, or named twice" }],
      );
    seen.add(x.id);
  }
  return [...existing].filter((id) => !seen.has(id));
}

/**
 * Pages and questions as sent: kept ones updated (moved out of the way of the position key first), missing ones
 * deleted, new ones added. Returns what the audit records: ids added, removed and edited, and the attachments
 * that went with removed pages.
 */
async function replaceContent(trx: Trx, moduleId: string, body: ModuleBody) {
  const [pages, questions] = await Promise.all([
    trx
      .selectFrom("training_pages")
      .select(["id", "title", "body"])
      .where("module_id", "=", moduleId)
      .execute(),
    trx.selectFrom("training_questions").selectAll().where("module_id", "=", moduleId).execute(),
  ]);
  const removedPages = checkIds(body.pages, new Set(pages.map((p) => p.id)), "pages");
  const removedQuestions = checkIds(body.questions, new Set(questions.map((q) => q.id)), "questions");
  const removedAttachments = removedPages.length
    ? await trx
        .selectFrom("training_attachments")
        .select(["id", "file_name"])
        .where("page_id", "in", removedPages)
        .execute()
    : [];
  if (removedPages.length) await trx.deleteFrom("training_pages").where("id", "in", removedPages).execute();
  if (removedQuestions.length)
    await trx.deleteFrom("training_questions").where("id", "in", removedQuestions).execute();
  // every kept row off the positions 1…n before they are written again (the (module, position) key)
  await trx
    .updateTable("training_pages")
    .set((eb) => ({ position: eb.neg(eb.ref("position")) }))
    .where("module_id", "=", moduleId)
    .execute();
  await trx
    .updateTable("training_questions")
    .set((eb) => ({ position: eb.neg(eb.ref("position")) }))
    .where("module_id", "=", moduleId)
    .execute();

  const pageById = new Map(pages.map((p) => [p.id, p]));
  const editedPages: string[] = [];
  for (const [i, p] of body.pages.entries()) {
    if (!p.id) {
      await trx
        .insertInto("training_pages")
        .values({ module_id: moduleId, position: i + 1, title: p.title, body: p.body })
        .execute();
      continue;
    }
    const old = pageById.get(p.id)!;
    if (old.title !== p.title || old.body !== p.body) editedPages.push(p.id);
    await trx
      .updateTable("training_pages")
      .set({ position: i + 1, title: p.title, body: p.body })
      .where("id", "=", p.id)
      .execute();
  }
  const questionById = new Map(questions.map((q) => [q.id, q]));
  const editedQuestions: string[] = [];
  for (const [i, q] of body.questions.entries()) {
    const values = {
      position: i + 1,
      prompt: q.prompt,
      options: q.options,
      correct: q.correct,
      explanation: q.explanation,
    };
    if (!q.id) {
      await trx
        .insertInto("training_questions")
        .values({ module_id: moduleId, ...values })
        .execute();
      continue;
    }
    const old = questionById.get(q.id)!;
    if (
      JSON.stringify([old.prompt, old.options, old.correct, old.explanation]) !==
      JSON.stringify([q.prompt, q.options, q.correct, q.explanation])
    )
      editedQuestions.push(q.id);
    await trx.updateTable("training_questions").set(values).where("id", "=", q.id).execute();
  }
  return {
    pages: {
      count: body.pages.length,
      added: body.pages.filter((p) => !p.id).length,
      removed: removedPages,
      edited: editedPages,
    },
    questions: {
      count: body.questions.length,
      added: body.questions.filter((q) => !q.id).length,
      removed: removedQuestions,
      edited: editedQuestions,
    },
    ...(removedAttachments.length
      ? { attachmentsRemoved: removedAttachments.map((a) => ({ id: a.id, fileName: a.file_name })) }
      : {}),
  };
}
