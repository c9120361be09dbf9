import { type Kysely, sql } from "kysely";

/**
 * Private calendar feeds: one per user at most, found by the SHA-256 of the secret token in its URL (the token
 * itself is shown once, when the feed is made). Revoking deletes the row; making a new one replaces it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table calendar_feeds (
      user_id uuid primary key references users(id) on delete cascade,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      last_read_at timestamptz
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Restore from backup instead of reverting 0007_calendar_feeds.");
}
