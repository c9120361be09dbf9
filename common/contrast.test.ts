import { describe, expect, it } from "vitest";
import {
  contrastRatio,
  HEAT_EMPTY,
  HEAT_SCALE,
  heatColour,
  readableOn,
  relativeLuminance,
} from "./contrast.ts";

describe("contrast", () => {
  it("computes WCAG's figures", () => {
    expect(relativeLuminance("#ffffff")).toBeCloseTo(1, 5);
    expect(relativeLuminance("#000000")).toBe(0);
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2); // the classic just-fails grey
    expect(() => relativeLuminance("blue")).toThrow();
  });

  it("gives every heat-map cell text of at least 4.5:1 (WCAG AA)", () => {
    expect(contrastRatio(HEAT_EMPTY.bg, HEAT_EMPTY.fg)).toBeGreaterThanOrEqual(4.5);
    for (const bg of HEAT_SCALE) expect(contrastRatio(bg, readableOn(bg)), bg).toBeGreaterThanOrEqual(4.5);
    for (let max = 1; max <= 60; max += 1)
      for (let count = 0; count <= max; count += 1) {
        const { bg, fg } = heatColour(count, max);
        expect(contrastRatio(bg, fg), `${count}/${max} ${bg} on ${fg}`).toBeGreaterThanOrEqual(4.5);
      }
    // the scale is used end to end, and the theme's blue-7 — under 4.5:1 with either text — is not in it
    const used = new Set(Array.from({ length: 100 }, (_, i) => heatColour(i + 1, 100).bg));
    expect([...used]).toEqual([...HEAT_SCALE]);
    expect(heatColour(100, 100).bg).toBe(HEAT_SCALE.at(-1));
    expect(contrastRatio("#1c7ed6", "#ffffff")).toBeLessThan(4.5);
    expect(contrastRatio("#1c7ed6", "#1a1b1e")).toBeLessThan(4.5);
  });
});
