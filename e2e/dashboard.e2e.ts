import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { pagePerTest, screenshot, signIn, text } from "./browser.ts";

/**
 * Issue 6's browser must-show: the Solicitor opens the executive dashboard from the navigation, clicks a bar of
 * pendency by organisation, lands on the case list filtered to that organisation's pending cases, and the
 * list's total is the bar's figure. A heat-map cell does the same; the page reads in Urdu, right to left.
 */
const baseUrl = inject("baseUrl");
const currentPage = pagePerTest({ beforeAll, afterAll, beforeEach, afterEach }, baseUrl);

describe("executive dashboard", () => {
  it("the Solicitor clicks a bar and lands on the filtered case list with the bar's total", async () => {
    const page = currentPage();
    await signIn(page, "solicitor");
    await page.getByTestId("nav-dashboard").click();
    await page.getByTestId("dashboard-page").waitFor();
    expect(new URL(page.url()).pathname).toBe("/dashboard");

    const bars = page.getByTestId("dash-pendency-org-bar");
    await bars.first().waitFor();
    expect(await bars.count()).toBeGreaterThan(1);
    const bar = bars.first();
    const figure = Number(await bar.getAttribute("data-count"));
    const organisationId = (await bar.getAttribute("data-key")) ?? "";
    expect(figure).toBeGreaterThan(0);
    // a keyboard reaches it (a link) and a screen reader hears the figure
    expect(await bar.evaluate((el) => el.tagName)).toBe("A");
    expect(await bar.getAttribute("aria-label")).toContain(String(figure));
    await page.evaluate(() => window.scrollTo(0, 0)); // the fixed header otherwise lands mid-page
    await screenshot(page, "dashboard-1-en");

    await bar.click();
    await page.waitForURL(/\/cases\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get("organisationId")).toBe(organisationId);
    expect(url.searchParams.get("status")).toBe("pending");
    const total = page.getByTestId("case-total");
    await expect.poll(async () => Number(await total.getAttribute("data-total"))).toBe(figure);

    // A heat-map cell: court and age, the same promise.
    await page.goBack();
    const cell = page.getByTestId("dash-heat-cell").first();
    await cell.waitFor();
    const cellFigure = Number(await cell.getAttribute("data-count"));
    await cell.click();
    await page.waitForURL(/ageBucket=/);
    await page.getByTestId("case-drill-ageBucket").waitFor(); // the list says what narrows it
    await expect.poll(async () => Number(await total.getAttribute("data-total"))).toBe(cellFigure);

    // In Urdu, right to left.
    await page.goBack();
    await page.getByTestId("dashboard-page").waitFor();
    await page.getByTestId("lang-ur").click();
    await page.waitForFunction(() => document.documentElement.dir === "rtl");
    await expect.poll(() => text(page.getByTestId("nav-dashboard"))).toBe("ڈیش بورڈ");
    expect(await text(page.getByTestId("dash-pendency-org").locator("h2"))).toBe(
      "ادارہ وار زیرِ التوا مقدمات",
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "dashboard-2-ur");
    await page.getByTestId("lang-en").click();
    await page.waitForFunction(() => document.documentElement.dir === "ltr");
  });
});
