import { type Kysely, sql } from "kysely";

/**
 * Reminders and mail (issue 4 §§6–7). `reminder_log` is what makes a reminder go out exactly once: a scan
 * inserts its (subject, due date, lead, recipient) row and notifies only when the insert wins, in the same
 * transaction — a second process, or a retried job, finds the row and sends nothing. `mail_outbox` holds every
 * email (the development mailbox, and the queue the SMTP sender drains). Staleness is a per-organisation
 * setting; a case flagged stale records when it was escalated.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table reminder_log (
      subject_kind text not null check (subject_kind in ('deadline', 'task', 'digest', 'stale_case')),
      subject_id uuid not null,
      due_on date not null,
      lead_days int not null,
      user_id uuid not null references users(id) on delete cascade,
      sent_at timestamptz not null default now(),
      primary key (subject_kind, subject_id, due_on, lead_days, user_id)
    );

    create table mail_outbox (
      id uuid primary key default gen_random_uuid(),
      user_id uuid references users(id) on delete set null,
      to_address text not null,
      subject text not null,
      body_text text not null,
      kind text not null,
      created_at timestamptz not null default now(),
      sent_at timestamptz,
      attempts int not null default 0,
      last_error text
    );
    create index mail_outbox_unsent_idx on mail_outbox (created_at) where sent_at is null;

    alter table organisations add column stale_after_days int check (stale_after_days between 7 and 3650);
    alter table cases add column stale_flagged_at timestamptz;
    -- the stale scan reads open cases by their last update
    create index cases_open_updated_idx on cases (updated_at) where status in ('pending', 'appealed');
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Restore from backup instead of reverting 0009_reminders.");
}
