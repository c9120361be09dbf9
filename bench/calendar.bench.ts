/**
 * Issue 4's goals, measured in process against PostgreSQL (the service functions the routes call, as the Law
 * Ministry, who sees every case):
 *  - a day's cause list for all courts with 1,000,000 hearings in the database: under 200 ms;
 *  - the reminder scan over 100,000 open deadlines: under 1 s.
 * Data is made with set-based SQL in a database of its own (cams_bench_calendar), dropped afterwards unless
 * BENCH_KEEP_DB=1. Figures go to BENCHMARKS.md.
 */
import os from "node:os";
import { sql } from "kysely";
import { openDatabase } from "../server/db/connection.ts";
import { migrateToLatest } from "../server/db/migrate.ts";
import { loadLimitationReference } from "../server/modules/deadlines/deadlines.reference.ts";
import { causeList } from "../server/modules/hearings/hearings.causelist.ts";
import { loadReferenceData } from "../server/modules/reference/reference.loader.ts";
import { sendDueReminders } from "../server/modules/reminders/reminders.scan.ts";
import type { Actor } from "../server/platform/actor.ts";
import { addDays, courtDay } from "../server/platform/clock.ts";
import { ms, printTable, quantile } from "./bench-report.ts";
import { PG_URL } from "./bench-server.ts";

const HEARINGS = Number(process.env.BENCH_HEARINGS ?? 1_000_000);
const CASES = Number(process.env.BENCH_CASES ?? 200_000);
const DEADLINES = Number(process.env.BENCH_DEADLINES ?? 100_000);
const OFFICERS = 1000;
const DAYS = 500; // hearings spread over this many days around today
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const DB_NAME = "cams_bench_calendar";

async function timed<T>(runs: number, f: () => Promise<T>, between?: () => Promise<void>) {
  const times: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    if (between) await between();
    const t0 = performance.now();
    last = await f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95), last: last as T };
}

async function main() {
  const url = new URL(PG_URL);
  const admin = await openDatabase({ databaseUrl: url.toString(), dataDir: "memory" });
  await sql.raw(`drop database if exists ${DB_NAME} with (force)`).execute(admin.db);
  await sql.raw(`create database ${DB_NAME}`).execute(admin.db);
  await admin.close();
  url.pathname = `/${DB_NAME}`;
  const { db, close } = await openDatabase({ databaseUrl: url.toString(), dataDir: "memory" });
  try {
    await migrateToLatest(db);
    await loadReferenceData(db);
    await loadLimitationReference(db);
    const today = courtDay();
    let t0 = performance.now();
    await makeData(db, today);
    console.log(
      `data: ${CASES} cases, ${HEARINGS} hearings, ${DEADLINES} open deadlines in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );

    const solicitor = await db
      .selectFrom("users")
      .select(["id", "organisation_id"])
      .where("username", "=", "bench.solicitor")
      .executeTakeFirstOrThrow();
    const actor: Actor = {
      userId: solicitor.id,
      username: "bench.solicitor",
      fullName: "Bench Solicitor",
      organisationId: solicitor.organisation_id,
      organisationKind: "law_ministry",
      roles: new Set(["law_ministry"]),
      locale: "en",
      sessionId: "bench",
      ip: null,
      userAgent: null,
      requestId: null,
    };
    const ihc = await db
      .selectFrom("courts")
      .select("id")
      .where("code", "=", "IHC")
      .executeTakeFirstOrThrow();
    const day = addDays(today, 3);
    const all = await timed(RUNS, () => causeList(db, actor, { date: day }, 6));
    const oneCourt = await timed(RUNS, () => causeList(db, actor, { date: day, courtId: ihc.id }, 6));

    t0 = performance.now();
    const leads = [7, 3, 1];
    const clearLog = async () => {
      await sql`delete from reminder_log`.execute(db);
      await sql`delete from notifications`.execute(db);
      await sql`delete from mail_outbox`.execute(db);
    };
    const sending = await timed(Math.min(RUNS, 7), () => sendDueReminders(db, leads, today), clearLog);
    const repeat = await timed(RUNS, () => sendDueReminders(db, leads, today));

    console.log(
      `\nmachine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; runs: ${RUNS}`,
    );
    printTable(
      ["measure", "median ms", "p95 ms", "result", "goal"],
      [
        [
          "cause list, all courts, one day",
          ms(all.median),
          ms(all.p95),
          `${all.last.items.length} hearings`,
          "< 200 ms",
        ],
        [
          "cause list, one court (IHC)",
          ms(oneCourt.median),
          ms(oneCourt.p95),
          `${oneCourt.last.items.length} hearings`,
          "< 200 ms",
        ],
        [
          "reminder scan, sending",
          ms(sending.median),
          ms(sending.p95),
          `${sending.last.deadlines} deadline + ${sending.last.tasks} task reminders`,
          "< 1 s",
        ],
        [
          "reminder scan, nothing new",
          ms(repeat.median),
          ms(repeat.p95),
          `${repeat.last.deadlines + repeat.last.tasks} sent`,
          "< 1 s",
        ],
      ],
    );
  } finally {
    await close();
    if (process.env.BENCH_KEEP_DB !== "1") {
      const again = await openDatabase({ databaseUrl: PG_URL, dataDir: "memory" });
      await sql.raw(`drop database if exists ${DB_NAME} with (force)`).execute(again.db);
      await again.close();
    }
  }
}

/** Organisations' focal persons, officers, cases, hearings and open deadlines, all in set-based SQL. */
async function makeData(db: Awaited<ReturnType<typeof openDatabase>>["db"], today: string) {
  const statements = [
    sql`insert into users (organisation_id, username, full_name, password_hash, status)
        select id, 'bench.solicitor', 'Bench Solicitor', 'x', 'active' from organisations where kind = 'law_ministry' limit 1`,
    sql`insert into user_roles (user_id, role) select id, 'law_ministry' from users where username = 'bench.solicitor'`,
    sql`insert into users (organisation_id, username, full_name, email, password_hash, status)
        select o.id, 'focal.' || o.code || '.' || g, 'Focal ' || o.code || ' ' || g,
               'focal' || g || '@' || lower(o.code) || '.gov.pk', 'x', 'active'
        from organisations o cross join generate_series(1, 2) g where o.kind in ('ministry', 'division')`,
    sql`insert into user_roles (user_id, role) select id, 'focal_person' from users where username like 'focal.%'`,
    sql`insert into users (organisation_id, username, full_name, email, password_hash, status)
        select (select id from organisations where kind = 'law_office' limit 1), 'officer.' || g, 'Officer ' || g,
               'officer' || g || '@agp.gov.pk', 'x', 'active'
        from generate_series(1, ${OFFICERS}::int) g`,
    sql`insert into user_roles (user_id, role) select id, 'law_officer' from users where username like 'officer.%'`,
  ];
  for (const statement of statements) await statement.execute(db);
  await sql`
    with orgs as (select array_agg(id order by code) a from organisations where kind in ('ministry', 'division')),
         courts as (select array_agg(id order by code) a from courts),
         officers as (select array_agg(id order by username) a from users where username like 'officer.%'),
         wp as (select id from case_types where code = 'WP'),
         creator as (select id from users where username = 'bench.solicitor')
    insert into cases (organisation_id, court_id, case_type_id, number, year, case_key, title, category, status, assigned_officer_id, created_by)
    select orgs.a[1 + g % array_length(orgs.a, 1)], courts.a[1 + g % array_length(courts.a, 1)], wp.id, g, 2025,
           'bench/' || g, 'Bench petitioner ' || g || ' v. Federation of Pakistan', 'service', 'pending',
           officers.a[1 + (g * 7) % array_length(officers.a, 1)], creator.id
    from generate_series(1, ${CASES}) g, orgs, courts, officers, wp, creator
  `.execute(db);
  await sql`
    with c as (select id, court_id, row_number() over (order by id) as n from cases),
         creator as (select id from users where username = 'bench.solicitor')
    insert into hearings (case_id, hearing_date, hearing_time, court_id, purpose, state, outcome, created_by)
    select c.id, ${today}::date + ((c.n * 5 + k) * 37 % ${DAYS})::int - ${DAYS / 2}::int,
           case when k % 2 = 0 then lpad((9 + k % 4)::text, 2, '0') || ':00' end, c.court_id, 'Arguments',
           case when ((c.n * 5 + k) * 37 % ${DAYS}) < ${DAYS / 2} then 'held' else 'scheduled' end,
           case when ((c.n * 5 + k) * 37 % ${DAYS}) < ${DAYS / 2} then 'adjourned' end, creator.id
    from c cross join generate_series(0, ${Math.ceil(HEARINGS / CASES) - 1}) k, creator
  `.execute(db);
  await sql`
    insert into deadlines (case_id, kind, title, rule_code, rule_version, trigger_on, legal_due_on, internal_due_on, derivation)
    select id, 'appeal', 'Appeal (bench)', 'cpla_supreme_court', 1, ${today}::date - 30,
           ${today}::date + (n % 365)::int + 3, ${today}::date + (n % 365)::int, '[]'
    from (select id, row_number() over (order by id) as n from cases limit ${DEADLINES}) c
  `.execute(db);
  await sql`analyze`.execute(db);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
