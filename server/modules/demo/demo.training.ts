import type { Database } from "../../db/connection.ts";
import type { Actor } from "../../platform/actor.ts";
import { markPageRead, submitAttempt } from "../training/training.learning.ts";

/**
 * The demo's training record, made through the learners' own service calls (so pages read, attempts,
 * certificates and their audit events are real): several law officers completed "Limitation and appeals",
 * one "Preserving electronic evidence"; the Central Authority completed MLA drafting and electronic
 * evidence; a few people only started. Competences therefore show on profiles and in assignment rankings.
 */
const COMPLETED: [username: string, module: string][] = [
  ["officer.agp1", "limitation-and-appeals"],
  ["officer.agp2", "limitation-and-appeals"],
  ["officer.agp4", "limitation-and-appeals"],
  ["officer.agp3", "electronic-evidence-preservation"],
  ["central.authority", "mla-drafting"],
  ["central.authority", "electronic-evidence-preservation"],
  ["fia.agency", "electronic-evidence-preservation"],
  ["focal.interior", "using-cams"],
  ["solicitor", "using-cams"],
];
/** Started, not finished: the first pages read. */
const STARTED: [username: string, module: string, pages: number][] = [
  ["focal.finance", "using-cams", 2],
  ["nodal.interior", "using-cams-ur", 1],
  ["officer.agp5", "limitation-and-appeals", 1],
];

async function moduleOf(db: Database, code: string) {
  const m = await db
    .selectFrom("training_modules")
    .select(["id", "version"])
    .where("code", "=", code)
    .executeTakeFirstOrThrow();
  const [pages, questions] = await Promise.all([
    db.selectFrom("training_pages").select("id").where("module_id", "=", m.id).orderBy("position").execute(),
    db
      .selectFrom("training_questions")
      .select(["id", "correct"])
      .where("module_id", "=", m.id)
      .orderBy("position")
      .execute(),
  ]);
  return { ...m, pages, answers: questions.map((q) => ({ questionId: q.id, chosen: q.correct })) };
}

export async function seedDemoTraining(db: Database, actor: (username: string) => Actor) {
  let certificates = 0;
  for (const [username, code] of COMPLETED) {
    const m = await moduleOf(db, code);
    for (const p of m.pages) await markPageRead(db, actor(username), m.id, p.id);
    const result = await submitAttempt(db, actor(username), m.id, {
      moduleVersion: m.version,
      answers: m.answers,
    });
    if (result.certificate) certificates++;
  }
  for (const [username, code, pages] of STARTED) {
    const m = await moduleOf(db, code);
    for (const p of m.pages.slice(0, pages)) await markPageRead(db, actor(username), m.id, p.id);
  }
  return certificates;
}
