import fs from "node:fs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { contrastRatio } from "../common/contrast.ts";
import { pagePerTest, screenshot, signIn } from "./browser.ts";

/**
 * The dashboard by keyboard and screen reader (issue 6): Tab reaches a bar, whose accessible name says the
 * figure and what it counts; Enter opens the filtered case list with that total. Every chart is described by
 * its table, headings go in order, the heat map's text meets WCAG AA as the browser paints it, a table
 * downloads as CSV, the freshness line says when pre-counted figures were counted, and the same holds in
 * Urdu, right to left.
 */
const baseUrl = inject("baseUrl");
const currentPage = pagePerTest({ beforeAll, afterAll, beforeEach, afterEach }, baseUrl);

type Page = ReturnType<typeof currentPage>;

/** Presses Tab until the focused element has this test id; returns how many presses it took. */
async function tabTo(page: Page, testId: string, limit = 200) {
  for (let i = 1; i <= limit; i += 1) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))) === testId) return i;
  }
  throw new Error(`Tab never reached ${testId}`);
}

const focused = (page: Page) =>
  page.evaluate(() => ({
    tag: document.activeElement?.tagName ?? "",
    name: document.activeElement?.getAttribute("aria-label") ?? "",
    count: Number(document.activeElement?.getAttribute("data-count")),
  }));

/** "rgb(r, g, b)" → "#rrggbb" */
const hex = (rgb: string) =>
  `#${(rgb.match(/\d+/g) ?? [])
    .slice(0, 3)
    .map((n) => Number(n).toString(16).padStart(2, "0"))
    .join("")}`;

async function walkByKeyboard(page: Page, unitWord: string) {
  await page.getByTestId("dash-pendency-org-bar").first().waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator("h1").click(); // start the Tab order at the top of the page
  await tabTo(page, "dash-pendency-org-bar");
  const bar = await focused(page);
  expect(bar.tag).toBe("A");
  expect(bar.count).toBeGreaterThan(0);
  expect(bar.name).toContain(String(bar.count));
  expect(bar.name).toContain(unitWord);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/cases\?/);
  const total = page.getByTestId("case-total");
  await expect.poll(async () => Number(await total.getAttribute("data-total"))).toBe(bar.count);
  await page.goBack();
  await page.getByTestId("dashboard-page").waitFor();
}

describe("dashboard accessibility", () => {
  it("walks by keyboard, describes every chart, keeps headings in order and the heat map legible", async () => {
    const page = currentPage();
    await signIn(page, "solicitor");
    await page.goto("/dashboard");
    await walkByKeyboard(page, "pending case");

    // every chart names its table, and the table has a caption
    const charts = await page.evaluate(() =>
      [...document.querySelectorAll("[aria-describedby]")]
        .filter((el) => el.closest("[data-testid='dashboard-page']"))
        .map((el) => {
          const table = document.getElementById(el.getAttribute("aria-describedby") ?? "");
          return { tag: table?.tagName, caption: table?.querySelector("caption")?.textContent ?? "" };
        }),
    );
    expect(charts.length).toBeGreaterThanOrEqual(9);
    for (const c of charts)
      expect(c).toMatchObject({ tag: "TABLE", caption: expect.stringMatching(/^Table: /) });

    // one h1, then h2s: no level skipped
    const levels = await page.evaluate(() =>
      [...document.querySelectorAll("main h1, main h2, main h3, main h4, main h5, main h6")].map((h) =>
        Number(h.tagName.slice(1)),
      ),
    );
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i += 1) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);

    // the heat map's numbers as painted: 4.5:1 at least on their cell
    const cells = await page.getByTestId("dash-heat-cell").evaluateAll((links) =>
      links.map((a) => ({
        fg: getComputedStyle(a).color,
        bg: getComputedStyle(a.closest("td") as Element).backgroundColor,
      })),
    );
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells)
      expect(contrastRatio(hex(c.fg), hex(c.bg)), JSON.stringify(c)).toBeGreaterThanOrEqual(4.5);
  });

  it("says when pre-counted figures were counted, in English and Urdu, and nothing when counted live", async () => {
    const page = currentPage();
    await signIn(page, "solicitor");
    // the answer's freshness set by hand: whether this server has pre-counted yet is not this test's concern
    let countedAt: string | null = "2026-11-23T09:05:00.000Z"; // 14:05 in Pakistan
    await page.route(/\/api\/v1\/dashboard(\?|$)/, async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      body.freshness = { countedAt, everyMinutes: countedAt ? 10 : 0 };
      await route.fulfill({ response, json: body });
    });
    await page.goto("/dashboard");
    const line = page.getByTestId("dashboard-freshness");
    await expect
      .poll(() => line.textContent())
      .toBe(
        "Figures counted at 14:05, 23 Nov 2026 (counted every 10 minutes); the lists behind them are live.",
      );
    await page.getByTestId("lang-ur").click();
    await page.waitForFunction(() => document.documentElement.dir === "rtl");
    await expect.poll(() => line.textContent()).toContain("ہر 10 منٹ بعد شمار ہوتے ہیں");
    expect(await line.textContent()).toContain("14:05");
    await page.getByTestId("lang-en").click();
    await page.waitForFunction(() => document.documentElement.dir === "ltr");
    countedAt = null;
    await page.reload();
    await page.getByTestId("dash-pendency-org-bar").first().waitFor();
    expect(await line.count()).toBe(0);
  });

  it("downloads a table and works the same in Urdu, right to left", async () => {
    const page = currentPage();
    await signIn(page, "solicitor");
    await page.goto("/dashboard");
    const link = page.getByTestId("dash-download-pendencyByCourt-csv");
    await link.waitFor();
    expect(await link.getAttribute("aria-label")).toContain("Pending cases by court");
    const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(file.suggestedFilename()).toMatch(/^dashboard-pendencyByCourt-\d+\.csv$/);
    const csv = fs.readFileSync((await file.path()) ?? "", "utf8").replace(/^\ufeff/, "");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("Code,Court,Pending cases");
    const bars = page.getByTestId("dash-pendency-court-bar");
    expect(lines.length - 1).toBe(await bars.count());

    await page.getByTestId("lang-ur").click();
    await page.waitForFunction(() => document.documentElement.dir === "rtl");
    await expect
      .poll(() => page.getByTestId("dash-download-pendencyByCourt-csv").getAttribute("aria-label"))
      .toContain("ڈاؤن لوڈ");
    await walkByKeyboard(page, "زیرِ التوا");
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "dashboard-a11y-ur");
    await page.getByTestId("lang-en").click();
    await page.waitForFunction(() => document.documentElement.dir === "ltr");
  });
});
