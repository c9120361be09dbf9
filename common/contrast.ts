/**
 * WCAG 2.x contrast (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio) and the dashboard heat map's colours.
 * The palette lives here, beside the arithmetic, so a test proves every cell's text meets AA (4.5:1 for
 * normal text) rather than trusting the eye: the theme's blue-7 (#1c7ed6), for one, fails with both white and
 * black text, so the scale leaves it out.
 */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = Number.parseInt(h ?? "0", 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export const DARK_TEXT = "#1a1b1e";
export const LIGHT_TEXT = "#ffffff";

/** The text colour (near-black or white) with the higher contrast on `bg`. */
export function readableOn(bg: string): string {
  return contrastRatio(bg, DARK_TEXT) >= contrastRatio(bg, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}

/** An empty cell: light grey with mid-grey text. */
export const HEAT_EMPTY = { bg: "#f8f9fa", fg: "#495057" } as const;
/** Light to dark blue (Mantine's blue 1–6, 8, 9). */
export const HEAT_SCALE = [
  "#d0ebff",
  "#a5d8ff",
  "#74c0fc",
  "#4dabf7",
  "#339af0",
  "#228be6",
  "#1971c2",
  "#1864ab",
] as const;

/** A cell's colours by its share of the largest cell (the largest is the darkest). */
export function heatColour(count: number, max: number): { bg: string; fg: string } {
  if (count <= 0) return HEAT_EMPTY;
  const last = HEAT_SCALE.length - 1;
  const step = Math.min(last, Math.floor((count / Math.max(1, max)) * HEAT_SCALE.length));
  const bg: string = HEAT_SCALE[step] ?? "#1864ab";
  return { bg, fg: readableOn(bg) };
}
