import type { z } from "zod";
import type { mePatch } from "../../../common/schemas/users.ts";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { assertPasswordAcceptable } from "../../platform/auth/password-policy.ts";
import { hashPassword, verifyPassword } from "../../platform/auth/passwords.ts";
import { deleteOtherSessions } from "../../platform/auth/sessions.ts";
import { problems } from "../../platform/errors.ts";
import { CURRENT_PASSWORD_WRONG, refuse } from "./login-failures.ts";
import { findCredentials } from "./users.repo.ts";
import { setLocale } from "./users.service.ts";

/** The user's own settings: language, and a new password given with the current one. */
export async function updateMe(db: Database, config: Config, actor: Actor, input: z.infer<typeof mePatch>) {
  if (input.password !== undefined) {
    await changeOwnPassword(db, config, actor, input.currentPassword ?? "", input.password);
  }
  if (input.locale !== undefined) await setLocale(db, actor, input.locale);
}

/**
 * A wrong current password counts like a failed login (someone holding an unattended session may be
 * guessing). On success every other session of the user ends: one of them may be the reason for the change.
 */
async function changeOwnPassword(
  db: Database,
  config: Config,
  actor: Actor,
  currentPassword: string,
  password: string,
) {
  const row = await findCredentials(db, actor.userId);
  if (!row) throw problems.unauthenticated();
  if (!(await verifyPassword(row.password_hash, currentPassword))) {
    return refuse(db, config, actor, row, "current_password", CURRENT_PASSWORD_WRONG());
  }
  assertPasswordAcceptable(password, {
    username: row.username,
    hasSecondFactor: row.totp_enabled_at !== null,
  });
  const passwordHash = await hashPassword(password);
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable("users")
      .set((eb) => ({
        password_hash: passwordHash,
        failed_logins: 0,
        locked_until: null,
        version: eb("version", "+", 1),
        updated_at: new Date(),
      }))
      .where("id", "=", actor.userId)
      .execute();
    const endedSessions = await deleteOtherSessions(trx, actor.userId, actor.sessionId);
    await recordAudit(trx, actor, {
      action: "user.password_changed",
      entityType: "user",
      entityId: actor.userId,
      organisationId: actor.organisationId,
      changes: { by: "self", endedSessions },
    });
  });
}
