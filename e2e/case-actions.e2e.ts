import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { pagePerTest, screenshot, signIn, signOut, text } from "./browser.ts";

/**
 * Actions on a case in a real browser against the real server (demo data): the Solicitor assigns a law
 * officer and returns the case to the queue; a ministry focal person registers a confidential case and names
 * a colleague on it; a document is uploaded and listed.
 */
const baseUrl = inject("baseUrl");
const OFFICER = "Syed Kamran Haider Shah"; // officer.agp1
const COLLEAGUE = "Nadia Sarfraz Cheema"; // nodal.interior

const currentPage = pagePerTest({ beforeAll, afterAll, beforeEach, afterEach }, baseUrl);

/** Opens the first case of a list URL and returns the case page's URL. */
async function openFirstCase(page: Page, listUrl: string): Promise<string> {
  await page.goto(listUrl);
  await page.getByTestId("case-table").waitFor();
  await page.getByTestId("case-link").first().click();
  await page.getByTestId("case-title").waitFor();
  return page.url();
}

describe("assignment", () => {
  it("the Solicitor assigns a law officer with a reason, sees it in the panel and the history, then unassigns", async () => {
    const reason = `Senior officer needed before the Islamabad High Court (${Date.now()}).`;
    const page = currentPage();
    await signIn(page, "solicitor");
    await openFirstCase(page, "/cases?assignedTo=unassigned");
    await page.getByTestId("tab-assignment").click();
    await expect.poll(() => text(page.getByTestId("assignment-current"))).toBe("Not assigned");

    await page.getByTestId("assign-officer").click();
    await page.getByRole("option", { name: new RegExp(OFFICER) }).click();
    await page.getByTestId("assign-reason").fill(reason);
    await page.getByTestId("assign-submit").click();
    await expect.poll(() => text(page.getByTestId("assignment-current"))).toBe(OFFICER);
    const history = page.getByTestId("assignment-history");
    await expect.poll(() => text(history)).toContain(reason);
    expect(await text(history)).toContain(OFFICER);
    await screenshot(page, "case-actions-1-assigned");

    // The case's history records it, with the reason.
    await page.getByTestId("tab-history").click();
    const assigned = page.locator('[data-testid="history-item"][data-action="case.assigned"]').first();
    await assigned.waitFor();
    expect(await text(assigned)).toContain("Law officer assigned");
    expect(await text(assigned)).toContain(reason);
    expect(await text(assigned)).toContain(OFFICER);

    // Unassign: back to the queue, with a reason.
    await page.getByTestId("tab-assignment").click();
    await page.getByTestId("unassign").click();
    await page.getByTestId("unassign-form").waitFor();
    expect(await page.getByTestId("unassign-submit").isDisabled()).toBe(true);
    await page.getByTestId("unassign-reason").fill("Officer on leave; to be reassigned.");
    await page.getByTestId("unassign-submit").click();
    await page.getByTestId("unassign-form").waitFor({ state: "detached" });
    await expect.poll(() => text(page.getByTestId("assignment-current"))).toBe("Not assigned");
    expect(await page.getByTestId("unassign").count()).toBe(0);
    await page.getByTestId("tab-history").click();
    await expect
      .poll(() => text(page.getByTestId("history-item").first()))
      .toContain("Law officer unassigned");
    await screenshot(page, "case-actions-2-unassigned");
  });
});

describe("confidential access", () => {
  it("a focal person registers a confidential case and names a colleague, who can then open it", async () => {
    const number = 100_000 + Math.floor(Math.random() * 900_000);
    const title = `Confidential Petitioner ${number} v. Federation of Pakistan`;
    const page = currentPage();
    await signIn(page, "focal.interior");
    await page.getByTestId("nav-new-case").click();
    await page.getByTestId("case-form").waitFor();
    await page.getByTestId("case-court").selectOption({ label: "Islamabad High Court" });
    await page.getByTestId("case-type").selectOption({ label: "W.P. — Writ Petition" });
    await page.getByTestId("case-number").fill(String(number));
    await page.getByTestId("case-year").fill("2025");
    await page.getByTestId("party-name-0").fill(`Confidential Petitioner ${number}`);
    await page
      .getByTestId("party-name-1")
      .fill("Federation of Pakistan through Secretary, Ministry of Interior");
    await page.getByTestId("case-title-input").fill(title);
    await page.getByTestId("case-category").selectOption("service");
    await page.getByTestId("case-flag-confidential").check();
    await page.getByTestId("case-submit").click();
    await expect.poll(() => text(page.getByTestId("case-title"))).toBe(title);
    const caseUrl = page.url();
    await page.getByTestId("flag-confidential").waitFor();

    // Only the registering user is named, and cannot remove themselves.
    const panel = page.getByTestId("access-panel");
    await panel.waitFor();
    await expect.poll(() => panel.getByTestId("access-person").count()).toBe(1);
    expect(await text(panel.getByTestId("access-person"))).toContain("Muhammad Imran Khattak");
    expect(await panel.getByTestId("access-remove").count()).toBe(0);

    // Name a colleague.
    await page.getByTestId("access-search").fill("Nadia");
    const candidate = page.getByTestId("access-candidate").filter({ hasText: COLLEAGUE });
    await candidate.waitFor();
    await candidate.getByTestId("access-add").click();
    await expect.poll(() => panel.getByTestId("access-person").count()).toBe(2);
    const nadia = panel.getByTestId("access-person").filter({ hasText: COLLEAGUE });
    await nadia.getByTestId("access-remove").waitFor();
    await screenshot(page, "case-actions-3-access");
    await signOut(page);

    // She can now open it.
    await signIn(page, "nodal.interior");
    await page.goto(caseUrl);
    await expect.poll(() => text(page.getByTestId("case-title"))).toBe(title);
  });
});

describe("documents", () => {
  it("a focal person uploads a small PDF on a case and sees it listed", async () => {
    const docTitle = `Para-wise comments ${Date.now()}`;
    const pdf = Buffer.from(
      "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n" +
        "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n" +
        "trailer<</Root 1 0 R>>\n%%EOF\n",
      "latin1",
    );
    const page = currentPage();
    await signIn(page, "focal.interior");
    await openFirstCase(page, "/cases");
    await page.getByTestId("tab-documents").click();
    const form = page.getByTestId("upload-form");
    await form.waitFor();
    await page.getByTestId("doc-kind").selectOption("para_wise_comments");
    await page.getByTestId("doc-title").fill(docTitle);
    await form.locator("input[type=file]").setInputFiles({
      name: "para-wise-comments.pdf",
      mimeType: "application/pdf",
      buffer: pdf,
    });
    await page.getByTestId("doc-upload-submit").click();
    const item = page.getByTestId("document-item").filter({ hasText: docTitle });
    await item.waitFor();
    expect(await page.getByTestId("upload-error").count()).toBe(0);
    await item.click();
    await expect
      .poll(() => text(item.getByTestId("document-version").first()))
      .toContain("para-wise-comments.pdf");
    await screenshot(page, "case-actions-4-document");
  });
});
