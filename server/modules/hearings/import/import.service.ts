import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { z } from "zod";
import { parseCaseNumber } from "../../../../common/case-number.ts";
import type { ImportRowDto, importBody } from "../../../../common/schemas/hearings.ts";
import { anyUuid } from "../../../db/bulk.ts";
import type { Database } from "../../../db/connection.ts";
import { inTransaction } from "../../../db/transaction.ts";
import type { Actor } from "../../../platform/actor.ts";
import { type AuditEvent, recordAuditMany } from "../../../platform/audit.ts";
import { problems } from "../../../platform/errors.ts";
import { caseAbilities } from "../../cases/cases.policy.ts";
import { displayNumber } from "../../cases/cases.present.ts";
import { caseQuery } from "../../cases/cases.repo.ts";
import { caseTypeAliases } from "../../cases/cases.text.ts";
import { touchCase } from "../hearings.repo.ts";
import { ADAPTERS, type ParsedRow } from "./adapters.ts";
import { readListedDate, readListedTime } from "./listed-values.ts";

/**
 * Importing a court's published cause list (issue 4): the file is read by its format's adapter, each row's case
 * number normalised and matched among the cases of that court the importer may change, and the preview shows
 * every row as matched (a hearing will be created), listed (the case already has a hearing that day) or
 * unmatched with the reason. The commit creates the matched hearings — again skipping any already listed — so
 * importing the same file twice changes nothing.
 */
const MAX_ROWS = 5000;
type Body = z.infer<typeof importBody>;

export async function previewImport(db: Database, actor: Actor, body: Body) {
  const court = await db
    .selectFrom("courts")
    .select(["id", "code", "name_en", "name_ur"])
    .where("id", "=", body.courtId)
    .executeTakeFirst();
  if (!court) throw problems.validation([{ path: "body.courtId", message: "is not a court" }]);
  const parsed = ADAPTERS[body.format]!.parse(body.content);
  if ("error" in parsed) throw problems.validation([{ path: "body.content", message: parsed.error }]);
  if (parsed.rows.length > MAX_ROWS) {
    throw problems.validation([{ path: "body.content", message: `has more than ${MAX_ROWS} rows` }]);
  }
  const rows = await matchRows(db, actor, court.id, parsed.rows);
  const sha256 = createHash("sha256").update(body.content, "utf8").digest("hex");
  const saved = await inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto("hearing_imports")
      .values({
        court_id: court.id,
        format: body.format,
        file_name: body.fileName,
        file_sha256: sha256,
        rows: JSON.stringify(rows),
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAuditMany(trx, actor, [
      {
        action: "cause_list.import_previewed",
        entityType: "hearing_import",
        entityId: row.id,
        changes: { court: court.code, fileName: body.fileName, sha256, ...countsOf(rows) },
      },
    ]);
    return row;
  });
  return {
    importId: saved.id,
    court: { id: court.id, code: court.code, nameEn: court.name_en, nameUr: court.name_ur },
    sha256,
    counts: countsOf(rows),
    rows,
  };
}

function countsOf(rows: ImportRowDto[]) {
  const n = (s: ImportRowDto["status"]) => rows.filter((r) => r.status === s).length;
  return { matched: n("matched"), listed: n("listed"), unmatched: n("unmatched") };
}

async function matchRows(
  db: Database,
  actor: Actor,
  courtId: string,
  parsed: ParsedRow[],
): Promise<ImportRowDto[]> {
  const types = await caseTypeAliases(db);
  const read = parsed.map((p) => ({
    p,
    date: readListedDate(p.date),
    time: readListedTime(p.time),
    number: parseCaseNumber(p.caseNumber, types),
  }));
  const numbers = [...new Set(read.flatMap((r) => (r.number ? [r.number.number] : [])))];
  const cases = numbers.length
    ? await caseQuery(db, actor)
        .select([
          "c.id",
          "c.title",
          "c.number",
          "c.number_suffix",
          "c.year",
          "c.organisation_id",
          "c.assigned_officer_id",
          "c.is_confidential",
          "c.status",
          "t.code as type_code",
          "t.abbreviation as type_abbreviation",
        ])
        .where("c.court_id", "=", courtId)
        .where("c.number", "in", numbers)
        .execute()
    : [];
  const listed = await listedDays(
    db,
    cases.map((c) => c.id),
  );
  const seen = new Set<string>();
  return read.map(({ p, date, time, number }) => {
    const base = {
      line: p.line,
      caseNumber: p.caseNumber,
      date,
      time: time ?? null,
      serial: /^\d{1,6}$/.test(p.serial) && Number(p.serial) > 0 ? Number(p.serial) : null,
      purpose: p.purpose.slice(0, 500),
      coram: p.coram.slice(0, 500),
      case: null,
    };
    const unmatched = (reason: ImportRowDto["reason"], detail: string): ImportRowDto => ({
      ...base,
      status: "unmatched",
      reason,
      detail,
    });
    if (!date) return unmatched("bad_row", `the date "${p.date}" is not a date`);
    if (time === undefined) return unmatched("bad_row", `the time "${p.time}" is not a time`);
    if (!number) return unmatched("unparsable_number", `"${p.caseNumber}" is not a case number`);
    const hits = cases.filter(
      (c) =>
        c.number === number.number &&
        c.year === number.year &&
        c.number_suffix === number.suffix &&
        (number.typeCode === null || c.type_code === number.typeCode),
    );
    if (hits.length === 0) return unmatched("no_case", "no case of yours in this court has this number");
    if (hits.length > 1)
      return unmatched("ambiguous", `${hits.length} cases have this number; write it with its type`);
    const c = hits[0]!;
    if (!caseAbilities(actor, c).edit) return unmatched("no_case", "you may not change this case");
    const found = {
      ...base,
      case: { id: c.id, displayNumber: displayNumber(c), title: c.title },
      reason: null,
    };
    const key = `${c.id}|${date}`;
    if (listed.has(key) || seen.has(key))
      return { ...found, status: "listed", detail: "already has a hearing that day" };
    seen.add(key);
    return { ...found, status: "matched", detail: "" };
  });
}

/** `caseId|date` of every hearing (not cancelled) of these cases. */
async function listedDays(db: Pick<Database, "selectFrom">, caseIds: string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await db
    .selectFrom("hearings")
    .select(["case_id", "hearing_date"])
    .where("case_id", "=", anyUuid(caseIds))
    .where("state", "!=", "cancelled")
    .execute();
  return new Set(rows.map((r) => `${r.case_id}|${r.hearing_date}`));
}

export async function commitImport(db: Database, actor: Actor, importId: string) {
  return inTransaction(db, async (trx) => {
    const imp = await trx
      .selectFrom("hearing_imports")
      .selectAll()
      .where("id", "=", importId)
      .forUpdate()
      .executeTakeFirst();
    // Another user's import answers like an unknown one.
    if (!imp || imp.created_by !== actor.userId) throw problems.notFound("import");
    if (imp.committed_at)
      throw problems.conflict("import_committed", "This import has already been committed.");
    const rows = (imp.rows as ImportRowDto[]).filter((r) => r.status === "matched" && r.case && r.date);
    const caseIds = [...new Set(rows.map((r) => r.case!.id))];
    // The cases locked first, so two imports of the same list cannot both find a day free and double-book it.
    if (caseIds.length > 0) {
      await sql`select id from cases where id = any(${sql.val(caseIds)}::uuid[]) order by id for update`.execute(
        trx,
      );
    }
    // Still visible, editable, open and at the list's court now, and not listed since the preview: else skipped.
    const visible = caseIds.length
      ? await caseQuery(trx, actor)
          .select([
            "c.id",
            "c.court_id",
            "c.bench_id",
            "c.organisation_id",
            "c.assigned_officer_id",
            "c.is_confidential",
            "c.status",
          ])
          .where("c.id", "=", anyUuid(caseIds))
          .where("c.court_id", "=", imp.court_id)
          .where("c.status", "in", ["pending", "appealed"])
          .execute()
      : [];
    const byId = new Map(visible.filter((c) => caseAbilities(actor, c).edit).map((c) => [c.id, c]));
    const listed = await listedDays(trx, caseIds);
    const events: AuditEvent[] = [];
    let created = 0;
    for (const r of rows) {
      const c = byId.get(r.case!.id);
      const key = `${r.case!.id}|${r.date}`;
      if (!c || listed.has(key)) continue;
      listed.add(key);
      const h = await trx
        .insertInto("hearings")
        .values({
          case_id: c.id,
          hearing_date: r.date!,
          hearing_time: r.time,
          serial: r.serial,
          court_id: c.court_id,
          bench_id: c.bench_id,
          purpose: r.purpose,
          coram: r.coram,
          created_by: actor.userId,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await touchCase(trx, c.id);
      events.push({
        action: "hearing.scheduled",
        entityType: "case",
        entityId: c.id,
        organisationId: c.organisation_id,
        changes: { hearingId: h.id, date: r.date, importId },
      });
      created += 1;
    }
    await trx
      .updateTable("hearing_imports")
      .set({ committed_at: new Date(), committed_by: actor.userId, created_hearings: created })
      .where("id", "=", importId)
      .execute();
    events.push({
      action: "cause_list.imported",
      entityType: "hearing_import",
      entityId: importId,
      changes: { created, skipped: rows.length - created, sha256: imp.file_sha256 },
    });
    await recordAuditMany(trx, actor, events);
    return { importId, created, skipped: rows.length - created };
  });
}
