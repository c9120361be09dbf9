import { sql } from "kysely";
import { formatCaseNumber, parseCaseNumber } from "../../../common/case-number.ts";
import { CASE_STATUSES } from "../../../common/case-status.ts";
import type { PublicCase, PublicOrganisationPage, PublicPlace } from "../../../common/schemas/public.ts";
import { anyUuid } from "../../db/bulk.ts";
import type { Database } from "../../db/connection.ts";
import { courtDay } from "../../platform/clock.ts";
import { Problem, problems } from "../../platform/errors.ts";
import { caseTypeAliases } from "../cases/cases.text.ts";
import { type MaskParty, maskTitle } from "./public.mask.ts";

/**
 * What the public may read. Every query starts from `publicCases`, which drops confidential cases in SQL, and
 * selects only public columns: no officer, no user, no document, no note, no subject — and MLA tables are never
 * touched. A confidential case is answered exactly like an unknown number.
 */
export type PublicOptions = { maskNames: boolean };

const MAX_MATCHES = 20;
const MEMO_MS = 60_000;

/**
 * Keeps a value per database for a minute: the case types (the number parser compiles its pattern per list) and
 * the courts — anyone may call these, many times a second. A copy, never the only one.
 */
function memo<T>(load: (db: Database) => Promise<T>) {
  const kept = new WeakMap<Database, { at: number; value: Promise<T> }>();
  return (db: Database): Promise<T> => {
    const hit = kept.get(db);
    if (hit && Date.now() - hit.at < MEMO_MS) return hit.value;
    const value = load(db);
    kept.set(db, { at: Date.now(), value });
    value.catch(() => kept.delete(db));
    return value;
  };
}
const caseTypes = memo(caseTypeAliases);

/** The active courts, for the search's court select: public reference data, in order of precedence. */
export const publicCourts = memo(async (db: Database): Promise<PublicPlace[]> => {
  const rows = await db
    .selectFrom("courts")
    .select(["code", "name_en", "name_ur"])
    .where("active", "=", true)
    .orderBy("sort_order")
    .orderBy("name_en")
    .execute();
  return rows.map((c) => ({ code: c.code, nameEn: c.name_en, nameUr: c.name_ur }));
});

/**
 * The id of the court a query narrows to, read fresh (an inactive court still has its cases). An unknown code is
 * its own 404 naming the field, so "no such court" never reads as "no such case"; courts are public, so saying
 * which codes exist tells nothing.
 */
async function courtFilter(db: Database, code: string | undefined): Promise<string | undefined> {
  if (code === undefined) return undefined;
  const court = await db
    .selectFrom("courts")
    .select("id")
    .where("code", "=", code.toUpperCase())
    .executeTakeFirst();
  if (court) return court.id;
  throw new Problem(404, "not_found", "No such court.", {
    errors: [{ path: "querystring.court", message: "no court has this code; see /api/v1/public/courts" }],
  });
}

function publicCases(db: Database) {
  return db
    .selectFrom("cases as c")
    .innerJoin("courts as ct", "ct.id", "c.court_id")
    .leftJoin("benches as b", "b.id", "c.bench_id")
    .innerJoin("case_types as t", "t.id", "c.case_type_id")
    .innerJoin("organisations as o", "o.id", "c.organisation_id")
    .where("c.is_confidential", "=", false);
}

function publicColumns(today: string) {
  return [
    "c.id",
    "c.number",
    "c.number_suffix",
    "c.year",
    "c.title",
    "c.status",
    "ct.code as court_code",
    "ct.name_en as court_name_en",
    "ct.name_ur as court_name_ur",
    "b.code as bench_code",
    "b.name_en as bench_name_en",
    "b.name_ur as bench_name_ur",
    "t.code as type_code",
    "t.abbreviation as type_abbreviation",
    "o.code as org_code",
    "o.name_en as org_name_en",
    "o.name_ur as org_name_ur",
    sql<string | null>`(select min(h.hearing_date) from hearings h
      where h.case_id = c.id and h.state = 'scheduled' and h.hearing_date >= ${today}::date)`.as(
      "next_hearing_date",
    ),
  ] as const;
}

type Row = {
  id: string;
  number: number;
  number_suffix: string;
  year: number;
  title: string;
  status: string;
  court_code: string;
  court_name_en: string;
  court_name_ur: string;
  bench_code: string | null;
  bench_name_en: string | null;
  bench_name_ur: string | null;
  type_code: string;
  type_abbreviation: string;
  org_code: string;
  org_name_en: string;
  org_name_ur: string;
  next_hearing_date: string | null;
};

/** The public fields of the rows; the internal id is used only to find the parties for masking. */
async function present(db: Database, rows: Row[], opts: PublicOptions): Promise<PublicCase[]> {
  const parties = new Map<string, MaskParty[]>();
  if (opts.maskNames && rows.length > 0) {
    const found = await db
      .selectFrom("case_parties")
      .select(["case_id", "name", "organisation_id"])
      .where("case_id", "=", anyUuid(rows.map((r) => r.id)))
      .execute();
    for (const p of found) {
      const list = parties.get(p.case_id) ?? [];
      list.push({ name: p.name, organisationId: p.organisation_id });
      parties.set(p.case_id, list);
    }
  }
  return rows.map((r) => ({
    court: { code: r.court_code, nameEn: r.court_name_en, nameUr: r.court_name_ur },
    bench:
      r.bench_code === null
        ? null
        : { code: r.bench_code, nameEn: r.bench_name_en ?? "", nameUr: r.bench_name_ur ?? "" },
    organisation: { code: r.org_code, nameEn: r.org_name_en, nameUr: r.org_name_ur },
    caseType: { code: r.type_code, abbreviation: r.type_abbreviation },
    number: formatCaseNumber({
      abbreviation: r.type_abbreviation,
      number: r.number,
      suffix: r.number_suffix,
      year: r.year,
    }),
    year: r.year,
    title: opts.maskNames ? maskTitle(r.title, parties.get(r.id) ?? []) : r.title,
    status: r.status,
    nextHearingDate: r.next_hearing_date,
  }));
}

/** Case status by number written any way ("WP 1234/2025", "W.P. No. 1234 of 2025", Urdu digits), optionally in one court. */
export async function findPublicCases(
  db: Database,
  input: { number: string; court?: string | undefined },
  opts: PublicOptions,
): Promise<PublicCase[]> {
  const parsed = parseCaseNumber(input.number, await caseTypes(db));
  if (!parsed) {
    throw problems.validation(
      [{ path: "querystring.number", message: "not a case number, e.g. W.P. No. 1234 of 2025" }],
      "Write the case number as the court does, e.g. W.P. No. 1234 of 2025 or WP 1234/2025.",
    );
  }
  // checked after the number, so a malformed number is always the 400 whatever the court
  const courtId = await courtFilter(db, input.court);
  let query = publicCases(db)
    .where("c.number", "=", parsed.number)
    .where("c.year", "=", parsed.year)
    .where("c.number_suffix", "=", parsed.suffix);
  if (parsed.typeCode) query = query.where("t.code", "=", parsed.typeCode);
  if (courtId) query = query.where("c.court_id", "=", courtId);
  const rows = await query
    .select(publicColumns(courtDay()))
    .orderBy("ct.sort_order")
    .orderBy("t.code")
    .limit(MAX_MATCHES)
    .execute();
  if (rows.length === 0) throw problems.notFound("case");
  return present(db, rows, opts);
}

/**
 * A ministry's public page and feed: its names, counts of its open cases, and its pending cases page by page,
 * optionally in one court (the counts stay whole: they are what the reader narrows from).
 */
export async function organisationPage(
  db: Database,
  code: string,
  paging: { page: number; pageSize: number; court?: string | undefined },
  opts: PublicOptions,
): Promise<PublicOrganisationPage> {
  const org = await db
    .selectFrom("organisations")
    .select(["id", "code", "name_en", "name_ur"])
    .where("code", "=", code.toUpperCase())
    .where("active", "=", true)
    .executeTakeFirst();
  if (!org) throw problems.notFound("organisation");
  const courtId = await courtFilter(db, paging.court);
  const today = courtDay();
  const mine = publicCases(db).where("c.organisation_id", "=", org.id);
  const pending = mine
    .where("c.status", "=", "pending")
    .$if(courtId !== undefined, (q) => q.where("c.court_id", "=", courtId!));
  const [byStatus, byCourt, pendingTotal, rows] = await Promise.all([
    mine
      .select(["c.status", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("c.status")
      .execute(),
    mine
      .select(["ct.code", "ct.name_en", "ct.name_ur", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy(["ct.code", "ct.name_en", "ct.name_ur", "ct.sort_order"])
      .orderBy("ct.sort_order")
      .execute(),
    pending.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    pending
      .select(publicColumns(today))
      .orderBy(sql`next_hearing_date`, (ob) => ob.asc().nullsLast())
      .orderBy("c.year")
      .orderBy("c.number")
      .orderBy("c.id")
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize)
      .execute(),
  ]);
  const statusCount = new Map(byStatus.map((s) => [s.status, Number(s.n)]));
  return {
    organisation: { code: org.code, nameEn: org.name_en, nameUr: org.name_ur },
    asOf: today,
    total: byStatus.reduce((a, s) => a + Number(s.n), 0),
    byStatus: CASE_STATUSES.map((s) => ({ key: s, nameEn: s, nameUr: s, count: statusCount.get(s) ?? 0 })),
    byCourt: byCourt.map((c) => ({ key: c.code, nameEn: c.name_en, nameUr: c.name_ur, count: Number(c.n) })),
    pending: {
      items: await present(db, rows, opts),
      total: Number(pendingTotal.n),
      page: paging.page,
      pageSize: paging.pageSize,
    },
  };
}
