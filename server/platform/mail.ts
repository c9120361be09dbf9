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

/** Sends up to `limit` unsent messages; each row is locked while it is sent, so two processes never share one. */
export async function deliverOutbox(db: Database, smtpUrl: string | undefined, from: string, limit = 50) {
  if (!smtpUrl) return { sent: 0, failed: 0 };
  const transport = nodemailer.createTransport(smtpUrl);
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const done = await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom("mail_outbox")
        .selectAll()
        .where("sent_at", "is", null)
        .where("attempts", "<", 5)
        .orderBy("created_at")
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!row) return "empty" as const;
      try {
        await transport.sendMail({ from, to: row.to_address, subject: row.subject, text: row.body_text });
        await trx
          .updateTable("mail_outbox")
          .set({ sent_at: new Date(), attempts: row.attempts + 1 })
          .where("id", "=", row.id)
          .execute();
        return "sent" as const;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await trx
          .updateTable("mail_outbox")
          .set({ attempts: row.attempts + 1, last_error: message.slice(0, 500) })
          .where("id", "=", row.id)
          .execute();
        return "failed" as const;
      }
    });
    if (done === "empty") break;
    if (done === "sent") sent++;
    else failed++;
  }
  transport.close();
  return { sent, failed };
}
