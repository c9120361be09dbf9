import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { pagePerTest, screenshot as save, signIn, signOut, text } from "./browser.ts";

/**
 * Issue 5's browser walk: an FIA officer drafts a preservation request for a TikTok account step by step, reads
 * the drafting assistant's findings (checked as she types, before anything is saved), fixes them and submits; a
 * Central Authority officer approves and transmits it; the preservation's expiry alert is then scheduled.
 */
const baseUrl = inject("baseUrl");
const currentPage = pagePerTest({ beforeAll, afterAll, beforeEach, afterEach }, baseUrl);

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await save(page, name);
}

const errors = (page: Page) => page.locator('[data-testid="mla-finding"][data-severity="error"]');
const finding = (page: Page, rule: string, field: string) =>
  page.locator(`[data-testid="mla-finding"][data-rule="${rule}"][data-field="${field}"]`);
const step = (page: Page, name: string) => page.getByTestId(`mla-step-${name}-tab`).click();

async function move(page: Page, to: string) {
  await page.getByTestId(`mla-move-${to}`).click();
  await expect.poll(() => page.getByTestId("mla-page").getAttribute("data-state")).toBe(to);
}

describe("MLA drafting assistant", () => {
  it("an FIA officer drafts a TikTok preservation, fixes the findings and submits; the Central Authority approves and transmits it", async () => {
    const page = currentPage();
    const title = `Preservation — TikTok account ${Math.floor(Math.random() * 1_000_000)}`;
    await signIn(page, "fia.agency");
    await page.getByTestId("nav-mla").click();
    await page.getByTestId("mla-new-kind").selectOption("preservation");
    await page.getByTestId("mla-new-title").fill(title);
    await page.getByTestId("mla-new-submit").click();
    await page.getByTestId("mla-page").waitFor();
    const reference = await text(page.getByTestId("mla-reference"));
    // the assistant checks live, with the rules and directory the Central Authority keeps
    await expect.poll(() => page.getByTestId("mla-draft-form").getAttribute("data-live")).toBe("true");
    await expect.poll(() => errors(page).count()).toBeGreaterThan(5);
    expect(await text(page.getByTestId("mla-step-count-case"))).toMatch(/to fix/);
    const sources = await page.getByTestId("mla-finding-source").allTextContents();
    expect(sources.some((s) => s.includes("Budapest Art. 29(2)"))).toBe(true);
    await screenshot(page, "mla-wizard-empty");

    // Parties: TikTok, and the entity the directory names for a user in Pakistan
    await page.getByTestId("mla-draft-provider").selectOption("tiktok");
    await page.getByTestId("mla-draft-requestedState").fill("SG");
    await page.getByTestId("mla-draft-agency").fill("FIA Counter Terrorism Wing");
    await page.getByTestId("mla-draft-firNumber").fill("12/2026");

    // Subjects: the account, precisely — username and numeric ID
    await step(page, "subjects");
    await page.getByTestId("mla-subjects-add").click();
    await page.getByTestId("mla-draft-subjectName").fill("Suspect B");
    await page.getByTestId("mla-draft-userLocation").fill("PK");
    await page.getByTestId("mla-draft-identifierValue").first().fill("@suspect_b");
    await page.getByTestId("mla-identifiers-0-add").click();
    await page.getByTestId("mla-draft-identifierValue").nth(1).fill("6812345678901234567");
    await step(page, "parties");
    await page.getByTestId("mla-entity-suggestion").waitFor();
    expect(await text(page.getByTestId("mla-entity-suggestion"))).toContain("TikTok Pte. Ltd");
    await page.getByTestId("mla-entity-use").click();

    // Offence and facts
    await step(page, "case");
    await page.getByTestId("mla-offences-add").click();
    await page.getByTestId("mla-draft-provision").fill("Anti-Terrorism Act 1997 s.11N");
    await page.getByTestId("mla-draft-description").fill("Financing of terrorism");
    await page.getByTestId("mla-draft-maximumPenalty").fill("10 years");
    await page
      .getByTestId("mla-draft-facts")
      .fill("The account solicited donations for a proscribed organisation in September and October 2026.");
    await page
      .getByTestId("mla-draft-evidenceLink")
      .fill("Its posts and subscriber records identify who ran the fundraising.");
    await expect.poll(() => page.getByTestId("mla-step-count-case").count()).toBe(0);

    // Assistance: what is preserved, why, and that the MLA request follows
    await step(page, "assistance");
    await page.getByTestId("mla-draft-data-subscriber").check();
    await page.getByTestId("mla-draft-data-traffic").check();
    await page.getByTestId("mla-draft-mlaWillFollow").check();
    await page.getByTestId("mla-draft-preservationNeed").fill("The holder can delete the posts at any time.");
    await page
      .getByTestId("mla-draft-confidentiality")
      .fill("Do not notify the account holder; the investigation is confidential (MLA Act 2020 s.18).");
    await page.getByTestId("mla-draft-urgency").selectOption("urgent");
    await page.getByTestId("mla-draft-urgencyReasons").fill("Posts are being deleted.");
    // an urgent request without a time limit is a warning (rule 10); the limit clears it
    await expect.poll(() => finding(page, "urgency_language", "urgency.timeLimit").count()).toBe(1);
    await page.getByTestId("mla-draft-timeLimit").fill("2026-12-15");
    await step(page, "parties");
    await page.getByTestId("mla-draft-language").fill("en");
    await expect.poll(() => errors(page).count()).toBe(0);
    expect(await finding(page, "preservation_contents", "mlaWillFollow").count()).toBe(0);
    await page.getByTestId("mla-draft-save").click();
    await expect
      .poll(async () => Number(await page.getByTestId("mla-score").getAttribute("data-score")))
      .toBe(100);
    await screenshot(page, "mla-wizard-complete");
    await move(page, "submitted_to_central_authority");
    await signOut(page);

    // The Central Authority approves and transmits it; the expiry alert is scheduled as it leaves
    await signIn(page, "central.authority");
    await page.getByTestId("nav-mla").click();
    await page.getByTestId("mla-list-page").waitFor();
    await page.getByTestId("mla-link").filter({ hasText: reference }).click();
    await page.getByTestId("mla-page").waitFor();
    await move(page, "approved");
    await move(page, "sent");
    await page.getByTestId("mla-expiry-alert").waitFor();
    expect(await page.getByTestId("mla-expiry-alert").getAttribute("data-alert-on")).toMatch(
      /^\d{4}-\d{2}-\d{2}$/,
    );
    await screenshot(page, "mla-transmitted-alert");

    // in Urdu, the steps and findings speak Urdu at once, without a reload
    await page.getByTestId("lang-ur").click();
    await page.waitForFunction(() => document.documentElement.dir === "rtl");
    expect(await text(page.getByTestId("mla-step-parties-tab"))).toContain("فریقین");
    await screenshot(page, "mla-transmitted-ur");
    await page.getByTestId("lang-en").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
  });
});
