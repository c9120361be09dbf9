import fs from "node:fs";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import type * as Vitest from "vitest";
import { ROOT } from "./server.ts";

/** Debian's Chromium; Playwright's own browser download does not work here. */
export const CHROMIUM = process.env.CAMS_E2E_CHROMIUM || "/usr/bin/chromium";
export const ARTIFACTS = path.join(ROOT, "e2e", "artifacts");

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing; install it with: apt-get install -y chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1366, height: 900 },
    locale: "en-GB",
    timezoneId: "Asia/Karachi",
  });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

/**
 * Saves a full-page PNG under e2e/artifacts/ and returns its path. Waits first for the web fonts (the Urdu font
 * is loaded on first use, and until then Urdu shows in a fallback) and for running transitions (switching the
 * language slides the navigation to the other side), so the picture shows the page as it settles.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  await page
    .evaluate(async () => {
      await document.fonts.ready;
      const finite = document
        .getAnimations()
        .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Number.POSITIVE_INFINITY));
      const settled = Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
      await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 2_000))]);
    })
    .catch(() => undefined);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name.replace(/[^\w.-]+/g, "-")}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Collects the page's console errors and uncaught exceptions, to print when a test fails. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console.error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

/** The element's text (Playwright's textContent, trimmed, never null). */
export async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? "").trim();
}

/**
 * Signs in as a demo account (the demo password) and waits for the shell. The language is saved on the user's
 * profile and another test may have left the account in Urdu, so this switches to `lang` (English by default)
 * and waits until the page is in it.
 */
export async function signIn(page: Page, username: string, lang: "en" | "ur" = "en"): Promise<void> {
  // Loaded here, not at the top: the global setup imports this file and has no use for the server's modules.
  const { DEMO_PASSWORD } = await import("../server/modules/demo/demo.seed.ts");
  await page.goto("/login");
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(DEMO_PASSWORD);
  await page.getByTestId("login-submit").click();
  await page.getByTestId("user-menu").waitFor();
  await page.getByTestId(`lang-${lang}`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** Signs out through the user menu and waits for the login form. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId("user-menu").click();
  await page.getByTestId("logout").click();
  await page.getByTestId("login-form").waitFor();
}

type Hooks = Pick<typeof Vitest, "beforeAll" | "afterAll" | "beforeEach" | "afterEach">;

/**
 * What every browser test file sets up: one Chromium for the file, and for each test a fresh context and page;
 * when a test fails, a screenshot and the browser's console errors are printed. Returns the current test's
 * page. The test file passes in Vitest's hooks, because this file is also imported by the global setup, where
 * Vitest itself must not be loaded.
 */
export function pagePerTest(hooks: Hooks, baseUrl: string): () => Page {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let consoleProblems: string[] = [];

  hooks.beforeAll(async () => {
    browser = await launchBrowser();
  });
  hooks.afterAll(async () => {
    await browser?.close();
  });
  hooks.beforeEach(async () => {
    if (!browser) throw new Error("the browser did not start");
    context = await newContext(browser, baseUrl);
    page = await context.newPage();
    consoleProblems = watchConsole(page);
  });
  hooks.afterEach(async (ctx) => {
    if (ctx.task.result?.state === "fail" && page && !page.isClosed()) {
      const file = await screenshot(page, `FAILED-${ctx.task.name}`).catch(() => null);
      console.error(
        `e2e: "${ctx.task.name}" failed at ${page.url()}` +
          (file ? `; screenshot ${file}` : "") +
          (consoleProblems.length ? `\n  browser console:\n  ${consoleProblems.join("\n  ")}` : ""),
      );
    }
    await context?.close();
    context = undefined;
    page = undefined;
  });

  return () => {
    if (!page) throw new Error("no page: call this inside a test");
    return page;
  };
}
