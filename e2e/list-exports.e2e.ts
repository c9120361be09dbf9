import fs from "node:fs";
import { parse } from "csv-parse/sync";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { readXlsx } from "../server/test/xlsx.ts";
import { pagePerTest, signIn } from "./browser.ts";

/**
 * Issue 6 item 3 for the lists beside the case list: a focal person downloads the tasks list as CSV and gets
 * the rows on the page; the Central Authority downloads the MLA register as XLSX and gets the requests listed.
 */
const baseUrl = inject("baseUrl");
const currentPage = pagePerTest({ beforeAll, afterAll, beforeEach, afterEach }, baseUrl);

async function download(page: Page, testId: string, name: RegExp) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  expect(file.suggestedFilename()).toMatch(name);
  return fs.readFileSync((await file.path()) ?? "");
}

describe("list exports", () => {
  it("a focal person downloads the tasks list as CSV: the page's rows, in its order", async () => {
    const page = currentPage();
    await signIn(page, "focal.interior");
    await page.goto("/tasks?state=all");
    const count = page.getByTestId("tasks-count");
    await count.waitFor();
    const total = Number(await count.getAttribute("data-count"));
    expect(total).toBeGreaterThan(0);
    const rows = page.getByTestId("task-row");
    const priorities = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-priority")));
    expect(await page.getByTestId("tasks-download-csv").getAttribute("aria-label")).toBe(
      "Download the tasks list as CSV",
    );

    const csv = parse(await download(page, "tasks-download-csv", /^tasks-\d{12}\.csv$/), {
      bom: true,
    }) as string[][];
    expect(csv[0]).toEqual([
      "Due on",
      "Days left",
      "Priority",
      "Task",
      "Kind",
      "Case",
      "Case title",
      "Assigned to",
      "State",
    ]);
    expect(csv.length - 1).toBe(total);
    expect(csv.slice(1).map((r) => r[2]!.toLowerCase())).toEqual(priorities);
  });

  it("the Central Authority downloads the MLA register as XLSX: the requests listed", async () => {
    const page = currentPage();
    await signIn(page, "central.authority");
    await page.goto("/mla");
    await page.getByTestId("mla-table").waitFor();
    const references = await page.getByTestId("mla-link").allTextContents();
    expect(references.length).toBeGreaterThan(0);

    const xlsx = await download(page, "mla-download-xlsx", /^mla-register-\d{12}\.xlsx$/);
    const sheet = readXlsx(xlsx, 8);
    expect(sheet[0]![0]).toBe("Reference");
    expect(sheet.slice(1).map((r) => r[0])).toEqual(references.map((r) => r.trim()));
  });
});
