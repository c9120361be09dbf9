import { type Kysely, sql } from "kysely";

/**
 * Second factor (issue 8, point 5): a TOTP secret per user, encrypted at rest (AES-256-GCM under
 * CAMS_SECRET_KEY, server/platform/auth/secret-box.ts) because verifying a code needs it in clear. A secret
 * waits in `totp_pending_secret` until the user confirms a first code; `totp_last_step` is the 30-second step of
 * the last accepted code, so a code is never accepted twice. Recovery codes are kept only as salted SHA-256.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table users
      add column totp_secret text,
      add column totp_pending_secret text,
      add column totp_enabled_at timestamptz,
      add column totp_last_step integer;

    create table user_recovery_codes (
      user_id uuid not null references users(id) on delete cascade,
      salt text not null,
      code_hash text not null,
      used_at timestamptz,
      primary key (user_id, code_hash)
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Restore from backup instead of reverting 0029_totp.");
}
