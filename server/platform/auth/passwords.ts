import { hash, verify } from "@node-rs/argon2";
import { normalisePassword } from "../../../common/schemas/password.ts";

/** argon2id with OWASP's recommended minimum (19 MiB, 2 iterations, 1 lane). */
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes the NFKC form, so the same password typed on another keyboard or system still matches. */
export function hashPassword(password: string): Promise<string> {
  return hash(normalisePassword(password), OPTIONS);
}

/**
 * Hashes made before passwords were normalised hold the raw string: when NFKC changes the password, the raw
 * form is tried too (only such passwords pay a second argon2 run).
 */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  const normalised = normalisePassword(password);
  if (await verifyOne(passwordHash, normalised)) return true;
  return normalised !== password && verifyOne(passwordHash, password);
}

async function verifyOne(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the username is unknown, so both paths take the same time. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword("decoy-password-that-matches-nothing");
  return decoyHash;
}
