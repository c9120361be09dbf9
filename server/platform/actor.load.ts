import { sql } from "kysely";
import type { Database } from "../db/connection.ts";
import { type Actor, jobActor } from "./actor.ts";

/**
 * An active user as an Actor, as the session lookup builds it, for work done on their behalf outside a request
 * (a background export runs with the asker's scope at run time); null once the user or organisation is inactive.
 */
export async function activeActor(db: Database, userId: string, job: string): Promise<Actor | null> {
  const row = await db
    .selectFrom("users as u")
    .innerJoin("organisations as o", "o.id", "u.organisation_id")
    .select([
      "u.id",
      "u.username",
      "u.full_name",
      "u.status",
      "u.locale",
      "u.organisation_id",
      "o.kind",
      "o.active",
      sql<string[]>`array(select r.role from user_roles r where r.user_id = u.id)`.as("roles"),
    ])
    .where("u.id", "=", userId)
    .executeTakeFirst();
  // a user or organisation deactivated since is nobody to act for
  if (row?.status !== "active" || !row.active) return null;
  return jobActor(
    {
      id: row.id,
      username: row.username,
      fullName: row.full_name,
      organisationId: row.organisation_id,
      organisationKind: row.kind,
      locale: row.locale,
      roles: row.roles,
    },
    job,
  );
}
