import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { pagePerTest, signIn } from "./browser.ts";

/**
 * Issue 6 item 3 in the browser: the Solicitor filters the case list and exports it from the "Export" menu; the
 * XLSX downloaded is a zip (starts "PK") and the CSV's first line is the header (after the byte-order mark).
 */
const baseUrl = inject("baseUrl");
const currentPage = pagePerTest({ beforeAll, afterAll, beforeEach, afterEach }, baseUrl);

describe("case list export", () => {
  it("the Solicitor exports the filtered list as XLSX and CSV", async () => {
    const page = currentPage();
    await signIn(page, "solicitor");
    await page.goto("/cases?status=pending");
    const total = page.getByTestId("case-total");
    await total.waitFor();
    expect(Number(await total.getAttribute("data-total"))).toBeGreaterThan(0);

    async function download(format: "xlsx" | "csv") {
      await page.getByTestId("export-menu").click();
      const [file] = await Promise.all([
        page.waitForEvent("download"),
        page.getByTestId(`export-${format}`).click(),
      ]);
      expect(file.suggestedFilename()).toMatch(new RegExp(`^cases-\\d+\\.${format}$`));
      return fs.readFileSync((await file.path()) ?? "");
    }

    const xlsx = await download("xlsx");
    expect(xlsx.subarray(0, 2).toString()).toBe("PK");

    const csv = (await download("csv")).toString("utf8");
    expect(csv.replace(/^\ufeff/, "").split("\r\n")[0]).toBe(
      "Case number,Title,Court,Bench,Organisation,Status,Officer,Next hearing,Filed on,Updated at",
    );
  });

  it("exports a text search: the file holds the list's matches", async () => {
    const page = currentPage();
    await signIn(page, "solicitor");
    await page.goto("/cases?q=federation");
    const total = page.getByTestId("case-total");
    await total.waitFor();
    const matches = Number(await total.getAttribute("data-total"));
    expect(matches).toBeGreaterThan(0);
    await page.getByTestId("export-menu").click();
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
    const rows = parse(fs.readFileSync((await file.path()) ?? ""), { bom: true }) as string[][];
    expect(rows.length - 1).toBe(matches);
  });
});
