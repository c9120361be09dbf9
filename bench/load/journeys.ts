import { sql } from "kysely";
import { caseListQuery } from "../../common/schemas/cases.ts";
import { causeListQuery } from "../../common/schemas/hearings.ts";
import type { Database } from "../../server/db/connection.ts";
import { listCases } from "../../server/modules/cases/cases.search.ts";
import { getCaseDetail } from "../../server/modules/cases/cases.service.ts";
import { getDashboard } from "../../server/modules/dashboard/dashboard.service.ts";
import { causeList } from "../../server/modules/hearings/hearings.causelist.ts";
import type { Actor } from "../../server/platform/actor.ts";
import { addDays, courtDay } from "../../server/platform/clock.ts";
import type { LoadRequest } from "./run-load.ts";

/**
 * The main journeys of issue 7 — login, the case list with filters, search, the case page, creating a case,
 * recording a hearing, the dashboard, the cause list — each as the HTTP request autocannon sends and, for the
 * reads, the service call whose SQL is the floor. Parameters are drawn from the data itself (ids, party names,
 * courts) with a fixed sequence, so runs are comparable.
 */
export type Sample = {
  caseIds: string[];
  ownPendingIds: string[]; // pending cases of the writing ministry
  names: string[];
  courtIds: string[];
  /** Court days from today on with hearings listed (the seed lists none on some days). */
  hearingDays: string[];
  caseTypeId: string;
  lawOrgId: string;
};

export type Journey = {
  name: string;
  /** Who sends it: the Law Ministry reads, a ministry's focal person writes. */
  as: "reader" | "writer" | "anonymous";
  request: LoadRequest;
  /** For reads: one request's service call with the i-th parameters (its SQL is the floor). */
  service?: (db: Database, actor: Actor, i: number) => Promise<unknown>;
  /** Lists and searches: every query must use an index at 1,000,000 cases. */
  planChecked?: boolean;
};

export async function drawSample(db: Database, writerOrg: string): Promise<Sample> {
  const ids = await sql<{ id: string }>`select id from cases tablesample bernoulli (1) repeatable (7)
    where not is_confidential limit 5000`.execute(db);
  const own = await sql<{ id: string }>`select id from cases where organisation_id = ${writerOrg}
    and status = 'pending' and not is_confidential order by id limit 2000`.execute(db);
  const names = await sql<{
    name: string;
  }>`select split_part(name, ' ', 1) || ' ' || split_part(name, ' ', 2) as name
    from case_parties tablesample bernoulli (1) repeatable (7) where organisation_id is null limit 200`.execute(
    db,
  );
  const courts = await db.selectFrom("courts").select("id").orderBy("sort_order").execute();
  const wp = await db
    .selectFrom("case_types")
    .select("id")
    .where("code", "=", "WP")
    .executeTakeFirstOrThrow();
  const law = await db
    .selectFrom("organisations")
    .select("id")
    .where("kind", "=", "law_ministry")
    .executeTakeFirstOrThrow();
  const days = await sql<{ day: string }>`select to_char(hearing_date, 'YYYY-MM-DD') as day from hearings
    where state = 'scheduled' and hearing_date >= ${courtDay()} group by hearing_date order by hearing_date limit 7`.execute(
    db,
  );
  return {
    hearingDays: days.rows.map((r) => r.day),
    caseIds: ids.rows.map((r) => r.id),
    ownPendingIds: own.rows.map((r) => r.id),
    names: names.rows.map((r) => r.name.trim()).filter((n) => n.length > 3),
    courtIds: courts.map((c) => c.id),
    caseTypeId: wp.id,
    lawOrgId: law.id,
  };
}

const pick = <T>(list: T[], i: number): T => {
  const item = list[i % list.length];
  if (item === undefined) throw new Error("the sample is empty: is the database seeded?");
  return item;
};

export function journeys(s: Sample, login: { username: string; password: string }): Journey[] {
  let n = 0;
  const counter = () => n++;
  // case numbers no earlier run used: one run a millisecond apart from another never collides
  const firstNumber = 1_000_000 + (Date.now() % 1_000_000) * 10;
  const listParams = (i: number) => ({
    status: "pending",
    courtId: pick(s.courtIds, i),
    ...(i % 2 === 0 ? { year: String(2012 + (i % 14)) } : {}),
    pageSize: "25",
  });
  const searchParams = (i: number) => ({ q: pick(s.names, i), pageSize: "25" });
  const causeParams = (i: number) => ({ date: pick(s.hearingDays, i), courtId: pick(s.courtIds, i * 7 + 3) });
  const qs = (p: Record<string, string>) => new URLSearchParams(p).toString();
  return [
    {
      name: "login",
      as: "anonymous",
      request: { method: "POST", next: () => ({ path: "/api/v1/auth/login", body: login }) },
    },
    {
      name: "case list, filtered",
      as: "reader",
      planChecked: true,
      request: { method: "GET", next: () => ({ path: `/api/v1/cases?${qs(listParams(counter()))}` }) },
      service: (db, actor, i) => listCases(db, actor, caseListQuery.parse(listParams(i))),
    },
    {
      name: "search (party name)",
      as: "reader",
      planChecked: true,
      request: { method: "GET", next: () => ({ path: `/api/v1/cases?${qs(searchParams(counter()))}` }) },
      service: (db, actor, i) => listCases(db, actor, caseListQuery.parse(searchParams(i))),
    },
    {
      name: "case page",
      as: "reader",
      planChecked: true,
      request: { method: "GET", next: () => ({ path: `/api/v1/cases/${pick(s.caseIds, counter())}` }) },
      service: (db, actor, i) => getCaseDetail(db, actor, pick(s.caseIds, i)),
    },
    {
      name: "dashboard (executive)",
      as: "reader",
      request: { method: "GET", next: () => ({ path: "/api/v1/dashboard" }) },
      service: (db, actor) => getDashboard(db, actor, {}),
    },
    {
      // A court's list for a day: what a reader opens. Every court's together (some 20,000 hearings a day at
      // 1,000,000 cases) is a report, held to LISTED_LIMIT; BENCHMARKS.md gives its single-request time.
      name: "cause list (a court, a day)",
      as: "reader",
      planChecked: true,
      request: { method: "GET", next: () => ({ path: `/api/v1/cause-list?${qs(causeParams(counter()))}` }) },
      service: (db, actor, i) => causeList(db, actor, causeListQuery.parse(causeParams(i)), 6),
    },
    {
      name: "create a case",
      as: "writer",
      request: {
        method: "POST",
        next: () => {
          const i = counter();
          return {
            path: "/api/v1/cases",
            body: {
              courtId: pick(s.courtIds, i),
              caseTypeId: s.caseTypeId,
              number: firstNumber + i,
              year: 2026,
              title: `Load test petitioner ${i} v. Federation of Pakistan`,
              category: "service",
              parties: [
                { side: "petitioner", name: `Load Petitioner ${i}` },
                { side: "respondent", name: "Federation of Pakistan" },
              ],
            },
          };
        },
      },
    },
    {
      name: "record a hearing",
      as: "writer",
      request: {
        method: "POST",
        next: () => {
          const i = counter();
          return {
            path: `/api/v1/cases/${pick(s.ownPendingIds, i)}/hearings`,
            body: { date: addDays(courtDay(), 30 + (i % 200)), purpose: "Arguments (load test)" },
          };
        },
      },
    },
  ];
}
