import PDFDocument from "pdfkit";
import type { Cell } from "./export.xlsx.ts";

/**
 * The case list as a printable A4 landscape table. Like the cause list, it uses the standard Helvetica font,
 * which cannot draw Urdu: such text is marked and the CSV or XLSX carries it in full. Meant for lists a person
 * reads on paper (up to a few thousand rows); larger lists are exported as CSV or XLSX.
 */
const WIDTHS = [90, 150, 80, 60, 80, 55, 75, 70, 50, 60]; // 770 pt: the page less its 36 pt margins

function printable(text: string): string {
  const kept = text.replace(/[^\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2026]+/g, "…");
  return kept === text ? text : `${kept} [non-Latin text: see CSV/XLSX]`;
}

export class PdfWriter {
  private readonly doc = new PDFDocument({ size: "A4", layout: "landscape", margin: 36 });
  private readonly done: Promise<Buffer>;
  private readonly header: readonly string[];
  private readonly widths: readonly number[];
  /** `widths` in points, summing to 770; the case list's columns by default. */
  constructor(header: readonly string[], title: string, widths: readonly number[] = WIDTHS) {
    this.header = header;
    this.widths = widths;
    const chunks: Buffer[] = [];
    this.doc.on("data", (c: Buffer) => chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on("end", () => resolve(Buffer.concat(chunks)));
      this.doc.on("error", reject);
    });
    this.doc.info.Title = title;
    this.doc.font("Helvetica-Bold").fontSize(14).text(printable(title));
    this.doc.moveDown(0.5);
    this.row(header, true);
  }

  add(rows: readonly (readonly Cell[])[]) {
    for (const r of rows) this.row(r, false);
  }

  finish(): Promise<Buffer> {
    this.doc.end();
    return this.done;
  }

  private row(cells: readonly Cell[], bold: boolean) {
    const doc = this.doc;
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(7);
    const texts = cells.map((c) => printable(c === null ? "" : String(c)));
    const height =
      Math.max(...texts.map((t, i) => doc.heightOfString(t, { width: this.widths[i]! - 4 }))) + 4;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      // the header again on every page, so a printed page can be read alone
      if (!bold) this.row(this.header, true);
      doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(7);
    }
    const top = doc.y;
    let x = doc.page.margins.left;
    for (const [i, text] of texts.entries()) {
      doc.text(text, x + 2, top + 2, { width: this.widths[i]! - 4 });
      x += this.widths[i]!;
    }
    doc
      .moveTo(doc.page.margins.left, top + height)
      .lineTo(doc.page.margins.left + 770, top + height)
      .strokeColor("#cccccc")
      .lineWidth(0.5)
      .stroke();
    doc.x = doc.page.margins.left;
    doc.y = top + height;
  }
}
