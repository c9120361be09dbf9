import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { makeCertificateCode } from "../common/training/certificate-code.ts";
import { DEMO_ACCOUNTS } from "../server/modules/demo/demo.accounts.ts";
import { newContext, pagePerTest, screenshot as save, signIn, text } from "./browser.ts";
import { ROOT } from "./server.ts";

/**
 * Training (issue 9) in a real browser against the real server (demo data): a law officer opens Training from
 * the navigation, enrols in "limitation-and-appeals", reads every page, fails the quiz once with wrong answers,
 * passes it with the right ones (read from the module's reference file; the API keeps the file's order of
 * questions), downloads the certificate PDF, and anyone signed out verifies the code on /verify. A malformed
 * code is answered without a request, a code CAMS never issued is "not issued", and the catalogue turns right
 * to left in Urdu.
 */
const baseUrl = inject("baseUrl");
const currentPage = pagePerTest({ beforeAll, afterAll, beforeEach, afterEach }, baseUrl);

const MODULE = "limitation-and-appeals";
// a law officer the demo has not trained (agp1, 2 and 4 completed this module; agp5 started it)
const OFFICER = "officer.agp6";

type ReferenceQuestion = { prompt: string; options: string[]; correct: number[] };
const reference = JSON.parse(
  fs.readFileSync(path.join(ROOT, "reference", "training", MODULE, "module.json"), "utf8"),
) as { questions: ReferenceQuestion[] };

/** A full-page screenshot from the top (the shell's fixed header otherwise lands mid-page). */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await save(page, name);
}

/** Ticks `chosen` for every question of the quiz, then submits and waits for the result. */
async function answer(page: Page, chosen: number[][]): Promise<{ passed: boolean }> {
  const questions = page.getByTestId("training-question");
  expect(await questions.count()).toBe(chosen.length);
  for (const [i, options] of chosen.entries()) {
    for (const j of options) await questions.nth(i).getByTestId(`training-option-${j}`).check();
  }
  await page.getByTestId("training-quiz-submit").click();
  const result = page.getByTestId("training-result");
  await result.waitFor();
  return { passed: (await result.getAttribute("data-passed")) === "true" };
}

describe("training", () => {
  it("a law officer takes a module, fails and then passes its quiz, and anyone verifies the certificate", async () => {
    const page = currentPage();
    const officer = DEMO_ACCOUNTS.find((a) => a.username === OFFICER);
    if (!officer) throw new Error(`no demo account ${OFFICER}`);
    await signIn(page, OFFICER);

    // The catalogue, from the navigation: the module's card, with its status.
    await page.getByTestId("nav-training").click();
    await page.getByTestId("training-catalogue").waitFor();
    const card = page.locator(`[data-testid="training-module-card"][data-code="${MODULE}"]`);
    await card.waitFor();
    expect(await card.getByTestId("training-topic").getAttribute("data-topic")).toBe("litigation");
    await screenshot(page, "training-1-catalogue");
    await card.getByTestId("training-module-link").click();

    // Enrol (a fresh server: the officer has not started it), then read every page in turn.
    const module = page.getByTestId("training-module");
    await module.waitFor();
    expect(await module.getAttribute("data-code")).toBe(MODULE);
    await page.getByTestId("training-enrol").click();
    const progress = page.getByTestId("training-progress");
    await progress.waitFor();
    const total = Number(await progress.getAttribute("data-total"));
    expect(total).toBeGreaterThan(0);
    expect(await progress.getAttribute("data-read")).toBe("0");
    for (let i = 0; i < total; i++) {
      const shown = page.getByTestId("training-page");
      await expect.poll(() => shown.getAttribute("data-index")).toBe(String(i));
      expect(await text(shown.getByTestId("training-page-body"))).not.toBe("");
      if (i === 0) await screenshot(page, "training-2-page");
      await page.getByTestId("training-page-next").click();
      await expect.poll(() => progress.getAttribute("data-read")).toBe(String(i + 1));
    }

    // The quiz opens once every page is read; one wrong option for each question first.
    await page.getByTestId("training-quiz").waitFor();
    const wrong = reference.questions.map((q) => {
      const other = q.options.findIndex((_, j) => !q.correct.includes(j));
      return [other];
    });
    expect((await answer(page, wrong)).passed).toBe(false);
    expect(await text(page.getByTestId("training-result"))).toContain("Not passed");
    const verdicts = page.getByTestId("training-question-verdict");
    expect(await verdicts.evaluateAll((els) => els.map((e) => e.getAttribute("data-right")))).toEqual(
      reference.questions.map(() => "false"),
    );
    // a failed attempt does not give the right answers away
    expect(await page.getByTestId("training-question-explanation").count()).toBe(0);
    expect(await page.getByTestId("training-question-feedback").count()).toBe(0);
    expect(await page.getByTestId("training-certificate-pdf").count()).toBe(0);
    await screenshot(page, "training-3-not-passed");

    // Try again with the right answers: passed, with a certificate.
    await page.getByTestId("training-quiz-retry").click();
    await page.getByTestId("training-quiz-submit").waitFor();
    expect(
      (
        await answer(
          page,
          reference.questions.map((q) => q.correct),
        )
      ).passed,
    ).toBe(true);
    expect(await text(page.getByTestId("training-result"))).toContain("Passed");
    expect(await page.getByTestId("training-question-explanation").count()).toBeGreaterThan(0);
    const result = page.getByTestId("training-result");
    const code = await text(result.getByTestId("training-certificate-code"));
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z*~$=U]{4}$/);
    await screenshot(page, "training-4-passed");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      result.getByTestId("training-certificate-pdf").click(),
    ]);
    const pdf = fs.readFileSync((await download.path()) ?? "");
    expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");

    // My learning lists the certificate and the module as completed.
    await page.goto("/training/me");
    await page.locator(`[data-testid="training-me-certificate"][data-code="${code}"]`).waitFor();
    const mine = page.locator(`[data-testid="training-me-module"][data-code="${MODULE}"]`);
    expect(await mine.getByTestId("training-me-status").getAttribute("data-status")).toBe("completed");
    await screenshot(page, "training-5-my-learning");

    // Signed out (a fresh browser context): the code is valid and names the officer.
    const browser = page.context().browser();
    if (!browser) throw new Error("no browser");
    const outside = await newContext(browser, baseUrl);
    try {
      const anon = await outside.newPage();
      await anon.goto(`/verify/${encodeURIComponent(code)}`);
      const verdict = anon.getByTestId("verify-result");
      await verdict.waitFor();
      expect(await verdict.getAttribute("data-status")).toBe("valid");
      expect(await text(anon.getByTestId("verify-holder"))).toBe(officer.fullName);
      expect(await text(anon.getByTestId("verify-code-value"))).toBe(code);
      await screenshot(anon, "training-6-verified");

      // A mistyped code is answered in the page, without asking the server.
      const lookups: string[] = [];
      anon.on("request", (r) => {
        if (r.url().includes("/api/v1/public/certificates/")) lookups.push(r.url());
      });
      await anon.goto("/verify");
      await anon.getByTestId("verify-code").fill(`${code.slice(0, -1)}${code.endsWith("0") ? "1" : "0"}`);
      await anon.getByTestId("verify-submit").click();
      await anon.getByTestId("verify-malformed").waitFor();
      expect(lookups).toEqual([]);

      // A well-formed code CAMS never issued: not found.
      const never = makeCertificateCode(randomBytes(15));
      await anon.getByTestId("verify-code").fill(never.toLowerCase());
      await anon.getByTestId("verify-submit").click();
      await anon.getByTestId("verify-not-found").waitFor();
      expect(lookups.length).toBeGreaterThan(0);
      expect(lookups.every((u) => u.endsWith(`/public/certificates/${encodeURIComponent(never)}`))).toBe(
        true,
      );
    } finally {
      await outside.close();
    }

    // In Urdu the catalogue reads right to left.
    await page.goto("/training");
    await card.waitFor();
    await page.getByTestId("lang-ur").click();
    await page.waitForFunction(() => document.documentElement.lang === "ur" && document.dir === "rtl");
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe("rtl");
    expect(await text(card.getByTestId("training-topic"))).toMatch(/[\u0600-\u06ff]/);
    expect(await text(card.getByTestId("training-module-status"))).toMatch(/[\u0600-\u06ff]/);
    await screenshot(page, "training-7-catalogue-ur");
    await page.getByTestId("lang-en").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
  });
});
