import type { Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { DEMO_ACCOUNTS } from "../server/modules/demo/demo.accounts.ts";
import { pagePerTest, screenshot as save, signIn, text } from "./browser.ts";

/**
 * The assignment screens in a real browser against the real server (demo data: ~100 unassigned cases and six
 * law officers of the Attorney-General's office with profiles and seats). The assigning officer clears ten
 * queue cases with one bulk assignment and reads why one of them went to whom; an officer who got one sees
 * the notice and opens the case from it; the Law Ministry overrides a suggestion (a reason is required); the
 * policy editor saves a new version.
 */
const baseUrl = inject("baseUrl");
const currentPage = pagePerTest({ beforeAll, afterAll, beforeEach, afterEach }, baseUrl);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const URDU = /[\u0600-\u06ff]/;

/** Set by the bulk test for the notification test: a case given to an officer, and that officer's name. */
let handedOut: { caseId: string; officerName: string; cases: number } | null = null;

/** A full-page screenshot from the top (the shell's fixed header otherwise lands mid-page). */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await save(page, name);
}

async function attr(locator: Locator, name: string): Promise<string> {
  return (await locator.getAttribute(name)) ?? "";
}

/** The sum of every officer's open cases on the workload board. */
async function openCasesOnBoard(page: Page): Promise<number> {
  const counts = await page
    .getByTestId("workload-row")
    .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-open-cases"))));
  return counts.reduce((a, b) => a + b, 0);
}

async function queueCount(page: Page): Promise<number> {
  return Number(await attr(page.getByTestId("queue-count"), "data-count"));
}

async function switchTo(page: Page, lang: "en" | "ur") {
  await page.getByTestId(`lang-${lang}`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

describe("bulk assignment", () => {
  it("the assigning officer selects 10 queue cases, previews, reads one explanation and commits", async () => {
    const page = currentPage();
    await signIn(page, "assigner.agp");
    await page.getByTestId("nav-assignment").click();
    await page.getByTestId("queue-row").first().waitFor();
    await page.getByTestId("workload-row").first().waitFor();
    expect(await page.getByTestId("workload-row").count()).toBe(6);
    const queuedBefore = await queueCount(page);
    expect(queuedBefore).toBeGreaterThanOrEqual(10);
    const openBefore = await openCasesOnBoard(page);

    const rows = page.getByTestId("queue-row");
    const caseIds: string[] = [];
    for (let i = 0; i < 10; i++) {
      caseIds.push(await attr(rows.nth(i), "data-case-id"));
      await rows.nth(i).getByTestId("queue-select").check();
    }
    expect(await attr(page.getByTestId("queue-selected"), "data-count")).toBe("10");
    await screenshot(page, "assignment-1-queue-selected");

    await page.getByTestId("preview-button").click();
    await page.getByTestId("preview-table").waitFor();
    const previewRows = page.getByTestId("preview-row");
    expect(await previewRows.count()).toBe(10);
    expect(
      (await previewRows.evaluateAll((r) => r.map((x) => x.getAttribute("data-case-id")))).sort(),
    ).toEqual([...caseIds].sort());

    // The first case the policy gives to someone: open "Why?" and read the explanation.
    const row = page.locator('[data-testid="preview-row"]:not([data-officer-id=""])').first();
    const caseId = await attr(row, "data-case-id");
    const officerId = await attr(row, "data-officer-id");
    const officerName = await text(row.getByTestId("preview-officer"));
    expect(officerName.length).toBeGreaterThan(3);
    await row.getByTestId("preview-explain").click();
    const explanation = page
      .locator(`[data-testid="preview-explanation-row"][data-case-id="${caseId}"]`)
      .getByTestId("explanation");
    await explanation.waitFor();
    expect(await text(explanation.getByTestId("explanation-step"))).toContain(officerName);

    const chosen = explanation.locator(
      `[data-testid="explanation-candidate"][data-officer-id="${officerId}"][data-chosen="true"]`,
    );
    expect(await text(chosen)).toContain(officerName);
    const load = chosen.locator('[data-testid="explanation-factor"][data-code="load"]');
    expect(await text(load)).toMatch(/^Weighted load [\d.]+ of a maximum [\d.]+; [\d.]+ after this case/);
    expect(await chosen.getByTestId("explanation-factor").count()).toBeGreaterThanOrEqual(3);

    // Six officers in the office: a bulk decision counts the excluded ones by the reason that excluded them.
    const excluded = explanation.getByTestId("explanation-excluded-reason");
    expect(await excluded.count()).toBeGreaterThanOrEqual(1);
    const reason = await text(excluded.first());
    expect(reason).toMatch(/^[a-z].{5,}: \d+$/);
    expect(reason).not.toMatch(UUID); // reasons are named, not given as ids
    expect(Number(await attr(excluded.first(), "data-count"))).toBeGreaterThanOrEqual(1);
    await screenshot(page, "assignment-2-explanation");

    // The same explanation in Urdu.
    await switchTo(page, "ur");
    await expect.poll(() => text(explanation.getByTestId("explanation-step"))).toMatch(URDU);
    expect(await text(load)).toMatch(URDU);
    expect(await text(excluded.first())).toMatch(URDU);
    await screenshot(page, "assignment-2-explanation-ur");
    await switchTo(page, "en");

    const officerNames = new Map<string, string>();
    for (const r of await previewRows.all())
      officerNames.set(await attr(r, "data-officer-id"), await text(r.getByTestId("preview-officer")));

    await page.getByTestId("preview-commit").click();
    const summary = page.getByTestId("commit-summary");
    await summary.waitFor();
    const assigned = Number(await attr(summary, "data-assigned"));
    expect(assigned + Number(await attr(summary, "data-queued"))).toBe(10);
    expect(assigned).toBeGreaterThanOrEqual(1);
    const item = page.locator(`[data-testid="commit-summary-item"][data-case-id="${caseId}"]`);
    expect(await attr(item, "data-officer-id")).toBe(officerId);

    // The assigned cases leave the queue; the workload board counts them.
    await expect.poll(() => queueCount(page)).toBe(queuedBefore - assigned);
    for (const id of caseIds) {
      const stillQueued = await page.locator(`[data-testid="queue-row"][data-case-id="${id}"]`).count();
      const wasAssigned =
        (await attr(
          page.locator(`[data-testid="commit-summary-item"][data-case-id="${id}"]`),
          "data-officer-id",
        )) !== "";
      expect(stillQueued).toBe(wasAssigned ? 0 : 1);
    }
    await expect.poll(() => openCasesOnBoard(page)).toBe(openBefore + assigned);
    expect(await attr(page.getByTestId("queue-selected"), "data-count")).toBe("0");
    await screenshot(page, "assignment-3-committed");
    await switchTo(page, "ur");
    await screenshot(page, "assignment-3-committed-ur");

    // For the notice test: an officer given exactly one case gets a notice naming it (one given several gets one
    // notice counting them; with competence preferred, holders of the training may take most of a batch).
    const given = await page
      .getByTestId("commit-summary-item")
      .evaluateAll((items) =>
        items.map((i) => [i.getAttribute("data-case-id"), i.getAttribute("data-officer-id")]),
      );
    const byOfficer = Map.groupBy(
      given.filter(([, o]) => o),
      ([, o]) => o as string,
    );
    const single = [...byOfficer].find(([, xs]) => xs.length === 1);
    const pick = single
      ? { officerId: single[0], caseId: single[1][0]![0] as string }
      : { officerId, caseId };
    handedOut = {
      caseId: pick.caseId,
      officerName: officerNames.get(pick.officerId) ?? officerName,
      cases: byOfficer.get(pick.officerId)?.length ?? 1,
    };
  });
});

describe("notice to the officer", () => {
  it("the officer who got a case sees the bell count and opens the case from the notice", async () => {
    if (!handedOut) throw new Error("the bulk assignment test did not hand out a case");
    const { caseId, officerName, cases } = handedOut;
    const account = DEMO_ACCOUNTS.find((a) => a.fullName === officerName);
    if (!account) throw new Error(`no demo account named ${officerName}`);
    const page = currentPage();
    await signIn(page, account.username);
    const bell = page.getByTestId("notif-bell");
    await expect.poll(async () => Number(await attr(bell, "data-count"))).toBeGreaterThanOrEqual(cases);
    const unread = Number(await attr(bell, "data-count"));
    await bell.click();
    const notice = page.locator(`[data-testid="notif-item"][data-case-id="${caseId}"]`);
    await notice.waitFor();
    expect(await attr(notice, "data-read")).toBe("false");
    expect(await text(notice)).toMatch(/^Case .+ assigned to you/);
    await screenshot(page, "assignment-4-notifications");

    await notice.click();
    await page.waitForURL(new RegExp(`/cases/${caseId}`));
    await page.getByTestId("case-title").waitFor();
    await expect.poll(() => text(page.getByTestId("assignment-current"))).toBe(officerName);
    await expect.poll(async () => Number(await attr(bell, "data-count"))).toBe(unread - 1);

    await switchTo(page, "ur");
    await bell.click();
    await expect
      .poll(() => attr(page.locator(`[data-testid="notif-item"][data-case-id="${caseId}"]`), "data-read"))
      .toBe("true");
    expect(await text(page.getByTestId("notif-item").first())).toMatch(URDU);
    await screenshot(page, "assignment-4-notifications-ur");
  });
});

describe("suggestion on the case page", () => {
  it("the Law Ministry asks for a suggestion, is refused an override without a reason, then overrides", async () => {
    const page = currentPage();
    await signIn(page, "solicitor");
    await page.getByTestId("nav-assignment").click();
    await page.getByTestId("queue-row").first().waitFor(); // the office defaults to the AGP
    await page.getByTestId("queue-row").first().locator("a").click();
    await page.getByTestId("case-title").waitFor();
    await page.getByTestId("tab-assignment").click();
    await page.getByTestId("suggest-button").click();
    const panel = page.getByTestId("suggestion-panel");
    await panel.waitFor();
    expect((await text(panel.getByTestId("explanation-step"))).length).toBeGreaterThan(20);
    await screenshot(page, "assignment-5-suggestion");

    await page.getByTestId("suggestion-other").click();
    await page.getByTestId("override-officer").click();
    const option = page.getByRole("option").first();
    const other = (await text(option)).split(" — ")[0]!.replace(/[\u2066-\u2069]/g, "");
    await option.click();
    await page.getByTestId("override-submit").click();
    // The server refuses an override without a reason; the message shows under the reason field.
    await expect.poll(() => attr(page.getByTestId("override-reason"), "aria-invalid")).toBe("true");
    const fieldError = page.getByTestId("override-form").locator(".mantine-InputWrapper-error");
    expect(await text(fieldError)).toContain("reason");

    await page
      .getByTestId("override-reason")
      .fill("Knows the department's earlier litigation on this issue.");
    await page.getByTestId("override-submit").click();
    await expect.poll(() => text(page.getByTestId("assignment-current"))).toBe(other);
    await expect.poll(() => text(page.getByTestId("assignment-history"))).toContain("override of the policy");
    await switchTo(page, "ur");
    await screenshot(page, "assignment-5-override-ur");
  });
});

// biome-ignore lint/suspicious/noExplicitAny: a test helper reads whatever JSON the API answers
type Json = any;

/** A JSON call from the signed-in page (its session cookie and CSRF token); the status and the parsed body. */
async function api(
  page: Page,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; json: Json }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const session = await fetch("/api/v1/auth/session").then((r) => r.json());
      const response = await fetch(url, {
        method,
        headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: await response.json().catch(() => null) };
    },
    { method, url, body },
  );
}

describe("clashes at assignment", () => {
  it("a suggestion flags the candidate already listed before another court on the day the case is heard", async () => {
    const page = currentPage();
    await signIn(page, "solicitor");
    // A queued case, one of its candidates, and a case of that candidate's before another court.
    const orgs = (await api(page, "GET", "/api/v1/organisations")).json.items as {
      id: string;
      code: string;
    }[];
    const agp = orgs.find((o) => o.code === "AGP")!.id;
    const queue: { id: string }[] = (
      await api(page, "GET", `/api/v1/assignment/queue?limit=20&officeId=${agp}`)
    ).json.items;
    let found: { caseId: string; officerId: string; otherId: string } | null = null;
    for (const q of queue) {
      const detail = (await api(page, "GET", `/api/v1/cases/${q.id}`)).json;
      const suggestion = (await api(page, "POST", `/api/v1/cases/${q.id}/suggestion`, { officeId: agp }))
        .json;
      for (const c of suggestion.items[0].decision.candidates as { officerId: string }[]) {
        const theirs = (await api(page, "GET", `/api/v1/cases?assignedTo=${c.officerId}&pageSize=50`)).json
          .items;
        const other = theirs.find((x: { court: { id: string } }) => x.court.id !== detail.court.id);
        if (other) {
          found = { caseId: q.id, officerId: c.officerId, otherId: other.id };
          break;
        }
      }
      if (found) break;
    }
    expect(found).not.toBeNull();
    const { caseId, officerId, otherId } = found!;
    const date = new Date(Date.now() + 75 * 86_400_000).toISOString().slice(0, 10);
    expect((await api(page, "POST", `/api/v1/cases/${otherId}/hearings`, { date })).status).toBe(201);
    expect((await api(page, "POST", `/api/v1/cases/${caseId}/hearings`, { date })).status).toBe(201);

    await page.goto(`${baseUrl}/cases/${caseId}?tab=assignment`);
    await page.getByTestId("suggest-button").click();
    const row = page.locator(`[data-testid="explanation-candidate"][data-officer-id="${officerId}"]`);
    const badge = row.getByTestId("explanation-clash");
    await badge.waitFor();
    expect(await attr(badge, "data-date")).toBe(date);
    expect(await text(badge)).toMatch(/^Also listed before [A-Z]+/);
    await switchTo(page, "ur");
    await expect.poll(() => text(badge)).toMatch(URDU);
    await screenshot(page, "assignment-6-clash-ur");
  });
});

describe("officer profile", () => {
  it("the assigning officer opens a profile, records leave and a conflict of interest, then removes them", async () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const party = `Pak Petroleum Traders ${Date.now()}`;
    const page = currentPage();
    await signIn(page, "assigner.agp");
    await page.getByTestId("nav-assignment-officers").click();
    await page.getByTestId("officer-row").first().waitFor();
    expect(await page.getByTestId("officer-row").count()).toBe(6);
    await page
      .locator('[data-testid="officer-row"]', { hasText: "Rabia Anwar Qureshi" })
      .getByTestId("officer-link")
      .click();
    await page.getByTestId("profile-form").waitFor();
    expect(await text(page.getByTestId("profile-name"))).toBe("Rabia Anwar Qureshi");
    expect(await page.getByTestId("seat-row").count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId("seat-court-0").inputValue()).not.toBe("");

    await page.getByTestId("leave-starts").fill(day(30));
    await page.getByTestId("leave-ends").fill(day(34));
    await page.getByTestId("leave-reason").fill("Annual leave");
    await page.getByTestId("leave-add").click();
    await expect.poll(() => page.getByTestId("leave-row").count()).toBe(1);
    expect(await text(page.getByTestId("leave-row"))).toContain("Annual leave");

    await page.getByTestId("conflict-party").fill(party);
    await page.getByTestId("conflict-note").fill("Former client");
    await page.getByTestId("conflict-add").click();
    await expect.poll(() => text(page.getByTestId("conflict-list"))).toContain(party);
    await screenshot(page, "assignment-7-profile");
    await switchTo(page, "ur");
    await screenshot(page, "assignment-7-profile-ur");
    await switchTo(page, "en");

    await page.getByTestId("leave-remove").click();
    await expect.poll(() => page.getByTestId("leave-row").count()).toBe(0);
    await page
      .locator('[data-testid="conflict-row"]', { hasText: party })
      .getByTestId("conflict-remove")
      .click();
    await expect.poll(() => page.locator('[data-testid="conflict-row"]', { hasText: party }).count()).toBe(0);
  });
});

describe("policy editor", () => {
  it("changes the strategy to rotation with a note and saves version + 1", async () => {
    const page = currentPage();
    await signIn(page, "assigner.agp");
    await page.getByTestId("nav-assignment-policy").click();
    const version = page.getByTestId("policy-version");
    await version.waitFor();
    const before = Number(await attr(version, "data-version"));
    await page.getByTestId("policy-strategy-rotation").check();
    // Saving without a note is refused in the form.
    await page.getByTestId("policy-submit").click();
    expect(await attr(page.getByTestId("policy-note"), "aria-invalid")).toBe("true");
    await page
      .getByTestId("policy-note")
      .fill("Turn basis for the new term, as agreed in the staff meeting.");
    await page.getByTestId("policy-submit").click();
    await expect.poll(async () => Number(await attr(version, "data-version"))).toBe(before + 1);
    expect(await text(page.getByTestId("policy-meta"))).toContain("Khawaja Faisal Aziz");
    expect(await page.getByTestId("policy-strategy-rotation").isChecked()).toBe(true);
    await screenshot(page, "assignment-6-policy");

    // A preview now says "turn basis".
    await page.goto("/assignment");
    await page.getByTestId("queue-select").first().check();
    await page.getByTestId("preview-button").click();
    await page.getByTestId("preview-table").waitFor();
    expect(await attr(page.getByTestId("preview-policy"), "data-version")).toBe(String(before + 1));
    const step = page.getByTestId("preview-step").first();
    expect(["rotation", "related_case", "no_eligible_officer"]).toContain(await attr(step, "data-step"));
    await page.getByTestId("preview-cancel").click();

    await page.getByTestId("nav-assignment-policy").click();
    await switchTo(page, "ur");
    await page.getByTestId("policy-form").waitFor();
    await screenshot(page, "assignment-6-policy-ur");
  });
});
