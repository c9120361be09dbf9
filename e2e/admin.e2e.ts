import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { pagePerTest, screenshot, signIn, text } from "./browser.ts";

/**
 * Administration in a real browser against the real server (demo data): the administrator creates an
 * organisation and finds it in the list, then adds an alias to a case type in the reference data and sees
 * it saved (also after a reload).
 */
const baseUrl = inject("baseUrl");

const currentPage = pagePerTest({ beforeAll, afterAll, beforeEach, afterEach }, baseUrl);

describe("organisations", () => {
  it("the administrator creates an organisation and sees it in the list; a second one with the same code is refused", async () => {
    const n = 1000 + Math.floor(Math.random() * 9000);
    const code = `E2E-${n}`;
    const nameEn = `Directorate of Test Records ${n}`;
    const nameUr = `ڈائریکٹوریٹ برائے آزمائشی ریکارڈ ${n}`;
    const page = currentPage();

    await signIn(page, "admin");
    await page.getByTestId("nav-organisations").click();
    await page.getByTestId("org-table").waitFor();
    expect(await page.getByTestId("org-row").count()).toBeGreaterThan(10);

    await page.getByTestId("org-new").click();
    const form = page.getByTestId("org-create-form");
    await form.waitFor();
    await page.getByTestId("org-code").fill(code.toLowerCase()); // upper-cased as typed
    await page.getByTestId("org-name-en").fill(nameEn);
    await page.getByTestId("org-name-ur").fill(nameUr);
    await page.getByTestId("org-kind").selectOption("attached_department");
    await page.getByTestId("org-parent").click();
    await page.getByRole("option", { name: /Ministry of Interior \(INTERIOR\)/ }).click();
    await screenshot(page, "admin-1-org-create");
    await page.getByTestId("org-create-submit").click();
    await form.waitFor({ state: "detached" });

    // Find it by its code.
    await page.getByTestId("org-search").fill(code);
    const row = page.locator(`[data-testid="org-row"][data-code="${code}"]`);
    await row.waitFor();
    await expect.poll(() => page.getByTestId("org-row").count()).toBe(1);
    const rowText = await text(row);
    expect(rowText).toContain(nameEn);
    expect(rowText).toContain(nameUr);
    expect(rowText).toContain("Attached department");
    expect(rowText).toContain("Ministry of Interior");
    expect(await row.getByTestId("org-active").getAttribute("data-active")).toBe("true");
    await screenshot(page, "admin-2-org-listed");

    // In Urdu the Urdu name comes first.
    await page.getByTestId("lang-ur").click();
    await page.waitForFunction(() => document.documentElement.dir === "rtl");
    const cells = async () => (await row.locator("td").allTextContents()).map((s) => s.trim());
    await expect.poll(async () => (await cells())[1]).toBe(nameUr);
    expect((await cells())[2]).toBe(nameEn);
    await screenshot(page, "admin-2-org-listed-ur");
    await page.getByTestId("lang-en").click();
    await page.waitForFunction(() => document.documentElement.dir === "ltr");

    // The same code again: a clear conflict on the code field.
    await page.getByTestId("org-new").click();
    await page.getByTestId("org-code").fill(code);
    await page.getByTestId("org-name-en").fill(`${nameEn} (again)`);
    await page.getByTestId("org-create-submit").click();
    const error = page.getByTestId("org-create-error");
    await error.waitFor();
    expect(await error.getAttribute("data-code")).toBe("code_taken");
    expect(await text(error)).toContain("already in use");
    await page.keyboard.press("Escape");
    await page.getByTestId("org-create-form").waitFor({ state: "detached" });

    // Deactivate it through the edit modal.
    await row.getByTestId("org-edit").click();
    await page.getByTestId("org-edit-form").waitFor();
    await page.locator('label:has([data-testid="org-edit-active"])').click();
    await page.getByTestId("org-edit-submit").click();
    await page.getByTestId("org-edit-form").waitFor({ state: "detached" });
    await expect.poll(() => row.getByTestId("org-active").getAttribute("data-active")).toBe("false");
  });
});

describe("reference data", () => {
  it("the administrator adds an alias to a case type and sees it saved", async () => {
    const alias = `Intra Ct. Appeal ${Math.floor(Math.random() * 9000) + 1000}`;
    const page = currentPage();
    await signIn(page, "admin");
    await page.getByTestId("nav-reference").click();

    // Courts first: each has its V/S/U marker, with the source in its tooltip.
    const sc = page.locator('[data-testid="court-item"][data-code="SC"]');
    await sc.waitFor();
    const marker = sc.getByTestId("court-status");
    expect(["V", "S", "U"]).toContain(await marker.getAttribute("data-status"));
    await marker.hover();
    await expect.poll(() => text(page.getByRole("tooltip"))).toMatch(/Source: /);
    expect(await sc.getByTestId("bench-row").count()).toBeGreaterThan(1);
    await screenshot(page, "admin-3-courts");

    await page.getByTestId("ref-tab-case-types").click();
    const row = page.locator('[data-testid="case-type-row"][data-code="ICA"]');
    await row.waitFor();
    expect(await text(row.getByTestId("case-type-aliases"))).not.toContain(alias);
    await row.getByTestId("case-type-edit").click();
    const form = page.getByTestId("case-type-edit-form");
    await form.waitFor();
    const aliases = page.getByTestId("case-type-edit-aliases");
    await aliases.fill(alias);
    await aliases.press("Enter");
    await expect.poll(() => text(form)).toContain(alias); // the new tag
    await screenshot(page, "admin-4-case-type-alias");
    await page.getByTestId("case-type-edit-submit").click();
    await form.waitFor({ state: "detached" });
    await expect.poll(() => text(row.getByTestId("case-type-aliases"))).toContain(alias);

    // Saved on the server: still there after a reload.
    await page.reload();
    await row.waitFor();
    await expect.poll(() => text(row.getByTestId("case-type-aliases"))).toContain(alias);
    expect(page.url()).toContain("tab=case-types");
    await screenshot(page, "admin-5-case-type-saved");
  });
});
