import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { pagePerTest, screenshot as save, signIn, text } from "./browser.ts";

/**
 * Competences from training at work (issue 9) in a real browser against the real server (demo data): the
 * Central Authority opens an MLA request and chooses its handling officer from the ranked candidates; the
 * assigning officer of the Attorney-General's office sees the policy's competence setting ("prefer" by default)
 * and an officer's competences on the profile page.
 */
const baseUrl = inject("baseUrl");
const currentPage = pagePerTest({ beforeAll, afterAll, beforeEach, afterEach }, baseUrl);

/** A full-page screenshot from the top (the shell's fixed header otherwise lands mid-page). */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await save(page, name);
}

describe("MLA handling officer", () => {
  it("the Central Authority chooses a handler from the ranked candidates and the request shows it", async () => {
    const page = currentPage();
    await signIn(page, "central.authority");
    await page.getByTestId("nav-mla").click();
    await page.getByTestId("mla-list-page").waitFor();
    await page.getByTestId("mla-row").first().waitFor();
    await page.getByTestId("mla-link").first().click();
    await page.getByTestId("mla-page").waitFor();

    const panel = page.getByTestId("mla-handler");
    await panel.waitFor();
    const candidates = panel.getByTestId("mla-handler-candidate");
    await candidates.first().waitFor();
    expect(await candidates.count()).toBeGreaterThanOrEqual(1);
    // ranks run 1, 2, … in the order shown
    const ranks = await candidates.evaluateAll((rows) =>
      rows.map((r) => Number(r.getAttribute("data-rank"))),
    );
    expect(ranks).toEqual(ranks.map((_, i) => i + 1));

    const row = panel.locator('[data-testid="mla-handler-candidate"][data-current="false"]').first();
    const userId = (await row.getAttribute("data-user-id")) ?? "";
    const name = await text(row.getByTestId("mla-handler-name"));
    expect(userId).not.toBe("");
    await row.getByTestId("mla-handler-choose").click();

    await expect.poll(() => panel.getAttribute("data-handler-id")).toBe(userId);
    await expect
      .poll(() =>
        panel
          .locator(`[data-testid="mla-handler-candidate"][data-user-id="${userId}"]`)
          .getAttribute("data-current"),
      )
      .toBe("true");
    expect(await text(page.getByTestId("mla-handler-current"))).toContain(name);
    await screenshot(page, "assignment-competence-1-mla-handler");
    await page.getByTestId("lang-ur").click();
    await page.waitForFunction(() => document.documentElement.lang === "ur");
    expect(await text(page.getByTestId("mla-handler-current"))).toContain(name);
    await screenshot(page, "assignment-competence-1-mla-handler-ur");
    await page.getByTestId("lang-en").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");

    // saved on the server: a reload shows the same handler
    await page.reload();
    await page.getByTestId("mla-handler-candidate").first().waitFor();
    expect(await page.getByTestId("mla-handler").getAttribute("data-handler-id")).toBe(userId);
  });
});

describe("assignment policy and officer profile", () => {
  it("the assigning officer sees the competence setting and an officer's competences", async () => {
    const page = currentPage();
    await signIn(page, "assigner.agp");
    await page.getByTestId("nav-assignment-policy").click();
    await page.getByTestId("policy-form").waitFor();
    const field = page.getByTestId("policy-competence-field");
    await field.waitFor();
    expect(await field.getAttribute("data-value")).toBe("prefer");
    expect(await page.getByTestId("policy-competence").inputValue()).toBe("Prefer");
    expect(await text(page.getByTestId("policy-competence-help"))).toContain("rank first");
    await screenshot(page, "assignment-competence-2-policy");

    await page.getByTestId("nav-assignment-officers").click();
    await page.getByTestId("officer-row").first().waitFor();
    await page.getByTestId("officer-link").first().click();
    await page.getByTestId("profile-name").waitFor();
    const competences = page.getByTestId("profile-competences");
    await competences.waitFor();
    expect(await text(competences)).toContain("Competences");
    const count = Number(await competences.getAttribute("data-count"));
    if (count === 0) await page.getByTestId("profile-competences-none").waitFor();
    else {
      expect(await page.getByTestId("profile-competence").count()).toBe(count);
      const href = await page.getByTestId("profile-competence-certificate").first().getAttribute("href");
      expect(href).toMatch(/^\/verify\/.+/);
    }
    await screenshot(page, "assignment-competence-3-profile");
    await page.getByTestId("lang-ur").click();
    await page.waitForFunction(() => document.documentElement.lang === "ur");
    expect(await text(page.getByTestId("profile-competences"))).toMatch(/[\u0600-\u06ff]/);
    await screenshot(page, "assignment-competence-3-profile-ur");
    await page.getByTestId("lang-en").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
  });
});
