import type { Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { pagePerTest, screenshot as save, signIn, text } from "./browser.ts";

/**
 * Reminders and notifications in a real browser against the real server (demo data). At seed time the demo
 * runs the first reminder scan and daily digest, so the Ministry of Interior's focal person has deadline and
 * task reminders and a digest waiting: they read them in the bell and on the Notifications page, follow a task
 * reminder and a deadline reminder to their case, and mark them read. An administrator reads the emails behind
 * them in the mail outbox (the development mailbox: no SMTP server is configured for the browser tests).
 */
const baseUrl = inject("baseUrl");
const currentPage = pagePerTest({ beforeAll, afterAll, beforeEach, afterEach }, baseUrl);

const FOCAL_EMAIL = "focal.interior@demo.cams.invalid";

/** A full-page screenshot from the top (the shell's fixed header otherwise lands mid-page). */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await save(page, name);
}

async function attr(locator: Locator, name: string): Promise<string> {
  return (await locator.getAttribute(name)) ?? "";
}

const count = async (locator: Locator) => Number(await attr(locator, "data-count"));

describe("notification centre", () => {
  it("a focal person reads reminders and the digest, follows them to their case and marks them read", async () => {
    const page = currentPage();
    await signIn(page, "focal.interior");
    // The mail outbox is for administrators: no link, and the page itself refuses.
    await page.getByTestId("nav-notifications").waitFor();
    expect(await page.getByTestId("nav-mail-outbox").count()).toBe(0);

    // The bell: reminders worded with what is due, when, and on which case.
    const bell = page.getByTestId("notif-bell");
    await expect.poll(() => count(bell)).toBeGreaterThan(0);
    const unreadAtStart = await count(bell);
    expect(await count(page.getByTestId("nav-notifications-unread"))).toBe(unreadAtStart);
    await bell.click();
    await page.getByTestId("notif-list").waitFor();
    const deadlineNotice = page.locator('[data-testid="notif-item"][data-kind="deadline_reminder"]').first();
    await deadlineNotice.waitFor();
    expect(await text(deadlineNotice)).toMatch(/^Deadline (in \d+ days?|today): .+ — .+ v\. .+/);
    const taskNotice = page.locator('[data-testid="notif-item"][data-kind="task_reminder"]').first();
    expect(await text(taskNotice)).toMatch(/^Task due (in \d+ days?|today): .+ — .+/);
    const digest = page.locator('[data-testid="notif-item"][data-kind="daily_digest"]').first();
    expect(await text(digest)).toMatch(/^Today: \d+ (overdue task|task|deadline)/);
    expect(await text(page.getByTestId("notif-count"))).toBe(`${unreadAtStart} unread`);
    await screenshot(page, "notifications-1-bell");

    // A task reminder opens its case on the Tasks tab, with the task listed, and is marked read.
    const taskCase = await attr(taskNotice, "data-case-id");
    expect(taskCase).not.toBe("");
    await taskNotice.click();
    await page.getByTestId("tasks-panel").waitFor();
    expect(new URL(page.url()).pathname).toBe(`/cases/${taskCase}`);
    expect(new URL(page.url()).searchParams.get("tab")).toBe("tasks");
    await expect.poll(() => count(bell)).toBeLessThan(unreadAtStart);

    // The Notifications page, from the bell: reminders and the digest with their kinds, unread ones marked.
    await bell.click();
    await page.getByTestId("notif-all-link").click();
    await page.getByTestId("notifications-page").waitFor();
    expect(await attr(page.getByTestId("nav-notifications"), "data-active")).toBe("true");
    const rows = page.getByTestId("notif-row");
    await rows.first().waitFor();
    const kinds = await rows.evaluateAll((all) => all.map((r) => r.getAttribute("data-kind")));
    expect(kinds).toEqual(expect.arrayContaining(["deadline_reminder", "task_reminder", "daily_digest"]));
    const deadlineRow = page.locator('[data-testid="notif-row"][data-kind="deadline_reminder"]').first();
    expect(await text(deadlineRow.getByTestId("notif-kind"))).toBe("Deadline reminder");
    expect(await text(deadlineRow.getByTestId("notif-row-link"))).toMatch(/^Deadline (in \d+ days?|today): /);
    expect(await text(deadlineRow.getByTestId("notif-row-detail"))).toMatch(
      /^Internal due date .+ · last day in law .+/,
    );
    const digestRow = page.locator('[data-testid="notif-row"][data-kind="daily_digest"]').first();
    expect(await text(digestRow.getByTestId("notif-kind"))).toBe("Daily digest");
    expect(await text(digestRow)).toMatch(/Today: \d+ /);
    expect(await attr(digestRow.getByTestId("notif-row-link"), "href")).toBe("/tasks");
    await screenshot(page, "notifications-2-page");

    // Only the unread ones; mark one read here, then all of them.
    await page.getByTestId("notif-show-unread").click();
    const unreadBadge = page.getByTestId("notif-page-unread");
    await page.locator('[data-testid="notif-table"][data-show="unread"]').waitFor();
    const unread = await count(unreadBadge);
    expect(unread).toBeGreaterThan(1);
    expect(await rows.count()).toBe(unread);
    expect(await rows.evaluateAll((all) => all.every((r) => r.getAttribute("data-read") === "false"))).toBe(
      true,
    );
    await rows.first().getByTestId("notif-row-read").click();
    await expect.poll(() => count(unreadBadge)).toBe(unread - 1);
    await expect.poll(() => rows.count()).toBe(unread - 1);
    await page.getByTestId("notif-page-read-all").click();
    await expect.poll(() => count(unreadBadge)).toBe(0);
    await page.locator('[data-testid="notif-page-empty"][data-show="unread"]').waitFor();
    await expect.poll(() => count(bell)).toBe(0);
    expect(await page.getByTestId("nav-notifications-unread").count()).toBe(0);

    // All of them again, every one read; in Urdu the reminders are worded in Urdu.
    await page.getByTestId("notif-show-all").click();
    await rows.first().waitFor();
    expect(await rows.evaluateAll((all) => all.every((r) => r.getAttribute("data-read") === "true"))).toBe(
      true,
    );
    await page.getByTestId("lang-ur").click();
    await page.waitForFunction(() => document.documentElement.dir === "rtl");
    await expect.poll(() => text(deadlineRow.getByTestId("notif-kind"))).toBe("آخری تاریخ کی یاد دہانی");
    expect(await text(digestRow.getByTestId("notif-row-link"))).toMatch(/^آج: /);
    await screenshot(page, "notifications-3-page-ur");
    await page.getByTestId("lang-en").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");

    // A deadline reminder opens its case on the Deadlines tab, where that deadline is listed.
    const deadlineCase = await attr(deadlineRow, "data-case-id");
    const deadlineId = await attr(deadlineRow, "data-subject-id");
    expect(deadlineId).not.toBe("");
    await deadlineRow.getByTestId("notif-row-link").click();
    await page.getByTestId("deadlines-panel").waitFor();
    expect(new URL(page.url()).pathname).toBe(`/cases/${deadlineCase}`);
    expect(new URL(page.url()).searchParams.get("tab")).toBe("deadlines");
    const deadline = page.locator(`[data-testid="deadline-item"][data-deadline-id="${deadlineId}"]`);
    await deadline.waitFor();
    expect(await attr(deadline, "data-state")).toBe("open");
    await screenshot(page, "notifications-4-deadline");

    await page.goto("/mail-outbox");
    await page.getByTestId("not-found").waitFor();
  });

  it("a case flagged stale shows since when nothing happened on it", async () => {
    const page = currentPage();
    await signIn(page, "focal.interior");
    await page.getByTestId("nav-cases").click();
    const link = page.getByTestId("case-link").first();
    await link.waitFor();
    const caseId = await attr(page.getByTestId("case-row").first(), "data-case-id");
    // The nightly stale scan cannot be waited for here, and the server is not changed for a test: the case's
    // answer is taken from the server and given a stale flag on its way to the page.
    const flaggedAt = "2026-03-02T20:30:00.000Z";
    await page.route(`**/api/v1/cases/${caseId}`, async (route) => {
      if (route.request().method() !== "GET") return route.fallback();
      const response = await route.fetch();
      const body = {
        ...(await response.json()),
        staleSince: flaggedAt,
        updatedAt: "2025-12-01T09:00:00.000Z",
      };
      return route.fulfill({ response, json: body });
    });
    await link.click();
    const stale = page.getByTestId("case-stale");
    await stale.waitFor();
    expect(await text(stale)).toBe("Stale: no update since 1 Dec 2025");
    expect(await attr(stale, "title")).toContain("Flagged on 3 Mar 2026");
    expect(await attr(page.getByTestId("case-status"), "data-status")).not.toBe("");
    await screenshot(page, "notifications-5-stale-case");
  });
});

describe("mail outbox", () => {
  it("an administrator reads the development mailbox and opens a reminder email", async () => {
    const page = currentPage();
    await signIn(page, "admin");
    await page.getByTestId("nav-mail-outbox").click();
    await page.getByTestId("outbox-page").waitFor();
    const banner = page.getByTestId("outbox-banner");
    await banner.waitFor();
    expect(await attr(banner, "data-smtp")).toBe("false");
    expect(await text(banner)).toContain("Development mailbox — nothing is sent");
    expect(await count(page.getByTestId("outbox-count"))).toBeGreaterThan(0);

    const toFocal = page.locator(`[data-testid="outbox-row"][data-to="${FOCAL_EMAIL}"]`);
    await toFocal.first().waitFor();
    const kinds = await toFocal.evaluateAll((all) => all.map((r) => r.getAttribute("data-kind")));
    expect(kinds).toEqual(expect.arrayContaining(["deadline_reminder", "task_reminder", "daily_digest"]));
    const message = page
      .locator(`[data-testid="outbox-row"][data-to="${FOCAL_EMAIL}"][data-kind="deadline_reminder"]`)
      .first();
    expect(await text(message.getByTestId("outbox-to"))).toBe(FOCAL_EMAIL);
    expect(await text(message.getByTestId("outbox-subject"))).toMatch(
      /^CAMS: Deadline due \d{4}-\d{2}-\d{2}/,
    );
    expect(await text(message.getByTestId("outbox-kind"))).toBe("Deadline reminder");
    expect(await attr(message, "data-sent")).toBe("false");
    expect(await text(message.getByTestId("outbox-sent"))).toBe("Not sent");
    expect(await text(message.getByTestId("outbox-attempts"))).toBe("0");

    // The body opens under its row, and closes again.
    expect(await page.getByTestId("outbox-body").count()).toBe(0);
    const toggle = message.getByTestId("outbox-toggle");
    expect(await attr(toggle, "aria-expanded")).toBe("false");
    await toggle.click();
    const body = page.getByTestId("outbox-body");
    await body.waitFor();
    expect(await attr(toggle, "aria-expanded")).toBe("true");
    const content = await text(body);
    expect(content).toMatch(/^Deadline: /);
    expect(content).toContain("Last day in law:");
    await screenshot(page, "notifications-6-outbox");
    await toggle.click();
    await body.waitFor({ state: "detached" });
  });
});
