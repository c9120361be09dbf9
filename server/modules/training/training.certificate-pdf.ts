import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { courtDay } from "../../platform/clock.ts";
import type { CertificateRow } from "./training.certificates.ts";

/**
 * The completion certificate: one A4 landscape page with the holder, the module, the result, the competence it
 * grants, and the verification code with its URL and a QR code of it — the paper is checked against the public
 * page, never trusted on its own. Printed in English with Helvetica; a title in Urdu script (which Helvetica
 * cannot draw) is replaced by the module's code, and the verification page shows it in full.
 */
const latin = (text: string) =>
  /^[\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2026]*$/.test(text);

export async function certificatePdf(c: CertificateRow, verifyUrl: string): Promise<Buffer> {
  const qr = await QRCode.toBuffer(verifyUrl, { errorCorrectionLevel: "M", margin: 1, width: 240 });
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: 56,
    compress: false,
    info: { Title: `Certificate ${c.code}`, Author: "CAMS", Subject: "Certificate of completion" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const { width, height } = doc.page;
  doc
    .rect(28, 28, width - 56, height - 56)
    .lineWidth(2)
    .stroke("#1c4e80");
  const body = { width: width - 112, align: "center" as const };
  doc
    .fillColor("#1c4e80")
    .font("Helvetica-Bold")
    .fontSize(14)
    .text("CAMS — Case Assignment & Management System", 56, 70, body);
  doc.moveDown(0.8).fontSize(30).text("Certificate of completion", body);
  doc.moveDown(1).fillColor("black").font("Helvetica").fontSize(14).text("This certifies that", body);
  doc
    .moveDown(0.4)
    .font("Helvetica-Bold")
    .fontSize(24)
    .text(latin(c.full_name) ? c.full_name : c.code, body);
  doc
    .moveDown(0.2)
    .font("Helvetica")
    .fontSize(13)
    .text(latin(c.org_en) ? c.org_en : c.org_code, body);
  doc.moveDown(0.8).fontSize(14).text("completed the training module", body);
  const title = latin(c.module_title)
    ? `“${c.module_title}”`
    : `${c.module_code} (title in Urdu: see the verification page)`;
  doc.moveDown(0.4).font("Helvetica-Bold").fontSize(18).text(title, body);
  doc.moveDown(0.6).font("Helvetica").fontSize(13);
  doc.text(
    `(${c.duration_minutes} minutes) and passed its assessment with ${Number(c.percent)}% (pass mark ${c.pass_mark}%) on ${courtDay(c.issued_at)}.`,
    body,
  );
  if (c.competence_en) doc.moveDown(0.6).font("Helvetica-Bold").text(`Competence: ${c.competence_en}`, body);
  const y = height - 190;
  doc.image(qr, 70, y, { width: 110 });
  doc
    .font("Helvetica")
    .fontSize(11)
    .fillColor("black")
    .text("Verification code", 200, y + 10);
  doc
    .font("Courier-Bold")
    .fontSize(20)
    .text(c.code, 200, y + 28);
  doc
    .font("Helvetica")
    .fontSize(10)
    .text(`Check this certificate at ${verifyUrl}`, 200, y + 58, { width: width - 300 });
  doc.text("A certificate that the page does not confirm, or shows as revoked, is not valid.", 200, y + 74, {
    width: width - 300,
  });
  doc.end();
  return done;
}
