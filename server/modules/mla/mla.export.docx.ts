import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Block, ExportModel, Row } from "./mla.export.ts";

/**
 * The request as a Word document: the officer edits the wording before signature, so everything is real text
 * (headings a navigation pane lists, tables Word can re-flow), never an image. Runs in Arabic script are marked
 * right-to-left so an Urdu name reads correctly.
 */
const RTL = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;
const FONT = "Calibri";

const run = (text: string, opts: { bold?: boolean; italics?: boolean; color?: string } = {}) =>
  new TextRun({ text, font: FONT, rightToLeft: RTL.test(text), ...opts });

const para = (text: string, opts: { bold?: boolean; italics?: boolean; after?: number } = {}) =>
  new Paragraph({
    children: [run(text, opts)],
    spacing: { after: opts.after ?? 120 },
    bidirectional: RTL.test(text) && !/[A-Za-z]/.test(text),
  });

const cell = (text: string, header = false, width?: number) =>
  new TableCell({
    children: text.split("\n").map((line) => para(line, { bold: header, after: 40 })),
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: "E7ECF2", color: "auto" } } : {}),
    ...(width ? { width: { size: width, type: WidthType.PERCENTAGE } } : {}),
  });

const table = (columns: string[] | null, rows: string[][], widths?: number[]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      ...(columns
        ? [new TableRow({ tableHeader: true, children: columns.map((c, i) => cell(c, true, widths?.[i])) })]
        : []),
      ...rows.map((r) => new TableRow({ children: r.map((v, i) => cell(v, false, widths?.[i])) })),
    ],
  });

/** Label-value pairs as a two-column table without a header row: the label in bold. */
const fieldTable = (rows: readonly Row[]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      ([label, value]) =>
        new TableRow({
          children: [
            new TableCell({
              width: { size: 30, type: WidthType.PERCENTAGE },
              children: [para(label, { bold: true, after: 40 })],
            }),
            new TableCell({
              width: { size: 70, type: WidthType.PERCENTAGE },
              children: (value || " ").split("\n").map((line) => para(line, { after: 40 })),
            }),
          ],
        }),
    ),
  });

const spacer = () => new Paragraph({ children: [], spacing: { after: 120 } });

function block(b: Block): (Paragraph | Table)[] {
  switch (b.type) {
    case "text":
      return b.text.split(/\n+/).map((line) => para(line));
    case "subheading":
      return [new Paragraph({ heading: HeadingLevel.HEADING_3, children: [run(b.text)] })];
    case "fields":
      return [fieldTable(b.rows), spacer()];
    case "table":
      return [table(b.columns, b.rows), spacer()];
  }
}

export function mlaRequestDocx(m: ExportModel): Promise<Buffer> {
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            font: FONT,
            size: 16,
            children: [`${m.reference} — page `, PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });
  const request = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [run(m.title)] }),
    fieldTable(m.titleBlock),
    spacer(),
    ...m.sections.flatMap((s, i) => [
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(`${i + 1}. ${s.heading}`)] }),
      ...s.blocks.flatMap(block),
    ]),
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      keepNext: true,
      children: [run("Signature")],
      spacing: { before: 360 },
    }),
    para(`For and on behalf of the ${m.signature.authority}`, { italics: true }),
    table(
      null,
      m.signature.rows.map(([label]) => [label, label === "Seal" ? "\n\n\n" : "\n"]),
      [30, 70],
    ),
  ];
  const internal = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(m.internal.heading)] }),
    new Paragraph({
      border: { top: { style: BorderStyle.SINGLE, size: 12, color: "C00000", space: 4 } },
      children: [run(m.internal.warning, { bold: true, color: "C00000" })],
      spacing: { after: 200 },
    }),
    fieldTable(m.internal.rows),
  ];
  const doc = new Document({
    title: `${m.reference} — ${m.title}`,
    creator: "CAMS",
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [
      { footers: { default: footer }, children: request },
      {
        headers: {
          default: new Header({
            children: [para("INTERNAL — NOT FOR TRANSMISSION", { bold: true })],
          }),
        },
        footers: { default: footer },
        children: internal,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
