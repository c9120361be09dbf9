import { type Kysely, sql } from "kysely";

/**
 * The foundation: organisations, reference data, accounts and sessions, the case register, documents and
 * the audit chain. Plain SQL that runs unchanged on PostgreSQL 15+ and on PGlite.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  await sql`
    create table roles (
      code text primary key,
      name_en text not null,
      name_ur text not null,
      description text not null default '',
      sort_order int not null default 0
    );

    create table organisations (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[A-Z0-9][A-Z0-9_-]{1,31}$'),
      name_en text not null,
      name_ur text not null default '',
      kind text not null check (kind in ('ministry','division','attached_department','law_ministry','law_office',
        'provincial_law_department','agency','executive','central_authority','system')),
      parent_id uuid references organisations(id),
      source text not null default '',
      active boolean not null default true,
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table courts (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[A-Z0-9][A-Z0-9_-]{1,31}$'),
      name_en text not null,
      name_ur text not null default '',
      level text not null check (level in ('supreme','constitutional','shariat','high','tribunal','special','district')),
      city text not null default '',
      source text not null default '',
      status text not null default 'V' check (status in ('V','S','U')),
      active boolean not null default true,
      version int not null default 1,
      sort_order int not null default 0
    );

    create table benches (
      id uuid primary key default gen_random_uuid(),
      court_id uuid not null references courts(id),
      code text not null check (code ~ '^[A-Z0-9][A-Z0-9_-]{1,31}$'),
      name_en text not null,
      name_ur text not null default '',
      city text not null,
      is_principal_seat boolean not null default false,
      active boolean not null default true,
      version int not null default 1,
      unique (court_id, code)
    );

    create table case_types (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
      abbreviation text not null,
      name_en text not null,
      name_ur text not null default '',
      aliases text[] not null default '{}',
      court_levels text[] not null default '{}',
      is_appeal boolean not null default false,
      source text not null default '',
      active boolean not null default true,
      version int not null default 1,
      sort_order int not null default 0
    );

    create table users (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      username text not null,
      full_name text not null,
      email text,
      designation text not null default '',
      password_hash text not null,
      status text not null default 'pending' check (status in ('pending','active','disabled','rejected')),
      locale text not null default 'en' check (locale in ('en','ur')),
      failed_logins int not null default 0,
      locked_until timestamptz,
      last_login_at timestamptz,
      approved_by uuid references users(id),
      approved_at timestamptz,
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index users_username_key on users (lower(username));
    create index users_organisation_idx on users (organisation_id);

    create table user_roles (
      user_id uuid not null references users(id) on delete cascade,
      role text not null references roles(code),
      primary key (user_id, role)
    );

    create table sessions (
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ip text,
      user_agent text
    );
    create index sessions_user_idx on sessions (user_id);
  `.execute(db);

  await sql`
    create table cases (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      court_id uuid not null references courts(id),
      bench_id uuid references benches(id),
      case_type_id uuid not null references case_types(id),
      number int not null check (number > 0),
      number_suffix text not null default '',
      year int not null check (year between 1947 and 2100),
      case_key text not null unique,
      title text not null,
      subject text not null default '',
      category text not null,
      amount_involved numeric(18,2),
      filed_on date,
      notice_received_on date,
      decided_on date,
      status text not null default 'pending',
      stage text,
      outcome text,
      government_result text,
      is_contempt boolean not null default false,
      is_constitutional boolean not null default false,
      is_tax_recovery boolean not null default false,
      is_confidential boolean not null default false,
      assigned_officer_id uuid references users(id),
      search_text text not null default '',
      search_vector tsvector not null default ''::tsvector,
      created_by uuid not null references users(id),
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index cases_org_idx on cases (organisation_id, updated_at desc);
    create index cases_officer_idx on cases (assigned_officer_id);
    create index cases_number_idx on cases (case_type_id, number, year);
    create index cases_court_idx on cases (court_id, year);
    create index cases_status_idx on cases (status);
    create index cases_updated_idx on cases (updated_at desc, id);
    create index cases_search_vector_idx on cases using gin (search_vector);
    create index cases_search_trgm_idx on cases using gin (search_text gin_trgm_ops);

    create table case_parties (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id) on delete cascade,
      position int not null,
      side text not null check (side in ('petitioner','appellant','plaintiff','applicant','respondent',
        'defendant','proforma_respondent','intervener')),
      name text not null,
      organisation_id uuid references organisations(id),
      unique (case_id, position)
    );
    create index case_parties_org_idx on case_parties (organisation_id);

    create table case_links (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id) on delete cascade,
      linked_case_id uuid not null references cases(id) on delete cascade,
      kind text not null check (kind in ('appeal_of','connected_with','same_issue_as')),
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      check (case_id <> linked_case_id),
      unique (case_id, linked_case_id, kind)
    );
    create index case_links_linked_idx on case_links (linked_case_id);

    create table case_access (
      case_id uuid not null references cases(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      granted_by uuid not null references users(id),
      granted_at timestamptz not null default now(),
      primary key (case_id, user_id)
    );
    create index case_access_user_idx on case_access (user_id);

    create table case_assignments (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id) on delete cascade,
      officer_id uuid not null references users(id),
      assigned_by uuid not null references users(id),
      method text not null default 'manual',
      reason text not null,
      assigned_at timestamptz not null default now(),
      ended_at timestamptz
    );
    create index case_assignments_case_idx on case_assignments (case_id, assigned_at desc);

    create table blobs (
      sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
      size_bytes bigint not null,
      media_type text not null,
      created_at timestamptz not null default now()
    );

    create table documents (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id) on delete cascade,
      kind text not null,
      title text not null,
      current_version int not null default 1,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index documents_case_idx on documents (case_id);

    create table document_versions (
      id uuid primary key default gen_random_uuid(),
      document_id uuid not null references documents(id) on delete cascade,
      version int not null,
      blob_sha256 text not null references blobs(sha256),
      file_name text not null,
      media_type text not null,
      size_bytes bigint not null,
      uploaded_by uuid not null references users(id),
      uploaded_at timestamptz not null default now(),
      unique (document_id, version)
    );

    create table audit_events (
      seq bigint primary key,
      occurred_at timestamptz not null,
      actor_id uuid,
      actor_organisation_id uuid,
      action text not null,
      entity_type text not null,
      entity_id text,
      organisation_id uuid,
      changes jsonb,
      ip text,
      user_agent text,
      request_id text,
      prev_hash text not null,
      hash text not null
    );
    create index audit_events_entity_idx on audit_events (entity_type, entity_id, seq);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("The foundation migration cannot be reverted; restore from backup instead.");
}
