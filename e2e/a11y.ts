import type { Page } from "playwright-core";

/**
 * Accessibility checks a browser test can make without a library: keyboard focus, labels, heading order and
 * text contrast (WCAG 2.x AA, computed from the styles the browser actually applied).
 */

/** Presses Tab until the element with this test id has focus (at most `max` times); false if it never does. */
export async function tabTo(page: Page, testId: string, max = 25): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if ((await focusedTestId(page)) === testId) return true;
  }
  return false;
}

export function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? null);
}

/** The focused element's outline: a visible focus indicator is a solid outline at least 2px wide. */
export function focusOutline(page: Page): Promise<{ style: string; width: number }> {
  return page.evaluate(() => {
    const s = getComputedStyle(document.activeElement ?? document.body);
    return { style: s.outlineStyle, width: Number.parseFloat(s.outlineWidth) };
  });
}

/** Form controls with no accessible name from a <label>, aria-label or aria-labelledby. */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>("input:not([type=hidden]), select, textarea")]
      .filter(
        (el) => !el.labels?.length && !el.getAttribute("aria-label") && !el.getAttribute("aria-labelledby"),
      )
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

/** The levels of the visible headings in document order, e.g. [1, 2, 3, 3, 2]. */
export function headingLevels(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
      .filter((h) => h.getClientRects().length > 0)
      .map((h) => Number(h.tagName.slice(1))),
  );
}

/** True when the levels start at 1 and never skip one going down (h2 → h4). */
export function headingsInOrder(levels: number[]): boolean {
  return levels[0] === 1 && levels.every((level, i) => i === 0 || level <= levels[i - 1]! + 1);
}

/**
 * Every visible piece of text under `root` whose contrast with what is behind it is below AA: 4.5:1, or 3:1 for
 * large text (24px, or 18.66px bold). Disabled controls are exempt. Backgrounds are composited up the tree
 * until an opaque one (the page is white underneath).
 */
export function lowContrast(page: Page, root: string): Promise<string[]> {
  return page.evaluate((selector) => {
    type Rgba = [number, number, number, number];
    const parse = (c: string): Rgba => {
      const n = (c.match(/[\d.]+/g) ?? []).map(Number);
      const scale = c.startsWith("color(") ? 255 : 1;
      return [n[0]! * scale, n[1]! * scale, n[2]! * scale, n[3] ?? 1];
    };
    const over = (top: Rgba, under: Rgba): Rgba => {
      const a = top[3];
      return [0, 1, 2].map((i) => top[i]! * a + under[i]! * (1 - a)).concat(1) as Rgba;
    };
    const luminance = (c: Rgba) => {
      const [r, g, b] = [c[0], c[1], c[2]].map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const background = (el: Element | null): Rgba => {
      const layers: Rgba[] = [];
      for (let e = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      return layers.reduceRight<Rgba>((under, top) => over(top, under), [255, 255, 255, 1]);
    };
    const failures: string[] = [];
    for (const el of document.querySelectorAll(`${selector} *`)) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      const box = el.getBoundingClientRect();
      if (!own || box.width <= 1 || box.height <= 1) continue;
      if (el.closest(":disabled, [data-disabled], [aria-disabled=true]")) continue;
      const s = getComputedStyle(el);
      if (s.visibility !== "visible" || Number(s.opacity) === 0) continue;
      const bg = background(el);
      const fg = over(parse(s.color), bg);
      const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      const ratio = (hi! + 0.05) / (lo! + 0.05);
      const size = Number.parseFloat(s.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) {
        failures.push(`${ratio.toFixed(2)}:1 "${el.textContent?.trim().slice(0, 40)}" (${s.color} on ${bg})`);
      }
    }
    return failures;
  }, root);
}
