import type { TFunction } from "i18next";
import {
  PASSWORD_MAX,
  type PasswordRejection,
  passwordMinLength,
  passwordShapeRejection,
} from "../../../../common/schemas/password.ts";
import { type ApiError, fieldKey } from "../../app/api.ts";

/** A password rule broken, in the user's language. */
export function passwordRuleText(t: TFunction, reason: PasswordRejection, hasSecondFactor: boolean): string {
  return t(`auth.passwordRule.${reason}`, { min: passwordMinLength(hasSecondFactor), max: PASSWORD_MAX });
}

/** What the form can tell before sending (length, username); the server adds the breached-password list. */
export function checkNewPassword(
  t: TFunction,
  password: string,
  opts: { username: string; hasSecondFactor: boolean },
): string | null {
  const reason = passwordShapeRejection(password, opts);
  return reason ? passwordRuleText(t, reason, opts.hasSecondFactor) : null;
}

/** The server's refusal of a password, translated by its reason code, for the field it names. */
export function serverPasswordError(
  t: TFunction,
  problem: ApiError | null,
  field: string,
  hasSecondFactor: boolean,
): string | undefined {
  const error = problem?.errors.find((e) => fieldKey(e.path) === field);
  if (!error) return undefined;
  const known = ["too_short", "too_long", "contains_username", "breached"];
  return error.code && known.includes(error.code)
    ? passwordRuleText(t, error.code as PasswordRejection, hasSecondFactor)
    : error.message;
}
