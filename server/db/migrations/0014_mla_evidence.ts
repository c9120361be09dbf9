import { type Kysely, sql } from "kysely";

/**
 * Evidence received on an MLA request (DOMAIN.md §9: "each item received keeps its hash, source, certification
 * and chain of custody"). An item carries the SHA-256 it was received with — computed by the server from an
 * uploaded file, or typed from a forensic tool's report when the material stays on its own media — and, when a
 * file was uploaded, the stored blob (content-addressed, so `blob_sha256` is that same hash). Custody entries
 * are append-only: a trigger refuses update and delete, so a record of who held the item can only grow.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table mla_evidence_items (
      id uuid primary key default gen_random_uuid(),
      request_id uuid not null references mla_requests(id),
      label text not null,
      description text not null default '',
      source_kind text not null check (source_kind in
        ('provider', 'foreign_authority', 'domestic_authority', 'other')),
      source_name text not null,
      received_at timestamptz not null,
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      size_bytes bigint check (size_bytes >= 0),
      blob_sha256 text references blobs(sha256),
      media_type text,
      file_name text,
      certification_kind text not null default 'none' check (certification_kind in
        ('none', 'provider_certificate', 'foreign_authority_certificate', 'central_authority_certificate')),
      certified_by text,
      certified_at timestamptz,
      certification_note text not null default '',
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version int not null default 1,
      -- a stored file is the received material itself: its key is the item's hash, and it has a type and a name
      check (blob_sha256 is null or (blob_sha256 = sha256 and media_type is not null and file_name is not null)),
      check ((certification_kind = 'none') = (certified_by is null and certified_at is null))
    );
    create index mla_evidence_items_request_idx on mla_evidence_items (request_id, received_at, id);

    create table mla_custody_entries (
      id bigint generated always as identity primary key,
      item_id uuid not null references mla_evidence_items(id),
      at timestamptz not null,
      recorded_at timestamptz not null default now(),
      action text not null check (action in ('received', 'transferred', 'examined', 'verified', 'copied',
        'stored', 'sealed', 'unsealed', 'returned', 'produced_in_court', 'destroyed')),
      from_holder text not null default '',
      to_holder text not null default '',
      location text not null default '',
      note text not null default '',
      actor_id uuid not null references users(id),
      -- null when nothing was re-hashed; else whether the hash observed then still equals the item's
      -- (false with no observed hash: the stored file could not be read at all)
      hash_verified boolean,
      observed_sha256 text check (observed_sha256 ~ '^[0-9a-f]{64}$'),
      check (observed_sha256 is null or hash_verified is not null)
    );
    create index mla_custody_entries_item_idx on mla_custody_entries (item_id, id);

    create function mla_custody_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'mla_custody_entries is append-only' using errcode = 'P0001';
    end $$;
    create trigger mla_custody_append_only before update or delete on mla_custody_entries
      for each row execute function mla_custody_append_only();
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Restore from backup instead of reverting 0014_mla_evidence.");
}
