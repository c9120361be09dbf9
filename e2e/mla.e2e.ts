import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { pagePerTest, screenshot as save, signIn, signOut, text } from "./browser.ts";

/**
 * The MLA register's first screens in a real browser against the real server (demo data): an FIA officer opens
 * a preservation request and lets the drafting assistant's findings guide the draft (the score rises as Budapest
 * Art. 29(2)'s contents are filled in), then opens an outgoing MLA request and takes it through the agency's
 * legal review to the Central Authority, which returns it for amendment with a reason. The history shows every
 * move with the role that made it. A Law Ministry user does not see the register at all.
 */
const baseUrl = inject("baseUrl");
const currentPage = pagePerTest({ beforeAll, afterAll, beforeEach, afterEach }, baseUrl);

/** A full-page screenshot from the top (the shell's fixed header otherwise lands mid-page). */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await save(page, name);
}

async function score(page: Page): Promise<number> {
  return Number(await page.getByTestId("mla-score").getAttribute("data-score"));
}

/** Opens a request of `kind` from the list page and waits for its page; returns its reference. */
async function openRequest(page: Page, kind: string, title: string): Promise<string> {
  await page.getByTestId("nav-mla").click();
  await page.getByTestId("mla-list-page").waitFor();
  await page.getByTestId("mla-new-kind").selectOption(kind);
  await page.getByTestId("mla-new-title").fill(title);
  await page.getByTestId("mla-new-submit").click();
  await page.getByTestId("mla-page").waitFor();
  await expect.poll(() => text(page.getByTestId("mla-title"))).toBe(title);
  return text(page.getByTestId("mla-reference"));
}

/** Clicks a move and waits until the page shows the new state. */
async function move(page: Page, to: string) {
  await page.getByTestId(`mla-move-${to}`).click();
  await expect.poll(() => page.getByTestId("mla-page").getAttribute("data-state")).toBe(to);
}

describe("MLA register", () => {
  it("drafts a preservation request with the assistant and takes an outgoing request to the Central Authority and back", async () => {
    const tag = Math.floor(Math.random() * 1_000_000);
    const page = currentPage();
    await signIn(page, "fia.agency");

    // A preservation request: the assistant names what Budapest Art. 29(2) asks for.
    await openRequest(page, "preservation", `Preserve posts of account ${tag}`);
    const errors = page.locator('[data-testid="mla-finding"][data-severity="error"]');
    await errors.first().waitFor();
    const sources = await page
      .locator('[data-testid="mla-finding"][data-severity="error"] [data-testid="mla-finding-source"]')
      .allTextContents();
    expect(sources.some((s) => s.includes("Budapest Art. 29(2)"))).toBe(true);
    const before = await score(page);
    expect(before).toBeLessThan(100);
    const mlaFollows = page.locator(
      '[data-testid="mla-finding"][data-rule="preservation_contents"][data-field="mlaWillFollow"]',
    );
    expect(await mlaFollows.count()).toBe(1);
    await screenshot(page, "mla-preservation-draft");

    // the wizard's steps: what a preservation asks for is under "Assistance"
    await page.getByTestId("mla-step-assistance-tab").click();
    await page.getByTestId("mla-draft-mlaWillFollow").check();
    await page
      .getByTestId("mla-draft-preservationNeed")
      .fill("The holder can delete the posts at any time; the provider keeps logs for 90 days.");
    await page.getByTestId("mla-draft-save").click();
    await expect.poll(() => score(page)).toBeGreaterThan(before);
    await expect.poll(() => mlaFollows.count()).toBe(0);
    await screenshot(page, "mla-preservation-saved");

    // An outgoing MLA request: the agency's legal review, then to the Central Authority.
    const reference = await openRequest(page, "mla_outgoing", `Subscriber records for account ${tag}`);
    expect(reference).not.toBe("");
    await move(page, "agency_legal_review");
    await move(page, "submitted_to_central_authority");
    // Now only the Central Authority moves it; the draft is no longer the agency's to edit.
    expect(await page.getByTestId("mla-moves-none").count()).toBe(1);
    await signOut(page);

    // The Central Authority takes it up and returns it, which needs a reason.
    await signIn(page, "central.authority");
    await page.getByTestId("nav-mla").click();
    await page.getByTestId("mla-filter-kind").selectOption("mla_outgoing");
    const exact = new RegExp(`^${reference.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
    await page.getByTestId("mla-link").filter({ hasText: exact }).click();
    await page.getByTestId("mla-page").waitFor();
    await move(page, "central_authority_review");
    const returnButton = page.getByTestId("mla-move-returned_for_amendment");
    expect(await returnButton.getAttribute("data-reason-required")).toBe("true");
    await returnButton.click();
    await page.getByTestId("mla-reason-error").waitFor();
    expect(await page.getByTestId("mla-page").getAttribute("data-state")).toBe("central_authority_review");
    const reason = "State the offence's maximum penalty and the dual-criminality analysis.";
    await page.getByTestId("mla-reason").fill(reason);
    await move(page, "returned_for_amendment");

    // The history: every move with the role that made it, the return with its reason.
    const rows = page.getByTestId("mla-history-row");
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(4);
    const moves = await rows.evaluateAll((els) =>
      els.map((e) => `${e.getAttribute("data-to")}:${e.getAttribute("data-role")}`),
    );
    expect(moves).toEqual(
      expect.arrayContaining([
        "agency_legal_review:requesting_agency",
        "submitted_to_central_authority:requesting_agency",
        "central_authority_review:central_authority",
        "returned_for_amendment:central_authority",
      ]),
    );
    const returned = page.locator('[data-testid="mla-history-row"][data-to="returned_for_amendment"]');
    expect(await text(returned.getByTestId("mla-history-reason"))).toBe(reason);
    expect(await text(returned.getByTestId("mla-history-role"))).toBe("Central Authority officer");
    await screenshot(page, "mla-returned");

    // The Urdu screen labels the state in Urdu, right to left.
    await page.getByTestId("lang-ur").click();
    await page.waitForFunction(() => document.documentElement.dir === "rtl");
    expect(await text(page.getByTestId("mla-state").first())).toBe("ترمیم کے لیے واپس");
    await screenshot(page, "mla-returned-ur");
    await page.getByTestId("lang-en").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
  });

  it("is not shown to a Law Ministry user", async () => {
    const page = currentPage();
    await signIn(page, "solicitor");
    await page.getByTestId("nav-cases").waitFor();
    expect(await page.getByTestId("nav-mla").count()).toBe(0);
  });
});
