import { dictionary } from "@zxcvbn-ts/language-common";
import {
  normalisePassword,
  PASSWORD_MAX,
  type PasswordRejection,
  passwordMinLength,
  passwordShapeRejection,
} from "../../../common/schemas/password.ts";
import { Problem } from "../errors.ts";

/**
 * 49,233 passwords from breach corpora (zxcvbn-ts's common list), lower-cased into a Set on first use: NIST
 * SP 800-63B asks that a new password be refused when it is known to be compromised.
 */
let breached: Set<string> | undefined;
function breachedPasswords(): Set<string> {
  breached ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  return breached;
}

export function isBreachedPassword(password: string): boolean {
  return breachedPasswords().has(normalisePassword(password).toLowerCase());
}

export function passwordRejection(
  password: string,
  opts: { username: string; hasSecondFactor: boolean },
): PasswordRejection | null {
  return passwordShapeRejection(password, opts) ?? (isBreachedPassword(password) ? "breached" : null);
}

/** The rule broken, in words that follow "The password …". */
export function passwordRejectionMessage(reason: PasswordRejection, hasSecondFactor: boolean): string {
  switch (reason) {
    case "too_short":
      return hasSecondFactor
        ? `must be at least ${passwordMinLength(true)} characters`
        : `must be at least ${passwordMinLength(false)} characters (${passwordMinLength(true)} once two-step sign-in is on)`;
    case "too_long":
      return `must be at most ${PASSWORD_MAX} characters`;
    case "contains_username":
      return "must not contain the username";
    case "breached":
      return "is in a list of passwords known from breaches; choose another";
  }
}

/**
 * Refuses a new password that breaks the policy with a 400 `password_rejected` naming the reason, its field
 * error at `field` (as validation failures do) so the form shows it beside the input. Not used at login:
 * passwords set before the policy keep working.
 */
export function assertPasswordAcceptable(
  password: string,
  opts: { username: string; hasSecondFactor: boolean; field?: string },
): void {
  const reason = passwordRejection(password, opts);
  if (!reason) return;
  const message = passwordRejectionMessage(reason, opts.hasSecondFactor);
  throw new Problem(400, "password_rejected", `The password ${message}.`, {
    errors: [{ path: opts.field ?? "body.password", message, code: reason }],
    extra: { reason },
  });
}
