import { type Kysely, sql } from "kysely";

/**
 * Training (issue 9, DOMAIN.md §10): competences (which case categories and MLA request kinds each counts for),
 * the catalogue of modules (markdown pages with attachments, a quiz), enrolments with the pages read, quiz
 * attempts, and certificates with a public verification code. A competence is held while a certificate of a
 * module granting it stands (not revoked). Certificates feed the assignment engine, so issuing or revoking one
 * bumps the officer-facts version (migration 0003) like any other change to what the engine decides on.
 * MLA requests gain a handling officer of the Central Authority.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table competences (
      code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
      name_en text not null,
      name_ur text not null,
      description text not null default '',
      case_categories text[] not null default '{}',
      mla_kinds text[] not null default '{}',
      source text not null default '',
      version int not null default 1,
      updated_at timestamptz not null default now()
    );

    create table training_modules (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,59}$'),
      title text not null,
      description text not null default '',
      language text not null check (language in ('en', 'ur')),
      duration_minutes int not null check (duration_minutes between 1 and 6000),
      topic text not null,
      competence_code text references competences(code),
      pass_mark int not null check (pass_mark between 1 and 100),
      published boolean not null default false,
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table training_pages (
      id uuid primary key default gen_random_uuid(),
      module_id uuid not null references training_modules(id) on delete cascade,
      position int not null,
      title text not null,
      body text not null,
      unique (module_id, position)
    );

    create table training_attachments (
      id uuid primary key default gen_random_uuid(),
      page_id uuid not null references training_pages(id) on delete cascade,
      blob_sha256 text not null references blobs(sha256),
      file_name text not null,
      media_type text not null,
      size_bytes bigint not null,
      uploaded_by uuid not null references users(id),
      uploaded_at timestamptz not null default now()
    );
    create index training_attachments_page_idx on training_attachments (page_id);

    create table training_questions (
      id uuid primary key default gen_random_uuid(),
      module_id uuid not null references training_modules(id) on delete cascade,
      position int not null,
      prompt text not null,
      options text[] not null,
      correct int[] not null,
      explanation text not null default '',
      unique (module_id, position)
    );

    create table training_enrolments (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id),
      module_id uuid not null references training_modules(id),
      enrolled_at timestamptz not null default now(),
      completed_at timestamptz,
      unique (user_id, module_id)
    );
    create index training_enrolments_module_idx on training_enrolments (module_id);

    create table training_page_reads (
      enrolment_id uuid not null references training_enrolments(id) on delete cascade,
      page_id uuid not null references training_pages(id) on delete cascade,
      read_at timestamptz not null default now(),
      primary key (enrolment_id, page_id)
    );
    create index training_page_reads_page_idx on training_page_reads (page_id);

    create table training_attempts (
      id uuid primary key default gen_random_uuid(),
      enrolment_id uuid not null references training_enrolments(id),
      module_version int not null,
      answers jsonb not null,
      score int not null,
      total int not null,
      percent numeric(4, 1) not null,
      passed boolean not null,
      submitted_at timestamptz not null default now()
    );
    create index training_attempts_enrolment_idx on training_attempts (enrolment_id, submitted_at);

    create table training_certificates (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      enrolment_id uuid not null references training_enrolments(id),
      attempt_id uuid not null references training_attempts(id),
      user_id uuid not null references users(id),
      module_id uuid not null references training_modules(id),
      competence_code text references competences(code),
      -- the module as it was certified: a later edit of the module does not change what the paper says
      module_code text not null,
      module_title text not null,
      module_version int not null,
      pass_mark int not null,
      duration_minutes int not null,
      percent numeric(4, 1) not null,
      issued_at timestamptz not null default now(),
      revoked_at timestamptz,
      revoked_by uuid references users(id),
      revoke_reason text
    );
    -- one standing certificate per enrolment; a revoked one may be followed by a new pass
    create unique index training_certificates_standing_idx on training_certificates (enrolment_id)
      where revoked_at is null;
    create index training_certificates_enrolment_idx on training_certificates (enrolment_id, issued_at desc);
    create index training_certificates_user_idx on training_certificates (user_id);
    create index training_certificates_module_idx on training_certificates (module_id);

    -- what the assignment engine reads changes when a certificate is issued or revoked (the competence is the
    -- one the certificate names: what was certified, even if the module is later edited)
    create trigger training_certificates_facts after insert or update or delete or truncate on training_certificates
      for each statement execute function bump_officer_facts_version();
    create trigger competences_facts after insert or update or delete or truncate on competences
      for each statement execute function bump_officer_facts_version();

    alter table mla_requests add column handler_id uuid references users(id);
    create index mla_requests_handler_idx on mla_requests (handler_id) where handler_id is not null;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Restore from backup instead of reverting 0030_training.");
}
