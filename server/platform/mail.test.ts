import net from "node:net";
import { describe, expect, it } from "vitest";
import { makeUser, signedIn } from "../test/factories.ts";
import { testApp } from "../test/harness.ts";
import { deliverOutbox, queueMail } from "./mail.ts";

/** A minimal SMTP server on a real socket: accepts every message and keeps what it received. */
function smtpSink() {
  const received: string[] = [];
  const server = net.createServer((socket) => {
    let inData = false;
    let buffer = "";
    socket.write("220 sink ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString();
      let end = buffer.indexOf("\r\n");
      while (end >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            socket.write("250 queued\r\n");
          } else received[received.length - 1] += `${line}\n`;
        } else if (/^(EHLO|HELO)/i.test(line)) socket.write("250-sink\r\n250 OK\r\n");
        else if (/^DATA/i.test(line)) {
          inData = true;
          received.push("");
          socket.write("354 go on\r\n");
        } else if (/^QUIT/i.test(line)) socket.end("221 bye\r\n");
        else socket.write("250 OK\r\n");
        end = buffer.indexOf("\r\n");
      }
    });
  });
  return new Promise<{ url: string; received: string[]; close: () => void }>((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({ url: `smtp://127.0.0.1:${port}`, received, close: () => server.close() });
    }),
  );
}

describe("mail outbox", () => {
  it("delivers queued messages over SMTP once, and records failures without losing the message", async () => {
    const { handle } = await testApp();
    const db = handle.db;
    const focal = await signedIn(["focal_person"]);
    const colleague = await makeUser(focal.organisationId, ["focal_person"]);
    const subject = `Test ${Date.now()}`;
    await db.transaction().execute((trx) =>
      queueMail(trx, [
        { userId: focal.userId, to: "focal@example.gov.pk", subject, body: "First body", kind: "test" },
        { userId: colleague.id, to: "colleague@example.gov.pk", subject, body: "Second body", kind: "test" },
      ]),
    );
    const mine = () =>
      db.selectFrom("mail_outbox").selectAll().where("subject", "=", subject).orderBy("to_address").execute();

    // an SMTP server that is not there: both stay unsent, with the error and one attempt each
    await deliverOutbox(db, "smtp://127.0.0.1:1", "CAMS <no-reply@cams.invalid>", 1000);
    expect((await mine()).map((m) => [m.sent_at, m.attempts, Boolean(m.last_error)])).toEqual([
      [null, 1, true],
      [null, 1, true],
    ]);
    // tried again only once the claim has lapsed (ten minutes later)
    await db
      .updateTable("mail_outbox")
      .set({ claimed_at: new Date(Date.now() - 11 * 60_000) })
      .where("subject", "=", subject)
      .execute();

    const sink = await smtpSink();
    try {
      await deliverOutbox(db, sink.url, "CAMS <no-reply@cams.invalid>", 1000);
      await deliverOutbox(db, sink.url, "CAMS <no-reply@cams.invalid>", 1000); // nothing left to send
      const ours = sink.received.filter((m) => m.includes(subject));
      expect(ours).toHaveLength(2);
      expect(ours.join("\n")).toContain("First body");
      expect((await mine()).every((m) => m.sent_at !== null)).toBe(true);
    } finally {
      sink.close();
    }
  });
});
