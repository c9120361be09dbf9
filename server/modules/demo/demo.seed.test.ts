import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../../../common/roles.ts";
import { type DatabaseHandle, openDatabase } from "../../db/connection.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import { verifyAuditChain } from "../../platform/audit.ts";
import { verifyPassword } from "../../platform/auth/passwords.ts";
import { courtDay } from "../../platform/clock.ts";
import { loadLimitationReference } from "../deadlines/deadlines.reference.ts";
import { loadReferenceData } from "../reference/reference.loader.ts";
import { loadTrainingReference } from "../training/training.reference.ts";
import { DEMO_ACCOUNTS } from "./demo.accounts.ts";
import { DEMO_AS_OF } from "./demo.plan.ts";
import { planDemo } from "./demo.planner.ts";
import { DEMO_PASSWORD, demoAccounts, isDatabaseEmpty, type SeedResult, seedDemo } from "./demo.seed.ts";

// Always its own in-memory PGlite (never TEST_DATABASE_URL): the demo's usernames are fixed, so it needs a
// database of its own.
let handle: DatabaseHandle;
let result: SeedResult;
let abbreviations: Map<string, string>;
let wasEmpty: boolean;

beforeAll(async () => {
  handle = await openDatabase({ dataDir: "memory" });
  await migrateToLatest(handle.db);
  await loadReferenceData(handle.db);
  await loadLimitationReference(handle.db);
  await loadTrainingReference(handle.db);
  wasEmpty = await isDatabaseEmpty(handle.db);
  const types = await handle.db.selectFrom("case_types").select(["code", "abbreviation"]).execute();
  abbreviations = new Map(types.map((t) => [t.code, t.abbreviation]));
  result = await seedDemo(handle.db);
}, 300_000);

afterAll(async () => {
  await handle?.close();
});

describe("the demo plan", () => {
  it("is deterministic", () => {
    expect(planDemo({ abbreviations })).toEqual(planDemo({ abbreviations }));
  });

  it("keeps every date in order and before the as-of date", () => {
    const plan = planDemo({ abbreviations });
    for (const c of plan) {
      expect(c.filedOn <= DEMO_AS_OF).toBe(true);
      if (c.noticeReceivedOn) expect(c.noticeReceivedOn >= c.filedOn).toBe(true);
      if (c.decision)
        expect(c.decision.decidedOn > c.filedOn && c.decision.decidedOn <= DEMO_AS_OF).toBe(true);
      expect(Number(c.filedOn.slice(0, 4))).toBe(c.year);
      for (const link of c.links.filter((l) => l.kind === "appeal_of")) {
        const below = plan[link.to]!;
        expect(below.finalStatus).toBe("appealed");
        expect(c.filedOn > below.decision!.decidedOn).toBe(true);
      }
    }
  });
});

describe("seedDemo", () => {
  it("seeds a fresh database with one account per role and about 300 cases", async () => {
    expect(wasEmpty).toBe(true);
    expect(result.seeded).toBe(true);
    expect(result.cases).toBe(planDemo({ abbreviations }).length);
    expect(result.cases).toBeGreaterThanOrEqual(250);
    expect(result.cases).toBeLessThanOrEqual(350);
    expect(await isDatabaseEmpty(handle.db)).toBe(false);
    const accounts = await demoAccounts(handle.db);
    expect(new Set(accounts.map((a) => a.role))).toEqual(new Set(ROLES));
    const pending = await handle.db
      .selectFrom("users as u")
      .innerJoin("organisations as o", "o.id", "u.organisation_id")
      .select(["u.username", "o.code"])
      .where("u.status", "=", "pending")
      .execute();
    expect(pending).toHaveLength(2);
    expect(pending.every((p) => p.code === "INTERIOR")).toBe(true);
    const admin = await handle.db
      .selectFrom("users")
      .select("password_hash")
      .where("username", "=", "admin")
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(admin.password_hash, DEMO_PASSWORD)).toBe(true);
  });

  it("writes cases through the services: keys, search columns, audit events", async () => {
    const { rows } = await sql<{ n: number; assigned: number; searchable: number }>`
      select count(*)::int as n, count(assigned_officer_id)::int as assigned,
             (select count(*) from case_search where length(search_vector) > 0)::int as searchable
      from cases`.execute(handle.db);
    expect(rows[0]).toMatchObject({ n: result.cases, searchable: result.cases });
    expect(rows[0]!.assigned / result.cases).toBeGreaterThan(0.5);
    const created = await handle.db
      .selectFrom("audit_events")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("action", "=", "case.created")
      .executeTakeFirstOrThrow();
    expect(Number(created.n)).toBe(result.cases);
    const last = await handle.db
      .selectFrom("audit_events")
      .select(["action", "user_agent"])
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(last).toEqual({ action: "seed.demo", user_agent: "cams seed" });
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
  });

  it("contains W.P. No. 1234 of 2025 in the Islamabad High Court, for Interior", async () => {
    const row = await handle.db
      .selectFrom("cases as c")
      .innerJoin("organisations as o", "o.id", "c.organisation_id")
      .select(["c.case_key", "o.code"])
      .where("c.case_key", "=", "IHC/ISB/WP/1234/2025")
      .executeTakeFirstOrThrow();
    expect(row.code).toBe("INTERIOR");
  });

  it("gives pending cases a hearing history and next dates in the coming weeks", async () => {
    expect(result.hearings).toBeGreaterThan(40);
    const rows = await sql<{ held: number; ahead: number; next14: number }>`
      select count(*) filter (where state = 'held' and outcome = 'adjourned')::int as held,
             count(*) filter (where state = 'scheduled' and hearing_date >= ${courtDay()})::int as ahead,
             count(*) filter (where state = 'scheduled' and hearing_date < ${courtDay()}::date + 14)::int as next14
      from hearings`.execute(handle.db);
    expect(rows.rows[0]!.held).toBe(result.hearings / 2);
    expect(rows.rows[0]!.ahead).toBe(result.hearings / 2);
    expect(rows.rows[0]!.next14).toBeGreaterThan(0);
  });

  it("leaves live deadlines and tasks, and settles those that ran out long ago", async () => {
    expect(result.deadlineEvents).toBeGreaterThanOrEqual(4);
    const rows = await sql<{ appeals: number; replies: number; stale: number; open_tasks: number }>`
      select count(*) filter (where kind = 'appeal' and state = 'open')::int as appeals,
             count(*) filter (where kind = 'reply' and state = 'open')::int as replies,
             count(*) filter (where state = 'open' and legal_due_on < ${courtDay()}::date - 14)::int as stale,
             (select count(*) from tasks where state = 'open')::int as open_tasks
      from deadlines`.execute(handle.db);
    expect(rows.rows[0]).toMatchObject({ stale: 0 });
    expect(rows.rows[0]!.appeals).toBeGreaterThanOrEqual(3);
    expect(rows.rows[0]!.replies).toBeGreaterThanOrEqual(1);
    expect(rows.rows[0]!.open_tasks).toBeGreaterThanOrEqual(6);
  });

  it("opens MLA requests at their working stages, with the preservation's expiry alert scheduled", async () => {
    expect(result.mlaRequests).toBe(4);
    const rows = await sql<{ kind: string; state: string; deadlines: number }>`
      select r.kind, r.state, (select count(*) from mla_deadlines d where d.request_id = r.id and d.state = 'open')::int as deadlines
      from mla_requests r order by r.reference`.execute(handle.db);
    expect(rows.rows).toEqual(
      expect.arrayContaining([
        { kind: "preservation", state: "confirmed", deadlines: 1 },
        { kind: "mla_outgoing", state: "returned_for_amendment", deadlines: 0 },
        { kind: "voluntary_disclosure", state: "draft", deadlines: 0 },
        { kind: "mla_incoming", state: "assessment", deadlines: 0 },
      ]),
    );
  });

  it("links appeals to the case below and keeps confidential cases to named people", async () => {
    const kinds = await handle.db
      .selectFrom("case_links")
      .select(["kind", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("kind")
      .execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual(["appeal_of", "connected_with", "same_issue_as"]);
    const ica = await sql<{ n: number }>`
      select count(*)::int as n from case_links l
      join cases a on a.id = l.case_id join case_types ta on ta.id = a.case_type_id
      join cases b on b.id = l.linked_case_id join case_types tb on tb.id = b.case_type_id
      where l.kind = 'appeal_of' and ta.code = 'ICA' and tb.code = 'WP' and a.court_id = b.court_id`.execute(
      handle.db,
    );
    expect(ica.rows[0]!.n).toBeGreaterThan(0);
    const confidential = await handle.db
      .selectFrom("cases")
      .select(["id"])
      .where("is_confidential", "=", true)
      .execute();
    expect(confidential.length).toBeGreaterThan(0);
    for (const c of confidential) {
      const named = await handle.db
        .selectFrom("case_access")
        .select("user_id")
        .where("case_id", "=", c.id)
        .execute();
      expect(named.length).toBeGreaterThan(0);
    }
  });

  it("gives officers certificates through the learners' own path, so competences show and verify", async () => {
    expect(result.certificates).toBe(9);
    const rows = await sql<{ username: string; competence: string; code: string }>`
      select u.username, t.competence_code as competence, t.code from training_certificates t
      join users u on u.id = t.user_id order by u.username, t.competence_code`.execute(handle.db);
    expect(rows.rows.filter((r) => r.competence === "limitation_appeals").map((r) => r.username)).toEqual([
      "officer.agp1",
      "officer.agp2",
      "officer.agp4",
    ]);
    const verified = await handle.db
      .selectFrom("training_page_reads")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(verified.n)).toBeGreaterThan(30);
  });

  it("does nothing the second time", async () => {
    const again = await seedDemo(handle.db);
    expect(again.seeded).toBe(false);
    const users = await handle.db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(users.n)).toBe(DEMO_ACCOUNTS.length);
  });
});
