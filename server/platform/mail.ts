import { sql } from "kysely";
import nodemailer from "nodemailer";
import { insertJsonRows } from "../db/bulk.ts";
import type { Database } from "../db/connection.ts";
import type { Trx } from "../db/transaction.ts";

/**
 * Email goes through an outbox: a message is a row written in the same transaction as what caused it (so a
 * rolled-back change sends nothing, and a reminder's row and its email stand or fall together), and a job
 * delivers the unsent rows over SMTP. Without CAMS_SMTP_URL nothing leaves the machine: the outbox is the
 * development mailbox, which administrators read in the app. SMTP delivery is at-least-once — a process that
 * dies between the server's acceptance and marking the row sent will send that one message again.
 */
export type OutgoingMail = { userId: string; to: string; subject: string; body: string; kind: string };

export async function queueMail(trx: Trx, messages: OutgoingMail[]): Promise<void> {
  if (messages.length === 0) return;
  await insertJsonRows(
    trx,
    "mail_outbox",
    { user_id: "uuid", to_address: "text", subject: "text", body_text: "text", kind: "text" },
    messages.map((m) => ({
      user_id: m.userId,
      to_address: m.to,
      subject: m.subject,
      body_text: m.body,
      kind: m.kind,
    })),
  );
}

/**
 * Sends up to `limit` unsent messages. Each is claimed in a short transaction (SKIP LOCKED, so two processes
 * never take the same one) and sent outside it, so no connection waits on the SMTP server.
 */
export async function deliverOutbox(db: Database, smtpUrl: string | undefined, from: string, limit = 50) {
  if (!smtpUrl) return { sent: 0, failed: 0 };
  // Short timeouts (nodemailer reads options from the URL's query): a dead server must not hold the job.
  const url = new URL(smtpUrl);
  if (!url.searchParams.has("connectionTimeout")) url.searchParams.set("connectionTimeout", "10000");
  if (!url.searchParams.has("socketTimeout")) url.searchParams.set("socketTimeout", "20000");
  const transport = nodemailer.createTransport(url.toString());
  let sent = 0;
  let failed = 0;
  try {
    for (let i = 0; i < limit; i++) {
      const row = await claimNext(db);
      if (!row) break;
      try {
        await transport.sendMail({ from, to: row.to_address, subject: row.subject, text: row.body_text });
        await db.updateTable("mail_outbox").set({ sent_at: new Date() }).where("id", "=", row.id).execute();
        sent++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await db
          .updateTable("mail_outbox")
          // the claim stays: the message is tried again when it lapses (ten minutes), five times at most
          .set({ last_error: message.slice(0, 500) })
          .where("id", "=", row.id)
          .execute();
        failed++;
      }
    }
  } finally {
    transport.close();
  }
  return { sent, failed };
}

async function claimNext(db: Database) {
  const result = await sql<{ id: string; to_address: string; subject: string; body_text: string }>`
    update mail_outbox set claimed_at = now(), attempts = attempts + 1
    where id = (
      select id from mail_outbox
      where sent_at is null and attempts < 5
        and (claimed_at is null or claimed_at < now() - interval '10 minutes')
      order by created_at limit 1
      for update skip locked
    )
    returning id, to_address, subject, body_text
  `.execute(db);
  return result.rows[0] ?? null;
}
