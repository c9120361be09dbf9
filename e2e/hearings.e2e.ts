import type { Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { pagePerTest, screenshot as save, signIn, text } from "./browser.ts";

/**
 * Hearings on the case page in a real browser against the real server (demo data): the Solicitor schedules a
 * hearing of W.P. No. 1234 of 2025, records it as adjourned at the other side's request with the next date,
 * sees the next hearing appear, and reads the panel in Urdu, right to left.
 */
const baseUrl = inject("baseUrl");
const currentPage = pagePerTest({ beforeAll, afterAll, beforeEach, afterEach }, baseUrl);
const CASE_NUMBER = "W.P. No. 1234 of 2025";

/** A calendar day in the courts' time zone (the server's "today"), `offset` days from today. */
function courtDay(offset = 0): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Karachi" }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

/** A full-page screenshot from the top (the shell's fixed header otherwise lands mid-page). */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await save(page, name);
}

async function attr(locator: Locator, name: string): Promise<string> {
  return (await locator.getAttribute(name)) ?? "";
}

async function switchTo(page: Page, lang: "en" | "ur") {
  await page.getByTestId(`lang-${lang}`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

async function hearingIds(page: Page): Promise<string[]> {
  return page
    .getByTestId("hearing-row")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-hearing-id") ?? ""));
}

describe("hearings", () => {
  it("the Solicitor schedules a hearing, records an adjournment with the next date, and reads it in Urdu", async () => {
    const date = courtDay();
    const nextDate = courtDay(28);
    const reason = `Counsel for the petitioner sought time to file a rejoinder (${Date.now()}).`;
    const page = currentPage();
    await signIn(page, "solicitor");

    await page.getByTestId("nav-cases").click();
    await page.getByTestId("case-search").fill("WP 1234/2025");
    await page.getByTestId("case-search").press("Enter");
    await page.getByTestId("case-link").filter({ hasText: CASE_NUMBER }).first().click();
    await expect.poll(() => text(page.getByTestId("case-number"))).toBe(CASE_NUMBER);

    await page.getByTestId("tab-hearings").click();
    const panel = page.getByTestId("hearings-panel");
    await panel.waitFor();
    await panel.locator('[data-testid="hearings-empty"], [data-testid="hearings-table"]').first().waitFor();
    const before = await hearingIds(page);

    // Schedule today's hearing.
    await page.getByTestId("hearing-schedule-open").click();
    const form = page.getByTestId("hearing-schedule-form");
    await form.waitFor();
    await page.getByTestId("hearing-date").fill(date);
    await page.getByTestId("hearing-time").fill("10:30");
    await page.getByTestId("hearing-serial").fill("7");
    await page.getByTestId("hearing-purpose").fill("Arguments on the main petition");
    await page.getByTestId("hearing-coram").fill("Mr. Justice Babar Sattar");
    await page.getByTestId("hearing-save").click();
    await form.waitFor({ state: "detached" });
    await expect.poll(() => page.getByTestId("hearing-row").count()).toBe(before.length + 1);
    const id = (await hearingIds(page)).find((x) => !before.includes(x));
    if (!id) throw new Error("the scheduled hearing is not listed");
    const row = page.locator(`[data-testid="hearing-row"][data-hearing-id="${id}"]`);
    expect(await attr(row, "data-state")).toBe("scheduled");
    expect(await attr(row, "data-date")).toBe(date);
    expect(await text(row)).toContain("10:30");
    expect(await text(row.getByTestId("hearing-state"))).toBe("Scheduled");

    // Record it as adjourned: the form asks for the reason and the side before sending.
    await row.getByTestId("hearing-record").click();
    const modal = page.getByTestId("hearing-outcome-modal");
    await modal.waitFor();
    await page.getByTestId("hearing-outcome").selectOption("adjourned");
    await page.getByTestId("hearing-outcome-save").click();
    await expect.poll(() => attr(page.getByTestId("hearing-adjourn-reason"), "aria-invalid")).toBe("true");
    expect(await attr(page.getByTestId("hearing-adjourn-side"), "aria-invalid")).toBe("true");
    expect(await attr(page.getByTestId("hearing-next-date"), "aria-invalid")).toBe("true");

    await page.getByTestId("hearing-adjourn-reason").fill(reason);
    await page.getByTestId("hearing-adjourn-side").selectOption("other_side");
    await page.getByTestId("hearing-appeared").fill("Deputy Attorney-General for the respondents");
    await page.getByTestId("hearing-next-date").fill(nextDate);
    await page.getByTestId("hearing-next-time").fill("11:00");
    await page.getByTestId("hearing-next-purpose").fill("Rejoinder and arguments");
    await screenshot(page, "hearings-1-outcome-form");
    await page.getByTestId("hearing-outcome-save").click();
    await modal.waitFor({ state: "detached" });

    // The hearing is held and adjourned; the next one is scheduled on the next date.
    await expect.poll(() => attr(row, "data-outcome")).toBe("adjourned");
    expect(await attr(row, "data-state")).toBe("held");
    expect(await text(row.getByTestId("hearing-outcome-label"))).toBe("Adjourned");
    expect(await text(row.getByTestId("hearing-adjournment"))).toContain(reason);
    expect(await text(row.getByTestId("hearing-adjournment"))).toContain("Other side");
    expect(await row.getByTestId("hearing-record").count()).toBe(0);
    await expect.poll(() => page.getByTestId("hearing-row").count()).toBe(before.length + 2);
    const nextId = (await hearingIds(page)).find((x) => x !== id && !before.includes(x));
    const next = page.locator(`[data-testid="hearing-row"][data-hearing-id="${nextId}"]`);
    expect(await attr(next, "data-date")).toBe(nextDate);
    expect(await attr(next, "data-state")).toBe("scheduled");
    expect(await text(next)).toContain("Rejoinder and arguments");
    expect(await next.getByTestId("hearing-record").count()).toBe(1);
    expect(await text(row.getByTestId("hearing-next"))).toMatch(/^Next date: /);
    await screenshot(page, "hearings-2-adjourned");

    // The case's history records it.
    await page.getByTestId("tab-history").click();
    const recorded = page.locator('[data-testid="history-item"][data-action="hearing.recorded"]').first();
    await recorded.waitFor();
    expect(await text(recorded)).toContain("Hearing outcome recorded");

    // In Urdu the panel reads right to left.
    await page.getByTestId("tab-hearings").click();
    await panel.waitFor();
    await switchTo(page, "ur");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await expect.poll(() => text(page.getByTestId("tab-hearings"))).toBe("سماعتیں");
    await expect.poll(() => text(row.getByTestId("hearing-outcome-label"))).toBe("ملتوی");
    expect(await text(next.getByTestId("hearing-state"))).toBe("مقرر");
    expect(await row.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
    await screenshot(page, "hearings-3-adjourned-ur");

    // The workload board counts each officer's hearings of the next 14 days.
    await page.getByTestId("nav-assignment").click();
    await page.getByTestId("workload-row").first().waitFor();
    const rows = await page.getByTestId("workload-row").count();
    expect(await page.getByTestId("workload-hearings").count()).toBe(rows);
    const counts = await page
      .getByTestId("workload-hearings")
      .evaluateAll((cells) => cells.map((c) => c.getAttribute("data-count")));
    for (const count of counts) expect(count).toMatch(/^\d+$/);
    expect(await text(page.getByTestId("workload-hearings").first())).toContain("سماع");
  });
});
