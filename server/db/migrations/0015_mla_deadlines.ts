import { type Kysely, sql } from "kysely";

/**
 * The MLA register's deadlines (issue 5 item 6), apart from the case `deadlines` table because MLA records are
 * confidential to the Central Authority, the owning agency unit and named users — no case list, dashboard or
 * digest may reach them. A preservation's expiry (with the alert 30 days before) and follow-ups on unanswered
 * requests, each with the rule and source it was computed by. `mla_deadline_alerts` makes an alert go out
 * exactly once per (deadline, due date, recipient), as `reminder_log` does for case deadlines: an extended
 * expiry is a new due date and is alerted again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table mla_deadlines (
      id uuid primary key default gen_random_uuid(),
      request_id uuid not null references mla_requests(id) on delete cascade,
      kind text not null check (kind in ('preservation_expiry', 'follow_up')),
      rule_code text not null,
      started_on date not null,
      due_on date not null,
      alert_on date not null,
      basis text not null,
      status text not null check (status in ('V', 'S', 'U')),
      extensions int not null default 0,
      state text not null default 'open' check (state in ('open', 'met', 'expired', 'cancelled')),
      closed_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version int not null default 1
    );
    -- one open deadline of a kind per request: a repeated move cannot open a second
    create unique index mla_deadlines_open_uq on mla_deadlines (request_id, kind) where state = 'open';
    create index mla_deadlines_request_idx on mla_deadlines (request_id, created_at);
    -- the scan reads open deadlines whose alert day has come
    create index mla_deadlines_alert_idx on mla_deadlines (alert_on) where state = 'open';

    create table mla_deadline_alerts (
      deadline_id uuid not null references mla_deadlines(id) on delete cascade,
      due_on date not null,
      user_id uuid not null references users(id) on delete cascade,
      sent_at timestamptz not null default now(),
      primary key (deadline_id, due_on, user_id)
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Restore from backup instead of reverting 0015_mla_deadlines.");
}
