import { sql } from "kysely";
import { insertJsonRows } from "../../db/bulk.ts";
import type { Database } from "../../db/connection.ts";
import type { Trx } from "../../db/transaction.ts";
import { type Actor, hasRole } from "../../platform/actor.ts";
import { problems } from "../../platform/errors.ts";
import { caseQuery } from "../cases/cases.repo.ts";

/**
 * In-app notices to a user (today: "a case was assigned to you"; by email once notifications exist). A user
 * reads and marks only their own; case titles appear only while the case is still visible to them.
 */
export async function notificationsOf(db: Database, actor: Actor) {
  const rows = await db
    .selectFrom("notifications")
    .select(["id", "kind", "case_id", "params", "read_at", "created_at"])
    .where("user_id", "=", actor.userId)
    .orderBy("created_at", "desc")
    .limit(100)
    .execute();
  // Titles only of cases the officer can still see (a case handed over or made confidential drops out).
  const caseIds = [...new Set(rows.flatMap((r) => (r.case_id ? [r.case_id] : [])))];
  const visible = caseIds.length
    ? await caseQuery(db, actor).select(["c.id", "c.title"]).where("c.id", "in", caseIds).execute()
    : [];
  const titles = new Map(visible.map((v) => [v.id, v.title]));
  const unread = await db
    .selectFrom("notifications")
    .select(sql<number>`count(*)`.as("n"))
    .where("user_id", "=", actor.userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return {
    unread: Number(unread.n),
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      caseId: r.case_id,
      caseTitle: r.case_id ? (titles.get(r.case_id) ?? null) : null,
      params: r.params as Record<string, unknown>,
      readAt: r.read_at?.toISOString() ?? null,
      createdAt: r.created_at.toISOString(),
    })),
  };
}

/** Marks one of the reader's own notices read (again: no change); another user's or an unknown id is 404. */
export async function markRead(db: Database, actor: Actor, id: string) {
  const marked = await db
    .updateTable("notifications")
    .set((eb) => ({ read_at: eb.fn.coalesce("read_at", eb.val(new Date())) }))
    .where("id", "=", id)
    .where("user_id", "=", actor.userId)
    .returning("id")
    .executeTakeFirst();
  if (!marked) throw problems.notFound("notification");
}

export async function markAllRead(db: Database, actor: Actor) {
  await db
    .updateTable("notifications")
    .set({ read_at: new Date() })
    .where("user_id", "=", actor.userId)
    .where("read_at", "is", null)
    .execute();
}

/** The latest 200 emails, for administrators (the development mailbox when no SMTP server is set). */
export async function outbox(db: Database, actor: Actor, smtpConfigured: boolean) {
  if (!hasRole(actor, "administrator")) throw problems.forbidden("Only administrators read the mail outbox.");
  const rows = await db
    .selectFrom("mail_outbox")
    .selectAll()
    .orderBy("created_at", "desc")
    .limit(200)
    .execute();
  return {
    smtpConfigured,
    items: rows.map((r) => ({
      id: r.id,
      to: r.to_address,
      subject: r.subject,
      body: r.body_text,
      kind: r.kind,
      createdAt: r.created_at.toISOString(),
      sentAt: r.sent_at?.toISOString() ?? null,
      attempts: r.attempts,
      lastError: r.last_error,
    })),
  };
}

export type NewNotice = {
  user_id: string;
  kind: string;
  case_id: string | null;
  params: Record<string, unknown>;
};

/** Writes notices in the caller's transaction: they exist only if what caused them commits. */
export async function insertNotices(trx: Trx, notices: NewNotice[]): Promise<void> {
  await insertJsonRows(
    trx,
    "notifications",
    { user_id: "uuid", kind: "text", case_id: "uuid", params: "jsonb" },
    notices,
  );
}
