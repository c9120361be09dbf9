import { describe, expect, it } from "vitest";
import { courtDay } from "../../platform/clock.ts";
import { caseBody, decideCase, signedIn } from "../../test/factories.ts";
import { call } from "../../test/harness.ts";
import { icsCalendar } from "./ics.ts";

const pathOf = (url: string) => new URL(url).pathname;

describe("private calendar feed", () => {
  it("carries the user's open deadlines: the internal due date and the last day in law", async () => {
    const focal = await signedIn(["focal_person"]);
    const c = (await call(focal, { method: "POST", url: "/api/v1/cases", body: await caseBody() })).json();
    const today = courtDay();
    await decideCase(focal, c, "against", today);
    const [deadline] = (await call(focal, { method: "GET", url: `/api/v1/cases/${c.id}/deadlines` })).json()
      .items;
    const url = (await call(focal, { method: "POST", url: "/api/v1/me/calendar-feed" })).json().url as string;
    const text = (await call(null, { method: "GET", url: pathOf(url) })).body.replace(/\r\n /g, "");
    expect(text).toContain(`UID:deadline-${deadline.id}-internal@cams`);
    expect(text).toContain(`DTSTART;VALUE=DATE:${deadline.internalDueOn.replaceAll("-", "")}`);
    expect(text).toContain(`DTSTART;VALUE=DATE:${deadline.legalDueOn.replaceAll("-", "")}`);
    expect(text).toContain("SUMMARY:LAST DAY: Appeal from a High Court order");
  });

  it("serves the user's hearings as iCalendar until the URL is replaced or revoked", async () => {
    const focal = await signedIn(["focal_person"]);
    const c = (await call(focal, { method: "POST", url: "/api/v1/cases", body: await caseBody() })).json();
    await call(focal, {
      method: "POST",
      url: `/api/v1/cases/${c.id}/hearings`,
      body: { date: "2027-02-03", time: "10:30", purpose: "Arguments, final" },
    });
    await call(focal, {
      method: "POST",
      url: `/api/v1/cases/${c.id}/hearings`,
      body: { date: "2027-02-10" },
    });
    const other = await signedIn(["focal_person"]);
    const theirs = (
      await call(other, { method: "POST", url: "/api/v1/cases", body: await caseBody() })
    ).json();
    await call(other, {
      method: "POST",
      url: `/api/v1/cases/${theirs.id}/hearings`,
      body: { date: "2027-02-03" },
    });

    expect((await call(focal, { method: "GET", url: "/api/v1/me/calendar-feed" })).json()).toMatchObject({
      active: false,
    });
    const made = await call(focal, { method: "POST", url: "/api/v1/me/calendar-feed" });
    expect(made.statusCode).toBe(201);
    const url = made.json().url as string;
    expect(url).toMatch(/\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

    const feed = await call(null, { method: "GET", url: pathOf(url) });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers["content-type"]).toContain("text/calendar");
    const text = feed.body;
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2); // not the other ministry's hearing
    expect(text).toContain("DTSTART:20270203T053000Z"); // 10:30 in Pakistan is 05:30 UTC
    expect(text).toContain("DTSTART;VALUE=DATE:20270210");
    expect(text).toContain("Arguments\\, final");
    expect((await call(focal, { method: "GET", url: "/api/v1/me/calendar-feed" })).json()).toMatchObject({
      active: true,
      lastReadAt: expect.any(String),
    });

    const again = await call(focal, { method: "POST", url: "/api/v1/me/calendar-feed" });
    expect((await call(null, { method: "GET", url: pathOf(url) })).statusCode).toBe(404);
    expect((await call(null, { method: "GET", url: pathOf(again.json().url) })).statusCode).toBe(200);
    expect((await call(focal, { method: "DELETE", url: "/api/v1/me/calendar-feed" })).statusCode).toBe(204);
    expect((await call(null, { method: "GET", url: pathOf(again.json().url) })).statusCode).toBe(404);
    expect((await call(null, { method: "GET", url: "/api/v1/calendar/not-a-token.ics" })).statusCode).toBe(
      400,
    );
  });

  it("writes valid lines: escaped text, folded at 75 octets without splitting a character", () => {
    const text = icsCalendar("Feed", [
      {
        uid: "u1@cams",
        date: "2027-01-01",
        time: null,
        summary: `W.P. No. 1 of 2025: ${"مقدمہ کی سماعت، ".repeat(8)}`,
        description: "line one\nline two; with, punctuation\rBEGIN:VEVENT\u2028x\u0007",
        location: "Islamabad High Court",
        url: "https://cams.example/cases/1",
        stamp: new Date("2026-11-22T10:00:00Z"),
      },
    ]);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(text).toContain("DESCRIPTION:line one\\nline two\\; with\\, punctuation\\nBEGIN:VEVENT\\nx");
    // no line break of any kind inside a value: only the CRLF that ends each content line
    const unfoldedLines = text.replace(/\r\n/g, "");
    for (const bad of ["\r", "\n", "\u0085", "\u2028", "\u2029", "\u0007"])
      expect(unfoldedLines).not.toContain(bad);
    const unfolded = text.replace(/\r\n /g, "");
    expect(unfolded).toContain("مقدمہ کی سماعت");
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });
});
