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

/** The list's total once the rows for the current URL have loaded (the previous list stays shown meanwhile). */
async function totalOf(page: Page): Promise<number> {
  const total = page.getByTestId("case-total");
  await expect.poll(() => total.getAttribute("aria-busy")).toBe("false");
  return Number(await total.getAttribute("data-total"));
}

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
    // the list shows the server's count for the filter, once its rows have replaced the unfiltered ones
    const filtered = await page.evaluate(
      async () => (await (await fetch("/api/v1/cases?year=2025")).json()).total,
    );
    expect(filtered).toBeLessThan(all);
    await expect.poll(() => totalOf(page)).toBe(filtered);

    await page.getByTestId("saved-filter-save").click();
    await page.getByTestId("saved-filter-name").fill(name);
    await page.getByTestId("saved-filter-submit").click();
    await page.getByTestId("saved-filter-name").waitFor({ state: "detached" });

    await page.goto("/cases");
    await expect.poll(() => totalOf(page)).toBe(all);

    // The dropdown is first drawn at the page's corner and then placed under its button; a click before that
    // lands on whatever lies beneath (the sidebar's "Cases" link), so wait until it sits below the button.
    const menuButton = page.getByTestId("saved-filters-menu");
    await menuButton.click();
    const savedOne = page.getByTestId("saved-filter-apply").filter({ hasText: name });
    const buttonTop = (await menuButton.boundingBox())?.y ?? 0;
    await expect.poll(async () => (await savedOne.boundingBox())?.y ?? -1).toBeGreaterThan(buttonTop);
    await savedOne.click();
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
