import fs from "node:fs";
import type { Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { pagePerTest, screenshot, signIn, text } from "./browser.ts";

/**
 * Training administration (issue 9) in a real browser against the demo data: the administrator creates a
 * competence and a module granting it (two pages, two questions), publishes it and finds it in the learners'
 * catalogue; revokes a seeded certificate and sees it marked revoked; and downloads the completion report as CSV.
 */
const baseUrl = inject("baseUrl");
const currentPage = pagePerTest({ beforeAll, afterAll, beforeEach, afterEach }, baseUrl);

/** A 1×1 transparent PNG: attachments are typed by their content (PDF, DOCX, PNG, JPEG). */
const PNG_1X1 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

/**
 * Makes sure the signed-in administrator holds a certificate of a seeded module, through the API the learner's
 * screens use: reads the right answers from the editor's view, reads every page, and passes the quiz.
 */
async function earnCertificate(page: Page, moduleCode: string): Promise<void> {
  const result = await page.evaluate(async (code) => {
    const { csrfToken } = await (await fetch("/api/v1/auth/session")).json();
    const send = (path: string, body: unknown) =>
      fetch(`/api/v1${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": csrfToken },
        body: JSON.stringify(body),
      });
    const list = await (await fetch("/api/v1/training/modules")).json();
    const found = list.items.find((m: { code: string }) => m.code === code);
    const module = await (await fetch(`/api/v1/training/modules/${found.id}/edit`)).json();
    for (const p of module.pages) await send(`/training/modules/${module.id}/pages/${p.id}/read`, {});
    const attempt = await send(`/training/modules/${module.id}/attempts`, {
      moduleVersion: module.version,
      answers: module.questions.map((q: { id: string; correct: number[] }) => ({
        questionId: q.id,
        chosen: q.correct,
      })),
    });
    return { status: attempt.status, body: await attempt.json() };
  }, moduleCode);
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  expect(result.body.certificate).not.toBeNull();
}

async function openTrainingAdmin(page: Page) {
  await page.getByTestId("nav-training-admin").click();
  await page.getByTestId("training-admin-page").waitFor();
}

async function fillQuestion(q: Locator, prompt: string, options: string[], correct: number[]) {
  await q.getByTestId("question-prompt").fill(prompt);
  while ((await q.getByTestId("question-option").count()) < options.length)
    await q.getByTestId("question-option-add").click();
  for (const [i, option] of options.entries()) {
    const row = q.getByTestId("question-option").nth(i);
    await row.getByTestId("question-option-text").fill(option);
    if (correct.includes(i)) await row.getByTestId("question-option-correct").check();
  }
}

describe("training administration", () => {
  it("creates a competence and a published module with two pages and two questions, seen in the catalogue", async () => {
    const n = 1000 + Math.floor(Math.random() * 9000);
    const competenceCode = `e2e_competence_${n}`;
    const moduleCode = `e2e-module-${n}`;
    const title = `Filing replies on time ${n}`;
    const page = currentPage();
    await signIn(page, "admin");
    await openTrainingAdmin(page);
    // The seeded modules are listed.
    await page.locator('[data-testid="module-row"][data-code="using-cams"]').waitFor();
    expect(await page.getByTestId("module-row").count()).toBeGreaterThanOrEqual(5);

    // A new competence.
    await page.getByTestId("training-admin-competences").click();
    await page.getByTestId("competences-page").waitFor();
    await page.getByTestId("competence-new").click();
    const form = page.getByTestId("competence-create-form");
    await form.waitFor();
    await page.getByTestId("competence-code").fill(competenceCode);
    await page.getByTestId("competence-name-en").fill(`Timely replies ${n}`);
    await page.getByTestId("competence-name-ur").fill(`بروقت جوابات ${n}`);
    await page
      .getByTestId("competence-description")
      .fill("Replies and comments filed within the time allowed.");
    await page.getByTestId("competence-category-service").check();
    await page.getByTestId("competence-mla-mla_incoming").check();
    await page.getByTestId("competence-source").fill("E2E test");
    await page.getByTestId("competence-create-submit").click();
    await form.waitFor({ state: "detached" });
    const competenceRow = page.locator(`[data-testid="competence-row"][data-code="${competenceCode}"]`);
    await competenceRow.waitFor();
    expect(await text(competenceRow.getByTestId("competence-modules"))).toBe("0");
    await screenshot(page, "training-admin-1-competence");

    // A new module granting it.
    await openTrainingAdmin(page);
    await page.getByTestId("module-new").click();
    await page.getByTestId("module-editor").waitFor();
    await page.getByTestId("module-code").fill(moduleCode);
    await page.getByTestId("module-title").fill(title);
    await page.getByTestId("module-description").fill("How to keep the dates of replies and comments.");
    await page.getByTestId("module-language").selectOption("en");
    await page.getByTestId("module-topic").selectOption("litigation");
    // The competence list loads on its own; wait for the new one before choosing it.
    await page.locator(`[data-testid="module-competence"] option[value="${competenceCode}"]`).waitFor({
      state: "attached",
    });
    await page.getByTestId("module-competence").selectOption(competenceCode);
    await page.getByTestId("module-duration").fill("20");
    await page.getByTestId("module-pass-mark").fill("50");

    const pages = page.getByTestId("page-editor");
    await pages.nth(0).getByTestId("page-title").fill("Why dates matter");
    await pages.nth(0).getByTestId("page-body").fill("# Dates\n\nA reply filed late may be **refused**.");
    await page.getByTestId("page-add").click();
    await pages.nth(1).getByTestId("page-title").fill("Keeping the diary");
    await pages.nth(1).getByTestId("page-body").fill("- Note every hearing\n- Note every deadline");

    const questions = page.getByTestId("question-editor");
    await fillQuestion(questions.nth(0), "Who keeps the diary?", ["The officer", "Nobody"], [0]);
    await page.getByTestId("question-add").click();
    await fillQuestion(
      questions.nth(1),
      "Which are dates to note?",
      ["Hearings", "Deadlines", "Birthdays"],
      [0, 1],
    );
    await questions.nth(1).getByTestId("question-explanation").fill("Hearings and deadlines, not birthdays.");

    // Saving without the right option of a new third question is refused in the browser, beside the field.
    await page.getByTestId("question-add").click();
    await page.getByTestId("module-save").click();
    await page.getByTestId("module-error").waitFor();
    await questions.nth(2).getByTestId("question-remove").click();

    await page.getByTestId("module-published").check();
    await screenshot(page, "training-admin-2-module-editor");
    await page.getByTestId("module-save").click();
    await page.waitForURL(/\/training\/admin\/modules\/[0-9a-f-]{36}$/);
    await expect.poll(() => text(page.getByTestId("module-version"))).toMatch(/^v\d+$/);
    expect(await page.getByTestId("page-editor").count()).toBe(2);
    expect(await page.getByTestId("question-editor").count()).toBe(2);

    // An attachment on the first page, now that it is saved.
    const firstPage = page.getByTestId("page-editor").nth(0);
    await firstPage.locator('input[type="file"]').setInputFiles({
      name: "diary-checklist.png",
      mimeType: "image/png",
      buffer: Buffer.from(PNG_1X1, "base64"),
    });
    await firstPage.getByTestId("page-attachment-upload").click();
    await expect
      .poll(() => text(firstPage.getByTestId("page-attachment-link").first()))
      .toBe("diary-checklist.png");

    await page.getByTestId("module-back").click();
    const moduleRow = page.locator(`[data-testid="module-row"][data-code="${moduleCode}"]`);
    await moduleRow.waitFor();
    expect(await moduleRow.getAttribute("data-published")).toBe("true");
    expect(await text(moduleRow.getByTestId("module-state"))).toBe("Published");

    // The competence counts the module now.
    await page.getByTestId("training-admin-competences").click();
    await expect.poll(() => text(competenceRow.getByTestId("competence-modules"))).toBe("1");

    // Learners find it in the catalogue.
    await page.getByTestId("nav-training").click();
    await page.waitForURL(/\/training$/);
    await page.getByText(title, { exact: true }).first().waitFor();
    await screenshot(page, "training-admin-3-catalogue");
  });

  it("revokes a certificate with a reason; the list then shows it revoked", async () => {
    const page = currentPage();
    await signIn(page, "admin");
    // The demo's learners may hold certificates already; one of the administrator's own makes sure.
    await earnCertificate(page, "using-cams");
    await openTrainingAdmin(page);
    await page.getByTestId("training-admin-certificates").click();
    await page.getByTestId("certificates-page").waitFor();
    const valid = page.locator('[data-testid="cert-row"][data-revoked="false"]').first();
    await valid.waitFor();
    const code = (await valid.getAttribute("data-code")) ?? "";
    expect(code).not.toBe("");
    expect(await valid.getByTestId("cert-pdf").getAttribute("href")).toMatch(
      /\/api\/v1\/training\/certificates\/.+\/pdf$/,
    );

    // Filter by the code: one row.
    await page.getByTestId("cert-filter-code").fill(code);
    await expect.poll(() => page.getByTestId("cert-row").count()).toBe(1);
    const row = page.locator(`[data-testid="cert-row"][data-code="${code}"]`);

    await row.getByTestId("cert-revoke").click();
    const form = page.getByTestId("cert-revoke-form");
    await form.waitFor();
    // A reason is required.
    await page.getByTestId("cert-revoke-submit").click();
    await expect.poll(() => form.getByText("Required").count()).toBeGreaterThan(0);
    await page.getByTestId("cert-revoke-reason").fill("Issued in error during the pilot.");
    await screenshot(page, "training-admin-4-revoke");
    await page.getByTestId("cert-revoke-submit").click();
    await form.waitFor({ state: "detached" });

    await expect.poll(() => row.getAttribute("data-revoked")).toBe("true");
    expect(await text(row.getByTestId("cert-status"))).toBe("Revoked");
    expect(await text(row)).toContain("Issued in error during the pilot.");
    expect(await row.getByTestId("cert-revoke").count()).toBe(0);
  });

  it("opens the completion report, with a labelled bar per row, and downloads it as CSV", async () => {
    const page = currentPage();
    await signIn(page, "admin");
    await page.getByTestId("nav-training-report").click();
    await page.getByTestId("completion-report-page").waitFor();
    const rows = page.getByTestId("report-row");
    await rows.first().waitFor();
    const bar = rows.first().getByTestId("report-bar");
    expect(await bar.getAttribute("role")).toBe("progressbar");
    expect(await bar.getAttribute("aria-label")).toMatch(/\d+(\.\d+)?% completed \(\d+ of \d+ people\)$/);

    // Filtering by a module keeps only its rows.
    const moduleCode = (await rows.first().getAttribute("data-module")) ?? "";
    const moduleId = await page
      .getByTestId("report-filter-module")
      .locator("option")
      .filter({ hasText: `(${moduleCode})` })
      .getAttribute("value");
    await page.getByTestId("report-filter-module").selectOption(moduleId ?? "");
    await expect
      .poll(
        async () => new Set(await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-module")))),
      )
      .toEqual(new Set([moduleCode]));
    expect(await page.getByTestId("report-download-csv").getAttribute("href")).toContain(
      `moduleId=${moduleId}`,
    );
    await screenshot(page, "training-admin-5-report");

    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("report-download-csv").click(),
    ]);
    const csv = fs.readFileSync((await file.path()) ?? "", "utf8").replace(/^\ufeff/, "");
    expect(csv.split(/\r?\n/)[0]).toBe(
      "Organisation,Organisation name,Module,Module title,People,Enrolled,Completed,Completion %,Revoked",
    );
    expect(csv.trim().split(/\r?\n/).length).toBeGreaterThan(1);
  });

  it("is not for anyone else: an officer opening its addresses sees the forbidden page and no menu entry", async () => {
    const page = currentPage();
    // the reads the administration's screens start on opening (an officer's answer to them is narrower, or 403)
    const screenReads: string[] = [];
    page.on("request", (r) => {
      const url = new URL(r.url());
      const isScreenRead =
        url.pathname === "/api/v1/training/certificates" ||
        url.pathname.endsWith("/edit") ||
        (url.pathname === "/api/v1/training/modules" && url.searchParams.get("drafts") === "true");
      if (isScreenRead) screenReads.push(url.pathname + url.search);
    });
    await signIn(page, "officer.agp6");
    await page.getByTestId("nav-training").waitFor();
    expect(await page.getByTestId("nav-training-admin").count()).toBe(0);
    const moduleId = await page.evaluate(
      async () => (await (await fetch("/api/v1/training/modules")).json()).items[0].id as string,
    );
    for (const address of ["/training/admin/certificates", `/training/admin/modules/${moduleId}`]) {
      await page.goto(address);
      await page.getByTestId("not-found").waitFor();
      expect(await text(page.getByTestId("not-found"))).toContain("You may not use this page.");
      await page.waitForLoadState("networkidle");
    }
    // the guard stands before the screens, so their reads are never sent
    expect(screenReads).toEqual([]);
  });
});
