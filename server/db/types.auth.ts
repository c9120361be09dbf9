import type { ColumnType } from "kysely";

/** Table of migration 0029 (second factor); the TOTP columns of `users` are in types.ts. */
export interface UserRecoveryCodesTable {
  user_id: string;
  salt: string;
  code_hash: string;
  used_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface AuthTables {
  user_recovery_codes: UserRecoveryCodesTable;
}
