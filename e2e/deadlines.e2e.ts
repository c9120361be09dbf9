import type { Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { pagePerTest, screenshot as save, signIn, signOut, text } from "./browser.ts";

/**
 * Limitation deadlines and tasks in a real browser against the real server (demo data): a Ministry of Interior
 * focal person registers a writ petition in the Islamabad High Court and records an adverse judgment; the case
 * then shows the appeal deadline (intra-court appeal, 20 days, Limitation Act First Schedule Art. 151) with its
 * derivation, and the task "Decide whether to appeal" on the case, on the Tasks page and on the Deadlines page;
 * the Solicitor is notified. An administrator reads the limitation rules and the court calendar.
 */
const baseUrl = inject("baseUrl");
const currentPage = pagePerTest({ beforeAll, afterAll, beforeEach, afterEach }, baseUrl);

const RULE_CODE = "ica_high_court";
const RULE_SOURCE = "Limitation Act 1908, First Schedule Art. 151";

/** A calendar day in the courts' time zone (the server's "today"), `offset` days from today. */
function courtDay(offset = 0): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Karachi" }).format(new Date());
  return addDays(today, offset);
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A full-page screenshot from the top (the shell's fixed header otherwise lands mid-page). */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await save(page, name);
}

async function attr(locator: Locator, name: string): Promise<string> {
  return (await locator.getAttribute(name)) ?? "";
}

/** Registers a fresh I.H.C. writ petition for the Ministry of Interior and returns its id (from the URL). */
async function registerCase(page: Page, number: number): Promise<string> {
  await page.getByTestId("nav-new-case").click();
  await page.getByTestId("case-form").waitFor();
  await page.getByTestId("case-court").selectOption({ label: "Islamabad High Court" });
  await page.getByTestId("case-type").selectOption({ label: "W.P. — Writ Petition" });
  await page.getByTestId("case-number").fill(String(number));
  await page.getByTestId("case-year").fill("2025");
  await page.getByTestId("party-name-0").fill(`Limitation Petitioner ${number}`);
  await page
    .getByTestId("party-name-1")
    .fill("Federation of Pakistan through Secretary, Ministry of Interior");
  await page
    .getByTestId("case-title-input")
    .fill(`Limitation Petitioner ${number} v. Federation of Pakistan`);
  await page.getByTestId("case-category").selectOption("service");
  await page.getByTestId("case-submit").click();
  await expect.poll(() => text(page.getByTestId("case-number"))).toBe(`W.P. No. ${number} of 2025`);
  const id = /\/cases\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  if (!id) throw new Error(`no case id in ${page.url()}`);
  return id;
}

describe("limitation deadlines and tasks", () => {
  it("an adverse judgment opens the appeal deadline with its derivation and the task to decide on an appeal", async () => {
    const number = 100_000 + Math.floor(Math.random() * 900_000);
    const decidedOn = courtDay(-3);
    const page = currentPage();
    await signIn(page, "focal.interior");
    // Rules and calendars are for administrators only.
    expect(await page.getByTestId("nav-limitation-rules").count()).toBe(0);
    expect(await page.getByTestId("nav-court-calendar").count()).toBe(0);
    const caseId = await registerCase(page, number);

    // Nothing is running yet.
    await page.getByTestId("tab-deadlines").click();
    await page.getByTestId("deadlines-empty").waitFor();
    await page.getByTestId("tab-tasks").click();
    await page.getByTestId("tasks-empty").waitFor();

    // Record the judgment: decided against the government.
    await page.getByTestId("tab-overview").click();
    await page.getByTestId("status-select").selectOption("decided");
    await page.getByTestId("status-decided-on").fill(decidedOn);
    await page.getByTestId("status-outcome").selectOption("allowed");
    await page.getByTestId("status-result").selectOption("against");
    await page.getByTestId("status-submit").click();
    await expect.poll(() => attr(page.getByTestId("case-status"), "data-status")).toBe("decided");

    // The appeal deadline, under the intra-court appeal rule proposed for an I.H.C. writ petition.
    await page.getByTestId("tab-deadlines").click();
    const deadline = page.locator('[data-testid="deadline-item"][data-kind="appeal"]');
    await deadline.waitFor();
    expect(await page.getByTestId("deadline-item").count()).toBe(1);
    expect(await attr(deadline, "data-state")).toBe("open");
    expect(await attr(deadline.getByTestId("deadline-rule"), "data-rule-code")).toBe(RULE_CODE);
    expect(await attr(deadline.getByTestId("deadline-rule-status"), "data-status")).toBe("V");
    expect(await text(deadline.getByTestId("deadline-rule-source"))).toContain(RULE_SOURCE);
    const legalDue = await attr(deadline, "data-legal-due");
    const internalDue = await attr(deadline, "data-internal-due");
    expect(legalDue >= addDays(decidedOn, 20)).toBe(true);
    expect(internalDue < legalDue).toBe(true);
    expect(await attr(deadline.getByTestId("days-left"), "data-urgency")).toMatch(/^(urgent|soon|later)$/);

    // Its derivation: the s.12(1) period with the rule's source, then the internal due date.
    expect(await deadline.getByTestId("deadline-derivation").count()).toBe(0);
    await deadline.getByTestId("deadline-derivation-toggle").click();
    const steps = deadline.getByTestId("deadline-step");
    await steps.first().waitFor();
    expect(await attr(steps.first(), "data-code")).toBe("period");
    expect(await attr(steps.first(), "data-date")).toBe(addDays(decidedOn, 20));
    const period = await text(steps.first());
    expect(period).toContain("20 days");
    expect(period).toContain(RULE_SOURCE);
    expect(period).toContain("s.12(1)");
    expect(period).toContain(decidedOn);
    const codes = await steps.evaluateAll((items) => items.map((i) => i.getAttribute("data-code")));
    expect(codes.at(-1)).toBe("internal");
    expect(await attr(steps.last(), "data-date")).toBe(internalDue);
    await screenshot(page, "deadlines-1-appeal-derivation");

    // A certified copy changes nothing for an intra-court appeal (no s.12(2) exclusion), and the working says so.
    await deadline.getByTestId("deadline-edit").click();
    await page.getByTestId("deadline-edit-form").waitFor();
    await page.getByTestId("deadline-copy-applied").fill(addDays(decidedOn, 1));
    await page.getByTestId("deadline-copy-ready").fill(addDays(decidedOn, 2));
    await page.getByTestId("deadline-edit-submit").click();
    await page.getByTestId("deadline-edit-form").waitFor({ state: "detached" });
    await deadline.locator('[data-testid="deadline-step"][data-code="no_copy_exclusion"]').waitFor();
    expect(await attr(deadline, "data-legal-due")).toBe(legalDue);
    expect(await text(deadline.getByTestId("deadline-copy"))).toContain("Certified copy applied for");

    // The task to decide on an appeal, for the case's ministry.
    await page.getByTestId("tab-tasks").click();
    const task = page.locator('[data-testid="task-row"][data-kind="appeal_decision"]');
    await task.waitFor();
    expect((await text(task.getByTestId("task-title"))).toLowerCase()).toContain("decide whether to appeal");
    expect(await attr(task, "data-state")).toBe("open");
    expect(await attr(task, "data-priority")).toBe("high");
    expect(await text(task.getByTestId("task-assignee"))).toContain("Interior");
    await screenshot(page, "deadlines-2-case-tasks");

    // A task added by hand: a contempt matter, for the focal person themself.
    await page.getByTestId("task-add-open").click();
    await page.getByTestId("task-kind-select").selectOption("compliance");
    await page.getByTestId("task-priority-select").selectOption("contempt");
    await page.getByTestId("task-due-on").fill(courtDay(5));
    await page.getByTestId("task-assignee-select").selectOption({ label: "Muhammad Imran Khattak (me)" });
    await page.getByTestId("task-submit").click();
    await page.getByTestId("task-form").waitFor({ state: "detached" });
    const added = page.locator('[data-testid="task-row"][data-kind="compliance"]');
    await added.waitFor();
    expect(await attr(added, "data-priority")).toBe("contempt");
    expect(await text(added.getByTestId("task-assignee"))).toContain("Muhammad Imran Khattak");

    // A notice received opens the reply deadline (the court's date) and its tasks; cancelling it needs a note.
    await page.getByTestId("tab-deadlines").click();
    await page.getByTestId("deadline-event-open").click();
    await page.getByTestId("deadline-event-kind").selectOption("notice_received");
    await page.getByTestId("deadline-event-date").fill(courtDay(-1));
    await page.getByTestId("deadline-event-reply-due").fill(courtDay(20));
    await page.getByTestId("deadline-event-submit").click();
    await page.getByTestId("deadline-event-form").waitFor({ state: "detached" });
    const reply = page.locator('[data-testid="deadline-item"][data-kind="reply"]');
    await reply.waitFor();
    expect(await attr(reply, "data-legal-due")).toBe(courtDay(20));
    await reply.getByTestId("deadline-close").click();
    await page.getByTestId("deadline-close-state").selectOption("cancelled");
    await page.getByTestId("deadline-close-submit").click();
    expect(await attr(page.getByTestId("deadline-close-note"), "aria-invalid")).toBe("true");
    await page
      .getByTestId("deadline-close-note")
      .fill("The petition was withdrawn before the reply fell due.");
    await page.getByTestId("deadline-close-submit").click();
    await page.getByTestId("deadline-close-form").waitFor({ state: "detached" });
    await expect.poll(() => attr(reply, "data-state")).toBe("cancelled");
    expect(await text(reply.getByTestId("deadline-closed"))).toContain("withdrawn");
    // its tasks were cancelled with it: shown among all the case's tasks, no longer among the open ones
    await page.getByTestId("tab-tasks").click();
    await page.getByTestId("task-state-filter").selectOption("all");
    for (const kind of ["para_wise_comments", "file_reply"]) {
      const task = page.locator(`[data-testid="task-row"][data-kind="${kind}"]`);
      await task.waitFor();
      expect(await attr(task, "data-state")).toBe("cancelled");
    }
    await page.getByTestId("task-state-filter").selectOption("open");

    // On the Tasks page among the focal person's tasks; starting it moves it to "in progress".
    await page.getByTestId("nav-tasks").click();
    const mine = page.locator(
      `[data-testid="task-row"][data-case-id="${caseId}"][data-kind="appeal_decision"]`,
    );
    await mine.waitFor();
    expect((await text(mine.getByTestId("task-title"))).toLowerCase()).toContain("decide whether to appeal");
    expect(await text(mine.getByTestId("task-case-link"))).toBe(`W.P. No. ${number} of 2025`);
    await mine.getByTestId("task-start").click();
    await expect.poll(() => attr(mine, "data-state")).toBe("in_progress");
    await mine.getByTestId("task-done").waitFor();
    await screenshot(page, "deadlines-3-tasks-page");

    // On the Deadlines page (within 30 days), linking back to the case.
    await page.getByTestId("nav-deadlines").click();
    const row = page.locator(`[data-testid="my-deadline-row"][data-case-id="${caseId}"]`);
    await row.waitFor();
    expect(await attr(row, "data-kind")).toBe("appeal");
    await page.getByTestId("deadlines-within-7").click();
    await page.locator('[data-testid="my-deadlines-count"][data-within="7"]').waitFor();
    await page.getByTestId("deadlines-within-90").click();
    await row.waitFor();
    await row.getByTestId("my-deadline-case-link").click();
    await page.getByTestId("deadlines-panel").waitFor();
    expect(new URL(page.url()).pathname).toBe(`/cases/${caseId}`);

    // In Urdu the working reads right to left, worded from each step.
    await page.getByTestId("lang-ur").click();
    await page.waitForFunction(() => document.documentElement.dir === "rtl");
    await expect.poll(() => text(page.getByTestId("tab-deadlines"))).toBe("آخری تاریخیں");
    await deadline.getByTestId("deadline-derivation-toggle").click();
    await expect.poll(() => text(deadline.getByTestId("deadline-step").first())).toContain("دفعہ 12(1)");
    await screenshot(page, "deadlines-4-derivation-ur");
    await page.getByTestId("lang-en").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    await signOut(page);

    // The Solicitor is told of the adverse decision.
    await signIn(page, "solicitor");
    await page.getByTestId("notif-bell").click();
    const notice = page.locator(`[data-testid="notif-item"][data-case-id="${caseId}"]`).first();
    await notice.waitFor();
    expect(await text(notice)).toContain("Adverse decision");
  });
});

describe("limitation administration", () => {
  it("an administrator reads the limitation rules and the court calendar", async () => {
    const page = currentPage();
    await signIn(page, "admin");

    await page.getByTestId("nav-limitation-rules").click();
    await page.getByTestId("rules-table").waitFor();
    expect(await page.getByTestId("rule-row").count()).toBeGreaterThanOrEqual(10);
    const ica = page.locator(`[data-testid="rule-row"][data-code="${RULE_CODE}"]`);
    expect(await attr(ica, "data-days")).toBe("20");
    expect(await attr(ica, "data-status")).toBe("V");
    expect(await text(ica.getByTestId("rule-source"))).toContain(RULE_SOURCE);
    expect(await attr(ica.getByTestId("rule-copy-excluded"), "data-value")).toBe("false");
    await ica.getByTestId("rule-edit").click();
    await page.getByTestId("rule-edit-form").waitFor();
    expect(await page.getByTestId("rule-days-input").inputValue()).toBe("20");
    await page.getByTestId("rule-edit-form").getByRole("button", { name: "Cancel" }).click();
    await page.getByTestId("rule-edit-form").waitFor({ state: "detached" });
    await screenshot(page, "deadlines-5-rules");

    await page.getByTestId("nav-court-calendar").click();
    await page.getByTestId("calendar-page").waitFor();
    await page.getByTestId("calendar-year").selectOption("2026");
    const court = page.getByTestId("calendar-court");
    const ihc = court.locator('option[data-code="IHC"]');
    await ihc.waitFor({ state: "attached" });
    await court.selectOption((await ihc.getAttribute("value")) ?? "");
    // Every court's Sunday and the I.H.C.'s own weekend; every court's holidays and the I.H.C.'s vacation.
    await page.locator('[data-testid="weekend-row"][data-court-code="IHC"]').waitFor();
    expect(await attr(page.locator('[data-testid="weekend-row"][data-court-code="*"]'), "data-days")).toBe(
      "0",
    );
    const independence = page.locator(
      '[data-testid="closure-row"][data-starts="2026-08-14"][data-court-code="*"]',
    );
    await independence.waitFor();
    expect(await text(independence)).toContain("Independence Day");
    // The winter vacation of 2025–26 reaches into 2026, so it is listed too.
    const vacations = page.locator(
      '[data-testid="closure-row"][data-court-code="IHC"][data-kind="vacation"]',
    );
    // Wait for the court's own rows: the list of every court's closures may still be on screen.
    await page
      .locator('[data-testid="closure-row"][data-court-code="IHC"][data-starts="2026-07-01"]')
      .waitFor();
    const starts = await vacations.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-starts")));
    expect(starts).toContain("2026-07-01");
    expect(starts).toContain("2025-12-24");
    await screenshot(page, "deadlines-6-court-calendar");

    // Add a one-day closure of the I.H.C., see it listed, then delete it.
    const day = "2026-10-15";
    await page.getByTestId("closure-add").click();
    await page.getByTestId("closure-form").waitFor();
    await page.getByTestId("closure-starts").fill(day);
    await page.getByTestId("closure-ends").fill(day);
    await page.getByTestId("closure-name-en").fill("Local holiday (browser test)");
    await page.getByTestId("closure-source").fill("Test notification");
    await page.getByTestId("closure-submit").click();
    await page.getByTestId("closure-form").waitFor({ state: "detached" });
    const added = page.locator(`[data-testid="closure-row"][data-starts="${day}"][data-court-code="IHC"]`);
    await added.waitFor();
    expect(await text(added)).toContain("Local holiday (browser test)");
    await added.getByTestId("closure-delete").click();
    await page.getByTestId("closure-delete-submit").click();
    await added.waitFor({ state: "detached" });
  });
});
