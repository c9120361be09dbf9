import { parse } from "csv-parse/sync";

/**
 * Cause-list adapters: each turns one published format into the same rows. Courts publish cause lists as
 * spreadsheets, PDFs or web pages; CSV is the first adapter, and another format is one more entry in ADAPTERS.
 * An adapter never decides what a row means for CAMS (matching, dates in range): it only reads the file.
 */
export type ParsedRow = {
  line: number;
  caseNumber: string;
  date: string;
  time: string;
  serial: string;
  purpose: string;
  coram: string;
};
export type ParseResult = { rows: ParsedRow[] } | { error: string };
export type CauseListAdapter = { format: string; parse(content: string): ParseResult };

/** Header names as courts and offices write them, lower-cased and without punctuation. */
const HEADERS: Record<keyof Omit<ParsedRow, "line">, readonly string[]> = {
  caseNumber: ["case", "case number", "case no", "caseno", "case #", "number"],
  date: ["date", "hearing date", "listed on", "date of hearing"],
  time: ["time", "hearing time"],
  serial: ["serial", "sr", "sr no", "serial no", "s no", "item", "item no"],
  purpose: ["purpose", "stage", "for"],
  coram: ["coram", "bench", "judges", "before"],
};
const headerKey = (h: string) =>
  h
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[.:#]/g, (c) => (c === "#" ? " #" : ""))
    .replace(/\s+/g, " ")
    .trim();

export const csvAdapter: CauseListAdapter = {
  format: "csv",
  parse(content) {
    let records: string[][];
    try {
      records = parse(content.replace(/^\uFEFF/, ""), {
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
      });
    } catch (e) {
      return { error: `The file is not valid CSV: ${(e as Error).message}` };
    }
    const [header, ...body] = records;
    if (!header) return { error: "The file is empty." };
    const keys = header.map(headerKey);
    const column = (field: keyof typeof HEADERS) => keys.findIndex((k) => HEADERS[field].includes(k));
    const at = Object.fromEntries(Object.keys(HEADERS).map((f) => [f, column(f as keyof typeof HEADERS)]));
    const missing = (["caseNumber", "date"] as const).filter((f) => at[f]! < 0);
    if (missing.length > 0) {
      return {
        error: `The header row must name the ${missing.map((m) => (m === "caseNumber" ? "case number" : m)).join(" and ")} column (found: ${header.join(", ")}).`,
      };
    }
    const cell = (r: string[], f: string) => (at[f]! >= 0 ? (r[at[f]!] ?? "") : "");
    return {
      rows: body.map((r, i) => ({
        line: i + 2,
        caseNumber: cell(r, "caseNumber"),
        date: cell(r, "date"),
        time: cell(r, "time"),
        serial: cell(r, "serial"),
        purpose: cell(r, "purpose"),
        coram: cell(r, "coram"),
      })),
    };
  },
};

export const ADAPTERS: Record<string, CauseListAdapter> = { csv: csvAdapter };
