import { type Kysely, sql } from "kysely";

/**
 * The assignment engine's data: law officer profiles (tier, seats, expertise, capacity, leave, conflicts),
 * case weights, versioned policies per law office, the decision ledger that makes every assignment
 * replayable, and in-app notices to officers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table officer_profiles (
      user_id uuid primary key references users(id) on delete cascade,
      tier text not null check (tier in ('additional_ag','deputy_ag','assistant_ag','standing_counsel','panel_advocate')),
      expertise text[] not null default '{}',
      max_load numeric(10,2) not null default 40 check (max_load > 0),
      active boolean not null default true,
      notes text not null default '',
      -- Kept by refreshOfficerLoad in the same transaction as every change to the officer's assignments, so a
      -- suggestion reads loads instead of aggregating every open case.
      open_load numeric(10,2) not null default 0,
      open_cases int not null default 0,
      last_assigned_at timestamptz,
      version int not null default 1,
      updated_at timestamptz not null default now()
    );

    create table officer_seats (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references officer_profiles(user_id) on delete cascade,
      court_id uuid not null references courts(id),
      bench_id uuid references benches(id)
    );
    create index officer_seats_user_idx on officer_seats (user_id);

    create table officer_leaves (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references officer_profiles(user_id) on delete cascade,
      starts_on date not null,
      ends_on date not null,
      reason text not null default '',
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      check (ends_on >= starts_on)
    );
    create index officer_leaves_user_idx on officer_leaves (user_id, ends_on);

    create table officer_conflicts (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references officer_profiles(user_id) on delete cascade,
      party_name text,
      organisation_id uuid references organisations(id),
      note text not null default '',
      created_at timestamptz not null default now(),
      check (party_name is not null or organisation_id is not null)
    );
    create index officer_conflicts_user_idx on officer_conflicts (user_id);

    create table assignment_weights (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('case_type','flag','amount_over')),
      key text not null,
      weight numeric(6,2) not null check (weight >= 0),
      threshold numeric(18,2),
      source text not null default '',
      version int not null default 1,
      unique (kind, key)
    );

    create table assignment_policies (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      version int not null,
      config jsonb not null,
      note text not null default '',
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      unique (organisation_id, version)
    );

    -- A preview (one case or many) with its CSPRNG seed; committing replays it with the same seed, so what was
    -- shown is what is recorded unless the facts changed in between.
    create table assignment_batches (
      id uuid primary key default gen_random_uuid(),
      office_id uuid not null references organisations(id),
      policy_id uuid not null references assignment_policies(id),
      kind text not null check (kind in ('single','bulk','handover')),
      seed text not null,
      case_ids uuid[] not null,
      case_versions int[] not null,
      departing_officer_id uuid references users(id),
      -- At commit: the officers as the engine saw them before the first case, the tier totals, the policy
      -- configuration and the clock, so the whole batch can be replayed decision by decision.
      inputs jsonb,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      committed_at timestamptz
    );

    create table assignment_decisions (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id) on delete cascade,
      office_id uuid not null references organisations(id),
      policy_id uuid references assignment_policies(id),
      officer_id uuid references users(id),
      method text not null check (method in ('policy','override','handover','queue')),
      step text not null,
      seed text not null,
      inputs jsonb not null,
      decision jsonb not null,
      reason text not null default '',
      actor_id uuid not null references users(id),
      batch_id uuid references assignment_batches(id),
      position int not null default 0,
      decided_at timestamptz not null default now()
    );
    create index assignment_decisions_case_idx on assignment_decisions (case_id, decided_at desc);
    create index assignment_decisions_batch_idx on assignment_decisions (batch_id);

    alter table case_assignments add column decision_id uuid references assignment_decisions(id);
    alter table case_assignments add column weight numeric(6,2) not null default 1;
    create index case_assignments_open_idx on case_assignments (officer_id) where ended_at is null;
    create index case_assignments_officer_time_idx on case_assignments (officer_id, assigned_at desc);

    create table notifications (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      kind text not null,
      case_id uuid references cases(id) on delete cascade,
      params jsonb not null default '{}',
      read_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index notifications_user_idx on notifications (user_id, created_at desc);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Restore from backup instead of reverting 0002_assignment.");
}
