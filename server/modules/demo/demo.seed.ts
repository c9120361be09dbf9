import type { Role } from "../../../common/roles.ts";
import { caseCreateBody } from "../../../common/schemas/cases.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { hashPassword } from "../../platform/auth/passwords.ts";
import { assignOfficer, changeStatus, linkCases, setCaseAccess } from "../cases/cases.actions.ts";
import { createCase } from "../cases/cases.service.ts";
import { DEMO_ACCOUNTS, DEMO_MARKER_USERNAME } from "./demo.accounts.ts";
import { seedDemoDeadlines } from "./demo.deadlines.ts";
import { seedDemoHearings } from "./demo.hearings.ts";
import { seedDemoMla } from "./demo.mla.ts";
import { seedOfficerProfiles } from "./demo.officers.ts";
import { DEMO_AS_OF, type PlannedCase } from "./demo.plan.ts";
import { DEMO_SEED, planDemo } from "./demo.planner.ts";
import { seedDemoTraining } from "./demo.training.ts";

/** The password of every demo account (≥ 12 characters with a letter and a digit, as the policy requires). */
export const DEMO_PASSWORD = "cams-demo-2026";

export type SeedResult = {
  seeded: boolean;
  users: number;
  cases: number;
  assignments: number;
  statusChanges: number;
  links: number;
  hearings: number;
  deadlineEvents: number;
  mlaRequests: number;
  certificates: number;
  ms: number;
};

/** True on a database no one has used yet: no users and no cases (reference data may be loaded). */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const user = await db.selectFrom("users").select("id").limit(1).executeTakeFirst();
  if (user) return false;
  const kase = await db.selectFrom("cases").select("id").limit(1).executeTakeFirst();
  return !kase;
}

/** The demo accounts present (and active) in this database, in the order they are introduced. */
export async function demoAccounts(db: Database): Promise<{ username: string; role: string }[]> {
  const rows = await db
    .selectFrom("users")
    .select(["username", "status"])
    .where(
      "username",
      "in",
      DEMO_ACCOUNTS.map((a) => a.username),
    )
    .where("status", "=", "active")
    .execute();
  if (!rows.some((r) => r.username === DEMO_MARKER_USERNAME)) return [];
  const present = new Set(rows.map((r) => r.username));
  return DEMO_ACCOUNTS.filter((a) => present.has(a.username)).map((a) => ({
    username: a.username,
    role: a.role,
  }));
}

/**
 * Seeds the demo on top of the reference data (loadReferenceData must have run): the demo accounts, then some
 * 300 cases registered, assigned, decided, appealed and linked through the case services — so case keys,
 * search columns and audit events are exactly what the app itself writes — and one `seed.demo` audit event.
 * Deterministic: a fixed-seed PRNG and dates computed from DEMO_AS_OF; only timestamps (created_at, audit
 * times) and generated ids differ between runs. Does nothing when the demo `admin` account already exists.
 */
export async function seedDemo(
  db: Database,
  opts: { onProgress?: (done: number, total: number) => void } = {},
): Promise<SeedResult> {
  const started = performance.now();
  const result: SeedResult = {
    seeded: false,
    users: 0,
    cases: 0,
    assignments: 0,
    statusChanges: 0,
    links: 0,
    hearings: 0,
    deadlineEvents: 0,
    mlaRequests: 0,
    certificates: 0,
    ms: 0,
  };
  const marker = await db
    .selectFrom("users")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["username"]), "=", DEMO_MARKER_USERNAME))
    .executeTakeFirst();
  if (marker) return { ...result, ms: performance.now() - started };

  const refs = await loadRefs(db);
  const plan = planDemo({ abbreviations: refs.abbreviations });
  const steps = plan.reduce(
    (n, c) => n + 1 + c.grantAccess.length + c.assignments.length + c.links.length + statusMoves(c).length,
    2,
  );
  let done = 0;
  const tick = () => opts.onProgress?.(++done, steps);

  const users = await insertAccounts(db, refs.orgIds);
  result.users = users.size;
  tick();
  const actor = (username: string): Actor => {
    const u = users.get(username);
    if (!u) throw new Error(`demo seed: no account ${username}`);
    return u.actor;
  };

  await seedOfficerProfiles(
    db,
    actor("assigner.agp"),
    new Map([...users].map(([username, u]) => [username, u.id])),
    refs,
  );

  const ids: { id: string; version: number }[] = [];
  for (const c of plan) {
    const input = caseCreateBody.parse(caseInput(c, refs));
    const created = await createCase(db, actor(c.registrar), input);
    ids[c.ref] = { id: created.id, version: created.version };
    tick();
    for (const username of c.grantAccess) {
      const after = await setCaseAccess(db, actor(c.registrar), created.id, users.get(username)!.id, true);
      ids[c.ref]!.version = after.version;
      tick();
    }
  }
  result.cases = plan.length;

  for (const c of plan) {
    const ref = ids[c.ref]!;
    for (const a of c.assignments) {
      const after = await assignOfficer(db, actor(a.by), ref.id, {
        version: ref.version,
        officerId: users.get(a.officer)!.id,
        reason: a.reason,
      });
      ref.version = after.version;
      result.assignments += 1;
      tick();
    }
    for (const move of statusMoves(c)) {
      const after = await changeStatus(db, actor("solicitor"), ref.id, { version: ref.version, ...move });
      ref.version = after.version;
      result.statusChanges += 1;
      tick();
    }
  }

  for (const c of plan) {
    for (const link of c.links) {
      await linkCases(db, actor("solicitor"), ids[c.ref]!.id, {
        kind: link.kind,
        linkedCaseId: ids[link.to]!.id,
      });
      result.links += 1;
      tick();
    }
  }

  result.hearings = await seedDemoHearings(db, actor, plan, ids);
  result.deadlineEvents = await seedDemoDeadlines(
    db,
    actor,
    plan.filter((c) => c.fixed).map((c) => ids[c.ref]!.id),
  );
  result.mlaRequests = await seedDemoMla(db, actor);
  result.certificates = await seedDemoTraining(db, actor);
  tick();

  const ms = Math.round(performance.now() - started);
  await inTransaction(db, (trx) =>
    recordAudit(
      trx,
      { ip: "127.0.0.1", userAgent: "cams seed", requestId: null, userId: null, organisationId: null },
      {
        action: "seed.demo",
        entityType: "demo",
        changes: {
          seed: DEMO_SEED,
          asOf: DEMO_AS_OF,
          accounts: DEMO_ACCOUNTS.map((a) => ({ username: a.username, role: a.role, status: a.status })),
          cases: result.cases,
          assignments: result.assignments,
          statusChanges: result.statusChanges,
          links: result.links,
          hearings: result.hearings,
          deadlineEvents: result.deadlineEvents,
          mlaRequests: result.mlaRequests,
          certificates: result.certificates,
          ms,
        },
      },
    ),
  );
  tick();
  return { ...result, seeded: true, ms };
}

type Refs = Awaited<ReturnType<typeof loadRefs>>;

async function loadRefs(db: Database) {
  const [orgs, courts, benches, types] = await Promise.all([
    db.selectFrom("organisations").select(["id", "code", "kind"]).execute(),
    db.selectFrom("courts").select(["id", "code"]).execute(),
    db.selectFrom("benches").select(["id", "code", "court_id"]).execute(),
    db.selectFrom("case_types").select(["id", "code", "abbreviation"]).where("active", "=", true).execute(),
  ]);
  if (courts.length === 0 || types.length === 0) {
    throw new Error("The demo needs the reference data: run `cams migrate` (or loadReferenceData) first.");
  }
  const courtIds = new Map(courts.map((c) => [c.code, c.id]));
  const courtCodeById = new Map(courts.map((c) => [c.id, c.code]));
  return {
    orgIds: new Map(orgs.map((o) => [o.code, { id: o.id, kind: o.kind }])),
    courtIds,
    benchIds: new Map(benches.map((b) => [`${courtCodeById.get(b.court_id)}/${b.code}`, b.id])),
    typeIds: new Map(types.map((t) => [t.code, t.id])),
    abbreviations: new Map(types.map((t) => [t.code, t.abbreviation])),
  };
}

function need<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo seed: the reference data has no ${what} "${key}"`);
  return value;
}

function caseInput(c: PlannedCase, refs: Refs) {
  return {
    organisationId: need(refs.orgIds, c.org, "organisation").id,
    courtId: need(refs.courtIds, c.court, "court"),
    benchId: need(refs.benchIds, `${c.court}/${c.bench}`, "bench"),
    caseTypeId: need(refs.typeIds, c.type, "case type"),
    number: c.number,
    numberSuffix: c.suffix,
    year: c.year,
    title: c.title,
    subject: c.subject,
    category: c.category,
    amountInvolved: c.amount,
    filedOn: c.filedOn,
    noticeReceivedOn: c.noticeReceivedOn,
    stage: c.stage,
    flags: c.flags,
    parties: c.parties.map((p) => ({
      side: p.side,
      name: p.name,
      organisationId: p.org === null ? null : need(refs.orgIds, p.org, "organisation").id,
    })),
  };
}

/** Status changes after registration: decided (with its result), then appealed or closed where planned. */
function statusMoves(c: PlannedCase) {
  if (!c.decision) return [];
  const decided = {
    status: "decided" as const,
    decidedOn: c.decision.decidedOn,
    outcome: c.decision.outcome,
    governmentResult: c.decision.governmentResult,
  };
  if (c.finalStatus === "appealed" || c.finalStatus === "closed") return [decided, { status: c.finalStatus }];
  return [decided];
}

type SeededUser = { id: string; actor: Actor };

/**
 * Inserts the demo accounts in one transaction, all with the same argon2id hash of DEMO_PASSWORD (hashed once).
 * Active accounts are approved by the demo administrator; the two self-registered ones wait for approval.
 */
async function insertAccounts(db: Database, orgIds: Refs["orgIds"]): Promise<Map<string, SeededUser>> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const out = new Map<string, SeededUser>();
  await inTransaction(db, async (trx) => {
    let adminId: string | null = null;
    for (const a of DEMO_ACCOUNTS) {
      const org = need(orgIds, a.organisation, "organisation");
      const active = a.status === "active";
      const row = await trx
        .insertInto("users")
        .values({
          organisation_id: org.id,
          username: a.username,
          full_name: a.fullName,
          designation: a.designation,
          // .invalid is reserved (RFC 2606): demo mail is recorded in the outbox and can never be delivered
          email: `${a.username}@demo.cams.invalid`,
          password_hash: passwordHash,
          status: a.status,
          approved_by: active ? adminId : null,
          approved_at: active && adminId ? new Date() : null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      adminId ??= row.id;
      await trx.insertInto("user_roles").values({ user_id: row.id, role: a.role }).execute();
      out.set(a.username, {
        id: row.id,
        actor: {
          userId: row.id,
          username: a.username,
          fullName: a.fullName,
          organisationId: org.id,
          organisationKind: org.kind,
          roles: new Set<Role>([a.role]),
          locale: "en",
          sessionId: "seed",
          ip: "127.0.0.1",
          userAgent: "cams seed",
          requestId: null,
        },
      });
    }
  });
  return out;
}
