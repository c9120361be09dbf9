import { Secret, TOTP } from "otpauth";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../server/modules/demo/demo.seed.ts";
import { pagePerTest, screenshot, signIn, signOut, text } from "./browser.ts";

/**
 * Two-step sign-in in a real browser: a user sets it up from their profile (the test reads the key off the
 * page and computes the codes as an authenticator app would), signs out, and signs in with password and code —
 * in English and in Urdu. Each test makes its own user, so the demo accounts other tests use are untouched.
 */
const baseUrl = inject("baseUrl");
const currentPage = pagePerTest({ beforeAll, afterAll, beforeEach, afterEach }, baseUrl);
const PASSWORD = "two step river otter moon";

/** The code the app shows `steps` 30-second steps from now; +1 is never the one spent at enrolment. */
function codeAt(secret: string, steps: number): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

/** A new active user, made by the demo administrator over the API. */
async function newUser(tag: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: DEMO_PASSWORD }),
  });
  const { csrfToken, user } = await login.json();
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
  const username = `tf.${tag}.${Date.now().toString(36)}`;
  const created = await fetch(`${baseUrl}/api/v1/users`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, "x-csrf-token": csrfToken },
    body: JSON.stringify({
      organisationId: user.organisation.id,
      username,
      fullName: `Two Step ${tag}`,
      password: PASSWORD,
      roles: ["executive_viewer"],
    }),
  });
  expect(created.status).toBe(201);
  return username;
}

async function signInWithPassword(page: Page, username: string) {
  await page.goto("/login");
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(PASSWORD);
  await page.getByTestId("login-submit").click();
}

/** Opens the profile from the user menu, sets up two-step sign-in, and returns the key shown. */
async function enrol(page: Page, lang: "en" | "ur"): Promise<string> {
  await page.getByTestId("user-menu").click();
  await page.getByTestId("nav-profile").click();
  await page.getByTestId("profile-page").waitFor();
  await page.getByTestId("totp-current-password").fill(PASSWORD);
  await page.getByTestId("totp-start").click();
  await page.getByTestId("totp-qr").waitFor();
  const secret = await text(page.getByTestId("totp-secret"));
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await screenshot(page, `two-factor-1-enrol-${lang}`);
  await page.getByTestId("totp-confirm-code").fill(codeAt(secret, 0));
  await page.getByTestId("totp-confirm").click();
  await page.getByTestId("recovery-codes").waitFor();
  expect(await page.getByTestId("recovery-code").count()).toBe(10);
  await screenshot(page, `two-factor-2-recovery-codes-${lang}`);
  await page.getByTestId("recovery-codes-done").click();
  await expect.poll(() => page.getByTestId("two-factor").getAttribute("data-enabled")).toBe("true");
  return secret;
}

async function signInWithCode(page: Page, username: string, secret: string, lang: "en" | "ur") {
  await signInWithPassword(page, username);
  await page.getByTestId("login-second-step").waitFor();
  await page.getByTestId("login-totp").fill("000000");
  await page.getByTestId("login-submit").click();
  await expect
    .poll(() => page.getByTestId("login-error").getAttribute("data-code"))
    .toBe("invalid_second_factor");
  await screenshot(page, `two-factor-3-code-step-${lang}`);
  await page.getByTestId("login-totp").fill(codeAt(secret, 1));
  await page.getByTestId("login-submit").click();
  await page.getByTestId("user-menu").waitFor();
}

describe("two-step sign-in", () => {
  it("a user sets it up on their profile, signs out, and signs in with password and code", async () => {
    const page = currentPage();
    const username = await newUser("en");
    await signInWithPassword(page, username);
    await page.getByTestId("user-menu").waitFor();
    const secret = await enrol(page, "en");
    await signOut(page);
    await signInWithCode(page, username, secret, "en");
  });

  it("the same in Urdu, right to left", async () => {
    const page = currentPage();
    const username = await newUser("ur");
    await signInWithPassword(page, username);
    await page.getByTestId("user-menu").waitFor();
    await page.getByTestId("lang-ur").click();
    await page.waitForFunction(() => document.documentElement.lang === "ur");
    const secret = await enrol(page, "ur");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    expect(await text(page.getByTestId("two-factor-state"))).toMatch(/[\u0600-\u06FF]/);
    await signOut(page);
    await signInWithCode(page, username, secret, "ur");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
  });

  it("an administrator resets a lost authenticator; the user signs in with the password alone", async () => {
    const page = currentPage();
    const username = await newUser("reset");
    await signInWithPassword(page, username);
    await page.getByTestId("user-menu").waitFor();
    await enrol(page, "en");
    await signOut(page);

    await signIn(page, "admin");
    await page.getByTestId("nav-users").click();
    await page.getByTestId("user-table").waitFor();
    // the page opens on registrations awaiting approval when there are any: show the active users
    await page.getByTestId("user-filter-status").click();
    await page.getByRole("option", { name: "Active" }).click();
    await page.getByTestId("user-search").fill(username);
    const row = page.locator(`[data-testid="user-row"][data-username="${username}"]`);
    await row.getByTestId("user-edit").click();
    await page.getByTestId("user-two-factor").waitFor();
    await page.getByTestId("user-two-factor-reset").click();
    await page.getByTestId("user-two-factor-reset-confirm").click();
    await page.getByTestId("user-two-factor-reset-done").waitFor();
    await screenshot(page, "two-factor-4-administrator-reset");
    await page.keyboard.press("Escape");
    await signOut(page);

    // no code is asked for now
    await signInWithPassword(page, username);
    await page.getByTestId("user-menu").waitFor();
    expect(await page.getByTestId("login-second-step").count()).toBe(0);
  });
});
