import type { Config } from "../../config.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { RequestContext } from "../../platform/actor.ts";
import { type AuditEvent, recordAudit } from "../../platform/audit.ts";
import { decoyPasswordHash, verifyPassword } from "../../platform/auth/passwords.ts";
import { createSession } from "../../platform/auth/sessions.ts";
import { Problem } from "../../platform/errors.ts";
import { INVALID_SECOND_FACTOR, refuse } from "./login-failures.ts";
import { checkSecondFactor } from "./two-factor.service.ts";
import { findUserForLogin } from "./users.repo.ts";

const INVALID = () => new Problem(401, "invalid_credentials", "The username or password is wrong.");
const SECOND_FACTOR_REQUIRED = () =>
  new Problem(
    401,
    "second_factor_required",
    "Enter the 6-digit code from your authenticator app, or one of your recovery codes.",
  );

export type LoginInput = { username: string; password: string; totpCode?: string; recoveryCode?: string };

/**
 * Password login, then the second factor for an account that has one. Failures are audited and counted — a
 * wrong code like a wrong password; after `loginMaxFailures` the account is locked for `loginLockoutMinutes`.
 * A missing code is only a question: nothing is counted and no session is made. An unknown username costs the
 * same argon2 work as a known one.
 */
export async function login(db: Database, config: Config, ctx: RequestContext, input: LoginInput) {
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
  if (!ok) return refuse(db, config, ctx, user, "password", INVALID());
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
  // The second factor is spent in the same transaction as the login's audit event: a code or recovery code
  // counts once, even for two logins racing with it.
  const outcome = await inTransaction(db, async (trx) => {
    // Read the lock again, holding the row: logins racing in parallel were all past the check above before
    // any of them locked the account, and each would otherwise try one more code (or clear the lock).
    const current = await trx
      .selectFrom("users")
      .select("locked_until")
      .where("id", "=", user.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (current.locked_until && current.locked_until.getTime() > Date.now()) return "locked";
    const second = user.totp_secret ? await checkSecondFactor(trx, config, user, input) : "none";
    if (second === "missing" || second === "wrong") return second;
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
        changes: second === "none" ? null : { secondFactor: second },
      },
    );
    return second;
  });
  if (outcome === "locked") {
    return failed(
      { action: "auth.login_failed", ...who, changes: { reason: "locked" } },
      new Problem(423, "account_locked", "Too many failed attempts; try again later."),
    );
  }
  if (outcome === "missing") throw SECOND_FACTOR_REQUIRED();
  if (outcome === "wrong") return refuse(db, config, ctx, user, "second_factor", INVALID_SECOND_FACTOR());

  const session = await createSession(
    db,
    user.id,
    { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours },
    ctx,
  );
  return { userId: user.id, ...session };
}

function audited(db: Database, ctx: RequestContext, event: AuditEvent) {
  return inTransaction(db, (trx) => recordAudit(trx, ctx, event));
}
