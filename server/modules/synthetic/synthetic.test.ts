import { createHash } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseListQuery } from "../../../common/schemas/cases.ts";
import { type DatabaseHandle, openDatabase } from "../../db/connection.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { verifyAuditChain } from "../../platform/audit.ts";
import { loadDefaultWeights } from "../assignment/policies.service.ts";
import { listCases } from "../cases/cases.search.ts";
import { refreshOfficerLoad } from "../cases/officer-load.ts";
import { loadLimitationReference } from "../deadlines/deadlines.reference.ts";
import { loadReferenceData } from "../reference/reference.loader.ts";
import { LOADED, type SyntheticResult, seedSynthetic } from "./synthetic.seed.ts";

// Two in-memory PGlite databases of their own (never TEST_DATABASE_URL): the synthetic usernames and ids are
// fixed, and determinism is checked by seeding both with the same seed.
const CASES = 1500;
const OFFICERS = 120;
const SEED = 42;
const AS_OF = "2026-11-23";

type Seeded = { handle: DatabaseHandle; result: SyntheticResult; indexesBefore: string[] };
let a: Seeded;
let b: Seeded;

async function seeded(): Promise<Seeded> {
  const handle = await openDatabase({ dataDir: "memory" });
  await migrateToLatest(handle.db);
  await loadReferenceData(handle.db);
  await loadLimitationReference(handle.db);
  await loadDefaultWeights(handle.db);
  const indexesBefore = await indexNames(handle);
  const result = await seedSynthetic(handle.db, {
    cases: CASES,
    officers: OFFICERS,
    seed: SEED,
    asOf: AS_OF,
  });
  return { handle, result, indexesBefore };
}

async function indexNames({ db }: DatabaseHandle): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select indexname as name from pg_indexes where schemaname = current_schema() order by indexname`.execute(
    db,
  );
  return rows.map((r) => r.name);
}

async function digest({ db }: DatabaseHandle, query: ReturnType<typeof sql>): Promise<string> {
  const { rows } = await query.execute(db);
  return createHash("sha256").update(JSON.stringify(rows)).digest("hex");
}

beforeAll(async () => {
  a = await seeded();
  b = await seeded();
}, 300_000);

afterAll(async () => {
  await a?.handle.close();
  await b?.handle.close();
});

describe("cams seed --synthetic", () => {
  it("writes the rows it counts, and the plan's numbers", async () => {
    const { counts } = a.result;
    for (const table of LOADED) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
        a.handle.db,
      );
      expect(rows[0]!.n, table).toBe(counts[table]);
    }
    expect(counts.cases).toBe(CASES);
    expect(counts.case_search).toBe(CASES);
    const { rows } = await sql<{ users: number; officers: number; profiles: number; audit: number }>`
      select (select count(*)::int from users) as users,
             (select count(*)::int from user_roles where role = 'law_officer') as officers,
             (select count(*)::int from officer_profiles) as profiles,
             (select count(*)::int from audit_events where action in ('case.created', 'synthetic.seeded')) as audit`.execute(
      a.handle.db,
    );
    expect(rows[0]).toEqual({
      users: counts.users,
      officers: OFFICERS,
      profiles: OFFICERS,
      audit: CASES + 1,
    });
  });

  it("is deterministic: the same seed gives the same cases, parties, hearings and ids", async () => {
    const queries = [
      sql`select id, case_key, title, subject, status, filed_on, decided_on, amount_involved, is_confidential
          from cases order by id`,
      sql`select case_id, position, side, name from case_parties order by case_id, position`,
      sql`select id, case_id, hearing_date, state, outcome, adjournment_reason, previous_hearing_id
          from hearings order by id`,
      sql`select id, case_id, kind, legal_due_on, internal_due_on, state from deadlines order by id`,
    ];
    for (const q of queries) expect(await digest(a.handle, q)).toBe(await digest(b.handle, q));
    expect(a.result.counts).toEqual(b.result.counts);
  });

  it("gives about five hearings a case, one listed ahead for every pending case", async () => {
    const { rows } = await sql<{ per_case: number; pending: number; listed: number }>`
      select (select count(*)::float / (select count(*) from cases) from hearings) as per_case,
             (select count(*)::int from cases where status = 'pending') as pending,
             (select count(distinct case_id)::int from hearings
               where state = 'scheduled' and hearing_date > ${AS_OF}::date) as listed`.execute(a.handle.db);
    expect(rows[0]!.per_case).toBeGreaterThan(4.5);
    expect(rows[0]!.per_case).toBeLessThan(6);
    expect(rows[0]!.listed).toBe(rows[0]!.pending);
  });

  it("leaves no dangling reference and every index it dropped rebuilt", async () => {
    const { rows } = await sql<{ n: number }>`
      select (select count(*) from hearings h left join cases c on c.id = h.case_id where c.id is null)
           + (select count(*) from hearings h left join hearings p on p.id = h.previous_hearing_id
               where h.previous_hearing_id is not null and p.id is null)
           + (select count(*) from case_parties p left join cases c on c.id = p.case_id where c.id is null)
           + (select count(*) from document_versions v left join documents d on d.id = v.document_id where d.id is null)
           + (select count(*) from tasks t left join deadlines d on d.id = t.deadline_id
               where t.deadline_id is not null and d.id is null)
           + (select count(*) from cases c left join users u on u.id = c.assigned_officer_id
               where c.assigned_officer_id is not null and u.id is null) as n`.execute(a.handle.db);
    expect(Number(rows[0]!.n)).toBe(0);
    expect(await indexNames(a.handle)).toEqual(a.indexesBefore);
  });

  it("stores each officer's load as refreshOfficerLoad counts it", async () => {
    const { db } = a.handle;
    const loads = () =>
      db
        .selectFrom("officer_profiles")
        .select(["user_id", "open_load", "open_cases", "last_assigned_at"])
        .orderBy("user_id")
        .execute();
    const stored = await loads();
    expect(stored.some((o) => o.open_cases > 0)).toBe(true);
    await inTransaction(db, (trx) =>
      refreshOfficerLoad(
        trx,
        stored.map((o) => o.user_id),
      ),
    );
    expect(await loads()).toEqual(stored);
  });

  it("keeps the audit chain intact", async () => {
    const result = await verifyAuditChain(a.handle.db);
    expect(result.ok).toBe(true);
  });

  it("lists every case the Law Ministry may see, and search finds a seeded party", async () => {
    const { db } = a.handle;
    const solicitor = await db
      .selectFrom("users as u")
      .innerJoin("organisations as o", "o.id", "u.organisation_id")
      .select(["u.id", "u.organisation_id", "o.kind"])
      .where("u.username", "=", "solicitor.1")
      .executeTakeFirstOrThrow();
    const actor: Actor = {
      userId: solicitor.id,
      username: "solicitor.1",
      fullName: "Solicitor",
      organisationId: solicitor.organisation_id,
      organisationKind: solicitor.kind,
      roles: new Set(["law_ministry"]),
      locale: "en",
      sessionId: "test",
      ip: null,
      userAgent: null,
      requestId: null,
    };
    const open = await db
      .selectFrom("cases")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("is_confidential", "=", false)
      .executeTakeFirstOrThrow();
    const list = await listCases(db, actor, caseListQuery.parse({}));
    expect(list.total).toBe(Number(open.n));
    expect(list.items.length).toBeGreaterThan(0);

    const party = await db
      .selectFrom("case_parties as p")
      .innerJoin("cases as c", "c.id", "p.case_id")
      .select(["p.name", "p.case_id"])
      .where("p.organisation_id", "is", null)
      .where("c.is_confidential", "=", false)
      .orderBy("p.id")
      .limit(1)
      .executeTakeFirstOrThrow();
    const found = await listCases(
      db,
      actor,
      caseListQuery.parse({ q: party.name.split(",")[0], pageSize: 100 }),
    );
    expect(found.items.map((i) => i.id)).toContain(party.case_id);
  });
});
