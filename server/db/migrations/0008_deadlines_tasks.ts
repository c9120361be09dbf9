import { type Kysely, sql } from "kysely";

/**
 * Limitation and tasks (DOMAIN.md §6): the rules and the courts' calendars as editable data (loaded from
 * reference/ without overwriting edits), the deadlines computed from them with their derivation, and the tasks
 * people owe — to a user or to an organisation — with their escalation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table limitation_rules (
      code text primary key check (code ~ '^[a-z][a-z0-9_]{1,47}$'),
      name_en text not null,
      name_ur text not null,
      days int check (days between 1 and 3650),
      certified_copy_excluded boolean not null,
      margin_days int not null check (margin_days between 0 and 60),
      -- where the appeal is filed, whose calendar decides s.4: 'same_court', a court code, or '*' (common days)
      filed_in text not null,
      applies_when jsonb not null default '{}',
      source text not null,
      status text not null check (status in ('V', 'S', 'U')),
      version int not null default 1,
      updated_by uuid references users(id),
      updated_at timestamptz not null default now()
    );

    -- court_id null: every court
    create table court_weekends (
      id uuid primary key default gen_random_uuid(),
      court_id uuid references courts(id),
      days smallint[] not null,
      source text not null,
      status text not null check (status in ('V', 'S', 'U')),
      version int not null default 1,
      updated_at timestamptz not null default now(),
      unique nulls not distinct (court_id)
    );

    create table court_closures (
      id uuid primary key default gen_random_uuid(),
      court_id uuid references courts(id),
      starts_on date not null,
      ends_on date not null,
      name_en text not null,
      name_ur text not null default '',
      kind text not null check (kind in ('holiday', 'vacation')),
      source text not null,
      status text not null check (status in ('V', 'S', 'U')),
      version int not null default 1,
      updated_at timestamptz not null default now(),
      check (ends_on >= starts_on and ends_on - starts_on <= 366),
      unique nulls not distinct (court_id, starts_on, name_en)
    );
    create index court_closures_span_idx on court_closures (ends_on, starts_on);

    create table deadlines (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id) on delete cascade,
      kind text not null check (kind in ('appeal', 'reply', 'compliance', 'other')),
      title text not null,
      rule_code text references limitation_rules(code),
      rule_version int,
      calendar_court_id uuid references courts(id),
      trigger_on date not null,
      copy_applied_on date,
      copy_ready_on date,
      legal_due_on date not null,
      internal_due_on date not null,
      provisional boolean not null default false,
      derivation jsonb not null,
      state text not null default 'open' check (state in ('open', 'met', 'missed', 'cancelled')),
      closed_note text not null default '',
      closed_by uuid references users(id),
      closed_at timestamptz,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version int not null default 1
    );
    create index deadlines_case_idx on deadlines (case_id);
    create index deadlines_open_idx on deadlines (internal_due_on) where state = 'open';

    create table tasks (
      id uuid primary key default gen_random_uuid(),
      case_id uuid references cases(id) on delete cascade,
      deadline_id uuid references deadlines(id) on delete set null,
      kind text not null check (kind in ('para_wise_comments', 'file_reply', 'compliance', 'appeal_decision', 'other')),
      title text not null,
      priority text not null check (priority in ('contempt', 'high', 'normal', 'low')),
      assignee_user_id uuid references users(id),
      assignee_organisation_id uuid references organisations(id),
      due_on date not null,
      state text not null default 'open' check (state in ('open', 'in_progress', 'done', 'cancelled')),
      note text not null default '',
      escalated_at timestamptz,
      completed_by uuid references users(id),
      completed_at timestamptz,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version int not null default 1,
      check (num_nonnulls(assignee_user_id, assignee_organisation_id) = 1)
    );
    create index tasks_case_idx on tasks (case_id);
    create index tasks_user_idx on tasks (assignee_user_id) where state in ('open', 'in_progress');
    create index tasks_org_idx on tasks (assignee_organisation_id) where state in ('open', 'in_progress');
    create index tasks_overdue_idx on tasks (due_on) where state in ('open', 'in_progress') and escalated_at is null;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Restore from backup instead of reverting 0008_deadlines_tasks.");
}
