import { randomBytes } from "node:crypto";
import type { z } from "zod";
import type { AttemptResult, attemptBody, EnrolmentSummary } from "../../../common/schemas/training.ts";
import { makeCertificateCode } from "../../../common/training/certificate-code.ts";
import { scoreQuiz } from "../../../common/training/quiz.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction, isUniqueViolation, type Trx } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { problems } from "../../platform/errors.ts";
import { enrolmentsOf, moduleFor } from "./training.catalogue.ts";

/**
 * A learner's way through a module: enrol, read each page, answer the quiz. Reading every page opens the quiz;
 * a passing attempt completes the enrolment and issues the certificate in the same transaction, so a pass
 * without its certificate (or the reverse) cannot exist. Every step is the learner's own: nobody enrols or
 * answers for another user.
 */
const audit = (
  trx: Trx,
  actor: Actor,
  action: Parameters<typeof recordAudit>[2]["action"],
  id: string,
  changes: Record<string, unknown>,
) =>
  recordAudit(trx, actor, {
    action,
    entityType: "training_enrolment",
    entityId: id,
    organisationId: actor.organisationId,
    changes,
  });

/** The actor's enrolment in the module, made (and audited) if there is none; locked for the caller's write. */
async function ensureEnrolment(trx: Trx, actor: Actor, moduleId: string) {
  const module = await moduleFor(trx, actor, moduleId);
  const inserted = await trx
    .insertInto("training_enrolments")
    .values({ user_id: actor.userId, module_id: moduleId })
    .onConflict((oc) => oc.columns(["user_id", "module_id"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) await audit(trx, actor, "training.enrolled", inserted.id, { module: module.code });
  const enrolment = await trx
    .selectFrom("training_enrolments")
    .selectAll()
    .where("user_id", "=", actor.userId)
    .where("module_id", "=", moduleId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { module, enrolment };
}

async function summaryOf(trx: Trx, actor: Actor, moduleId: string): Promise<EnrolmentSummary> {
  return (await enrolmentsOf(trx, actor.userId, [moduleId])).get(moduleId)!;
}

export function enrol(db: Database, actor: Actor, moduleId: string): Promise<EnrolmentSummary> {
  return inTransaction(db, async (trx) => {
    await ensureEnrolment(trx, actor, moduleId);
    return summaryOf(trx, actor, moduleId);
  });
}

export function markPageRead(
  db: Database,
  actor: Actor,
  moduleId: string,
  pageId: string,
): Promise<EnrolmentSummary> {
  return inTransaction(db, async (trx) => {
    const { enrolment } = await ensureEnrolment(trx, actor, moduleId);
    const page = await trx
      .selectFrom("training_pages")
      .select(["id", "position"])
      .where("id", "=", pageId)
      .where("module_id", "=", moduleId)
      .executeTakeFirst();
    if (!page) throw problems.notFound("page of this module");
    const read = await trx
      .insertInto("training_page_reads")
      .values({ enrolment_id: enrolment.id, page_id: pageId })
      .onConflict((oc) => oc.columns(["enrolment_id", "page_id"]).doNothing())
      .returning("page_id")
      .executeTakeFirst();
    if (read) await audit(trx, actor, "training.page_read", enrolment.id, { page: page.position });
    return summaryOf(trx, actor, moduleId);
  });
}

type AttemptInput = z.infer<typeof attemptBody>;

/** Refusals before scoring: a question answered twice, an unknown question, an option the question lacks. */
function checkAnswers(questions: { id: string; options: string[] }[], answers: AttemptInput["answers"]) {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  for (const [i, a] of answers.entries()) {
    const path = `body.answers.${i}`;
    if (seen.has(a.questionId))
      throw problems.validation([{ path: `${path}.questionId`, message: "answered twice" }]);
    seen.add(a.questionId);
    const q = byId.get(a.questionId);
    if (!q)
      throw problems.unprocessable(
        "unknown_question",
        "An answer names a question this module does not have.",
        [{ path: `${path}.questionId`, message: "not a question of this module" }],
      );
    if (new Set(a.chosen).size !== a.chosen.length)
      throw problems.validation([{ path: `${path}.chosen`, message: "an option is chosen twice" }]);
    if (a.chosen.some((o) => o >= q.options.length))
      throw problems.unprocessable(
        "unknown_option",
        "An answer chooses an option the question does not have.",
        [{ path: `${path}.chosen`, message: `options are 0 to ${q.options.length - 1}` }],
      );
  }
}

export async function submitAttempt(
  db: Database,
  actor: Actor,
  moduleId: string,
  input: AttemptInput,
): Promise<AttemptResult> {
  try {
    return await scoreAttempt(db, actor, moduleId, input);
  } catch (error) {
    // a certificate code drawn twice (75 random bits) or a second pass racing the first
    if (isUniqueViolation(error)) throw problems.conflict("try_again", "Please submit your answers again.");
    throw error;
  }
}

function scoreAttempt(
  db: Database,
  actor: Actor,
  moduleId: string,
  input: AttemptInput,
): Promise<AttemptResult> {
  return inTransaction(db, async (trx) => {
    // held until commit: an administrator's edit (FOR UPDATE) waits, so the questions scored are the version checked
    await trx.selectFrom("training_modules").select("id").where("id", "=", moduleId).forShare().execute();
    const { module, enrolment } = await ensureEnrolment(trx, actor, moduleId);
    if (module.version !== input.moduleVersion)
      throw problems.conflict(
        "module_changed",
        "The module was changed since you opened it; reload it and answer again.",
        { version: module.version },
      );
    const unread = await trx
      .selectFrom("training_pages as p")
      .select("p.id")
      .where("p.module_id", "=", moduleId)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("training_page_reads as r")
              .select("r.page_id")
              .whereRef("r.page_id", "=", "p.id")
              .where("r.enrolment_id", "=", enrolment.id),
          ),
        ),
      )
      .execute();
    if (unread.length > 0)
      throw problems.conflict(
        "pages_unread",
        `Read every page before the quiz: ${unread.length} still unread.`,
        { unread: unread.length },
      );
    const questions = await trx
      .selectFrom("training_questions")
      .selectAll()
      .where("module_id", "=", moduleId)
      .orderBy("position")
      .execute();
    checkAnswers(questions, input.answers);
    const result = scoreQuiz(questions, input.answers, module.pass_mark);
    const attempt = await trx
      .insertInto("training_attempts")
      .values({
        enrolment_id: enrolment.id,
        module_version: module.version,
        answers: JSON.stringify(input.answers),
        score: result.score,
        total: result.total,
        percent: result.percent,
        passed: result.passed,
      })
      .returning(["id", "submitted_at"])
      .executeTakeFirstOrThrow();
    await audit(trx, actor, "training.quiz_submitted", enrolment.id, {
      module: module.code,
      score: result.score,
      total: result.total,
      percent: result.percent,
      passed: result.passed,
    });
    const certificate = result.passed
      ? await issueOnce(trx, actor, {
          enrolmentId: enrolment.id,
          attemptId: attempt.id,
          module,
          percent: result.percent,
        })
      : await existingCertificate(trx, enrolment.id);
    return {
      id: attempt.id,
      score: result.score,
      total: result.total,
      percent: result.percent,
      passMark: module.pass_mark,
      passed: result.passed,
      submittedAt: attempt.submitted_at.toISOString(),
      // the right options and explanations only once passed: a failed attempt says which answers were wrong,
      // not what the right ones are, so the next attempt is not a copy of the answer sheet
      questions: questions.map((q) => ({
        questionId: q.id,
        right: result.right.get(q.id)!,
        correct: result.passed ? q.correct : [],
        explanation: result.passed ? q.explanation : "",
      })),
      certificate,
    };
  });
}

/** The enrolment's standing certificate (a revoked one does not stand). */
const existingCertificate = (trx: Trx, enrolmentId: string) =>
  trx
    .selectFrom("training_certificates")
    .select(["id", "code"])
    .where("enrolment_id", "=", enrolmentId)
    .where("revoked_at", "is", null)
    .executeTakeFirst()
    .then((c) => c ?? null);

type Issue = {
  enrolmentId: string;
  attemptId: string;
  module: Awaited<ReturnType<typeof moduleFor>>;
  percent: number;
};

/**
 * A pass with no standing certificate (the first, or the first after a revocation) completes the enrolment and
 * issues one, recording the module as it stands; a pass with one keeps it.
 */
async function issueOnce(trx: Trx, actor: Actor, x: Issue) {
  const existing = await existingCertificate(trx, x.enrolmentId);
  if (existing) return existing;
  await trx
    .updateTable("training_enrolments")
    .set({ completed_at: new Date() })
    .where("id", "=", x.enrolmentId)
    .execute();
  // 75 random bits make a clash next to impossible; should one happen, submitAttempt answers 409 try_again
  const code = makeCertificateCode(randomBytes(15));
  const row = await trx
    .insertInto("training_certificates")
    .values({
      code,
      enrolment_id: x.enrolmentId,
      attempt_id: x.attemptId,
      user_id: actor.userId,
      module_id: x.module.id,
      competence_code: x.module.competence_code,
      module_code: x.module.code,
      module_title: x.module.title,
      module_version: x.module.version,
      pass_mark: x.module.pass_mark,
      duration_minutes: x.module.duration_minutes,
      percent: x.percent,
    })
    .returning(["id", "code"])
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: "training.certificate_issued",
    entityType: "training_certificate",
    entityId: row.id,
    organisationId: actor.organisationId,
    changes: {
      module: x.module.code,
      version: x.module.version,
      competence: x.module.competence_code,
      percent: x.percent,
    },
  });
  return row;
}
