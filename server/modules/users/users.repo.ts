import type { Database } from "../../db/connection.ts";
import { containsPattern } from "../../db/like.ts";
import type { Trx } from "../../db/transaction.ts";

type Q = Database | Trx;

const userColumns = [
  "u.id",
  "u.organisation_id",
  "u.username",
  "u.full_name",
  "u.email",
  "u.designation",
  "u.status",
  "u.locale",
  "u.last_login_at",
  "u.version",
  "u.created_at",
  "u.totp_enabled_at",
  "o.code as org_code",
  "o.name_en as org_name_en",
  "o.name_ur as org_name_ur",
  "o.kind as org_kind",
] as const;

export type UserRow = Awaited<ReturnType<typeof findUserById>> & {};

export function findUserById(q: Q, id: string) {
  return q
    .selectFrom("users as u")
    .innerJoin("organisations as o", "o.id", "u.organisation_id")
    .select(userColumns)
    .where("u.id", "=", id)
    .executeTakeFirst();
}

export function findUserForLogin(q: Q, username: string) {
  return q
    .selectFrom("users as u")
    .innerJoin("organisations as o", "o.id", "u.organisation_id")
    .select([
      ...userColumns,
      "u.password_hash",
      "u.failed_logins",
      "u.locked_until",
      "u.totp_secret",
      "u.totp_last_step",
      "o.active as org_active",
    ])
    .where((eb) => eb(eb.fn("lower", ["u.username"]), "=", username.toLowerCase()))
    .executeTakeFirst();
}

/** What a password change or a second-factor change checks against: the hash and the TOTP state. */
export function findCredentials(q: Q, userId: string) {
  return q
    .selectFrom("users")
    .select([
      "id",
      "organisation_id",
      "username",
      "password_hash",
      "totp_secret",
      "totp_pending_secret",
      "totp_enabled_at",
      "totp_last_step",
    ])
    .where("id", "=", userId)
    .executeTakeFirst();
}

export async function rolesOf(q: Q, userIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (userIds.length === 0) return map;
  const rows = await q
    .selectFrom("user_roles")
    .select(["user_id", "role"])
    .where("user_id", "in", userIds)
    .orderBy("role")
    .execute();
  for (const r of rows) map.set(r.user_id, [...(map.get(r.user_id) ?? []), r.role]);
  return map;
}

/** Sets a user's roles; a role named twice is one role (the API accepts `["focal_person", "focal_person"]`). */
export async function replaceRoles(trx: Trx, userId: string, roles: readonly string[]) {
  await trx.deleteFrom("user_roles").where("user_id", "=", userId).execute();
  if (roles.length > 0) {
    await trx
      .insertInto("user_roles")
      .values([...new Set(roles)].map((role) => ({ user_id: userId, role })))
      .execute();
  }
}

export type UserListFilter = {
  organisationId?: string | null;
  status?: string;
  role?: string;
  q?: string;
  page: number;
  pageSize: number;
};

export async function listUsers(q: Q, f: UserListFilter) {
  let query = q.selectFrom("users as u").innerJoin("organisations as o", "o.id", "u.organisation_id");
  if (f.organisationId) query = query.where("u.organisation_id", "=", f.organisationId);
  if (f.status) query = query.where("u.status", "=", f.status as "active");
  if (f.role) {
    const role = f.role;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("user_roles as r")
          .select("r.user_id")
          .whereRef("r.user_id", "=", "u.id")
          .where("r.role", "=", role),
      ),
    );
  }
  if (f.q) {
    const like = containsPattern(f.q);
    query = query.where((eb) => eb.or([eb("u.full_name", "ilike", like), eb("u.username", "ilike", like)]));
  }
  const [{ total }, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow(),
    query
      .select(userColumns)
      .orderBy("u.status")
      .orderBy("u.full_name")
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
  ]);
  return { total: Number(total), rows };
}

/** Active law officers with their count of pending assigned cases, for the assignment picker. */
export function listOfficers(q: Q, organisationId: string | null) {
  let query = q
    .selectFrom("users as u")
    .innerJoin("organisations as o", "o.id", "u.organisation_id")
    .innerJoin("user_roles as r", (j) => j.onRef("r.user_id", "=", "u.id").on("r.role", "=", "law_officer"))
    .select([
      "u.id",
      "u.full_name",
      "u.designation",
      "u.organisation_id",
      "o.code as org_code",
      "o.name_en as org_name_en",
      "o.name_ur as org_name_ur",
    ])
    .select((eb) =>
      eb
        .selectFrom("cases as c")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("c.assigned_officer_id", "=", "u.id")
        .where("c.status", "in", ["pending", "appealed"])
        .as("active_cases"),
    )
    .where("u.status", "=", "active")
    .orderBy("u.full_name");
  if (organisationId) query = query.where("u.organisation_id", "=", organisationId);
  return query.execute();
}
