/** Failed proofs of identity — at login and when changing one's own credentials — and the lockout they count to. */
import type { Config } from "../../config.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { RequestContext } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { deleteUserSessions } from "../../platform/auth/sessions.ts";
import { Problem } from "../../platform/errors.ts";

export const INVALID_SECOND_FACTOR = (status: 401 | 403 = 401) =>
  new Problem(status, "invalid_second_factor", "The code is wrong, expired or already used.");

export const CURRENT_PASSWORD_WRONG = () =>
  new Problem(403, "current_password_wrong", "The current password is wrong.", {
    errors: [{ path: "body.currentPassword", message: "is wrong" }],
  });

type FailingUser = { id: string; organisation_id: string };

/**
 * Counts a failed proof of identity — a wrong password or code at login, or a wrong current password or code
 * when changing credentials — and locks the account at `loginMaxFailures`. Counted in the database, not from
 * the value read at the start: parallel wrong guesses must all count. Throws the problem, or 423 once locked.
 */
export async function refuse(
  db: Database,
  config: Config,
  ctx: RequestContext & { userId?: string },
  user: FailingUser,
  reason: "password" | "second_factor" | "current_password",
  problem: Problem,
): Promise<never> {
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
      // whoever is guessing may hold one of the sessions (a wrong current password): end them all
      await deleteUserSessions(trx, user.id);
    }
    const base = { entityType: "user", entityId: user.id, organisationId: user.organisation_id } as const;
    await recordAudit(trx, ctx, {
      ...base,
      action: reason === "second_factor" ? "auth.second_factor_failed" : "auth.login_failed",
      changes: { reason, failures },
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
  throw problem;
}
