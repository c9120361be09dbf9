import { sql } from "kysely";
import type {
  EnrolmentSummary,
  ModuleDetail,
  ModuleEditable,
  ModuleSummary,
} from "../../../common/schemas/training.ts";
import type { Database } from "../../db/connection.ts";
import type { Trx } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { problems } from "../../platform/errors.ts";
import { assertManagesTraining, managesTraining } from "./training.policy.ts";

/**
 * The catalogue: modules as learners list and read them (published only, answers never sent), and as
 * administrators edit them. An edit replaces pages and questions in order, keeping the id of whatever stays at
 * its position so progress (pages read) survives a correction; the version moves, so a quiz answered against the
 * old questions is refused (409 module_changed) rather than scored against new ones.
 */
type Q = Database | Trx;
export type ListFilter = { topic?: string; language?: string; q?: string; drafts?: boolean };

function modules(q: Q) {
  return q
    .selectFrom("training_modules as m")
    .leftJoin("competences as c", "c.code", "m.competence_code")
    .select([
      "m.id",
      "m.code",
      "m.title",
      "m.description",
      "m.language",
      "m.duration_minutes",
      "m.topic",
      "m.competence_code",
      "m.pass_mark",
      "m.published",
      "m.version",
      "c.name_en as competence_en",
      "c.name_ur as competence_ur",
      (eb) =>
        eb
          .selectFrom("training_pages as p")
          .select(eb.fn.countAll<number>().as("n"))
          .whereRef("p.module_id", "=", "m.id")
          .as("page_count"),
      (eb) =>
        eb
          .selectFrom("training_questions as x")
          .select(eb.fn.countAll<number>().as("n"))
          .whereRef("x.module_id", "=", "m.id")
          .as("question_count"),
    ]);
}
type ModuleRow = Awaited<ReturnType<ReturnType<typeof modules>["executeTakeFirstOrThrow"]>>;

/** The actor's enrolments in these modules: pages read, attempts, best score, certificate. */
export async function enrolmentsOf(
  q: Q,
  userId: string,
  moduleIds: string[],
): Promise<Map<string, EnrolmentSummary>> {
  if (moduleIds.length === 0) return new Map();
  const rows = await q
    .selectFrom("training_enrolments as e")
    // the standing certificate, or the latest revoked one when none stands
    .leftJoin("training_certificates as t", (j) =>
      j.on("t.id", "=", (eb) =>
        eb
          .selectFrom("training_certificates as c")
          .select("c.id")
          .whereRef("c.enrolment_id", "=", "e.id")
          .orderBy(sql`c.revoked_at is null`, "desc")
          .orderBy("c.issued_at", "desc")
          .limit(1),
      ),
    )
    .select([
      "e.id",
      "e.module_id",
      "e.enrolled_at",
      "e.completed_at",
      "t.id as certificate_id",
      "t.code as certificate_code",
      "t.revoked_at",
      (eb) =>
        eb
          .selectFrom("training_page_reads as r")
          .innerJoin("training_pages as p", "p.id", "r.page_id")
          .select(sql<string[]>`coalesce(array_agg(r.page_id::text order by p.position), '{}')`.as("ids"))
          .whereRef("r.enrolment_id", "=", "e.id")
          .as("pages_read"),
      (eb) =>
        eb
          .selectFrom("training_attempts as a")
          .select(eb.fn.countAll<number>().as("n"))
          .whereRef("a.enrolment_id", "=", "e.id")
          .as("attempts"),
      (eb) =>
        eb
          .selectFrom("training_attempts as a")
          .select(eb.fn.max<string>(sql.ref("a.percent")).as("p"))
          .whereRef("a.enrolment_id", "=", "e.id")
          .as("best"),
    ])
    .where("e.user_id", "=", userId)
    .where("e.module_id", "in", moduleIds)
    .execute();
  return new Map(
    rows.map((r) => [
      r.module_id,
      {
        enrolledAt: r.enrolled_at.toISOString(),
        pagesRead: r.pages_read ?? [],
        completedAt: r.completed_at?.toISOString() ?? null,
        attempts: Number(r.attempts ?? 0),
        bestPercent: r.best === null || r.best === undefined ? null : Number(r.best),
        certificate: r.certificate_id
          ? { id: r.certificate_id, code: r.certificate_code!, revoked: r.revoked_at !== null }
          : null,
      },
    ]),
  );
}

const summary = (m: ModuleRow, mine: EnrolmentSummary | null): ModuleSummary => ({
  id: m.id,
  code: m.code,
  title: m.title,
  description: m.description,
  language: m.language,
  durationMinutes: m.duration_minutes,
  topic: m.topic as ModuleSummary["topic"],
  competence: m.competence_code
    ? { code: m.competence_code, nameEn: m.competence_en ?? "", nameUr: m.competence_ur ?? "" }
    : null,
  passMark: m.pass_mark,
  published: m.published,
  pageCount: Number(m.page_count ?? 0),
  questionCount: Number(m.question_count ?? 0),
  version: m.version,
  mine,
});

export async function listModules(
  db: Database,
  actor: Actor,
  f: ListFilter,
): Promise<{ items: ModuleSummary[] }> {
  let query = modules(db);
  if (!(f.drafts && managesTraining(actor))) query = query.where("m.published", "=", true);
  if (f.topic) query = query.where("m.topic", "=", f.topic);
  if (f.language) query = query.where("m.language", "=", f.language as "en" | "ur");
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb("m.title", "ilike", like), eb("m.description", "ilike", like)]));
  }
  const rows = await query.orderBy("m.topic").orderBy("m.title").orderBy("m.id").execute();
  const mine = await enrolmentsOf(
    db,
    actor.userId,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => summary(r, mine.get(r.id) ?? null)) };
}

/** A module the actor may open: published, or any for administrators; else 404 as if it did not exist. */
export async function moduleFor(q: Q, actor: Actor, id: string): Promise<ModuleRow> {
  const row = await modules(q).where("m.id", "=", id).executeTakeFirst();
  if (!row || !(row.published || managesTraining(actor))) throw problems.notFound("training module");
  return row;
}

async function content(q: Q, moduleId: string) {
  const [pages, attachments, questions] = await Promise.all([
    q
      .selectFrom("training_pages")
      .selectAll()
      .where("module_id", "=", moduleId)
      .orderBy("position")
      .execute(),
    q
      .selectFrom("training_attachments as a")
      .innerJoin("training_pages as p", "p.id", "a.page_id")
      .select(["a.id", "a.page_id", "a.file_name", "a.media_type", "a.size_bytes"])
      .where("p.module_id", "=", moduleId)
      .orderBy("a.uploaded_at")
      .orderBy("a.id")
      .execute(),
    q
      .selectFrom("training_questions")
      .selectAll()
      .where("module_id", "=", moduleId)
      .orderBy("position")
      .execute(),
  ]);
  const byPage = Map.groupBy(attachments, (a) => a.page_id);
  const withFiles = pages.map((p) => ({
    id: p.id,
    title: p.title,
    body: p.body,
    attachments: (byPage.get(p.id) ?? []).map((a) => ({
      id: a.id,
      filename: a.file_name,
      contentType: a.media_type,
      size: Number(a.size_bytes),
    })),
  }));
  return { pages: withFiles, questions };
}

export async function getModule(db: Database, actor: Actor, id: string): Promise<ModuleDetail> {
  const row = await moduleFor(db, actor, id);
  const [{ pages, questions }, mine] = await Promise.all([
    content(db, id),
    enrolmentsOf(db, actor.userId, [id]),
  ]);
  return {
    ...summary(row, mine.get(id) ?? null),
    pages,
    questions: questions.map((x) => ({
      id: x.id,
      prompt: x.prompt,
      options: x.options,
      multiple: x.correct.length > 1,
    })),
  };
}

export async function getEditableModule(q: Q, actor: Actor, id: string): Promise<ModuleEditable> {
  assertManagesTraining(actor);
  const row = await moduleFor(q, actor, id);
  const [{ pages, questions }, mine] = await Promise.all([
    content(q, id),
    enrolmentsOf(q, actor.userId, [id]),
  ]);
  return {
    ...summary(row, mine.get(id) ?? null),
    competenceCode: row.competence_code,
    pages,
    questions: questions.map((x) => ({
      id: x.id,
      prompt: x.prompt,
      options: x.options,
      correct: x.correct,
      explanation: x.explanation,
    })),
  };
}
