import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../e2e/server.ts";
import { makeOffice, registerCases } from "../modules/assignment/assignment.fixtures.ts";
import { caseBody, signedIn } from "./factories.ts";
import { call, type Session, testApp } from "./harness.ts";
import { type Answer, sendTo, startApp } from "./processes.ts";

/**
 * Two real app processes against one PostgreSQL database, written to at the same moment: a version is won by
 * one write and refused (409 stale_version) to the rest, nothing acknowledged is overwritten unseen, every
 * accepted write has its audit event and no refused one has, and a background job runs once. Needs a PostgreSQL
 * server (TEST_DATABASE_URL): PGlite lives inside one process.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)("two app processes on one PostgreSQL", () => {
  let apps: RunningServer[] = [];
  // one document store for both, as a deployment's processes share one
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cams-two-"));
  beforeAll(async () => {
    const { databaseUrl } = await testApp();
    apps = await Promise.all([startApp(databaseUrl!, { dataDir }), startApp(databaseUrl!, { dataDir })]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.stop()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  /** The process the i-th client talks to: they alternate. */
  const via = (i: number) => apps[i % 2]!;
  const ok = (a: Answer) => a.status >= 200 && a.status < 300;

  async function newCase(focal: Session) {
    const res = await call(focal, {
      method: "POST",
      url: "/api/v1/cases",
      body: await caseBody({ subject: "" }),
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; version: number };
  }

  async function updateEvents(caseId: string) {
    const { handle } = await testApp();
    return handle.db
      .selectFrom("audit_events")
      .select("changes")
      .where("entity_id", "=", caseId)
      .where("action", "=", "case.updated")
      .orderBy("seq")
      .execute();
  }

  it("many clients edit one version at once: exactly one wins, the rest get 409 stale_version", async () => {
    const focal = await signedIn(["focal_person"]);
    const c = await newCase(focal);
    const clients = 6;
    const titles: string[] = [];
    for (let round = 0; round < 5; round++) {
      const reads = await Promise.all(
        Array.from({ length: clients }, (_, i) => sendTo(via(i), focal, "GET", `/api/v1/cases/${c.id}`)),
      );
      const version = reads[0]!.body.version;
      expect(reads.map((r) => r.body.version)).toEqual(reads.map(() => version));
      const answers = await Promise.all(
        Array.from({ length: clients }, (_, i) =>
          sendTo(via(i), focal, "PATCH", `/api/v1/cases/${c.id}`, {
            version,
            title: `Round ${round} client ${i} v. Federation of Pakistan`,
          }),
        ),
      );
      const won = answers.filter(ok);
      expect(won).toHaveLength(1);
      expect(won[0]!.body.version).toBe(version + 1);
      titles.push(won[0]!.body.title);
      for (const lost of answers.filter((a) => !ok(a))) {
        expect(lost.status).toBe(409);
        expect(lost.body.code).toBe("stale_version");
      }
    }
    const final = await sendTo(via(0), focal, "GET", `/api/v1/cases/${c.id}`);
    expect(final.body.version).toBe(1 + titles.length);
    expect(final.body.title).toBe(titles.at(-1));
    // one audit event per accepted write, in order, and none for the refused ones
    const events = await updateEvents(c.id);
    expect(events.map((e) => (e.changes as { title: { to: string } }).title.to)).toEqual(titles);
  }, 60_000);

  it("read-modify-write through both processes, retrying on 409: no update is lost", async () => {
    const focal = await signedIn(["focal_person"]);
    const c = await newCase(focal);
    const clients = 8;
    const perClient = 3;
    let conflicts = 0;
    const accepted: string[] = [];
    const appendAll = async (client: number) => {
      for (let n = 0; n < perClient; n++) {
        const token = `c${client}n${n}`;
        for (let attempt = 0; ; attempt++) {
          expect(attempt).toBeLessThan(200);
          const read = await sendTo(via(client + attempt), focal, "GET", `/api/v1/cases/${c.id}`);
          const subject = `${read.body.subject} ${token}`.trim();
          const res = await sendTo(via(client + attempt + 1), focal, "PATCH", `/api/v1/cases/${c.id}`, {
            version: read.body.version,
            subject,
          });
          if (ok(res)) {
            accepted.push(subject);
            break;
          }
          expect([res.status, res.body.code]).toEqual([409, "stale_version"]);
          conflicts += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: clients }, (_, i) => appendAll(i)));
    expect(conflicts).toBeGreaterThan(0); // the writes did collide
    const final = await sendTo(via(1), focal, "GET", `/api/v1/cases/${c.id}`);
    const tokens = final.body.subject.split(" ").sort();
    const expected = Array.from(
      { length: clients * perClient },
      (_, i) => `c${i % clients}n${Math.floor(i / clients)}`,
    );
    expect(tokens).toEqual(expected.sort());
    expect(final.body.version).toBe(1 + clients * perClient);
    const events = await updateEvents(c.id);
    // each accepted subject extends the one before, so by length is the order they committed in
    const inCommitOrder = [...accepted].sort((a, b) => a.length - b.length);
    expect(events.map((e) => (e.changes as { subject: { to: string } }).subject.to)).toEqual(inCommitOrder);
  }, 120_000);

  it("two processes assign one case at once: one assignment wins, the other is refused whole", async () => {
    const office = await makeOffice(2);
    const { ids } = await registerCases(4);
    const { handle } = await testApp();
    for (const id of ids) {
      const answers = await Promise.all(
        office.officers.map((o, i) =>
          sendTo(via(i), office.assigner, "POST", `/api/v1/cases/${id}/assignment`, {
            version: 1,
            officerId: o.id,
            reason: `both at once ${i}`,
          }),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      expect(answers.find((a) => !ok(a))!.body.code).toBe("stale_version");
      const winner = answers.find(ok)!.body.assignedOfficer.id;
      const rows = await handle.db
        .selectFrom("case_assignments")
        .selectAll()
        .where("case_id", "=", id)
        .execute();
      expect(rows.map((r) => [r.officer_id, r.ended_at])).toEqual([[winner, null]]);
      const batches = await sql<{ n: string }>`
        select count(*) as n from assignment_batches where ${id}::uuid = any(case_ids)`.execute(handle.db);
      expect(Number(batches.rows[0]!.n)).toBe(1); // the loser's batch and events rolled back with it
    }
  }, 60_000);

  it("assignments and unassignments of different cases to the same officers at once: none fails", async () => {
    const office = await makeOffice(2);
    const { ids } = await registerCases(12);
    const versions = new Map(ids.map((id) => [id, 1]));
    const assign = (id: string, i: number, officerId: string | null) =>
      sendTo(via(i), office.assigner, "POST", `/api/v1/cases/${id}/assignment`, {
        version: versions.get(id),
        officerId,
        reason: "at once",
      });
    const failures: string[] = [];
    // round 1 assigns every case, round 2 unassigns half and moves the other half, round 3 assigns the rest
    const rounds = [
      (i: number) => office.officers[i % 2]!.id,
      (i: number) => (i % 2 === 0 ? null : office.officers[(i + 1) % 2]!.id),
      (i: number) => (i % 2 === 0 ? office.officers[1]!.id : null),
    ];
    for (const target of rounds) {
      const answers = await Promise.all(ids.map((id, i) => assign(id, i, target(i))));
      answers.forEach((a, i) => {
        if (ok(a)) versions.set(ids[i]!, a.body.version);
        else failures.push(`${a.status} ${a.body.code}`);
      });
    }
    // the officers' stored loads still agree with their assignment rows
    const { handle } = await testApp();
    const loads = await sql<{ open_cases: number; counted: string }>`
      select p.open_cases, (select count(*) from case_assignments x join cases c on c.id = x.case_id
        where x.officer_id = p.user_id and x.ended_at is null and c.status in ('pending', 'appealed')) as counted
      from officer_profiles p where p.user_id in (${sql.join(office.officers.map((o) => o.id))})`.execute(
      handle.db,
    );
    expect(failures).toEqual([]);
    for (const l of loads.rows) expect(l.open_cases).toBe(Number(l.counted));
  }, 60_000);

  it("two suggestions for one case committed at once through both processes: at most one is applied", async () => {
    const office = await makeOffice(3);
    const { ids } = await registerCases(3);
    const { handle } = await testApp();
    for (const id of ids) {
      const previews = await Promise.all(
        [0, 1].map((i) => sendTo(via(i), office.assigner, "POST", `/api/v1/cases/${id}/suggestion`, {})),
      );
      expect(previews.map((p) => p.status)).toEqual([201, 201]);
      const commits = await Promise.all(
        previews.map((p, i) =>
          sendTo(via(i), office.assigner, "POST", `/api/v1/assignment/batches/${p.body.batchId}/commit`, {}),
        ),
      );
      expect(commits.map((a) => a.status).sort()).toEqual([200, 409]);
      expect(commits.find((a) => !ok(a))!.body.code).toBe("stale_version");
      const open = await handle.db
        .selectFrom("case_assignments")
        .select("officer_id")
        .where("case_id", "=", id)
        .execute();
      expect(open).toHaveLength(1);
      const c = await handle.db
        .selectFrom("cases")
        .select(["version", "assigned_officer_id"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      expect(c).toEqual({ version: 2, assigned_officer_id: open[0]!.officer_id });
    }
  }, 60_000);

  it("exports asked for through both processes at once: each is claimed and run exactly once", async () => {
    const { handle } = await testApp();
    const focal = await signedIn(["focal_person"]);
    for (let i = 0; i < 3; i++) await newCase(focal);
    // every claim (queued → running, or a stale run taken over) is logged by the database itself
    await sql`create table if not exists test_export_claims (job_id uuid not null, claimed_at timestamptz default now())`.execute(
      handle.db,
    );
    await sql`create or replace function test_log_export_claim() returns trigger language plpgsql as $$
      begin insert into test_export_claims (job_id) values (new.id); return new; end $$`.execute(handle.db);
    await sql`create or replace trigger test_export_claim after update on export_jobs for each row
      when (new.state = 'running' and (old.state <> 'running' or old.heartbeat_at < now() - interval '5 minutes'))
      execute function test_log_export_claim()`.execute(handle.db);
    try {
      // each request starts its process's runner at once, so both processes race for the queue
      const started = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          sendTo(via(i), focal, "POST", "/api/v1/exports", { format: "csv" }),
        ),
      );
      expect(started.map((a) => a.status)).toEqual(started.map(() => 202));
      const ids = started.map((a) => a.body.id as string);
      const states = async () =>
        handle.db.selectFrom("export_jobs").select(["id", "state"]).where("id", "in", ids).execute();
      for (let i = 0; i < 150 && (await states()).some((j) => j.state !== "done"); i++)
        await new Promise((r) => setTimeout(r, 200));
      expect((await states()).map((j) => j.state)).toEqual(ids.map(() => "done"));
      const claims = await sql<{ job_id: string; n: string }>`
        select job_id, count(*) as n from test_export_claims group by job_id`.execute(handle.db);
      const claimsOf = new Map(claims.rows.map((r) => [r.job_id, Number(r.n)]));
      expect(ids.map((id) => claimsOf.get(id))).toEqual(ids.map(() => 1));
      const created = await handle.db
        .selectFrom("audit_events")
        .select("entity_id")
        .where("action", "=", "export.created")
        .where("entity_id", "in", ids)
        .execute();
      expect(created.map((e) => e.entity_id).sort()).toEqual([...ids].sort());
      // the file is in the shared store, whichever process made it
      for (const [i, id] of ids.entries()) {
        const file = await fetch(`${via(i + 1).url}/api/v1/exports/${id}/download`, {
          headers: { cookie: focal.cookie },
        });
        expect(file.status).toBe(200);
        expect((await file.text()).length).toBeGreaterThan(0);
      }
    } finally {
      await sql`drop trigger if exists test_export_claim on export_jobs`.execute(handle.db);
    }
  }, 60_000);
});
