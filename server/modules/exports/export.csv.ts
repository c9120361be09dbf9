import type { Cell } from "./export.xlsx.ts";

/**
 * RFC 4180 CSV with a UTF-8 byte-order mark (without it Excel reads the bytes as the local code page and Urdu
 * turns to mojibake). A cell starting with = + - or @ is prefixed with a single quote, so a spreadsheet opens
 * it as text rather than running it as a formula (CSV injection).
 */
const FORMULA_START = /^[=+\-@]/;

export function csvCell(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export class CsvWriter {
  private readonly parts: string[] = [];
  constructor(header: readonly string[]) {
    this.parts.push(`\ufeff${header.map(csvCell).join(",")}\r\n`);
  }
  add(rows: readonly (readonly Cell[])[]) {
    if (rows.length) this.parts.push(`${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`);
  }
  finish(): Buffer {
    return Buffer.from(this.parts.join(""), "utf8");
  }
}
