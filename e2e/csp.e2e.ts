import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { pagePerTest, signIn } from "./browser.ts";

/**
 * The Content Security Policy (no 'unsafe-inline', no 'unsafe-eval', a style nonce per index.html) in a real
 * browser: every page reachable from the navigation, for the administrator, a focal person and the Central
 * Authority, in English and in Urdu, and the public pages signed out. Any `securitypolicyviolation` event, or a
 * console message about the policy or about Permissions-Policy, fails the test; and Mantine's run-time styles
 * (its theme's CSS variables, in a nonce-carrying <style>) must really apply.
 */
const baseUrl = inject("baseUrl");
const currentPage = pagePerTest({ beforeAll, afterAll, beforeEach, afterEach }, baseUrl);

type Violation = { where: string; directive: string; blocked: string; sample: string; source: string };

/** Records every CSP violation and every console message about the policy, across full page loads. */
async function watchPolicy(page: Page): Promise<string[]> {
  const found: string[] = [];
  await page.exposeFunction("__cspViolation", (v: Violation) => {
    found.push(`violation at ${v.where}: ${v.directive} blocked ${v.blocked} (${v.source}) ${v.sample}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __cspViolation: (v: Violation) => void }).__cspViolation;
      report({
        where: location.pathname,
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        sample: e.sample,
        source: `${e.sourceFile}:${e.lineNumber}`,
      });
    });
  });
  page.on("console", (m) => {
    if (/content security policy|permissions-policy|permissions policy|unsafe-eval|nonce/i.test(m.text())) {
      found.push(`console ${m.type()} at ${new URL(page.url()).pathname}: ${m.text()}`);
    }
  });
  return found;
}

/** Waits until no request has been in flight for a moment (data loaded, lazy chunks and styles applied). */
function settler(page: Page): () => Promise<void> {
  let inFlight = 0;
  let lastChange = Date.now();
  const change = (delta: number) => {
    inFlight += delta;
    lastChange = Date.now();
  };
  page.on("request", () => change(1));
  page.on("requestfinished", () => change(-1));
  page.on("requestfailed", () => change(-1));
  return async () => {
    const until = Date.now() + 15_000;
    while (Date.now() < until && (inFlight > 0 || Date.now() - lastChange < 400))
      await page.waitForTimeout(100);
  };
}

/** Mantine's theme reached the page: its run-time <style> elements carry the nonce and their variables apply. */
async function expectMantineStyled(page: Page): Promise<void> {
  const state = await page.evaluate(() => {
    const styles = [...document.querySelectorAll("style")];
    const root = getComputedStyle(document.documentElement);
    return {
      styles: styles.length,
      withoutNonce: styles.filter((s) => !s.nonce).length,
      // CSP hides the nonce attribute once applied; only the property keeps it
      attributeVisible: styles.filter((s) => s.getAttribute("nonce")).length,
      primary: root.getPropertyValue("--mantine-primary-color-filled").trim(),
      fontFamily: getComputedStyle(document.body).fontFamily,
    };
  });
  expect(state.styles).toBeGreaterThan(0);
  expect(state.withoutNonce).toBe(0);
  expect(state.attributeVisible).toBe(0);
  // the theme's primary colour (teal-6, not Mantine's default blue #228be6) comes only from the nonce-carrying <style>
  expect(state.primary).toBe("#12b886");
  expect(state.fontFamily).toContain("Noto Nastaliq Urdu");
}

/**
 * A filled Mantine button is painted in teal, not the browser's grey: the public pages' ink is teal 9 (#087f5b,
 * publicInk.ts), set through the theme's variables.
 */
async function expectPublicTealButton(page: Page, testId: string): Promise<void> {
  const background = await page.getByTestId(testId).evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).toBe("rgb(8, 127, 91)");
}

/** The links of the side navigation visible to the signed-in user (badges inside them excluded). */
async function navigationLinks(page: Page): Promise<{ testId: string; href: string }[]> {
  return page.$$eval('a[data-testid^="nav-"][href]', (links) =>
    links
      .filter((a) => (a as HTMLElement).offsetParent !== null)
      .map((a) => ({ testId: a.getAttribute("data-testid") ?? "", href: a.getAttribute("href") ?? "" }))
      .filter((l) => l.href.startsWith("/") && !l.href.startsWith("/api/")),
  );
}

async function visitEverything(page: Page, settle: () => Promise<void>): Promise<string[]> {
  const visited: string[] = [];
  const links = await navigationLinks(page);
  expect(links.length).toBeGreaterThan(3);
  for (const { testId, href } of links) {
    await page.getByTestId(testId).click();
    await page.waitForURL((url) => url.pathname === href);
    await settle();
    visited.push(href);
    if (href === "/cases" && (await page.getByTestId("case-link").count()) > 0) {
      await page.getByTestId("case-link").first().click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      await settle();
      visited.push("/cases/:id");
    }
    if (href === "/mla" && (await page.getByTestId("mla-link").count()) > 0) {
      await page.getByTestId("mla-link").first().click();
      await page.waitForURL(/\/mla\/[0-9a-f-]{36}$/);
      await settle();
      visited.push("/mla/:id");
    }
  }
  await page.getByTestId("user-menu").click();
  await page.getByTestId("nav-exports").click();
  await page.waitForURL(/\/exports$/);
  await settle();
  visited.push("/exports");
  return visited;
}

describe("Content Security Policy in the browser", () => {
  for (const username of ["admin", "focal.interior", "central.authority"]) {
    it(`${username}: every page in English and Urdu, no violation, Mantine styled`, async () => {
      const page = currentPage();
      const problems = await watchPolicy(page);
      const settle = settler(page);
      const seen: string[] = [];
      for (const lang of ["en", "ur"] as const) {
        await signIn(page, username, lang);
        await settle();
        await expectMantineStyled(page);
        seen.push(...(await visitEverything(page, settle)));
        if (username === "admin") {
          // a dialog: Mantine's scroll lock adds its own <style> (nonce from get-nonce)
          await page.goto("/organisations");
          await page.getByTestId("org-new").click();
          await page.getByRole("dialog").waitFor();
          await settle();
          await page.keyboard.press("Escape");
          seen.push("/organisations (dialog)");
        }
        // a full load of a deep link: a fresh index.html with a fresh nonce
        await page.goto("/cases");
        await page.getByTestId("user-menu").waitFor();
        await settle();
        await expectMantineStyled(page);
        await page.getByTestId("user-menu").click();
        await page.getByTestId("logout").click();
        await page.getByTestId("login-form").waitFor();
      }
      const expected: Record<string, string[]> = {
        admin: ["/cases", "/users", "/organisations", "/reference", "/audit", "/exports"],
        "focal.interior": ["/cases/:id", "/cases/new", "/dashboard", "/cause-list", "/tasks", "/deadlines"],
        "central.authority": ["/mla", "/mla/:id", "/mla/metrics", "/mla/directory"],
      };
      expect(seen).toEqual(expect.arrayContaining(expected[username] ?? []));
      console.info(`csp: ${username} visited ${seen.length} pages: ${[...new Set(seen)].join(" ")}`);
      expect(problems, `${seen.length} pages visited`).toEqual([]);
    });
  }

  it("the public pages, signed out, in English and Urdu", async () => {
    const page = currentPage();
    const problems = await watchPolicy(page);
    const settle = settler(page);
    const pages = [
      "/login",
      "/register",
      "/public",
      "/public/organisations/INTERIOR",
      "/public/widget/INTERIOR",
    ];
    for (const lang of ["en", "ur"] as const) {
      await page.goto("/public");
      await page.getByTestId(`lang-${lang}`).click();
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      for (const url of pages) {
        const response = await page.goto(url.includes("widget") ? `${url}?lang=${lang}` : url);
        const csp = response?.headers()["content-security-policy"] ?? "";
        expect(csp).toMatch(/style-src 'self' 'nonce-[^']+'/);
        expect(csp).not.toContain("unsafe-inline");
        await settle();
        await expectMantineStyled(page);
      }
    }
    await page.goto("/public");
    await page.getByTestId("public-number").fill("W.P. No. 1234 of 2025");
    await expectPublicTealButton(page, "public-find");
    expect(problems).toEqual([]);
  });

  it("Swagger UI at /api/docs runs under its own CSP without 'unsafe-inline'", async () => {
    const page = currentPage();
    const problems = await watchPolicy(page);
    const settle = settler(page);
    const response = await page.goto("/api/docs");
    const csp = response?.headers()["content-security-policy"] ?? "";
    console.info(`csp: /api/docs sends ${csp}`);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    await page.locator(".swagger-ui .opblock").first().waitFor();
    await settle();
    expect(problems).toEqual([]);
  });
});
