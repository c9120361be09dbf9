import { api, patch, post } from "../../app/api.ts";
import type { Me } from "../../app/types.ts";

export type TotpEnrolment = { secret: string; uri: string; qr: string };

export const startTotp = (currentPassword: string) => post<TotpEnrolment>("/me/totp", { currentPassword });
export const confirmTotp = (code: string) => post<{ recoveryCodes: string[] }>("/me/totp/confirm", { code });
/** Six digits are the app's code; anything else is taken as a recovery code. */
export const disableTotp = (currentPassword: string, code: string) =>
  api<void>("/me/totp", {
    method: "DELETE",
    body: /^\d{3} ?\d{3}$/.test(code) ? { currentPassword, code } : { currentPassword, recoveryCode: code },
  });
export const changePassword = (currentPassword: string, password: string) =>
  patch<Me>("/me", { currentPassword, password });
