import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import {
  focusedTestId,
  focusOutline,
  headingLevels,
  headingsInOrder,
  lowContrast,
  tabTo,
  unlabelledControls,
} from "./a11y.ts";
import { pagePerTest, screenshot, text } from "./browser.ts";

/**
 * The public face in a real browser, signed out (demo data): from the login page to case status by number,
 * W.P. No. 1234 of 2025 at the Islamabad High Court (Interior's), its status and next hearing; then the
 * ministry's public page, in English and Urdu; and the embeddable widget, which other sites may frame. Then the
 * same by keyboard alone with a court chosen, as a screen reader would meet it (labels, the announced result,
 * headings, contrast), and right to left in Urdu.
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

describe("public pages by keyboard and screen reader", () => {
  it("searches in one court by keyboard alone, announces the result, and reads right to left in Urdu", async () => {
    const page = currentPage();
    await page.goto("/public");
    const select = page.getByTestId("public-court");
    await select.waitFor();
    await page.waitForFunction(
      () => (document.querySelector("[data-testid=public-court]") as HTMLSelectElement).options.length > 10,
    );
    expect(await tabTo(page, "public-number")).toBe(true);
    await page.keyboard.type("W.P. No. 1234 of 2025");
    await page.keyboard.press("Tab");
    expect(await focusedTestId(page)).toBe("public-court");
    await page.keyboard.type("Islamabad High"); // the select's own type-ahead
    expect(await select.inputValue()).toBe("IHC");
    await page.keyboard.press("Tab");
    expect(await focusedTestId(page)).toBe("public-find");
    const ring = await focusOutline(page);
    expect(ring.style).toBe("solid");
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press("Enter");
    await page.waitForURL(/court=IHC/);

    // the polite status region says what the search found
    const announce = page.getByTestId("public-announce");
    expect(await announce.getAttribute("role")).toBe("status");
    expect(await announce.getAttribute("aria-live")).toBe("polite");
    await page.getByTestId("public-result-count").waitFor();
    expect(await text(announce)).toBe("1 case found.");
    const cards = page.getByTestId("public-case");
    expect(await cards.count()).toBe(1);
    expect(await text(cards.first())).toContain("Islamabad High Court");
    await screenshot(page, "public-keyboard-court");

    expect(await unlabelledControls(page)).toEqual([]);
    const levels = await headingLevels(page);
    expect(headingsInOrder(levels), levels.join(",")).toBe(true);
    expect(await lowContrast(page, "main")).toEqual([]);

    // an unknown court in a shared link: a plain message naming the court, not an error page
    await page.goto("/public?number=WP+1234%2F2025&court=NOPE");
    expect(await text(page.getByTestId("public-error"))).toContain("No such court");

    await page.goto("/public?number=WP+1234%2F2025&court=IHC");
    await page.getByTestId("public-result-count").waitFor();
    await page.getByTestId("lang-ur").click();
    await page.waitForFunction(() => document.documentElement.lang === "ur" && document.dir === "rtl");
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe("rtl");
    expect(await text(page.getByTestId("public-announce"))).toMatch(/^1 مقدمہ ملا۔$/);
    const chosen = await select.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent ?? "");
    expect(chosen).toMatch(/[\u0600-\u06ff]/);
    expect(await text(page.getByTestId("public-case-number"))).toBe("W.P. No. 1234 of 2025");
    expect(await lowContrast(page, "main")).toEqual([]);
    await screenshot(page, "public-keyboard-court-ur");
  });

  it("narrows the ministry's page and its widget to one court, and the widget works by keyboard", async () => {
    const page = currentPage();
    await page.goto("/public/organisations/INTERIOR");
    await page.getByTestId("public-pending-row").first().waitFor();
    await page.getByTestId("public-org-court").selectOption("IHC");
    await page.waitForURL(/court=IHC/);
    await page.waitForFunction(() =>
      [...document.querySelectorAll("[data-testid=public-pending-row] th")].every(
        (th) => th.getAttribute("data-court") === "IHC",
      ),
    );
    expect(await text(page.getByTestId("public-feed-url"))).toMatch(/feed\.json\?court=IHC$/);
    expect(await unlabelledControls(page)).toEqual([]);
    expect(headingsInOrder(await headingLevels(page))).toBe(true);
    expect(await lowContrast(page, "main")).toEqual([]);

    await page.goto("/public/widget/INTERIOR?lang=en&court=IHC");
    const widget = page.getByTestId("public-widget");
    await widget.getByTestId("public-pending-row").first().waitFor();
    expect(await tabTo(page, "public-pending-region", 3)).toBe(true); // the table, scrollable by arrows
    await page.keyboard.press("Tab");
    expect(await focusedTestId(page)).toBe("public-widget-full");
    expect((await focusOutline(page)).style).toBe("solid");
    const link = page.getByTestId("public-widget-full");
    expect(await text(link)).toMatch(/^All cases of .*Interior.*\(opens in a new tab\)$/);
    expect(await link.getAttribute("href")).toBe("/public/organisations/INTERIOR?court=IHC");
    expect(await lowContrast(page, "[data-testid=public-widget]")).toEqual([]);
  });
});
