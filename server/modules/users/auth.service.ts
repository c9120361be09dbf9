import type { Config } from "../../config.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { RequestContext } from "../../platform/actor.ts";
import { type AuditEvent, recordAudit } from "../../platform/audit.ts";
import { decoyPasswordHash, verifyPassword } from "../../platform/auth/passwords.ts";
import { createSession } from "../../platform/auth/sessions.ts";
import { Problem } from "../../platform/errors.ts";
import { findUserForLogin } from "./users.repo.ts";

const INVALID = () => new Problem(401, "invalid_credentials", "The username or password is wrong.");

/**
 * Password login. Failures are audited and counted; after `loginMaxFailures` wrong passwords the account is
 * locked for `loginLockoutMinutes`. An unknown username costs the same argon2 work as a known one.
 */
export async function login(
  db: Database,
  config: Config,
  ctx: RequestContext,
  input: { username: string; password: string },
) {
  const user = await findUserForLogin(db, input.username);
  const ok = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), input.password);
  const failed = (event: Omit<AuditEvent, "entityType">, problem: Problem) =>
    audited(db, ctx, { entityType: "user", ...event }).then(() => Promise.reject(problem));

  if (!user) {
    return failed(
      { action: "auth.login_failed", changes: { username: input.username, reason: "unknown" } },
      INVALID(),
    );
  }
  const who = { entityId: user.id, organisationId: user.organisation_id };
  if (user.locked_until && user.locked_until.getTime() > Date.now()) {
    const minutes = Math.ceil((user.locked_until.getTime() - Date.now()) / 60_000);
    return failed(
      { action: "auth.login_failed", ...who, changes: { reason: "locked" } },
      new Problem(423, "account_locked", `Too many failed attempts; try again in ${minutes} minute(s).`),
    );
  }
  if (!ok) return recordWrongPassword(db, config, ctx, user);
  if (user.status !== "active" || !user.org_active) {
    const problem =
      user.status === "pending"
        ? new Problem(
            403,
            "account_pending",
            "Your account awaits approval by your organisation's nodal officer.",
          )
        : new Problem(403, "account_disabled", "This account is disabled.");
    return failed({ action: "auth.login_failed", ...who, changes: { reason: user.status } }, problem);
  }

  const session = await createSession(
    db,
    user.id,
    { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours },
    ctx,
  );
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable("users")
      .set({ failed_logins: 0, locked_until: null, last_login_at: new Date() })
      .where("id", "=", user.id)
      .execute();
    await recordAudit(
      trx,
      { ...ctx, userId: user.id, organisationId: user.organisation_id },
      {
        action: "auth.login",
        entityType: "user",
        ...who,
      },
    );
  });
  return { userId: user.id, ...session };
}

async function recordWrongPassword(
  db: Database,
  config: Config,
  ctx: RequestContext,
  user: { id: string; organisation_id: string; failed_logins: number },
): Promise<never> {
  // Count in the database, not from the value read at the start: parallel wrong guesses must all count.
  const { lock } = await inTransaction(db, async (trx) => {
    const row = await trx
      .updateTable("users")
      .set((eb) => ({ failed_logins: eb("failed_logins", "+", 1) }))
      .where("id", "=", user.id)
      .returning("failed_logins")
      .executeTakeFirstOrThrow();
    const failures = row.failed_logins;
    const lock = failures >= config.loginMaxFailures;
    if (lock) {
      await trx
        .updateTable("users")
        .set({ failed_logins: 0, locked_until: new Date(Date.now() + config.loginLockoutMinutes * 60_000) })
        .where("id", "=", user.id)
        .execute();
    }
    const base = { entityType: "user", entityId: user.id, organisationId: user.organisation_id } as const;
    await recordAudit(trx, ctx, {
      ...base,
      action: "auth.login_failed",
      changes: { reason: "password", failures },
    });
    if (lock) {
      await recordAudit(trx, ctx, {
        ...base,
        action: "auth.locked_out",
        changes: { minutes: config.loginLockoutMinutes },
      });
    }
    return { failures, lock };
  });
  if (lock) {
    throw new Problem(
      423,
      "account_locked",
      `Too many failed attempts; the account is locked for ${config.loginLockoutMinutes} minutes.`,
    );
  }
  throw INVALID();
}

function audited(db: Database, ctx: RequestContext, event: AuditEvent) {
  return inTransaction(db, (trx) => recordAudit(trx, ctx, event));
}
