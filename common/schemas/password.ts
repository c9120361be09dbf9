/**
 * The password rules the web form can check before sending (NIST SP 800-63B rev. 4, §3.1.1.2): length only, no
 * composition rules, every printable character allowed, counted in code points after NFKC normalisation. The
 * server adds the check against breached passwords (server/platform/auth/password-policy.ts).
 *
 * Minimum: 15 for an account signing in with the password alone (NIST's single-factor floor), 12 for one with
 * a second factor (the project's floor, above NIST's 8). Maximum 256 (NIST asks for at least 64).
 */
export const PASSWORD_MIN_WITH_SECOND_FACTOR = 12;
export const PASSWORD_MIN_SINGLE_FACTOR = 15;
export const PASSWORD_MAX = 256;

export type PasswordRejection = "too_short" | "too_long" | "contains_username" | "breached";

export function normalisePassword(password: string): string {
  return password.normalize("NFKC");
}

export function passwordMinLength(hasSecondFactor: boolean): number {
  return hasSecondFactor ? PASSWORD_MIN_WITH_SECOND_FACTOR : PASSWORD_MIN_SINGLE_FACTOR;
}

/** The first rule a new password breaks, leaving out the breached list; null when it keeps them all. */
export function passwordShapeRejection(
  password: string,
  opts: { username: string; hasSecondFactor: boolean },
): PasswordRejection | null {
  const normalised = normalisePassword(password);
  const length = [...normalised].length;
  if (length < passwordMinLength(opts.hasSecondFactor)) return "too_short";
  if (length > PASSWORD_MAX) return "too_long";
  const username = opts.username.trim().toLowerCase();
  if (username && normalised.toLowerCase().includes(username)) return "contains_username";
  return null;
}
