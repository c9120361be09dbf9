import PDFDocument from "pdfkit";
import type { ListedHearingDto } from "../../../common/schemas/hearings.ts";

/**
 * The cause list as a printable A4 landscape PDF, grouped by court and bench, each hearing with its serial,
 * time, case, officer, purpose and clash flags — what a law office pins up or hands to counsel. Printed in
 * English with the standard Helvetica font; text in other scripts (an Urdu party name in a title) cannot be
 * drawn by it and is marked as such — the on-screen list shows it in full.
 */
const CLASH_TEXT: Record<string, string> = {
  two_courts: "listed before two courts",
  same_time: "two hearings at one time",
  over_daily_limit: "over the daily limit",
};

/** Helvetica's WinAnsi encoding covers Latin-1 and a few more; anything beyond it would print as garbage. */
function printable(text: string): string {
  const kept = text.replace(/[^\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2026]+/g, "…");
  return kept === text ? text : `${kept} [see the screen for the full text]`;
}

const COLUMNS = [
  { title: "No.", width: 40 },
  { title: "Time", width: 45 },
  { title: "Case", width: 150 },
  { title: "Title", width: 250 },
  { title: "Law officer", width: 120 },
  { title: "Purpose", width: 100 },
  { title: "Flags", width: 57 },
] as const;

type Meta = { date: string; filters: string; generatedAt: string; dailyLimit: number };

export function causeListPdf(items: readonly ListedHearingDto[], meta: Meta): Promise<Buffer> {
  // uncompressed: a cause list is a few pages, and its text stays searchable by tools (and tests)
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: 36,
    compress: false,
    info: { Title: `Cause list ${meta.date}` },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.font("Helvetica-Bold").fontSize(16).text(`Cause list — ${meta.date}`);
  doc.font("Helvetica").fontSize(9).fillColor("#444");
  doc.text(`${printable(meta.filters)} · ${items.length} hearing(s) · generated ${meta.generatedAt} by CAMS`);
  doc.text(
    `Flags: an officer listed before two courts that day, at the same time twice, or more than ${meta.dailyLimit} times.`,
  );
  doc.fillColor("black").moveDown(0.5);
  if (items.length === 0) doc.fontSize(11).text("No hearings are listed for this day.");

  const groups = Map.groupBy(items, (h) => `${h.court.nameEn}${h.bench ? ` — ${h.bench.nameEn}` : ""}`);
  for (const [seat, rows] of groups) {
    ensureRoom(doc, 60);
    doc.moveDown(0.4).font("Helvetica-Bold").fontSize(11).text(printable(seat));
    header(doc);
    for (const h of rows) {
      const cells = [
        h.serial ? String(h.serial) : "",
        h.time ?? "",
        h.case.displayNumber,
        printable(h.case.title),
        printable(h.officer?.fullName ?? "not assigned"),
        printable(h.state === "held" ? `${h.purpose} (${h.outcome})` : h.purpose),
        h.clashes.map((c) => CLASH_TEXT[c] ?? c).join("; "),
      ];
      row(doc, cells, h.clashes.length > 0);
    }
  }
  doc.end();
  return done;
}

function ensureRoom(doc: PDFKit.PDFDocument, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function header(doc: PDFKit.PDFDocument) {
  row(
    doc,
    COLUMNS.map((c) => c.title),
    false,
    true,
  );
}

function row(doc: PDFKit.PDFDocument, cells: string[], flagged: boolean, bold = false) {
  doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8);
  const heights = cells.map((text, i) => doc.heightOfString(text, { width: COLUMNS[i]!.width - 6 }));
  const height = Math.max(...heights) + 6;
  ensureRoom(doc, height);
  const top = doc.y;
  let x = doc.page.margins.left;
  if (flagged) doc.rect(x, top, 762, height).fill("#fde8e8").fillColor("black");
  for (const [i, text] of cells.entries()) {
    doc.text(text, x + 3, top + 3, { width: COLUMNS[i]!.width - 6 });
    x += COLUMNS[i]!.width;
  }
  doc
    .moveTo(doc.page.margins.left, top + height)
    .lineTo(doc.page.margins.left + 762, top + height)
    .strokeColor("#cccccc")
    .lineWidth(0.5)
    .stroke();
  doc.x = doc.page.margins.left;
  doc.y = top + height;
}
