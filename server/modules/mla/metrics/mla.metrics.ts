import { sql } from "kysely";
import { HOLDERS, type Holder, holderOf, isFinal } from "../../../../common/mla/holders.ts";
import type { MlaRequestKind } from "../../../../common/mla/request.ts";
import type { MlaMetrics } from "../../../../common/schemas/mla-metrics.ts";
import type { Database } from "../../../db/connection.ts";
import { type Actor, hasRole } from "../../../platform/actor.ts";
import { problems } from "../../../platform/errors.ts";

/**
 * The Central Authority's figures (issue 5 item 9; DOMAIN.md §9 metrics): pending requests by state and age,
 * receipt to acknowledgement, time in each state by whose turn it was, deficiency and refusal rates by ground, and
 * preservations that expired before the MLA request went out. Only the Central Authority reads them: they span
 * every agency's requests.
 */
const AGE_BUCKETS = [30, 90, 180, 365] as const;
const RETURNS = [
  "returned_for_amendment",
  "further_information_requested",
  "clarification_requested",
  "returned_unregistered",
];
const REFUSALS = ["refused", "declined"];
const DECISIONS = ["executed", "partly_executed", "refused", "accepted", "disclosed", "declined"];

const days = (seconds: number | string | null) =>
  seconds === null ? null : Math.round((Number(seconds) / 86_400) * 10) / 10;

async function pending(db: Database) {
  const rows = await sql<{ kind: MlaRequestKind; state: string; bucket: number; n: string }>`
    select kind, state, width_bucket(extract(epoch from now() - created_at) / 86400, ${sql.val(AGE_BUCKETS)}::float8[]) as bucket, count(*) as n
    from mla_requests group by 1, 2, 3`.execute(db);
  const byState = new Map<string, { kind: MlaRequestKind; state: string; total: number; byAge: number[] }>();
  for (const r of rows.rows) {
    if (isFinal(r.kind, r.state)) continue;
    const key = `${r.kind}:${r.state}`;
    const entry = byState.get(key) ?? {
      kind: r.kind,
      state: r.state,
      total: 0,
      byAge: AGE_BUCKETS.map(() => 0).concat(0),
    };
    entry.total += Number(r.n);
    entry.byAge[r.bucket]! += Number(r.n);
    byState.set(key, entry);
  }
  return { ageBucketsDays: [...AGE_BUCKETS], rows: [...byState.values()].sort((a, b) => b.total - a.total) };
}

/** Incoming: received (opened) to acknowledged; outgoing: transmitted to acknowledged. */
async function acknowledgement(db: Database) {
  const rows = await sql<{
    kind: MlaRequestKind;
    n: string;
    median: number | null;
    p90: number | null;
    waiting: string;
  }>`
    with spans as (
      select r.kind,
        case when r.kind = 'mla_incoming' then r.created_at
             else (select max(t.at) from mla_transitions t where t.request_id = r.id and t.to_state = 'transmitted') end as started,
        (select min(t.at) from mla_transitions t where t.request_id = r.id and t.to_state = 'acknowledged') as acked
      from mla_requests r where r.kind in ('mla_incoming', 'mla_outgoing')
    )
    select kind, count(acked) as n,
      percentile_cont(0.5) within group (order by extract(epoch from acked - started)) filter (where acked is not null) as median,
      percentile_cont(0.9) within group (order by extract(epoch from acked - started)) filter (where acked is not null) as p90,
      count(*) filter (where started is not null and acked is null) as waiting
    from spans where started is not null group by kind`.execute(db);
  return rows.rows.map((r) => ({
    kind: r.kind,
    acknowledged: Number(r.n),
    medianDays: days(r.median),
    p90Days: days(r.p90),
    waiting: Number(r.waiting),
  }));
}

/** Completed stays (the moves out of each state), attributed to whose turn it was. */
async function timeInState(db: Database) {
  const rows = await sql<{
    kind: MlaRequestKind;
    state: string;
    role: string;
    n: string;
    total: string;
    median: number;
  }>`
    select r.kind, t.from_state as state, t.actor_role as role, count(*) as n, sum(t.seconds_in_previous) as total,
      percentile_cont(0.5) within group (order by t.seconds_in_previous) as median
    from mla_transitions t join mla_requests r on r.id = t.request_id
    where t.from_state is not null and t.seconds_in_previous is not null
    group by 1, 2, 3`.execute(db);
  const states = rows.rows.map((r) => ({
    kind: r.kind,
    state: r.state,
    holder: holderOf(r.kind, r.state),
    movedBy: r.role,
    stays: Number(r.n),
    totalDays: days(r.total) ?? 0,
    medianDays: days(r.median) ?? 0,
  }));
  const total = states.reduce((s, r) => s + r.totalDays, 0);
  const byHolder = HOLDERS.map((holder: Holder) => {
    const d = states.filter((s) => s.holder === holder).reduce((s, r) => s + r.totalDays, 0);
    return {
      holder,
      totalDays: Math.round(d * 10) / 10,
      share: total ? Math.round((1000 * d) / total) / 10 : 0,
    };
  });
  return { byHolder, states: states.sort((a, b) => b.totalDays - a.totalDays) };
}

async function rates(db: Database) {
  const counts = await sql<{ submitted: string; returned: string; decided: string; refused: string }>`
    select
      count(*) filter (where to_state = 'submitted_to_central_authority')
        + (select count(*) from mla_requests where kind = 'mla_incoming') as submitted,
      count(*) filter (where to_state = any(${sql.val(RETURNS)}::text[])) as returned,
      count(*) filter (where to_state = any(${sql.val(DECISIONS)}::text[])) as decided,
      count(*) filter (where to_state = any(${sql.val(REFUSALS)}::text[])) as refused
    from mla_transitions`.execute(db);
  const grounds = await sql<{ kind: "deficiency" | "refusal"; ground: string; n: string }>`
    select case when to_state = any(${sql.val(RETURNS)}::text[]) then 'deficiency' else 'refusal' end as kind,
      coalesce(g, 'unspecified') as ground, count(*) as n
    from mla_transitions left join lateral unnest(nullif(grounds, '{}')) as g on true
    where to_state = any(${sql.val([...RETURNS, ...REFUSALS, "partly_executed"])}::text[])
    group by 1, 2 order by 3 desc`.execute(db);
  const c = counts.rows[0]!;
  const [submitted, returned, decided, refused] = [c.submitted, c.returned, c.decided, c.refused].map(
    Number,
  ) as [number, number, number, number];
  const rate = (n: number, of: number) => (of ? Math.round((1000 * n) / of) / 10 : 0);
  const byGround = (kind: "deficiency" | "refusal", of: number) =>
    grounds.rows
      .filter((g) => g.kind === kind)
      .map((g) => ({ ground: g.ground, count: Number(g.n), rate: rate(Number(g.n), of) }));
  return {
    deficiency: {
      submitted,
      returned,
      rate: rate(returned, submitted),
      byGround: byGround("deficiency", submitted),
    },
    refusal: { decided, refused, rate: rate(refused, decided), byGround: byGround("refusal", decided) },
  };
}

/** Preservations whose expiry passed before a linked MLA request was transmitted (or with none transmitted). */
async function expiredPreservations(db: Database) {
  const rows = await sql<{
    id: string;
    reference: string;
    due_on: string;
    mla_reference: string | null;
    transmitted_on: string | null;
  }>`
    select p.id, p.reference, to_char(d.due_on, 'YYYY-MM-DD') as due_on, m.reference as mla_reference,
      to_char(m.transmitted_at, 'YYYY-MM-DD') as transmitted_on
    from mla_requests p
    join mla_deadlines d on d.request_id = p.id and d.kind = 'preservation_expiry'
    left join lateral (
      select r.reference, (select min(t.at) from mla_transitions t where t.request_id = r.id and t.to_state = 'transmitted') as transmitted_at
      from mla_request_links l join mla_requests r on r.id = l.request_id
      where l.earlier_id = p.id and r.kind = 'mla_outgoing'
      order by transmitted_at nulls last limit 1
    ) m on true
    where p.kind = 'preservation' and (d.state = 'expired' or (d.state = 'open' and d.due_on < current_date))
      and (m.transmitted_at is null or m.transmitted_at::date > d.due_on)
    order by d.due_on desc limit 200`.execute(db);
  return rows.rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    expiredOn: r.due_on,
    mlaReference: r.mla_reference,
    mlaTransmittedOn: r.transmitted_on,
  }));
}

export async function mlaMetrics(db: Database, actor: Actor): Promise<MlaMetrics> {
  if (!hasRole(actor, "central_authority"))
    throw problems.forbidden("The MLA figures are the Central Authority's.");
  const [p, a, t, r, e] = await Promise.all([
    pending(db),
    acknowledgement(db),
    timeInState(db),
    rates(db),
    expiredPreservations(db),
  ]);
  return {
    asOf: new Date().toISOString(),
    pending: p,
    acknowledgement: a,
    timeInState: t,
    rates: r,
    expiredPreservations: e,
  };
}
