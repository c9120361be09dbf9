import { type Kysely, sql } from "kysely";

/**
 * Pre-counted dashboard figures (issue 6: the executive dashboard at 1,000,000 cases under 500 ms). A background
 * job counts every non-confidential case once per period into `case_figures`, grouped by the dimensions a
 * reader's scope and an organisation dashboard filter on (the case's organisation, the law office of its
 * officer) and the keys a figure shows (age bucket, month, day, reason…). A dashboard sums the rows its reader
 * may see; confidential cases are never pre-counted — they are counted live, for the people named on them.
 * `case_figures_count` holds the one row saying when the count was made and for which courts' day.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table case_figures (
      measure text not null,
      key text not null default '',
      organisation_id uuid not null,
      office_id uuid,
      court_id uuid,
      cases bigint not null,
      won bigint not null default 0,
      amount numeric not null default 0
    );
    create index case_figures_measure_idx on case_figures (measure, organisation_id);

    create table case_figures_count (
      only_row boolean primary key default true check (only_row),
      counted_at timestamptz not null,
      court_day date not null,
      took_ms int not null,
      rows int not null
    );

    -- a reader's confidential cases are found by this index, not by a scan of every case
    create index cases_confidential_idx on cases (id) where is_confidential;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index cases_confidential_idx;
    drop table case_figures_count;
    drop table case_figures;
  `.execute(db);
}
