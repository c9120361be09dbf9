import type { Database } from "../../db/connection.ts";

// Placeholder while the demo seed is being written (replaced in this session).
export const DEMO_PASSWORD = "";
export async function isDatabaseEmpty(db: Database) {
  const row = await db.selectFrom("users").select("id").limit(1).executeTakeFirst();
  return !row;
}
export async function seedDemo(_db: Database) {}
export async function demoAccounts(_db: Database): Promise<{ username: string; role: string }[]> {
  return [];
}
