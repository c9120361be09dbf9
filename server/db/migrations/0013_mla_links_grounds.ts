import { type Kysely, sql } from "kysely";

/**
 * Issue 5: requests link to each other (the MLA request that follows a preservation, a follow-up of an earlier
 * request), and a return or refusal records its grounds — the drafting rules a return found wanting, or the
 * refusal grounds — so the Central Authority can count deficiency and refusal rates by ground.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table mla_request_links (
      request_id uuid not null references mla_requests(id) on delete cascade,
      earlier_id uuid not null references mla_requests(id) on delete cascade,
      relation text not null check (relation in ('follows', 'related')),
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      primary key (request_id, earlier_id),
      check (request_id <> earlier_id)
    );
    create index mla_request_links_earlier_idx on mla_request_links (earlier_id);
    create index mla_requests_case_idx on mla_requests (case_id) where case_id is not null;
    alter table mla_transitions add column grounds text[] not null default '{}';
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Restore from backup instead of reverting 0013_mla_links_grounds.");
}
