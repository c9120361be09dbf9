import { type Kysely, sql } from "kysely";

/**
 * A version number for everything the assignment engine knows about officers — profiles and their stored
 * loads, seats, leave, conflicts, the users and their roles. Statement-level triggers bump it on any change,
 * so no code path can forget to; an app process may then reuse the officer facts it read at the same version
 * instead of reading a thousand officers again for every suggestion. The row is a lock too: a transaction that
 * changes officer facts holds it to its end, so writers take it before the audit chain's lock (see
 * lockOfficerFacts) to keep one lock order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table officer_facts_version (
      id int primary key default 1 check (id = 1),
      version bigint not null default 0
    );
    insert into officer_facts_version (id, version) values (1, 0);

    create function bump_officer_facts_version() returns trigger language plpgsql as $$
    begin
      update officer_facts_version set version = version + 1 where id = 1;
      return null;
    end $$;

    create trigger officer_profiles_facts after insert or update or delete or truncate on officer_profiles
      for each statement execute function bump_officer_facts_version();
    create trigger officer_seats_facts after insert or update or delete or truncate on officer_seats
      for each statement execute function bump_officer_facts_version();
    create trigger officer_leaves_facts after insert or update or delete or truncate on officer_leaves
      for each statement execute function bump_officer_facts_version();
    create trigger officer_conflicts_facts after insert or update or delete or truncate on officer_conflicts
      for each statement execute function bump_officer_facts_version();
    -- only the users' columns the facts use: a login (last login, failed attempts) must not touch the version
    create trigger users_facts after insert or delete or truncate on users
      for each statement execute function bump_officer_facts_version();
    create trigger users_facts_update after update of status, full_name, organisation_id on users
      for each statement execute function bump_officer_facts_version();
    create trigger user_roles_facts after insert or update or delete or truncate on user_roles
      for each statement execute function bump_officer_facts_version();
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Restore from backup instead of reverting 0003_officer_facts_version.");
}
