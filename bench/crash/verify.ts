/**
 * The checks after each crash, run straight on the database while the server is down: every acknowledged write
 * is there, the write that was cut off is there whole or not at all, nothing the run made is half-written, and
 * the audit chain verifies. Each check names what it found, so a failure reads as evidence.
 */
import { sql } from "kysely";
import type { Database } from "../../server/db/connection.ts";
import { verifyAuditChain } from "../../server/platform/audit.ts";
import type { Ledger, TrackedCase } from "./writers.ts";

export type Verdict = {
  /** Acknowledged writes looked for. */
  checked: number;
  /** Acknowledged writes missing or changed by nothing acknowledged. */
  lost: string[];
  /** Edits and assignments cut off by the kill that had committed (whole) before it. */
  committedUnanswered: number;
  /** Records missing a part their transaction would have written with them. */
  halfWritten: string[];
  chainOk: boolean;
  chainEvents: number;
  chainProblem?: string;
};

/** Checks the ledger against the database and brings each tracked case up to what was found. */
export async function verifyAfterCrash(db: Database, ledger: Ledger, runTag: string): Promise<Verdict> {
  const lost: string[] = [];
  const checked = ledger.cases.length + ledger.hearings.length;
  const committedUnanswered = await checkCases(db, ledger.cases, lost);
  await checkHearings(db, ledger, lost);
  const halfWritten = await halfWrittenRecords(db, `Crash ${runTag} %`);
  const chain = await verifyAuditChain(db);
  return {
    checked,
    lost,
    committedUnanswered,
    halfWritten,
    chainOk: chain.ok,
    chainEvents: chain.count,
    ...(chain.ok ? {} : { chainProblem: chain.reason }),
  };
}

/** Each case is at its acknowledged state, or one step on at exactly the state its unanswered write asked for. */
async function checkCases(db: Database, cases: TrackedCase[], lost: string[]): Promise<number> {
  if (cases.length === 0) return 0;
  let committedUnanswered = 0;
  const rows = await db
    .selectFrom("cases")
    .select(["id", "version", "title", "assigned_officer_id"])
    .where(
      "id",
      "in",
      cases.map((c) => c.id),
    )
    .execute();
  const found = new Map(rows.map((r) => [r.id, r]));
  for (const c of cases) {
    const row = found.get(c.id);
    const state = row && { version: row.version, title: row.title, officerId: row.assigned_officer_id };
    const same = (s: { version: number; title: string; officerId: string | null }) =>
      state !== undefined &&
      state.version === s.version &&
      state.title === s.title &&
      state.officerId === s.officerId;
    if (same(c) || (c.pending && same(c.pending))) {
      if (!same(c)) committedUnanswered += 1;
      Object.assign(c, state, { pending: null });
      continue;
    }
    lost.push(
      `case ${c.id}: acknowledged ${JSON.stringify({ version: c.version, title: c.title, officerId: c.officerId })}` +
        `${c.pending ? ` (or unanswered ${JSON.stringify(c.pending)})` : ""}, found ${JSON.stringify(state ?? "no row")}`,
    );
    if (state) Object.assign(c, state, { pending: null });
  }
  return committedUnanswered;
}

async function checkHearings(db: Database, ledger: Ledger, lost: string[]) {
  if (ledger.hearings.length === 0) return;
  const rows = await db
    .selectFrom("hearings")
    .select(["id", "case_id", "hearing_date", "purpose"])
    .where(
      "id",
      "in",
      ledger.hearings.map((h) => h.id),
    )
    .execute();
  const found = new Map(rows.map((r) => [r.id, r]));
  for (const h of ledger.hearings) {
    const row = found.get(h.id);
    if (!row || row.case_id !== h.caseId || row.hearing_date !== h.date || row.purpose !== h.purpose)
      lost.push(
        `hearing ${h.id}: acknowledged ${JSON.stringify(h)}, found ${JSON.stringify(row ?? "no row")}`,
      );
  }
}

/**
 * Parts one transaction writes together, for every case the run made (its title carries the run's tag) and for
 * every officer: a broken transaction leaves one without the other.
 */
async function halfWrittenRecords(db: Database, titlePattern: string): Promise<string[]> {
  const problems: string[] = [];
  const report = async (what: string, query: ReturnType<typeof sql<{ id: string; detail: string }>>) => {
    const { rows } = await query.execute(db);
    for (const r of rows) problems.push(`${what}: ${r.id} ${r.detail}`);
  };
  const runCases = sql`select id from cases where title like ${titlePattern}`;
  await report(
    "case without its search row",
    sql`select c.id, '' as detail from cases c where c.id in (${runCases})
        and not exists (select 1 from case_search s where s.case_id = c.id)`,
  );
  await report(
    "case without exactly one case.created event",
    sql`select c.id, count(a.seq)::text as detail from cases c
        left join audit_events a on a.entity_id = c.id::text and a.action = 'case.created'
        where c.id in (${runCases}) group by c.id having count(a.seq) <> 1`,
  );
  await report(
    "case with fewer than two parties",
    sql`select c.id, count(p.id)::text as detail from cases c left join case_parties p on p.case_id = c.id
        where c.id in (${runCases}) group by c.id having count(p.id) < 2`,
  );
  // each version step is one edit (case.updated), one unassignment (case.assigned) or one assignment row
  await report(
    "case whose version is not 1 + its recorded changes",
    sql`select c.id, c.version || ' vs 1 + ' || e.n || ' events + ' || r.n || ' assignment rows' as detail
        from cases c
        cross join lateral (select count(*) as n from audit_events a where a.entity_id = c.id::text
                            and a.action in ('case.updated', 'case.assigned')) e
        cross join lateral (select count(*) as n from case_assignments x where x.case_id = c.id) r
        where c.id in (${runCases}) and c.version <> 1 + e.n + r.n`,
  );
  await report(
    "case whose open assignment does not match its officer",
    sql`select c.id, coalesce(c.assigned_officer_id::text, 'none') || ' vs ' || count(x.id) || ' open rows' as detail
        from cases c left join case_assignments x on x.case_id = c.id and x.ended_at is null
        where c.id in (${runCases}) group by c.id, c.assigned_officer_id
        having count(x.id) <> (case when c.assigned_officer_id is null then 0 else 1 end)
            or bool_or(x.officer_id is distinct from c.assigned_officer_id) filter (where x.id is not null)`,
  );
  await report(
    "assignment without its committed batch and event",
    sql`select x.id, coalesce(x.batch_id::text, 'no batch') as detail from case_assignments x
        where x.case_id in (${runCases}) and not exists (
          select 1 from assignment_batches b join audit_events a
            on a.entity_id = b.id::text and a.action = 'assignment.committed'
          where b.id = x.batch_id and b.committed_at is not null)`,
  );
  await report(
    "hearing without its hearing.scheduled event",
    sql`select h.id, h.case_id::text as detail from hearings h where h.case_id in (${runCases})
        and not exists (select 1 from audit_events a where a.entity_id = h.case_id::text
                        and a.action = 'hearing.scheduled' and a.changes->>'hearingId' = h.id::text)`,
  );
  await report(
    "case event naming no case",
    sql`select a.seq::text as id, a.action as detail from audit_events a
        where a.entity_type = 'case' and not exists (select 1 from cases c where c.id::text = a.entity_id)`,
  );
  await report(
    "officer whose stored open cases differ from the assignment rows",
    sql`select p.user_id as id, p.open_cases || ' stored vs ' || count(x.id) || ' counted' as detail
        from officer_profiles p
        left join case_assignments x on x.officer_id = p.user_id and x.ended_at is null
          and exists (select 1 from cases c where c.id = x.case_id and c.status in ('pending', 'appealed'))
        group by p.user_id, p.open_cases having p.open_cases <> count(x.id)`,
  );
  return problems;
}
