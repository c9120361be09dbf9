import { describe, expect, it } from "vitest";
import { caseBody, signedIn } from "../../test/factories.ts";
import { call, type Session, testApp } from "../../test/harness.ts";
import { sendWeeklyReports, weekdayOf } from "./reports.weekly.ts";

const URL = "/api/v1/saved-filters";
// A fixed Monday (weekday 1) and the Tuesday after it: the job is run with its "today".
const MONDAY = "2031-01-06";
const TUESDAY = "2031-01-07";

const save = (s: Session, name: string, query: Record<string, unknown> = {}) =>
  call(s, { method: "POST", url: URL, body: { name, query } });

async function withEmail(s: Session, opts: { locale?: "en" | "ur" } = {}) {
  const { handle } = await testApp();
  await handle.db
    .updateTable("users")
    .set({ email: `${s.userId}@example.test`, ...(opts.locale ? { locale: opts.locale } : {}) })
    .where("id", "=", s.userId)
    .execute();
}

async function mailsOf(userId: string) {
  const { handle } = await testApp();
  return handle.db
    .selectFrom("mail_outbox")
    .select(["subject", "body_text"])
    .where("user_id", "=", userId)
    .where("kind", "=", "weekly_report")
    .execute();
}

describe("saved filters", () => {
  it("are created, listed, renamed and deleted by their owner, with audit events", async () => {
    const me = await signedIn(["focal_person"]);
    const made = await save(me, "Pending writs", { status: "pending", year: "2025" });
    expect(made.statusCode).toBe(201);
    const f = made.json();
    expect(f).toMatchObject({ name: "Pending writs", version: 1, subscription: null });
    expect(f.query).toMatchObject({ status: "pending", year: 2025 });

    const list = (await call(me, { method: "GET", url: URL })).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([f.id]);

    const renamed = await call(me, {
      method: "PUT",
      url: `${URL}/${f.id}`,
      body: { name: "Writs", version: 1 },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: "Writs", version: 2 });

    const stale = await call(me, { method: "PUT", url: `${URL}/${f.id}`, body: { name: "X", version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "stale_version" });
    expect((await call(me, { method: "DELETE", url: `${URL}/${f.id}?version=1` })).statusCode).toBe(409);
    expect((await call(me, { method: "DELETE", url: `${URL}/${f.id}?version=2` })).statusCode).toBe(204);
    expect((await call(me, { method: "GET", url: URL })).json().items).toEqual([]);

    const { handle } = await testApp();
    const actions = await handle.db
      .selectFrom("audit_events")
      .select("action")
      .where("entity_id", "=", f.id)
      .orderBy("seq")
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      "saved_filter.created",
      "saved_filter.updated",
      "saved_filter.deleted",
    ]);
  });

  it("refuses bad input: unknown keys, bad values, empty names, duplicates", async () => {
    const me = await signedIn(["focal_person"]);
    expect((await save(me, "A", { nonsense: "1" })).statusCode).toBe(400);
    expect((await save(me, "A", { status: "not-a-status" })).statusCode).toBe(400);
    expect((await save(me, "A", { page: 2 })).statusCode).toBe(400);
    expect((await save(me, " ", {})).statusCode).toBe(400);
    expect((await call(me, { method: "POST", url: URL, body: { name: "A" } })).statusCode).toBe(400);
    expect((await save(me, "A")).statusCode).toBe(201);
    const dup = await save(me, "A");
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: "name_taken" });
    const id = (await call(me, { method: "GET", url: URL })).json().items[0].id;
    const bad = (body: unknown) => call(me, { method: "POST", url: `${URL}/${id}/subscription`, body });
    expect((await bad({ weekday: 7 })).statusCode).toBe(400);
    expect((await bad({ weekday: -1 })).statusCode).toBe(400);
    expect((await bad({})).statusCode).toBe(400);
    expect(
      (await call(me, { method: "PUT", url: `${URL}/not-a-uuid`, body: { version: 1 } })).statusCode,
    ).toBe(400);
    expect((await call(me, { method: "DELETE", url: `${URL}/${id}` })).statusCode).toBe(400);
    expect((await call(null, { method: "GET", url: URL })).statusCode).toBe(401);
  });

  it("are private: another user's filter is 404 for every action", async () => {
    const owner = await signedIn(["focal_person"]);
    const other = await signedIn(["focal_person"], owner.organisationId);
    const f = (await save(owner, "Mine")).json();
    expect((await call(other, { method: "GET", url: URL })).json().items).toEqual([]);
    const tries = [
      call(other, { method: "PUT", url: `${URL}/${f.id}`, body: { name: "Theirs", version: 1 } }),
      call(other, { method: "DELETE", url: `${URL}/${f.id}?version=1` }),
      call(other, { method: "POST", url: `${URL}/${f.id}/subscription`, body: { weekday: 1 } }),
      call(other, { method: "DELETE", url: `${URL}/${f.id}/subscription` }),
    ];
    for (const r of await Promise.all(tries)) expect(r.statusCode).toBe(404);
    // the same name is free for someone else
    expect((await save(other, "Mine")).statusCode).toBe(201);
    expect((await call(owner, { method: "GET", url: URL })).json().items[0]).toMatchObject({
      name: "Mine",
      version: 1,
    });
  });
});

describe("weekly reports", () => {
  it("go out once on the subscription's weekday, not on other days, and again the next week", async () => {
    expect(weekdayOf(MONDAY)).toBe(1);
    const me = await signedIn(["focal_person"]);
    await withEmail(me);
    const c = (await call(me, { method: "POST", url: "/api/v1/cases", body: await caseBody() })).json();
    const f = (await save(me, "All mine", { status: "pending" })).json();
    const sub = await call(me, { method: "POST", url: `${URL}/${f.id}/subscription`, body: { weekday: 1 } });
    expect(sub.json().subscription).toEqual({ weekday: 1, lastSentOn: null });

    const { handle } = await testApp();
    await sendWeeklyReports(handle.db, TUESDAY, "https://cams.test");
    expect(await mailsOf(me.userId)).toHaveLength(0);
    // twice in parallel (two processes) and once more after: one email
    await Promise.all([
      sendWeeklyReports(handle.db, MONDAY, "https://cams.test"),
      sendWeeklyReports(handle.db, MONDAY, "https://cams.test"),
    ]);
    await sendWeeklyReports(handle.db, MONDAY, "https://cams.test");
    const mails = await mailsOf(me.userId);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`CAMS weekly report: All mine (${MONDAY})`);
    expect(mails[0]!.body_text).toContain("Cases matching this filter: 1");
    expect(mails[0]!.body_text).toContain(c.displayNumber);
    expect(mails[0]!.body_text).toContain("https://cams.test/cases?status=pending");
    expect((await call(me, { method: "GET", url: URL })).json().items[0].subscription.lastSentOn).toBe(
      MONDAY,
    );

    await sendWeeklyReports(handle.db, "2031-01-13", "https://cams.test");
    expect(await mailsOf(me.userId)).toHaveLength(2);

    expect((await call(me, { method: "DELETE", url: `${URL}/${f.id}/subscription` })).statusCode).toBe(204);
    await sendWeeklyReports(handle.db, "2031-01-20", "https://cams.test");
    expect(await mailsOf(me.userId)).toHaveLength(2);
  });

  it("are scoped as the subscriber's own list: a confidential case they are not named on never appears", async () => {
    const registrar = await signedIn(["focal_person"]);
    const reader = await signedIn(["focal_person"], registrar.organisationId);
    await withEmail(reader, { locale: "ur" });
    const secret = (
      await call(registrar, {
        method: "POST",
        url: "/api/v1/cases",
        body: await caseBody({ title: "Secret v. State", flags: { confidential: true } }),
      })
    ).json();
    const open = (
      await call(registrar, {
        method: "POST",
        url: "/api/v1/cases",
        body: await caseBody({ title: "Open v. State" }),
      })
    ).json();
    const f = (await save(reader, "Everything")).json();
    await call(reader, { method: "POST", url: `${URL}/${f.id}/subscription`, body: { weekday: 1 } });
    const own = (await call(reader, { method: "GET", url: "/api/v1/cases" })).json();

    const { handle } = await testApp();
    await sendWeeklyReports(handle.db, MONDAY);
    const [mail] = await mailsOf(reader.userId);
    expect(mail!.subject).toContain("ہفتہ وار رپورٹ");
    expect(mail!.body_text).toContain(`اس فلٹر کے مقدمات: ${own.total}`);
    expect(mail!.body_text).toContain(open.displayNumber);
    expect(mail!.body_text).not.toContain(secret.displayNumber);
    expect(mail!.body_text).not.toContain("Secret v. State");
  });

  it("are not sent to a disabled user", async () => {
    const me = await signedIn(["focal_person"]);
    await withEmail(me);
    const f = (await save(me, "Mine")).json();
    await call(me, { method: "POST", url: `${URL}/${f.id}/subscription`, body: { weekday: 1 } });
    const { handle } = await testApp();
    await handle.db.updateTable("users").set({ status: "disabled" }).where("id", "=", me.userId).execute();
    await sendWeeklyReports(handle.db, MONDAY);
    expect(await mailsOf(me.userId)).toHaveLength(0);
  });
});
