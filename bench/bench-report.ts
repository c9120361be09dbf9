/** Table output and number formats shared by the benchmarks. */

/** Nearest-rank quantile of an ascending array. */
export function quantile(sorted: number[], q: number): number {
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1]!;
}

export function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  console.log(line(header));
  console.log(
    `|${widths.map((w, i) => (i === 0 || i === widths.length - 1 ? `-${"-".repeat(w)}-` : `-${"-".repeat(w)}:`)).join("|")}|`,
  );
  for (const r of rows) console.log(line(r));
}

export const ms = (x: number) => x.toFixed(1);
export const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
export const cpu = (x: number | null) => (x === null ? "?" : `${Math.round(x)} ms`);
