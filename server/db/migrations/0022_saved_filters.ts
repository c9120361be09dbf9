import { type Kysely, sql } from "kysely";

/**
 * Saved case-list filters and weekly report subscriptions (issue 6 item 3). A filter's query is the case list's
 * own query (common/schemas/cases.ts caseListQuery without paging), validated by the service, so a saved filter
 * always reproduces what its owner saw. `last_sent_on` is the courts' day the report last went out: the weekly
 * job sets it in the same transaction as the email, which makes the report go out once per day at most.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table saved_filters (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      name text not null check (length(name) between 1 and 100),
      list text not null default 'cases' check (list in ('cases')),
      query jsonb not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version int not null default 1,
      constraint saved_filters_user_name_uq unique (user_id, name)
    );

    create table report_subscriptions (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      saved_filter_id uuid not null references saved_filters(id) on delete cascade,
      weekday int not null check (weekday between 0 and 6),
      last_sent_on date,
      created_at timestamptz not null default now(),
      -- one subscription per filter: changing the weekday replaces it
      constraint report_subscriptions_filter_uq unique (saved_filter_id)
    );
    create index report_subscriptions_weekday_idx on report_subscriptions (weekday);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table report_subscriptions; drop table saved_filters;`.execute(db);
}
