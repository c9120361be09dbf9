import { type Kysely, sql } from "kysely";

/**
 * Hearings (DOMAIN.md §5): each date a case is listed, what happened there — adjourned (with the reason and the
 * side it is attributed to), argued, reserved, decided (with the result), notice issued — the coram, who
 * appeared, the order-sheet document, and the chain of dates (a hearing records the one it was fixed at).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table hearings (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id) on delete cascade,
      hearing_date date not null,
      hearing_time text check (hearing_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      serial int check (serial > 0),
      court_id uuid not null references courts(id),
      bench_id uuid references benches(id),
      purpose text not null default '',
      coram text not null default '',
      state text not null default 'scheduled' check (state in ('scheduled', 'held', 'cancelled')),
      outcome text check (outcome in ('adjourned', 'argued', 'reserved', 'decided', 'notice_issued')),
      appeared text not null default '',
      adjournment_reason text not null default '',
      adjourned_at_request_of text check (adjourned_at_request_of in ('government', 'other_side', 'court', 'both')),
      result text,
      notes text not null default '',
      cancel_reason text not null default '',
      previous_hearing_id uuid references hearings(id),
      order_sheet_document_id uuid references documents(id),
      recorded_by uuid references users(id),
      recorded_at timestamptz,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version int not null default 1,
      check ((state = 'held') = (outcome is not null))
    );
    create index hearings_case_idx on hearings (case_id, hearing_date);
    -- cause lists and "the next 14 days" read scheduled hearings by date
    create index hearings_scheduled_idx on hearings (hearing_date) where state = 'scheduled';
    create unique index hearings_next_idx on hearings (previous_hearing_id) where previous_hearing_id is not null;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Restore from backup instead of reverting 0005_hearings.");
}
