import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
const PERIOD = 30;
const DIGITS = 6;
/** One step either side: a phone's clock a little off, or a code typed as it changed. */
const WINDOW = 1;
const ISSUER = "CAMS";

function totpFor(secretBase32: string, label: string) {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: DIGITS,
    period: PERIOD,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new 160-bit secret (RFC 4226's recommended length), base32 as apps and people type it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export async function totpEnrolment(secretBase32: string, username: string) {
  const uri = totpFor(secretBase32, username).toString();
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return {
    secret: secretBase32,
    uri,
    qr: `data:image/svg+xml;base64,${Buffer.from(qrSvg).toString("base64")}`,
  };
}

/**
 * The time step of the code if it is right within the window, else null. The caller refuses a step at or
 * before the last one accepted, so a code (or an older one) is never accepted twice.
 */
export function totpStep(secretBase32: string, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secretBase32, "-").validate({ token, timestamp: now, window: WINDOW });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

/* Recovery codes: 12 characters of 31 unambiguous ones (59 bits), shown once, kept as salted SHA-256. */
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCode(): string {
  const chars = Array.from({ length: 12 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4, 8).join("")}-${chars.slice(8).join("")}`;
}

/** Dashes, spaces and case do not matter when a code is typed back. */
function canonicalRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, "");
}

export function hashRecoveryCode(code: string, salt = randomBytes(16).toString("hex")) {
  const codeHash = createHash("sha256").update(salt).update(canonicalRecoveryCode(code)).digest("hex");
  return { salt, codeHash };
}

export function recoveryCodeMatches(code: string, stored: { salt: string; code_hash: string }): boolean {
  const { codeHash } = hashRecoveryCode(code, stored.salt);
  return timingSafeEqual(Buffer.from(codeHash), Buffer.from(stored.code_hash));
}
