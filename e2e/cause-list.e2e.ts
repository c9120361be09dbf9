import type { Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { pagePerTest, screenshot as save, signIn, text } from "./browser.ts";

/**
 * The cause list in a real browser against the real server (demo data, which fixes hearings for about half
 * the pending cases from today to a month ahead): the Solicitor opens it from the navigation, reads the board
 * of the next seven days (each row labelled by urgency), opens a day with hearings, filters it by court and by
 * law officer (the PDF link follows), opens a case on its Hearings tab, and reads the page in Urdu.
 */
const baseUrl = inject("baseUrl");
const currentPage = pagePerTest({ beforeAll, afterAll, beforeEach, afterEach }, baseUrl);

const URGENCY_LABEL: Record<string, RegExp> = {
  today: /^Today$/,
  tomorrow: /^Tomorrow$/,
  soon: /^Soon · in [23] days$/,
  later: /^Later · in [4-6] days$/,
};
const CLASH_LABEL: Record<string, RegExp> = {
  two_courts: /^Listed before two courts$/,
  same_time: /^Two hearings at the same time$/,
  over_daily_limit: /^Over the daily limit of \d+$/,
};

/** A calendar day in the courts' time zone (the server's "today"), `offset` days from today. */
function courtDay(offset = 0): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Karachi" }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

/** Schedules a hearing through the API from the signed-in page (the session's cookie and CSRF token). */
async function scheduleHearing(page: Page, caseId: string, body: Record<string, unknown>): Promise<number> {
  return page.evaluate(
    async ({ caseId, body }) => {
      const session = await fetch("/api/v1/auth/session").then((r) => r.json());
      const response = await fetch(`/api/v1/cases/${caseId}/hearings`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken },
        body: JSON.stringify(body),
      });
      return response.status;
    },
    { caseId, body },
  );
}

/** A full-page screenshot from the top (the shell's fixed header otherwise lands mid-page). */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await save(page, name);
}

async function attr(locator: Locator, name: string): Promise<string> {
  return (await locator.getAttribute(name)) ?? "";
}

async function attrs(locator: Locator, name: string): Promise<string[]> {
  return locator.evaluateAll((els, n) => els.map((e) => e.getAttribute(n) ?? ""), name);
}

/** Waits until the cause list shows `date` (the previous day stays on screen while the next one loads). */
async function waitForDay(page: Page, date: string) {
  await page
    .locator(
      `[data-testid="cause-list-table"][data-date="${date}"], [data-testid="cause-list-empty"][data-date="${date}"]`,
    )
    .first()
    .waitFor();
}

/** Every clash badge of the rows is named in English and matches the row's `data-clashes`. */
async function checkClashes(rows: Locator) {
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const codes = (await attr(row, "data-clashes")).split(",").filter(Boolean);
    const badges = row.getByTestId("cause-list-clash");
    expect(await attrs(badges, "data-code")).toEqual(codes);
    for (let j = 0; j < codes.length; j++) {
      expect(await text(badges.nth(j))).toMatch(CLASH_LABEL[codes[j] as string] as RegExp);
    }
  }
}

describe("cause list", () => {
  it("the Solicitor reads the next seven days, opens a day's cause list, filters it, prints it, and reads it in Urdu", async () => {
    const page = currentPage();
    await signIn(page, "solicitor");

    await page.getByTestId("nav-cause-list").click();
    await page.getByTestId("cause-list-page").waitFor();
    expect(await text(page.getByTestId("cause-list-title"))).toBe("Cause list");
    // The list opens on today in Pakistan.
    expect(await attr(page.getByTestId("cause-list-day"), "data-date")).toBe(courtDay());
    expect(await page.getByTestId("cause-list-date").inputValue()).toBe(courtDay());
    await waitForDay(page, courtDay());

    // The board: the next seven days, each row labelled (not only coloured) by its urgency.
    const board = page.getByTestId("upcoming-board");
    const boardRows = board.getByTestId("upcoming-row");
    await boardRows.first().waitFor();
    const count = await boardRows.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const row = boardRows.nth(i);
      const urgency = await attr(row, "data-urgency");
      const daysAway = Number(await attr(row, "data-days-away"));
      expect(daysAway).toBeGreaterThanOrEqual(0);
      expect(daysAway).toBeLessThan(7);
      const expected =
        daysAway === 0 ? "today" : daysAway === 1 ? "tomorrow" : daysAway <= 3 ? "soon" : "later";
      expect(urgency).toBe(expected);
      expect(await text(row.getByTestId("upcoming-urgency"))).toMatch(URGENCY_LABEL[urgency] as RegExp);
      if (urgency !== "later") {
        const bg = await row.evaluate((el) => getComputedStyle(el).backgroundColor);
        expect(bg).not.toBe("rgba(0, 0, 0, 0)");
      }
    }
    await checkClashes(boardRows);
    const dates = await attrs(boardRows, "data-date");
    expect([...dates].sort()).toEqual(dates);

    // The first day on the board, in the cause list: its board rows are all there.
    const date = dates[0] as string;
    const boardIds = await attrs(
      board.locator(`[data-testid="upcoming-row"][data-date="${date}"]`),
      "data-hearing-id",
    );
    await page.getByTestId("cause-list-date").fill(date);
    await waitForDay(page, date);
    expect(await attr(page.getByTestId("cause-list-day"), "data-date")).toBe(date);
    const rows = page.getByTestId("cause-list-row");
    await rows.first().waitFor();
    const listIds = await attrs(rows, "data-hearing-id");
    for (const id of boardIds) expect(listIds).toContain(id);
    await checkClashes(rows);
    expect(Number(await attr(page.getByTestId("cause-list-count"), "data-count"))).toBe(listIds.length);

    // The PDF link carries the same filters.
    const pdf = page.getByTestId("cause-list-pdf");
    expect(await attr(pdf, "target")).toBe("_blank");
    expect(await attr(pdf, "href")).toContain(`/api/v1/cause-list.pdf?date=${date}`);
    const printed = await page.evaluate(
      async (href) => {
        const response = await fetch(href);
        const head = new TextDecoder().decode((await response.arrayBuffer()).slice(0, 5));
        return { status: response.status, type: response.headers.get("content-type"), head };
      },
      await attr(pdf, "href"),
    );
    expect(printed).toEqual({ status: 200, type: expect.stringContaining("application/pdf"), head: "%PDF-" });
    await screenshot(page, "cause-list-1-day");

    // By court: every group is that court's, and the PDF link follows.
    const courtCode = await attr(page.getByTestId("cause-list-group").first(), "data-court-code");
    const court = page.getByTestId("cause-list-court");
    const courtId = await attr(court.locator(`option[data-code="${courtCode}"]`), "value");
    await court.selectOption(courtId);
    await expect.poll(() => attr(pdf, "href")).toContain(`courtId=${courtId}`);
    await expect
      .poll(async () => new Set(await attrs(page.getByTestId("cause-list-group"), "data-court-code")))
      .toEqual(new Set([courtCode]));
    await court.selectOption("");

    // By law officer: only that officer's hearings.
    const officerId = (await attrs(rows, "data-officer-id")).find(Boolean);
    if (officerId) {
      await page.getByTestId("cause-list-officer").selectOption(officerId);
      await expect.poll(() => attr(pdf, "href")).toContain(`officerId=${officerId}`);
      await expect
        .poll(async () => new Set(await attrs(rows, "data-officer-id")))
        .toEqual(new Set([officerId]));
      await page.getByTestId("cause-list-officer").selectOption("");
    }
    await expect.poll(() => rows.count()).toBe(listIds.length);

    // A case number opens the case on its Hearings tab, where the day's hearing is listed.
    const first = rows.first();
    const caseId = await attr(first, "data-case-id");
    const hearingId = await attr(first, "data-hearing-id");
    await first.getByTestId("cause-list-case-link").click();
    await page.getByTestId("hearings-panel").waitFor();
    expect(new URL(page.url()).pathname).toBe(`/cases/${caseId}`);
    expect(new URL(page.url()).searchParams.get("tab")).toBe("hearings");
    expect(await attr(page.getByTestId("tab-hearings"), "aria-selected")).toBe("true");
    const hearing = page.locator(`[data-testid="hearing-row"][data-hearing-id="${hearingId}"]`);
    expect(await attr(hearing, "data-date")).toBe(date);

    // Back on the cause list (the day is kept in the URL), in Urdu: right to left.
    await page.goBack();
    await waitForDay(page, date);
    await page.getByTestId("lang-ur").click();
    await page.waitForFunction(() => document.documentElement.dir === "rtl");
    await expect.poll(() => text(page.getByTestId("cause-list-title"))).toBe("کاز لسٹ");
    expect(await text(page.getByTestId("nav-cause-list"))).toBe("کاز لسٹ");
    expect(await rows.first().evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
    const urgencies = await attrs(boardRows, "data-urgency");
    const todayIndex = urgencies.indexOf("today");
    if (todayIndex >= 0)
      expect(await text(boardRows.nth(todayIndex).getByTestId("upcoming-urgency"))).toBe("آج");
    expect(await text(boardRows.first().getByTestId("upcoming-urgency"))).toMatch(/^(آج|کل|جلد|بعد میں)/);
    await screenshot(page, "cause-list-2-ur");
  });

  it("flags two hearings of one law officer at the same time, in English and in Urdu", async () => {
    const page = currentPage();
    await signIn(page, "solicitor");
    await page.getByTestId("nav-cause-list").click();
    const withOfficer = page.locator('[data-testid="upcoming-row"]:not([data-officer-id=""])').first();
    await withOfficer.waitFor();
    const caseId = await attr(withOfficer, "data-case-id");
    const officerId = await attr(withOfficer, "data-officer-id");

    // Two hearings of the officer's case at 09:15 on a day past the demo's hearings.
    const date = courtDay(60);
    for (const purpose of ["Arguments on the stay application", "Hearing of the main petition"]) {
      expect(await scheduleHearing(page, caseId, { date, time: "09:15", purpose })).toBe(201);
    }

    await page.getByTestId("cause-list-date").fill(date);
    await waitForDay(page, date);
    await page.getByTestId("cause-list-officer").selectOption(officerId);
    const rows = page.locator(`[data-testid="cause-list-row"][data-case-id="${caseId}"]`);
    await expect.poll(() => rows.count()).toBe(2);
    for (const clashes of await attrs(rows, "data-clashes"))
      expect(clashes.split(",")).toContain("same_time");
    await checkClashes(page.getByTestId("cause-list-row"));
    const badge = rows.first().locator('[data-testid="cause-list-clash"][data-code="same_time"]');
    expect(await text(badge)).toBe("Two hearings at the same time");
    expect(await text(page.getByTestId("cause-list-clash-count"))).toMatch(/^\d+ with clashes$/);
    const href = await attr(page.getByTestId("cause-list-pdf"), "href");
    expect(href).toContain(`date=${date}`);
    expect(href).toContain(`officerId=${officerId}`);
    await screenshot(page, "cause-list-3-clash");

    await page.getByTestId("lang-ur").click();
    await page.waitForFunction(() => document.documentElement.dir === "rtl");
    await expect.poll(() => text(badge)).toBe("ایک ہی وقت میں دو سماعتیں");
    await screenshot(page, "cause-list-4-clash-ur");
  });

  it("makes a private calendar link, which a calendar reads, then stops it", async () => {
    const page = currentPage();
    await signIn(page, "solicitor");
    await page.getByTestId("nav-cause-list").click();
    const card = page.getByTestId("calendar-feed");
    await card.waitFor();
    await page.getByTestId("calendar-feed-create").click();
    const url = await page.getByTestId("calendar-feed-url").inputValue();
    expect(url).toMatch(/\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    // A calendar client has no session: a fresh request context, nothing but the URL.
    const feed = await page.context().browser()!.newContext();
    const response = await feed.request.get(url);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/calendar");
    const body = await response.text();
    expect(body).toContain("BEGIN:VCALENDAR");
    expect(body).toContain("BEGIN:VEVENT"); // the demo's solicitor sees hearings in the coming weeks
    await screenshot(page, "cause-list-5-calendar-feed");
    await page.getByTestId("calendar-feed-revoke").click();
    await expect.poll(() => attr(card, "data-active")).toBe("false");
    expect((await feed.request.get(url)).status()).toBe(404);
    await feed.close();
  });
});
