import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { pagePerTest, screenshot, text } from "./browser.ts";

/**
 * The public face in a real browser, signed out (demo data): from the login page to case status by number,
 * W.P. No. 1234 of 2025 at the Islamabad High Court (Interior's), its status and next hearing; then the
 * ministry's public page, in English and Urdu; and the embeddable widget, which other sites may frame.
 */
const baseUrl = inject("baseUrl");
const currentPage = pagePerTest({ beforeAll, afterAll, beforeEach, afterEach }, baseUrl);

describe("public case status (no login)", () => {
  it("finds a case by its number, shows status and next hearing, opens the ministry's page, reads it in Urdu", async () => {
    const page = currentPage();
    await page.goto("/login");
    await page.getByTestId("public-link").click();
    await page.waitForURL(/\/public$/);

    await page.getByTestId("public-number").fill("W.P. No. 1234 of 2025");
    await page.getByTestId("public-find").click();
    const card = page.getByTestId("public-case").filter({ hasText: "Islamabad" }).first();
    await card.waitFor();
    expect(await text(card.getByTestId("public-case-number"))).toBe("W.P. No. 1234 of 2025");
    expect(await card.getByTestId("public-case-status").getAttribute("data-status")).toBe("pending");
    // the private petitioner (Shahid Mehmood Abbasi in the demo) appears as initials only
    const title = await text(card.getByTestId("public-case-title"));
    expect(title).not.toContain("Shahid");
    expect(title).toMatch(/^S\. M\. A\. v\. /);

    // the next hearing shown is the API's (the demo fixes hearings for about half the pending cases)
    const api = await page.evaluate(async () => {
      const res = await fetch("/api/v1/public/cases?number=WP%201234%2F2025&court=IHC");
      return (await res.json()).items[0] as { nextHearingDate: string | null };
    });
    const shown = card.getByTestId("public-case-next-hearing");
    expect(await shown.getAttribute("data-date")).toBe(api.nextHearingDate ?? "");
    expect(await text(shown)).toMatch(api.nextHearingDate ? /\d{4}/ : /^Not fixed$/);

    // written another way, the same case
    await page.getByTestId("public-number").fill("wp 1234/2025");
    await page.getByTestId("public-find").click();
    await page.waitForURL(/number=wp/);
    await page.getByTestId("public-case").filter({ hasText: "Islamabad" }).first().waitFor();
    await screenshot(page, "public-case-status");

    // an unknown number: a plain message, not an error page
    await page.getByTestId("public-number").fill("W.P. No. 9999999 of 1990");
    await page.getByTestId("public-find").click();
    await page.getByTestId("public-error").waitFor();

    await page.getByTestId("public-number").fill("W.P. No. 1234 of 2025");
    await page.getByTestId("public-find").click();
    await page
      .getByTestId("public-case")
      .filter({ hasText: "Islamabad" })
      .first()
      .getByTestId("public-case-organisation")
      .click();
    await page.waitForURL(/\/public\/organisations\/INTERIOR$/);
    await page.getByTestId("public-organisation").waitFor();
    expect(await text(page.getByTestId("public-organisation-name"))).toContain("Interior");
    expect(await page.getByTestId("public-pending-row").count()).toBeGreaterThan(0);
    const pending = Number(await text(page.getByTestId("public-by-status-pending")));
    expect(pending).toBeGreaterThan(0);
    await screenshot(page, "public-organisation-en");

    await page.getByTestId("lang-ur").click();
    await page.waitForFunction(() => document.documentElement.lang === "ur" && document.dir === "rtl");
    await page.getByText("صورتحال کے لحاظ سے مقدمات").waitFor();
    expect(await text(page.getByTestId("public-organisation-name"))).toMatch(/[\u0600-\u06ff]/);
    await screenshot(page, "public-organisation-ur");
    // still signed out: no session was ever needed
    expect(page.url()).toContain("/public/organisations/INTERIOR");
  });

  it("serves the widget for an iframe on another site", async () => {
    const page = currentPage();
    const response = await page.goto("/public/widget/INTERIOR?lang=en");
    expect(response?.status()).toBe(200);
    expect(response?.headers()["x-frame-options"]).toBeUndefined();
    expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors *");
    await page.getByTestId("public-widget").getByTestId("public-pending-row").first().waitFor();
    await screenshot(page, "public-widget");
  });
});
