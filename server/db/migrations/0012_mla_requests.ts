import { type Kysely, sql } from "kysely";

/**
 * The Central Authority's register of MLA requests (issue 5): each request with its kind, its state in the
 * kind's flow (common/mla/states.ts), the draft as the drafting assistant checks it, and every move with who
 * made it, why, and how long the request had stayed in the state it left — the figures of "time in each state by
 * actor". Visible only to the Central Authority, the requesting agency unit and the users named on it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table mla_requests (
      id uuid primary key default gen_random_uuid(),
      reference text not null unique,
      kind text not null check (kind in
        ('mla_outgoing', 'mla_incoming', 'preservation', 'emergency_disclosure', 'voluntary_disclosure')),
      state text not null,
      title text not null,
      organisation_id uuid not null references organisations(id),
      case_id uuid references cases(id),
      draft jsonb not null default '{}',
      state_entered_at timestamptz not null default now(),
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version int not null default 1
    );
    create index mla_requests_org_idx on mla_requests (organisation_id, updated_at desc);
    create index mla_requests_state_idx on mla_requests (kind, state);

    create table mla_request_access (
      request_id uuid not null references mla_requests(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      primary key (request_id, user_id)
    );

    create table mla_transitions (
      id bigint generated always as identity primary key,
      request_id uuid not null references mla_requests(id) on delete cascade,
      from_state text,
      to_state text not null,
      reason text not null default '',
      actor_id uuid not null references users(id),
      actor_role text not null,
      at timestamptz not null default now(),
      seconds_in_previous int
    );
    create index mla_transitions_request_idx on mla_transitions (request_id, id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Restore from backup instead of reverting 0012_mla_requests.");
}
