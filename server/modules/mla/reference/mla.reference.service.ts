import { z } from "zod";
import { ruleCheck } from "../../../../common/mla/rules.ts";
import { type MlaRuleData, mlaRuleData } from "../../../../common/mla/rules.types.ts";
import {
  type DirectoryKind,
  directoryEntrySchemas,
  type rulePutBody,
} from "../../../../common/schemas/mla.reference.ts";
import type { Database } from "../../../db/connection.ts";
import { inTransaction, isUniqueViolation, type Trx } from "../../../db/transaction.ts";
import { type Actor, hasRole } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import { diffFields } from "../../../platform/diff.ts";
import { type FieldError, problems } from "../../../platform/errors.ts";
import { mlaReference, ruleFromRow } from "../mla.reference.ts";
import { checkReferences } from "./mla.reference.refs.ts";

/**
 * The drafting rules and the directory as the Central Authority keeps them: everyone in the MLA register reads
 * them (agencies draft against them), only the Central Authority writes, each write audited in its transaction
 * and versioned (409 on a stale one). The checker reads the tables at its next call (mla.reference.ts).
 */
function assertReader(actor: Actor) {
  if (!hasRole(actor, "central_authority", "requesting_agency"))
    throw problems.forbidden("Only the Central Authority and requesting agencies read the MLA directory.");
}

function assertEditor(actor: Actor) {
  if (!hasRole(actor, "central_authority"))
    throw problems.forbidden("Only the Central Authority edits the MLA directory and drafting rules.");
}

const meta = (r: { version: number; updated_at: Date; updated_by: string | null }) => ({
  version: r.version,
  updatedAt: new Date(r.updated_at).toISOString(),
  updatedBy: r.updated_by,
});

/** The checker's inputs, for the web's live checker: the enabled rules and the directory. */
export async function reference(db: Database, actor: Actor) {
  assertReader(actor);
  return mlaReference(db);
}

type RuleRow = Awaited<ReturnType<typeof ruleRows>>[number];
const ruleRows = (q: Database | Trx) =>
  q
    .selectFrom("mla_rules as r")
    .leftJoin("users as u", "u.id", "r.updated_by")
    .select([
      "r.code",
      "r.data",
      "r.source",
      "r.status",
      "r.enabled",
      "r.version",
      "r.updated_at",
      "u.full_name as updated_by",
    ])
    .orderBy("r.number")
    .execute();
const presentRule = (r: RuleRow) => ({ rule: ruleFromRow(r), enabled: r.enabled, ...meta(r) });

export async function listRules(db: Database, actor: Actor) {
  assertReader(actor);
  return { items: (await ruleRows(db)).map(presentRule) };
}

export async function getRule(db: Database | Trx, actor: Actor, code: string) {
  assertReader(actor);
  const row = (await ruleRows(db)).find((r) => r.code === code);
  if (!row) throw problems.notFound("drafting rule");
  return presentRule(row);
}

/** Rule 16's editable settings; other rules have none. Mirrors the check's own reading of them. */
const RULE_PARAMS: Record<string, z.ZodType> = {
  plain_narrative: z.strictObject({
    terms: z.array(z.strictObject({ term: z.string().trim().min(1), plain: z.string().trim().min(1) })),
    max_sentence_words: z.number().int().min(5).max(200),
  }),
};

const holes = (s: string) => new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));

/**
 * What makes an edited rule still fit its check: the finding keys are the check's, and a text uses only the
 * placeholders the check fills (those the rule's current texts for that finding use).
 */
function ruleErrors(before: MlaRuleData, after: MlaRuleData): FieldError[] {
  const errors: FieldError[] = [];
  const keys = Object.keys(ruleCheck(before.code)?.keys ?? before.findings).sort();
  const got = Object.keys(after.findings).sort();
  if (JSON.stringify(keys) !== JSON.stringify(got))
    errors.push({ path: "body.findings", message: `must have exactly the findings ${keys.join(", ")}` });
  for (const [key, text] of Object.entries(after.findings)) {
    const old = before.findings[key];
    if (!old) continue;
    const allowed = holes(old.message_en + old.fix_en + old.message_ur + old.fix_ur);
    for (const field of ["message_en", "message_ur", "fix_en", "fix_ur"] as const) {
      const unknown = [...holes(text[field])].filter((h) => !allowed.has(h));
      if (unknown.length > 0)
        errors.push({
          path: `body.findings.${key}.${field}`,
          message: `uses {${unknown.join("}, {")}}, which this check does not fill${
            allowed.size ? ` (it fills {${[...allowed].join("}, {")}})` : ""
          }`,
        });
    }
  }
  const paramsSchema = RULE_PARAMS[before.code];
  if (after.params !== undefined && !paramsSchema)
    errors.push({ path: "body.params", message: "this rule has no settings" });
  if (after.params !== undefined && paramsSchema) {
    const p = paramsSchema.safeParse(after.params);
    if (!p.success)
      for (const i of p.error.issues)
        errors.push({ path: ["body.params", ...i.path].join("."), message: i.message });
  }
  return errors;
}

export async function updateRule(
  db: Database,
  actor: Actor,
  code: string,
  body: z.infer<typeof rulePutBody>,
) {
  assertEditor(actor);
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom("mla_rules")
      .selectAll()
      .where("code", "=", code)
      .forUpdate() // concurrent edits queue here, so the version check cannot be raced
      .executeTakeFirst();
    if (!row) throw problems.notFound("drafting rule");
    if (row.version !== body.version) throw problems.staleVersion(row.version);
    const before = ruleFromRow(row);
    const { version: _, enabled, see_also, ...patch } = body;
    const merged: Record<string, unknown> = { ...before, ...patch };
    if (see_also === null) delete merged.see_also;
    else if (see_also !== undefined) merged.see_also = see_also;
    const parsed = mlaRuleData.safeParse(merged);
    if (!parsed.success)
      throw problems.validation(
        parsed.error.issues.map((i) => ({ path: ["body", ...i.path].join("."), message: i.message })),
      );
    const after = parsed.data;
    const errors = ruleErrors(before, after);
    if (errors.length > 0)
      throw problems.validation(errors, "The rule no longer fits the check that applies it.");
    const { code: _c, source, status, ...data } = after;
    const nextEnabled = enabled ?? row.enabled;
    await trx
      .updateTable("mla_rules")
      .set({
        data: JSON.stringify(data),
        source,
        status,
        enabled: nextEnabled,
        version: row.version + 1,
        updated_by: actor.userId,
        updated_at: new Date(),
      })
      .where("code", "=", code)
      .execute();
    await recordAudit(trx, actor, {
      action: "mla.rule_updated",
      entityType: "mla_rule",
      entityId: null,
      changes: {
        code,
        ...diffFields({ ...before, enabled: row.enabled }, { ...after, enabled: nextEnabled }),
      },
    });
    return getRule(trx, actor, code);
  });
}

type EntryRow = Awaited<ReturnType<typeof entryRows>>[number];
const entryRows = (q: Database | Trx, where?: { kind: DirectoryKind; code: string }) => {
  let query = q
    .selectFrom("mla_directory_entries as e")
    .leftJoin("users as u", "u.id", "e.updated_by")
    .select(["e.kind", "e.code", "e.data", "e.version", "e.updated_at", "u.full_name as updated_by"])
    .orderBy("e.kind")
    .orderBy("e.code");
  if (where) query = query.where("e.kind", "=", where.kind).where("e.code", "=", where.code);
  return query.execute();
};
const presentEntry = (e: EntryRow) => ({
  kind: e.kind,
  code: e.code,
  data: { ...(e.data as Record<string, unknown>), code: e.code },
  ...meta(e),
});

export async function listDirectory(db: Database, actor: Actor) {
  assertReader(actor);
  return { items: (await entryRows(db)).map(presentEntry) };
}

async function presentOne(trx: Trx, kind: DirectoryKind, code: string) {
  const [row] = await entryRows(trx, { kind, code });
  if (!row) throw problems.notFound("directory entry");
  return presentEntry(row);
}

/** The entry's data checked against its kind's schema (400 naming each field) and the other entries (422). */
async function validEntry(trx: Trx, kind: DirectoryKind, code: string, data: Record<string, unknown>) {
  if (data.code !== undefined && data.code !== code)
    throw problems.validation([
      { path: "body.data.code", message: `must be ${code}, the code in the address` },
    ]);
  const parsed = directoryEntrySchemas[kind].safeParse({ ...data, code });
  if (!parsed.success)
    throw problems.validation(
      parsed.error.issues.map((i) => ({ path: ["body.data", ...i.path].join("."), message: i.message })),
    );
  const { code: _, ...rest } = parsed.data;
  await checkReferences(trx, kind, code, rest);
  return rest;
}

export async function createEntry(
  db: Database,
  actor: Actor,
  kind: DirectoryKind,
  code: string,
  body: { data: Record<string, unknown> },
) {
  assertEditor(actor);
  return inTransaction(db, async (trx) => {
    const data = await validEntry(trx, kind, code, body.data);
    try {
      await trx
        .insertInto("mla_directory_entries")
        .values({ kind, code, data: JSON.stringify(data), updated_by: actor.userId })
        .execute();
    } catch (e) {
      if (isUniqueViolation(e))
        throw problems.conflict(
          "entry_exists",
          `The directory already has the ${kind} ${code}; edit it instead.`,
        );
      throw e;
    }
    await recordAudit(trx, actor, {
      action: "mla.directory_entry_created",
      entityType: "mla_directory_entry",
      entityId: null,
      changes: { kind, code, ...data },
    });
    return presentOne(trx, kind, code);
  });
}

export async function updateEntry(
  db: Database,
  actor: Actor,
  kind: DirectoryKind,
  code: string,
  body: { version: number; data: Record<string, unknown> },
) {
  assertEditor(actor);
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom("mla_directory_entries")
      .selectAll()
      .where("kind", "=", kind)
      .where("code", "=", code)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw problems.notFound("directory entry");
    if (row.version !== body.version) throw problems.staleVersion(row.version);
    const data = await validEntry(trx, kind, code, body.data);
    await trx
      .updateTable("mla_directory_entries")
      .set({
        data: JSON.stringify(data),
        version: row.version + 1,
        updated_by: actor.userId,
        updated_at: new Date(),
      })
      .where("kind", "=", kind)
      .where("code", "=", code)
      .execute();
    // fields dropped by the edit show as set to null
    const before = row.data as Record<string, unknown>;
    const after: Record<string, unknown> = {
      ...Object.fromEntries(Object.keys(before).map((k) => [k, null])),
      ...data,
    };
    await recordAudit(trx, actor, {
      action: "mla.directory_entry_updated",
      entityType: "mla_directory_entry",
      entityId: null,
      changes: { kind, code, ...diffFields(before, after) },
    });
    return presentOne(trx, kind, code);
  });
}
