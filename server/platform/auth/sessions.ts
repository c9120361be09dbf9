import { createHash, randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { Role } from "../../../common/roles.ts";
import { isRole } from "../../../common/roles.ts";
import type { Database } from "../../db/connection.ts";
import type { Actor, RequestContext } from "../actor.ts";

export type SessionPolicy = { idleMinutes: number; absoluteHours: number };

/** The cookie carries a random token; the database keeps only its SHA-256, so a leaked table opens nothing. */
export function sessionIdFromToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createSession(
  db: Database,
  userId: string,
  policy: SessionPolicy,
  ctx: RequestContext,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + policy.absoluteHours * 3600_000);
  await db
    .insertInto("sessions")
    .values({
      id: sessionIdFromToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: expiresAt,
      ip: ctx.ip,
      user_agent: ctx.userAgent?.slice(0, 500) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** `totpEnabled`: the user has a second factor (a privileged user without one may only enrol). */
export type ResolvedSession = { actor: Actor; csrfToken: string; totpEnabled: boolean };

/** Finds the live session for a cookie token; expired or idle sessions are deleted and yield nothing. */
export async function resolveSession(
  db: Database,
  token: string,
  policy: SessionPolicy,
  ctx: RequestContext,
): Promise<ResolvedSession | null> {
  const id = sessionIdFromToken(token);
  const row = await db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .innerJoin("organisations as o", "o.id", "u.organisation_id")
    .select([
      "s.id",
      "s.csrf_token",
      "s.last_seen_at",
      "s.expires_at",
      "u.id as user_id",
      "u.username",
      "u.full_name",
      "u.status",
      "u.locale",
      "u.organisation_id",
      "o.kind as organisation_kind",
      "o.active as organisation_active",
      "u.totp_enabled_at",
      // the roles in the same round trip: every request pays for this lookup
      sql<string[]>`array(select r.role from user_roles r where r.user_id = u.id)`.as("roles"),
    ])
    .where("s.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  const idleLimit = row.last_seen_at.getTime() + policy.idleMinutes * 60_000;
  const usable = row.status === "active" && row.organisation_active;
  if (now > row.expires_at.getTime() || now > idleLimit || !usable) {
    await db.deleteFrom("sessions").where("id", "=", id).execute();
    return null;
  }
  // Touch at most once a minute: idle expiry needs minute precision, not a write per request.
  if (now - row.last_seen_at.getTime() > 60_000) {
    await db
      .updateTable("sessions")
      .set({ last_seen_at: new Date(now) })
      .where("id", "=", id)
      .execute();
  }
  return {
    csrfToken: row.csrf_token,
    totpEnabled: row.totp_enabled_at !== null,
    actor: {
      userId: row.user_id,
      username: row.username,
      fullName: row.full_name,
      organisationId: row.organisation_id,
      organisationKind: row.organisation_kind,
      roles: new Set(row.roles.filter(isRole) as Role[]),
      locale: row.locale,
      sessionId: id,
      ...ctx,
    },
  };
}

export async function deleteSession(db: Database, sessionId: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

export async function deleteUserSessions(db: Database, userId: string): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

/** Ends every session of the user but the one in use (after a password change: others may be an intruder's). */
export async function deleteOtherSessions(
  db: Database,
  userId: string,
  keepSessionId: string,
): Promise<number> {
  const result = await db
    .deleteFrom("sessions")
    .where("user_id", "=", userId)
    .where("id", "!=", keepSessionId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
