import { type Kysely, sql } from "kysely";

/**
 * The MLA drafting rules and directory as data the Central Authority edits (issue 5 item 5). Loaded from
 * reference/mla-rules.json and mla-directory.json adding what is missing, never overwriting an edit
 * (server/modules/mla/mla.reference.ts). A rule's check is code keyed by `code`; its words, grade, source and
 * status live here. A directory entry's `data` is the item as common/schemas/mla.reference.ts validates it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table mla_rules (
      code text primary key check (code ~ '^[a-z][a-z0-9_]*$'),
      number int not null unique,
      -- the rule without code, source and status (those are columns)
      data jsonb not null,
      enabled boolean not null default true,
      source text not null,
      status text not null check (status in ('V', 'S', 'U')),
      version int not null default 1,
      updated_by uuid references users(id),
      updated_at timestamptz not null default now()
    );

    create table mla_directory_entries (
      kind text not null check (kind in ('instrument', 'state', 'provider', 'contact')),
      code text not null,
      -- the entry without its code
      data jsonb not null,
      version int not null default 1,
      updated_by uuid references users(id),
      updated_at timestamptz not null default now(),
      primary key (kind, code)
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Restore from backup instead of reverting 0016_mla_reference.");
}
