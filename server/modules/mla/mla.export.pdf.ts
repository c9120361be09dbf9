import PDFDocument from "pdfkit";
import type { Block, ExportModel, Row } from "./mla.export.ts";

/**
 * The request as a printable A4 PDF, in the cause list's house style: standard Helvetica, uncompressed so its text
 * stays searchable. Helvetica cannot draw Urdu script, so such text is marked and the DOCX (which carries it in
 * full) is named — the letter to a foreign authority is in English in any case.
 */
const MARGIN = 56;
const WIDTH = 595.28 - 2 * MARGIN;
const LABEL = 150;

function printable(text: string): string {
  const kept = text.replace(
    /[^\n\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2026]+/g,
    "…",
  );
  return kept === text ? text : `${kept} [text in another script: see the Word version]`;
}

export function mlaRequestPdf(m: ExportModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    compress: false,
    bufferPages: true,
    info: { Title: `${m.reference} — ${m.title}`, Creator: "CAMS" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.font("Helvetica-Bold").fontSize(16).text(printable(m.title), { width: WIDTH });
  doc.moveDown(0.5);
  fields(doc, m.titleBlock);
  for (const [i, s] of m.sections.entries()) {
    ensureRoom(doc, 60);
    doc
      .moveDown(0.6)
      .font("Helvetica-Bold")
      .fontSize(12)
      .text(`${i + 1}. ${printable(s.heading)}`);
    doc.moveDown(0.2);
    for (const b of s.blocks) block(doc, b);
  }

  ensureRoom(doc, 200);
  doc.moveDown(1.2).font("Helvetica-Bold").fontSize(12).text("Signature");
  doc
    .font("Helvetica-Oblique")
    .fontSize(10)
    .text(printable(`For and on behalf of the ${m.signature.authority}`));
  doc.moveDown(0.8).font("Helvetica").fontSize(10);
  for (const [label] of m.signature.rows) {
    const top = doc.y;
    doc.text(label, MARGIN, top, { width: LABEL });
    const line = top + (label === "Seal" ? 50 : 12);
    doc
      .moveTo(MARGIN + LABEL, line)
      .lineTo(MARGIN + WIDTH, line)
      .strokeColor("#888888")
      .lineWidth(0.5)
      .stroke();
    doc.x = MARGIN;
    doc.y = line + 14;
  }

  // the internal annex on a page of its own, so it is taken out before signature
  doc.addPage();
  doc.font("Helvetica-Bold").fontSize(10).fillColor("#c00000").text("INTERNAL — NOT FOR TRANSMISSION");
  doc.moveDown(0.5).fontSize(14).fillColor("black").text(m.internal.heading);
  doc.moveDown(0.3).font("Helvetica-Bold").fontSize(10).fillColor("#c00000").text(m.internal.warning);
  doc.fillColor("black").moveDown(0.5);
  fields(doc, m.internal.rows);

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not open a new page
    doc
      .font("Helvetica")
      .fontSize(8)
      .fillColor("#444444")
      .text(`${m.reference} — page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - 36, {
        width: WIDTH,
        align: "center",
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

function ensureRoom(doc: PDFKit.PDFDocument, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function block(doc: PDFKit.PDFDocument, b: Block) {
  switch (b.type) {
    case "text":
      doc.font("Helvetica").fontSize(10).text(printable(b.text), MARGIN, doc.y, { width: WIDTH });
      doc.moveDown(0.4);
      return;
    case "subheading":
      ensureRoom(doc, 40);
      doc.font("Helvetica-Bold").fontSize(10).text(printable(b.text), MARGIN, doc.y, { width: WIDTH });
      doc.moveDown(0.2);
      return;
    case "fields":
      fields(doc, b.rows);
      return;
    case "table": {
      const widths = b.columns.map(() => WIDTH / b.columns.length);
      row(doc, b.columns, widths, true);
      for (const r of b.rows) row(doc, r, widths, false);
      doc.moveDown(0.4);
      return;
    }
  }
}

function fields(doc: PDFKit.PDFDocument, rows: readonly Row[]) {
  for (const [label, value] of rows) row(doc, [label, value], [LABEL, WIDTH - LABEL], false, true);
  doc.moveDown(0.4);
}

function row(doc: PDFKit.PDFDocument, cells: string[], widths: number[], header: boolean, labelled = false) {
  doc.fontSize(9);
  const fontOf = (i: number) => (header || (labelled && i === 0) ? "Helvetica-Bold" : "Helvetica");
  const heights = cells.map((text, i) =>
    doc.font(fontOf(i)).heightOfString(printable(text) || " ", { width: widths[i]! - 8 }),
  );
  const height = Math.max(...heights) + 8;
  if (height > doc.page.height - 2 * MARGIN - 40) {
    // taller than a page: side-by-side cells cannot break across pages, so the row flows as paragraphs
    for (const [i, text] of cells.entries())
      doc.font(fontOf(i)).text(printable(text), MARGIN, doc.y, { width: WIDTH });
    doc.moveDown(0.4);
    return;
  }
  ensureRoom(doc, height);
  const top = doc.y;
  if (header) doc.rect(MARGIN, top, WIDTH, height).fill("#e7ecf2").fillColor("black");
  let x = MARGIN;
  for (const [i, text] of cells.entries()) {
    doc.font(fontOf(i)).text(printable(text), x + 4, top + 4, { width: widths[i]! - 8 });
    x += widths[i]!;
  }
  doc
    .moveTo(MARGIN, top + height)
    .lineTo(MARGIN + WIDTH, top + height)
    .strokeColor("#cccccc")
    .lineWidth(0.5)
    .stroke();
  doc.x = MARGIN;
  doc.y = top + height;
}
