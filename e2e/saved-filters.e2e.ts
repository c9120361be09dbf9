import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { pagePerTest, screenshot, signIn } from "./browser.ts";

/**
 * Saved filters in a real browser against the real server (demo data): the Solicitor filters the case list,
 * saves the filter, clears it, applies the saved one from the menu (the same list comes back) and subscribes
 * to it weekly.
 */
const baseUrl = inject("baseUrl");

const currentPage = pagePerTest({ beforeAll, afterAll, beforeEach, afterEach }, baseUrl);

const totalOf = async (page: Page) => Number(await page.getByTestId("case-total").getAttribute("data-total"));

describe("saved filters", () => {
  it("the Solicitor saves a filter, clears it, applies it again and has it emailed weekly", async () => {
    const name = `Cases of 2025 (${Date.now()})`;
    const page = currentPage();
    await signIn(page, "solicitor");
    await page.goto("/cases");
    await page.getByTestId("case-total").waitFor();
    const all = await totalOf(page);

    await page.getByTestId("case-filter-year").fill("2025");
    await page.getByTestId("case-filter-year").press("Tab");
    await expect.poll(() => new URL(page.url()).searchParams.get("year")).toBe("2025");
    await expect.poll(() => totalOf(page)).toBeLessThanOrEqual(all);
    const filtered = await totalOf(page);

    await page.getByTestId("saved-filter-save").click();
    await page.getByTestId("saved-filter-name").fill(name);
    await page.getByTestId("saved-filter-submit").click();
    await page.getByTestId("saved-filter-name").waitFor({ state: "detached" });

    await page.goto("/cases");
    await expect.poll(() => totalOf(page)).toBe(all);

    await page.getByTestId("saved-filters-menu").click();
    await page.getByTestId("saved-filter-apply").filter({ hasText: name }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("year")).toBe("2025");
    await expect.poll(() => totalOf(page)).toBe(filtered);
    await screenshot(page, "saved-filters-1-applied");

    await page.getByTestId("saved-filters-menu").click();
    await page.getByTestId("saved-filters-manage").click();
    const row = page.getByTestId("saved-filter-row").filter({ has: page.locator(`input[value="${name}"]`) });
    await row.waitFor();
    await row.getByTestId("saved-filter-weekly").click();
    await expect.poll(() => row.getByTestId("saved-filter-weekly").isChecked()).toBe(true);
    await screenshot(page, "saved-filters-2-weekly");

    // The server holds the subscription (Monday, the default weekday).
    const saved = await page.evaluate(async () => (await fetch("/api/v1/saved-filters")).json());
    const mine = saved.items.find((f: { name: string }) => f.name === name);
    expect(mine.subscription).toMatchObject({ weekday: 1 });
    expect(mine.query).toMatchObject({ year: 2025 });
  });
});
