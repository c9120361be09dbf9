import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Database } from "../../db/connection.ts";

/**
 * Limitation rules and court calendars from reference/ into the database. Rows missing from the database are
 * added (except closures an administrator removed or re-dated); rows already there are never overwritten, because administrators edit them (with audit) and an
 * upgrade must not undo a correction. A file's fix therefore reaches an existing installation only through
 * the administration screens — said in the README.
 */
const REFERENCE_DIR = path.resolve(import.meta.dirname, "../../../reference");

const status = z.enum(["V", "S", "U"]);
const day = z.iso.date();

const rulesFile = z.object({
  source: z.string(),
  note: z.string().optional(),
  items: z.array(
    z.strictObject({
      code: z.string().regex(/^[a-z][a-z0-9_]{1,47}$/),
      name_en: z.string().min(1),
      name_ur: z.string().min(1),
      days: z.number().int().min(1).max(3650).nullable(),
      certified_copy_excluded: z.boolean(),
      margin_days: z.number().int().min(0).max(60),
      filed_in: z.string().min(1),
      applies_when: z.strictObject({
        court_levels: z.array(z.string()).optional(),
        case_types: z.array(z.string()).optional(),
      }),
      source: z.string().min(1),
      status,
    }),
  ),
});

const calendarsFile = z.object({
  source: z.string(),
  note: z.string().optional(),
  weekends: z.array(
    z.strictObject({
      court_code: z.string().min(1),
      days: z.array(z.number().int().min(0).max(6)).max(6),
      source: z.string().min(1),
      status,
    }),
  ),
  closures: z.array(
    z
      .strictObject({
        court_code: z.string().min(1),
        from: day,
        to: day,
        name_en: z.string().min(1),
        name_ur: z.string(),
        kind: z.enum(["holiday", "vacation"]),
        source: z.string().min(1),
        status,
      })
      .refine((c) => c.to >= c.from, { path: ["to"], message: "must be on or after from" }),
  ),
});

function readJson<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  const parsed = schema.safeParse(JSON.parse(fs.readFileSync(path.join(REFERENCE_DIR, file), "utf8")));
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new Error(`reference/${file}: ${first.path.join(".")}: ${first.message}`);
  }
  return parsed.data;
}

/** Adds the rules and calendar entries not yet in the database; returns how many rows were added. */
export async function loadLimitationReference(db: Database): Promise<number> {
  const rules = readJson("limitation-rules.json", rulesFile);
  const calendars = readJson("court-calendars.json", calendarsFile);
  const courts = await db.selectFrom("courts").select(["id", "code"]).execute();
  const courtId = new Map(courts.map((c) => [c.code, c.id]));
  const courtOf = (code: string, where: string) => {
    if (code === "*") return null;
    const id = courtId.get(code);
    if (!id) throw new Error(`reference/court-calendars.json: ${where}: unknown court ${code}`);
    return id;
  };
  return db.transaction().execute(async (trx) => {
    let added = 0;
    const ruleRows = rules.items.map((r) => ({
      ...r,
      applies_when: JSON.stringify(r.applies_when),
    }));
    const r = await trx
      .insertInto("limitation_rules")
      .values(ruleRows)
      .onConflict((oc) => oc.column("code").doNothing())
      .executeTakeFirst();
    added += Number(r.numInsertedOrUpdatedRows ?? 0);
    for (const [i, w] of calendars.weekends.entries()) {
      const row = {
        court_id: courtOf(w.court_code, `weekends.${i}`),
        days: w.days,
        source: w.source,
        status: w.status,
      };
      const res = await trx
        .insertInto("court_weekends")
        .values(row)
        .onConflict((oc) => oc.column("court_id").doNothing())
        .executeTakeFirst();
      added += Number(res.numInsertedOrUpdatedRows ?? 0);
    }
    const removed = await trx
      .selectFrom("court_closure_removals")
      .select(["court_id", "starts_on", "name_en"])
      .execute();
    const gone = new Set(removed.map((r) => `${r.court_id}|${r.starts_on}|${r.name_en}`));
    const rows = calendars.closures
      .map((c, i) => ({
        court_id: courtOf(c.court_code, `closures.${i}`),
        starts_on: c.from,
        ends_on: c.to,
        name_en: c.name_en,
        name_ur: c.name_ur,
        kind: c.kind,
        source: c.source,
        status: c.status,
      }))
      // what an administrator removed or re-dated stays so
      .filter((r) => !gone.has(`${r.court_id}|${r.starts_on}|${r.name_en}`));
    if (rows.length > 0) {
      const res = await trx
        .insertInto("court_closures")
        .values(rows)
        .onConflict((oc) => oc.columns(["court_id", "starts_on", "name_en"]).doNothing())
        .executeTakeFirst();
      added += Number(res.numInsertedOrUpdatedRows ?? 0);
    }
    return added;
  });
}
