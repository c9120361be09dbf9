import type { Config } from "../../config.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction, type Trx } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { verifyPassword } from "../../platform/auth/passwords.ts";
import { open, seal } from "../../platform/auth/secret-box.ts";
import { deleteOtherSessions } from "../../platform/auth/sessions.ts";
import {
  hashRecoveryCode,
  newRecoveryCode,
  newTotpSecret,
  RECOVERY_CODE_COUNT,
  recoveryCodeMatches,
  totpEnrolment,
  totpStep,
} from "../../platform/auth/totp.ts";
import { Problem, problems } from "../../platform/errors.ts";
import { CURRENT_PASSWORD_WRONG, INVALID_SECOND_FACTOR, refuse } from "./login-failures.ts";
import { findCredentials } from "./users.repo.ts";

type Q = Database | Trx;
type TotpUser = { id: string; totp_secret: string | null; totp_last_step: number | null };

/**
 * The second factor offered at login: "missing" when neither code was given, "wrong" when the code is wrong,
 * expired or already used. A right one is spent here (the TOTP step recorded, the recovery code marked used)
 * by a conditional write, so two requests with the same code cannot both pass.
 */
export async function checkSecondFactor(
  q: Q,
  config: Config,
  user: TotpUser,
  input: { totpCode?: string; recoveryCode?: string },
): Promise<"missing" | "wrong" | "totp" | "recovery_code"> {
  if (input.totpCode) return (await spendTotpCode(q, config, user, input.totpCode)) ? "totp" : "wrong";
  if (input.recoveryCode)
    return (await spendRecoveryCode(q, user.id, input.recoveryCode)) ? "recovery_code" : "wrong";
  return "missing";
}

async function spendTotpCode(q: Q, config: Config, user: TotpUser, code: string): Promise<boolean> {
  const secret = user.totp_secret && open(config.secretKey, user.totp_secret, user.id);
  const step = secret ? totpStep(secret, code) : null;
  if (step === null || (user.totp_last_step !== null && step <= user.totp_last_step)) return false;
  const spent = await q
    .updateTable("users")
    .set({ totp_last_step: step })
    .where("id", "=", user.id)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
    .executeTakeFirst();
  return spent.numUpdatedRows > 0n;
}

async function spendRecoveryCode(q: Q, userId: string, code: string): Promise<boolean> {
  const unused = await q
    .selectFrom("user_recovery_codes")
    .select(["salt", "code_hash"])
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .execute();
  const match = unused.find((stored) => recoveryCodeMatches(code, stored));
  if (!match) return false;
  const spent = await q
    .updateTable("user_recovery_codes")
    .set({ used_at: new Date() })
    .where("user_id", "=", userId)
    .where("code_hash", "=", match.code_hash)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return spent.numUpdatedRows > 0n;
}

async function credentialsOf(q: Q, actor: Actor) {
  const row = await findCredentials(q, actor.userId);
  if (!row) throw problems.unauthenticated();
  return row;
}

const ALREADY_ON = () =>
  problems.conflict("second_factor_already_enabled", "Two-step sign-in is already on for this account.");

/**
 * Starts enrolment: the current password first (whoever holds an open session must not bind their own app
 * and lock the owner out), then a new secret waits, encrypted, until a first code from the app confirms it.
 */
export async function startTotpEnrolment(
  db: Database,
  config: Config,
  actor: Actor,
  currentPassword: string,
) {
  const owner = await credentialsOf(db, actor);
  if (!(await verifyPassword(owner.password_hash, currentPassword))) {
    return refuse(db, config, actor, owner, "current_password", CURRENT_PASSWORD_WRONG());
  }
  const secret = newTotpSecret();
  await inTransaction(db, async (trx) => {
    const row = await credentialsOf(trx, actor);
    if (row.totp_enabled_at) throw ALREADY_ON();
    await trx
      .updateTable("users")
      .set({ totp_pending_secret: seal(config.secretKey, secret, actor.userId) })
      .where("id", "=", actor.userId)
      .execute();
    await recordAudit(trx, actor, {
      action: "user.totp_enrolment_started",
      entityType: "user",
      entityId: actor.userId,
      organisationId: actor.organisationId,
    });
  });
  return totpEnrolment(secret, actor.username);
}

/** Turns the second factor on once a code from the pending secret is right; returns fresh recovery codes. */
export async function confirmTotpEnrolment(db: Database, config: Config, actor: Actor, code: string) {
  return inTransaction(db, async (trx) => {
    const row = await credentialsOf(trx, actor);
    if (row.totp_enabled_at) throw ALREADY_ON();
    const secret = row.totp_pending_secret && open(config.secretKey, row.totp_pending_secret, actor.userId);
    if (!secret) {
      throw problems.conflict("no_enrolment_started", "Start setting up two-step sign-in first.");
    }
    const step = totpStep(secret, code);
    if (step === null) {
      throw new Problem(400, "invalid_second_factor", "The code is wrong or expired; try the next one.", {
        errors: [{ path: "body.code", message: "is wrong or expired" }],
      });
    }
    await trx
      .updateTable("users")
      .set({
        totp_secret: row.totp_pending_secret,
        totp_pending_secret: null,
        totp_enabled_at: new Date(),
        totp_last_step: step,
      })
      .where("id", "=", actor.userId)
      .execute();
    const recoveryCodes = await replaceRecoveryCodes(trx, actor.userId);
    // from now on a session means both factors: end any other session opened with the password alone
    await deleteOtherSessions(trx, actor.userId, actor.sessionId);
    await recordAudit(trx, actor, {
      action: "user.totp_enabled",
      entityType: "user",
      entityId: actor.userId,
      organisationId: actor.organisationId,
      changes: { recoveryCodes: recoveryCodes.length },
    });
    return { recoveryCodes };
  });
}

async function replaceRecoveryCodes(trx: Trx, userId: string): Promise<string[]> {
  await trx.deleteFrom("user_recovery_codes").where("user_id", "=", userId).execute();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await trx
    .insertInto("user_recovery_codes")
    .values(
      codes.map((code) => {
        const { salt, codeHash } = hashRecoveryCode(code);
        return { user_id: userId, salt, code_hash: codeHash };
      }),
    )
    .execute();
  return codes;
}

/** Turns one's own second factor off: the current password and a current code prove it is the owner. */
export async function disableTotp(
  db: Database,
  config: Config,
  actor: Actor,
  input: { currentPassword: string; code?: string; recoveryCode?: string },
) {
  const row = await credentialsOf(db, actor);
  if (!row.totp_enabled_at) {
    throw problems.conflict("second_factor_not_enabled", "Two-step sign-in is not on for this account.");
  }
  if (!(await verifyPassword(row.password_hash, input.currentPassword))) {
    return refuse(db, config, actor, row, "current_password", CURRENT_PASSWORD_WRONG());
  }
  const outcome = await inTransaction(db, async (trx) => {
    const second = await checkSecondFactor(trx, config, row, {
      totpCode: input.code,
      recoveryCode: input.recoveryCode,
    });
    if (second === "wrong" || second === "missing") return "wrong" as const;
    await clearSecondFactor(trx, actor.userId);
    await recordAudit(trx, actor, {
      action: "user.totp_disabled",
      entityType: "user",
      entityId: actor.userId,
      organisationId: actor.organisationId,
    });
    return "done" as const;
  });
  if (outcome === "wrong") return refuse(db, config, actor, row, "second_factor", INVALID_SECOND_FACTOR(403));
}

export async function clearSecondFactor(trx: Trx, userId: string): Promise<void> {
  await trx
    .updateTable("users")
    .set({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null })
    .where("id", "=", userId)
    .execute();
  await trx.deleteFrom("user_recovery_codes").where("user_id", "=", userId).execute();
}
