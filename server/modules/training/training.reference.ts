import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { competenceCreate, moduleBody } from "../../../common/schemas/training.ts";
import type { Database } from "../../db/connection.ts";
import type { Trx } from "../../db/transaction.ts";

/**
 * The seeded catalogue as files: reference/competences.json and one folder per module under reference/training/
 * (module.json with the quiz, pages as 01-*.md … whose first line is "# Title"). Loaded on start like the other
 * reference data — adding what is missing by code, never overwriting what administrators have edited.
 */
const REFERENCE_DIR = path.resolve(import.meta.dirname, "../../../reference");

const competencesFile = z.object({ items: z.array(competenceCreate) });
const moduleFile = moduleBody
  .omit({ pages: true, published: true, competenceCode: true })
  .extend({ competence: z.string().nullable(), sources: z.array(z.string()).default([]) });

export type SeedModule = z.infer<typeof moduleBody>;

function fail(file: string, error: z.ZodError): Error {
  const first = error.issues[0]!;
  return new Error(`reference/${file}: ${first.path.join(".")}: ${first.message}`);
}

export function readCompetences(dir = REFERENCE_DIR) {
  const parsed = competencesFile.safeParse(
    JSON.parse(readFileSync(path.join(dir, "competences.json"), "utf8")),
  );
  if (!parsed.success) throw fail("competences.json", parsed.error);
  return parsed.data.items;
}

/** Every module folder as the body an administrator would post (published). */
export function readSeedModules(dir = REFERENCE_DIR): SeedModule[] {
  const root = path.join(dir, "training");
  const folders = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory());
  return folders
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const file = `training/${name}/module.json`;
      const meta = moduleFile.safeParse(
        JSON.parse(readFileSync(path.join(root, name, "module.json"), "utf8")),
      );
      if (!meta.success) throw fail(file, meta.error);
      const pages = readdirSync(path.join(root, name))
        .filter((f) => /^\d+-.*\.md$/.test(f))
        .sort()
        .map((f) => pageFrom(readFileSync(path.join(root, name, f), "utf8"), `training/${name}/${f}`));
      const { competence, sources: _sources, ...rest } = meta.data;
      const parsed = moduleBody.safeParse({ ...rest, competenceCode: competence, published: true, pages });
      if (!parsed.success) throw fail(file, parsed.error);
      return parsed.data;
    });
}

function pageFrom(text: string, file: string) {
  const [first = "", ...rest] = text.replace(/^\uFEFF/, "").split("\n");
  if (!first.startsWith("# ")) throw new Error(`reference/${file}: the first line must be "# <title>"`);
  return { title: first.slice(2).trim(), body: rest.join("\n").trim() };
}

/** Adds the competences and modules not yet in the database; returns how many of each were added. */
export async function loadTrainingReference(db: Database, opts: { dir?: string } = {}) {
  const competences = readCompetences(opts.dir);
  const modules = readSeedModules(opts.dir);
  return db.transaction().execute(async (trx) => {
    const c = await trx
      .insertInto("competences")
      .values(
        competences.map((x) => ({
          code: x.code,
          name_en: x.nameEn,
          name_ur: x.nameUr,
          description: x.description,
          case_categories: x.caseCategories,
          mla_kinds: x.mlaKinds,
          source: x.source,
        })),
      )
      .onConflict((oc) => oc.column("code").doNothing())
      .executeTakeFirst();
    let added = 0;
    for (const m of modules) if (await insertModuleIfMissing(trx, m)) added++;
    return { competences: Number(c.numInsertedOrUpdatedRows ?? 0), modules: added };
  });
}

async function insertModuleIfMissing(trx: Trx, m: SeedModule): Promise<boolean> {
  const row = await trx
    .insertInto("training_modules")
    .values(moduleRow(m))
    .onConflict((oc) => oc.column("code").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!row) return false;
  await insertContent(trx, row.id, m);
  return true;
}

export const moduleRow = (m: Omit<SeedModule, "pages" | "questions">) => ({
  code: m.code,
  title: m.title,
  description: m.description,
  language: m.language,
  duration_minutes: m.durationMinutes,
  topic: m.topic,
  competence_code: m.competenceCode,
  pass_mark: m.passMark,
  published: m.published,
});

/** A new module's pages and questions, in order. */
export async function insertContent(trx: Trx, moduleId: string, m: Pick<SeedModule, "pages" | "questions">) {
  await trx
    .insertInto("training_pages")
    .values(m.pages.map((p, i) => ({ module_id: moduleId, position: i + 1, title: p.title, body: p.body })))
    .execute();
  await trx
    .insertInto("training_questions")
    .values(
      m.questions.map((q, i) => ({
        module_id: moduleId,
        position: i + 1,
        prompt: q.prompt,
        options: q.options,
        correct: q.correct,
        explanation: q.explanation,
      })),
    )
    .execute();
}
