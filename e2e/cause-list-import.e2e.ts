import type { Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { pagePerTest, screenshot as save, signIn, text } from "./browser.ts";

/**
 * Importing a court's cause list in a real browser against the real server (demo data): the Solicitor opens
 * the import from the cause list, uploads a CSV of the Islamabad High Court with one row for W.P. No. 1234 of
 * 2025 and two rows that match nothing, previews it (also in Urdu), creates the one hearing, finds it on the
 * cause list and on the case's Hearings tab, and imports the same file again: its row is now already listed
 * and there is nothing to create.
 */
const baseUrl = inject("baseUrl");
const currentPage = pagePerTest({ beforeAll, afterAll, beforeEach, afterEach }, baseUrl);
const CASE_NUMBER = "W.P. No. 1234 of 2025";

/** A calendar day in the courts' time zone (the server's "today"), `offset` days from today. */
function courtDay(offset = 0): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Karachi" }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' → 'dd-mm-yyyy', as Pakistani cause lists print it. */
const asListed = (iso: string) => iso.split("-").reverse().join("-");

/** A full-page screenshot from the top (the shell's fixed header otherwise lands mid-page). */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await save(page, name);
}

async function attr(locator: Locator, name: string): Promise<string> {
  return (await locator.getAttribute(name)) ?? "";
}

/** From the cause list: opens the import, chooses the Islamabad High Court and hands over the file. */
async function openImport(page: Page, name: string, content: string | Buffer) {
  await page.getByTestId("nav-cause-list").click();
  await page.getByTestId("cause-list-page").waitFor();
  await page.getByTestId("cause-list-import-open").click();
  await page.getByTestId("import-page").waitFor();
  const court = page.getByTestId("import-court");
  const ihc = court.locator('option[data-code="IHC"]');
  await ihc.waitFor({ state: "attached" });
  await court.selectOption(await attr(ihc, "value"));
  await page.getByTestId("import-file").setInputFiles({
    name,
    mimeType: "text/csv",
    buffer: Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8"),
  });
}

async function counts(page: Page) {
  const el = page.getByTestId("import-counts");
  await el.waitFor();
  return {
    matched: await attr(el, "data-matched"),
    listed: await attr(el, "data-listed"),
    unmatched: await attr(el, "data-unmatched"),
  };
}

const row = (page: Page, line: number) => page.locator(`[data-testid="import-row"][data-line="${line}"]`);

describe("cause list import", () => {
  it("the Solicitor imports a court's cause list, creates the matched hearing, and a second import changes nothing", async () => {
    const date = courtDay(45);
    const csv = [
      "Sr No,Case No,Date of Hearing,Time,Purpose,Coram",
      `1,${CASE_NUMBER},${asListed(date)},10:00 AM,Arguments on the main petition,DB-I`,
      `2,Writ of something,${asListed(date)},10:30 AM,Notice,DB-I`,
      `3,W.P. No. 9999999 of 2025,${asListed(date)},11:00 AM,Notice,DB-I`,
    ].join("\r\n");
    const page = currentPage();
    await signIn(page, "solicitor");

    // Preview: one row matches the demo case, two match nothing, each with its reason.
    await openImport(page, "ihc-cause-list.csv", csv);
    expect(await text(page.getByTestId("import-title"))).toBe("Import a court's cause list");
    await page.getByTestId("import-preview").click();
    expect(await counts(page)).toEqual({ matched: "1", listed: "0", unmatched: "2" });
    expect(await page.getByTestId("import-row").count()).toBe(3);

    const matched = row(page, 2);
    expect(await attr(matched, "data-status")).toBe("matched");
    expect(await attr(matched, "data-reason")).toBe("");
    expect(await attr(matched, "data-date")).toBe(date);
    expect(await text(matched.getByTestId("import-case-link"))).toBe(CASE_NUMBER);
    expect(await text(matched)).toContain("10:00");
    const caseId = await attr(matched, "data-case-id");
    expect(caseId).not.toBe("");

    expect(await attr(row(page, 3), "data-status")).toBe("unmatched");
    expect(await attr(row(page, 3), "data-reason")).toBe("unparsable_number");
    expect(await text(row(page, 3).getByTestId("import-reason"))).toContain("Not a case number");
    expect(await attr(row(page, 4), "data-status")).toBe("unmatched");
    expect(await attr(row(page, 4), "data-reason")).toBe("no_case");
    expect(await text(row(page, 4).getByTestId("import-reason"))).toContain(
      "No case of yours in this court has this number",
    );
    const commit = page.getByTestId("import-commit");
    expect(await text(commit)).toBe("Create 1 hearing");
    expect(await commit.isEnabled()).toBe(true);
    await screenshot(page, "cause-list-import-1-preview");

    // The same preview in Urdu, right to left; then back to English.
    await page.getByTestId("lang-ur").click();
    await page.waitForFunction(() => document.documentElement.dir === "rtl");
    await expect.poll(() => text(page.getByTestId("import-title"))).toBe("عدالت کی کاز لسٹ درآمد کریں");
    expect(await text(commit)).toBe("1 سماعت مقرر کریں");
    expect(await text(row(page, 3).getByTestId("import-reason"))).toBe("یہ مقدمہ نمبر نہیں ہے");
    expect(await row(page, 3).getByTestId("import-detail").count()).toBe(0);
    expect(await matched.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
    expect(
      await matched.getByTestId("import-case-link").evaluate((el) => getComputedStyle(el).direction),
    ).toBe("ltr");
    await screenshot(page, "cause-list-import-2-preview-ur");
    await page.getByTestId("lang-en").click();
    await page.waitForFunction(() => document.documentElement.dir === "ltr");

    // Commit: one hearing is created.
    await commit.click();
    const done = page.getByTestId("import-done");
    await done.waitFor();
    expect(await attr(done, "data-created")).toBe("1");
    expect(await text(done)).toContain("1 hearing created.");
    await screenshot(page, "cause-list-import-3-done");

    // The cause list of that day shows it; its case number opens the case on the Hearings tab.
    const dayLink = page.getByTestId("import-done-list");
    expect(await attr(dayLink, "data-date")).toBe(date);
    await dayLink.click();
    await page.locator(`[data-testid="cause-list-table"][data-date="${date}"]`).waitFor();
    const listed = page.locator(`[data-testid="cause-list-row"][data-case-id="${caseId}"]`);
    await expect.poll(() => listed.count()).toBe(1);
    expect(await text(listed)).toContain("10:00");
    await listed.getByTestId("cause-list-case-link").click();
    await page.getByTestId("hearings-panel").waitFor();
    expect(new URL(page.url()).pathname).toBe(`/cases/${caseId}`);
    expect(await attr(page.getByTestId("tab-hearings"), "aria-selected")).toBe("true");
    const hearing = page.locator(`[data-testid="hearing-row"][data-date="${date}"]`);
    await hearing.waitFor();
    expect(await hearing.count()).toBe(1);
    expect(await attr(hearing, "data-state")).toBe("scheduled");
    expect(await text(hearing)).toContain("10:00");
    expect(await text(hearing)).toContain("Arguments on the main petition");

    // The same file again: the row is already listed, and there is nothing to create.
    await openImport(page, "ihc-cause-list.csv", csv);
    await page.getByTestId("import-preview").click();
    expect(await counts(page)).toEqual({ matched: "0", listed: "1", unmatched: "2" });
    expect(await attr(row(page, 2), "data-status")).toBe("listed");
    expect(await attr(row(page, 2), "data-case-id")).toBe(caseId);
    expect(await text(row(page, 2).getByTestId("import-reason"))).toBe(
      "The case already has a hearing on this day.",
    );
    expect(await commit.isDisabled()).toBe(true);
    expect(await text(commit)).toBe("Create 0 hearings");
    await screenshot(page, "cause-list-import-4-again");
  });

  it("refuses a file over 2 MB in the browser, and shows the server's problem with a file lacking the columns", async () => {
    const page = currentPage();
    await signIn(page, "solicitor");

    await openImport(page, "huge.csv", Buffer.alloc(2_000_001, "a"));
    await expect.poll(() => text(page.getByTestId("import-file-error"))).toContain("larger than 2 MB");
    expect(await page.getByTestId("import-preview").isDisabled()).toBe(true);

    await page.getByTestId("import-file").setInputFiles({
      name: "no-columns.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("Judge,Room\nJustice A,1\n", "utf8"),
    });
    await expect.poll(() => page.getByTestId("import-file-error").count()).toBe(0);
    await page.getByTestId("import-preview").click();
    const error = page.getByTestId("import-error");
    await error.waitFor();
    expect(await attr(error, "data-code")).toBe("validation_failed");
    expect(await text(error)).toContain("The file was not accepted");
    expect(await text(error)).toContain("case number");
    expect(await page.getByTestId("import-counts").count()).toBe(0);
    await screenshot(page, "cause-list-import-5-refused");
  });
});
