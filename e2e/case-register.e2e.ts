import type { Locator } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../server/modules/demo/demo.seed.ts";
import { pagePerTest, screenshot, signIn, signOut, text } from "./browser.ts";

/**
 * The walk through the case register, in a real browser against the real server (demo data):
 * a ministry focal person registers a case, finds it again by its number written differently, opens it, and
 * reads it in Urdu. Then user administration: the administrator sees Interior's pending registrations and
 * Interior's nodal officer approves one.
 */
const baseUrl = inject("baseUrl");
const URDU = /[\u0600-\u06FF]/;

const currentPage = pagePerTest({ beforeAll, afterAll, beforeEach, afterEach }, baseUrl);

/** Waits until the page's text matches, polling; returns the text. */
async function waitForText(locator: Locator, pattern: RegExp) {
  await expect.poll(() => text(locator), { timeout: 20_000 }).toMatch(pattern);
}

describe("case register", () => {
  it("a focal person registers a case, finds it by its number written differently, and reads it in Urdu", async () => {
    const number = 100_000 + Math.floor(Math.random() * 900_000);
    const petitioner = `Muhammad Ather Khan ${number}`;
    const respondent = "Federation of Pakistan through Secretary, Ministry of Interior";
    const title = `${petitioner} v. Federation of Pakistan`;
    const page = currentPage();

    await signIn(page, "focal.interior");

    // Register the case.
    await page.getByTestId("nav-new-case").click();
    await page.getByTestId("case-form").waitFor();
    await page.getByTestId("case-court").selectOption({ label: "Islamabad High Court" });
    await page.getByTestId("case-type").selectOption({ label: "W.P. — Writ Petition" });
    await page.getByTestId("case-number").fill(String(number));
    await page.getByTestId("case-year").fill("2025");
    await expect.poll(() => text(page.getByTestId("case-number-preview"))).toBe(`W.P. No. ${number} of 2025`);
    await expect(await page.getByTestId("party-row").count()).toBe(2);
    await page.getByTestId("party-side-0").selectOption("petitioner");
    await page.getByTestId("party-name-0").fill(petitioner);
    await page.getByTestId("party-side-1").selectOption("respondent");
    await page.getByTestId("party-name-1").fill(respondent);
    await page.getByTestId("case-title-input").fill(title);
    await page.getByTestId("case-category").selectOption("service");
    await page.getByTestId("case-subject").fill("Seniority list of Assistant Directors, BS-17, 2019 batch.");
    await screenshot(page, "case-register-1-form-en");
    await page.getByTestId("case-submit").click();

    // The new case's page.
    await waitForText(page.getByTestId("case-title"), new RegExp(`^${escapeRegExp(title)}$`));
    const createdUrl = page.url();
    expect(createdUrl).toMatch(/\/cases\/[0-9a-f-]{36}/);

    // Find it from the list, its number written another way.
    await page.getByTestId("nav-cases").click();
    await page.getByTestId("case-search").fill(`wp ${number}/2025`);
    await page.getByTestId("case-search").press("Enter");
    await expect.poll(() => page.getByTestId("case-total").getAttribute("data-total")).toBe("1");
    await expect.poll(() => page.getByTestId("case-row").count()).toBe(1);
    const row = page.getByTestId("case-row");
    expect(await text(row)).toContain(`${number}`);
    expect(await text(row)).toContain(title);
    await screenshot(page, "case-register-2-list-en");

    // Open it: the title, and both parties in order.
    await page.getByTestId("case-link").click();
    await waitForText(page.getByTestId("case-title"), new RegExp(`^${escapeRegExp(title)}$`));
    expect(page.url()).toBe(createdUrl);
    expect(await text(page.getByTestId("case-number"))).toContain(`W.P. No. ${number} of 2025`);
    const parties = page.getByTestId("case-party");
    await expect.poll(() => parties.count()).toBe(2);
    expect(await text(parties.nth(0))).toContain(petitioner);
    expect(await text(parties.nth(1))).toContain(respondent);
    await screenshot(page, "case-register-3-case-en");

    // Urdu: right to left, and the page is in Urdu.
    await page.getByTestId("lang-ur").click();
    await page.waitForFunction(() => document.documentElement.dir === "rtl");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("ur");
    await waitForText(page.getByTestId("nav-cases"), URDU);
    expect(await text(page.getByTestId("nav-cases"))).toContain("مقدمات");
    expect(await text(page.getByTestId("case-court-name"))).toMatch(URDU);
    // User data stays as entered.
    expect(await text(page.getByTestId("case-title"))).toBe(title);
    expect(await text(parties.nth(0))).toContain(petitioner);
    await screenshot(page, "case-register-4-case-ur");

    // The list in Urdu too (the choice is saved on the profile, so it survives navigation).
    await page.getByTestId("nav-cases").click();
    await page.getByTestId("case-table").waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await screenshot(page, "case-register-5-list-ur");

    // Back to English for the next run of this account.
    await page.getByTestId("lang-en").click();
    await page.waitForFunction(() => document.documentElement.dir === "ltr");
    await signOut(page);
  });
});

describe("user administration", () => {
  const INTERIOR_PENDING = ["ayesha.rana", "waqas.bhatti"];

  it("the administrator sees Interior's two pending registrations, and Interior's nodal officer approves one", async () => {
    const page = currentPage();
    await signIn(page, "admin");
    await page.getByTestId("nav-users").click();
    await page.getByTestId("user-table").waitFor();
    // Only those awaiting approval.
    await page.getByTestId("user-filter-status").click();
    await page.getByRole("option", { name: "Awaiting approval" }).click();
    const pendingRows = async () => {
      const rows = await page.getByTestId("user-row").all();
      const out: { username: string; text: string }[] = [];
      for (const r of rows) {
        out.push({ username: (await r.getAttribute("data-username")) ?? "", text: await text(r) });
      }
      return out;
    };
    const onlyPending = async () => {
      const rows = await pendingRows();
      return rows.length > 0 && rows.every((r) => /Awaiting approval/.test(r.text));
    };
    await expect.poll(onlyPending).toBe(true);
    const interior = (await pendingRows()).filter((r) => /Interior/.test(r.text));
    expect(interior.map((r) => r.username).sort()).toEqual(INTERIOR_PENDING);
    await screenshot(page, "users-1-admin-pending-en");
    await signOut(page);

    // Interior's nodal officer approves one of them. The Users link shows that two are waiting, and the page
    // opens on them.
    await signIn(page, "nodal.interior");
    await expect.poll(() => page.getByTestId("nav-users-pending").getAttribute("data-count")).toBe("2");
    await page.getByTestId("nav-users").click();
    await expect.poll(() => page.getByTestId("user-filter-status").inputValue()).toBe("Awaiting approval");
    const ayesha = page.locator('[data-testid="user-row"][data-username="ayesha.rana"]');
    const waqas = page.locator('[data-testid="user-row"][data-username="waqas.bhatti"]');
    await ayesha.getByTestId("user-approve").waitFor();
    await waqas.getByTestId("user-approve").waitFor();
    expect(await page.getByTestId("user-row").count()).toBe(2);
    await screenshot(page, "users-2-nodal-pending-en");
    await ayesha.getByTestId("user-approve").click();
    // Approved: her row no longer offers approval and says Active (unless the list shows only pending
    // registrations, in which case she leaves it); the other registration is still waiting.
    await expect
      .poll(async () => ((await ayesha.count()) === 0 ? "gone" : text(ayesha)), { timeout: 20_000 })
      .toMatch(/^gone$|Active/);
    expect(await ayesha.getByTestId("user-approve").count()).toBe(0);
    expect(await waqas.getByTestId("user-approve").isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId("nav-users-pending").getAttribute("data-count")).toBe("1");
    await screenshot(page, "users-3-nodal-approved-en");

    // And she can now sign in.
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "ayesha.rana", password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
  });
});

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
