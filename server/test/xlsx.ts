import { strFromU8, unzipSync } from "fflate";
import { expect } from "vitest";

/**
 * Reads back the first sheet of an XLSX the exports wrote (inline strings and numbers, as export.xlsx.ts
 * writes them) as rows of cell texts, `width` cells each; checks the package's other parts are there.
 */
const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

export function readXlsx(bytes: Buffer, width: number): string[][] {
  const files = unzipSync(new Uint8Array(bytes));
  for (const part of ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/styles.xml"])
    expect(files[part], part).toBeDefined();
  const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]!);
  return [...sheet.matchAll(/<row r="\d+">(.*?)<\/row>/gs)].map(([, row]) => {
    const cells: string[] = [];
    for (const [, ref, body] of row!.matchAll(/<c r="([A-Z]+)\d+"[^>]*?(?:\/>|>(.*?)<\/c>)/gs)) {
      const col = ref!.charCodeAt(0) - 65;
      const text = body?.match(/<t[^>]*>(.*?)<\/t>/s)?.[1] ?? body?.match(/<v>(.*?)<\/v>/)?.[1] ?? "";
      cells[col] = unescapeXml(text);
    }
    return Array.from({ length: width }, (_, i) => cells[i] ?? "");
  });
}
