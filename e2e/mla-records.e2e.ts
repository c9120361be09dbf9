import { createHash } from "node:crypto";
import fs from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { pagePerTest, screenshot as save, signIn, signOut, text } from "./browser.ts";

/**
 * The MLA screens around a request's draft, in a real browser: the evidence card (a file uploaded, its SHA-256,
 * the chain of custody with a re-hash, a certification), the Word and PDF exports, the named users, the
 * directory and the drafting rules the Central Authority keeps (an edit to a rule's words shows in a draft's
 * findings), and the Central Authority's figures. Agencies read the directory and rules but do not edit them.
 */
const baseUrl = inject("baseUrl");
const currentPage = pagePerTest({ beforeAll, afterAll, beforeEach, afterEach }, baseUrl);

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await save(page, name);
}

/** Opens a new request of `kind` from the list page; returns its reference. */
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

/** Clicks an export button and returns the download's suggested name and its bytes. */
async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  const filePath = await file.path();
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(filePath) };
}

// Rule 8's finding on an outgoing draft; neither mla.e2e.ts nor mla-drafting.e2e.ts reads its words.
const RULE = "dual_criminality";
const FINDING = "note_outgoing";

/** As the Central Authority on the rules page: sets the English message of rule 8's outgoing finding; returns the old one. */
async function setRuleMessage(page: Page, message: string): Promise<string> {
  await page.getByTestId("nav-mla-rules").click();
  const row = page.locator(`[data-testid="mla-rule-row"][data-code="${RULE}"]`);
  const version = Number(await row.getAttribute("data-version"));
  await row.getByTestId("mla-rule-edit").click();
  await page.getByTestId("mla-rule-edit-form").getByRole("button", { name: FINDING }).click();
  const old = await page.getByTestId(`finding-${FINDING}-message_en`).inputValue();
  await page.getByTestId(`finding-${FINDING}-message_en`).fill(message);
  await page.getByTestId("mla-rule-edit-submit").click();
  await page.getByTestId("mla-rule-edit-form").waitFor({ state: "detached" });
  await expect.poll(async () => Number(await row.getAttribute("data-version"))).toBe(version + 1);
  return old;
}

describe("MLA records, directory and figures", () => {
  it("an agency officer names a user, exports the request and records evidence with its custody and certification", async () => {
    const page = currentPage();
    const tag = Math.floor(Math.random() * 1_000_000);
    await signIn(page, "fia.agency");
    const reference = await openRequest(page, "mla_outgoing", `Records of account ${tag}`);

    // Named users: found by part of the name, named, listed
    const named = page.getByTestId("mla-named-user");
    const before = await named.count();
    await page.getByTestId("mla-named-search").fill("Imran Khattak");
    await page.getByTestId("mla-named-add").first().click();
    await expect.poll(() => named.count()).toBe(before + 1);
    expect(await named.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining("Muhammad Imran Khattak")]),
    );

    // Exports: named after the reference, a Word file (a zip) and a PDF
    const base = reference.replace(/[^A-Za-z0-9._-]+/g, "_");
    const docx = await download(page, "mla-export-docx");
    expect(docx.name).toBe(`${base}.docx`);
    expect(docx.bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const pdf = await download(page, "mla-export-pdf");
    expect(pdf.name).toBe(`${base}.pdf`);
    expect(pdf.bytes.subarray(0, 4).toString("latin1")).toBe("%PDF");

    // Evidence: a file uploaded; the hash shown is the SHA-256 of its bytes
    const bytes = Buffer.from(`Subscriber records for account ${tag}\nname,created\nSuspect B,2026-09-01\n`);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    await page.getByTestId("evidence-empty").waitFor();
    await page.getByTestId("evidence-add-open").click();
    const form = page.getByTestId("evidence-add-form");
    await page.getByTestId("evidence-label").fill("Subscriber records (CSV)");
    await page.getByTestId("evidence-source-name").fill("TikTok Pte. Ltd.");
    await page.getByTestId("evidence-received-by").fill("Asif Ali Jatoi");
    await form
      .locator('input[type="file"]')
      .setInputFiles({ name: "subscriber.csv", mimeType: "text/csv", buffer: bytes });
    await expect.poll(() => text(page.getByTestId("evidence-file"))).toContain("subscriber.csv");
    await page.getByTestId("evidence-add-submit").click();
    await form.waitFor({ state: "detached" });
    const item = page.getByTestId("evidence-item");
    await expect.poll(() => item.count()).toBe(1);
    expect(await text(item.getByTestId("evidence-sha256"))).toBe(sha256);
    expect(await item.getAttribute("data-sha256")).toBe(sha256);
    expect(await text(item.getByTestId("evidence-download"))).toBe("subscriber.csv");
    const receipts = await item.getByTestId("custody-entry").count();

    // Custody: handed over, then verified — the server re-hashes the stored file
    await item.getByTestId("custody-open").click();
    await page.getByTestId("custody-action").selectOption("transferred");
    await page.getByTestId("custody-from").fill("Asif Ali Jatoi");
    await page.getByTestId("custody-to").fill("Forensic lab, FIA Cyber Crime Wing");
    await page.getByTestId("custody-add-submit").click();
    await page.getByTestId("custody-add-form").waitFor({ state: "detached" });
    await expect.poll(() => item.getByTestId("custody-entry").count()).toBe(receipts + 1);
    await item.getByTestId("custody-open").click();
    await page.getByTestId("custody-action").selectOption("verified");
    await page.getByTestId("custody-rehash-note").waitFor();
    await page.getByTestId("custody-note").fill("Hash checked on arrival at the lab.");
    await page.getByTestId("custody-add-submit").click();
    await page.getByTestId("custody-add-form").waitFor({ state: "detached" });
    const verified = item.locator('[data-testid="custody-entry"][data-action="verified"]');
    await verified.waitFor();
    expect(await verified.getByTestId("custody-hash").getAttribute("data-verified")).toBe("true");
    const actions = await item
      .getByTestId("custody-entry")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-action")));
    expect(actions.slice(-2)).toEqual(["transferred", "verified"]);

    // Certification: the provider's certificate
    expect(await item.getByTestId("evidence-cert").getAttribute("data-kind")).toBe("none");
    await item.getByTestId("certify-open").click();
    await page.getByTestId("certify-kind").selectOption("provider_certificate");
    await page.getByTestId("certify-by").fill("Custodian of Records, TikTok Pte. Ltd.");
    await page.getByTestId("certify-submit").click();
    await page.getByTestId("certify-form").waitFor({ state: "detached" });
    await expect
      .poll(() => item.getByTestId("evidence-cert").getAttribute("data-kind"))
      .toBe("provider_certificate");
    expect(await text(item.getByTestId("evidence-cert-detail"))).toContain("Custodian of Records");
    await page.getByTestId("mla-evidence").scrollIntoViewIfNeeded();
    await screenshot(page, "mla-evidence");
  });

  it("the Central Authority edits the directory and a rule's words, which the agency's draft findings then use", async () => {
    const page = currentPage();
    const tag = Math.floor(Math.random() * 1_000_000);
    await signIn(page, "central.authority");

    // Directory: TikTok with its legal entities; its portal's name edited and saved
    await page.getByTestId("nav-mla-directory").click();
    await page.getByTestId("mla-directory-page").waitFor();
    await page.getByTestId("directory-tab-providers").click();
    const tiktok = page.locator('[data-testid="provider-card"][data-code="tiktok"]');
    await tiktok.waitFor();
    const entities = await tiktok.getByTestId("entity-name").allTextContents();
    expect(entities.some((e) => e.includes("TikTok Pte. Ltd"))).toBe(true);
    expect(entities.length).toBeGreaterThan(1);
    const portalName = `TikTok Law Enforcement Portal ${tag}`;
    await tiktok.getByTestId("entry-edit").first().click();
    const oldPortalName = await page.getByTestId("entry-portalName").inputValue();
    await page.getByTestId("entry-portalName").fill(portalName);
    await page.getByTestId("directory-entry-submit").click();
    await page.getByTestId("directory-entry-form").waitFor({ state: "detached" });
    await expect.poll(() => text(tiktok.getByTestId("portal-link"))).toBe(portalName);
    expect((await tiktok.getByTestId("entity-name").allTextContents()).length).toBe(entities.length);
    await screenshot(page, "mla-directory-providers");
    // put the old name back (an empty one is not kept: the link then shows the portal's address)
    await tiktok.getByTestId("entry-edit").first().click();
    await page.getByTestId("entry-portalName").fill(oldPortalName);
    await page.getByTestId("directory-entry-submit").click();
    await page.getByTestId("directory-entry-form").waitFor({ state: "detached" });
    await expect.poll(() => text(tiktok.getByTestId("portal-link"))).not.toBe(portalName);

    // Rules: rule 8's outgoing finding re-worded
    const reworded = `Say whether the conduct is also a crime in the requested state (${tag}).`;
    const original = await setRuleMessage(page, reworded);
    expect(original).not.toBe(reworded);
    await screenshot(page, "mla-rules");
    await signOut(page);

    // The agency reads the directory and rules without edit buttons; its new draft's findings use the new words
    await signIn(page, "fia.agency");
    await page.getByTestId("nav-mla-directory").click();
    await page.getByTestId("directory-tab-providers").click();
    await page.locator('[data-testid="provider-card"][data-code="tiktok"]').waitFor();
    expect(await page.getByTestId("entry-edit").count()).toBe(0);
    expect(await page.getByTestId("directory-add-provider").count()).toBe(0);
    await page.getByTestId("nav-mla-rules").click();
    await page.getByTestId("mla-rules-table").waitFor();
    expect(await page.getByTestId("mla-rule-edit").count()).toBe(0);
    await openRequest(page, "mla_outgoing", `Dual criminality ${tag}`);
    const finding = page.locator(`[data-testid="mla-finding"][data-rule="${RULE}"]`);
    await expect
      .poll(() => text(finding.getByTestId("mla-finding-message")), { timeout: 15_000 })
      .toBe(reworded);
    await screenshot(page, "mla-rule-reworded-finding");
    await signOut(page);

    // the Central Authority puts the words back
    await signIn(page, "central.authority");
    await setRuleMessage(page, original);
  });

  it("shows the Central Authority its figures, in Urdu too; an agency has no link to them", async () => {
    const page = currentPage();
    await signIn(page, "central.authority");
    await page.getByTestId("nav-mla-metrics").click();
    await page.getByTestId("mla-metrics-page").waitFor();
    for (const section of ["time", "rates", "pending", "ack", "expired"]) {
      await page.getByTestId(`mla-metrics-${section}`).waitFor();
    }
    await screenshot(page, "mla-metrics");

    await page.getByTestId("lang-ur").click();
    await page.waitForFunction(() => document.documentElement.dir === "rtl");
    expect(await text(page.getByTestId("mla-metrics-time").getByRole("heading"))).toBe(
      "ہر مرحلے میں وقت، جس کی باری تھی",
    );
    await screenshot(page, "mla-metrics-ur");
    await page.getByTestId("lang-en").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    await signOut(page);

    await signIn(page, "fia.agency");
    await page.getByTestId("nav-mla").waitFor();
    expect(await page.getByTestId("nav-mla-metrics").count()).toBe(0);
  });
});
