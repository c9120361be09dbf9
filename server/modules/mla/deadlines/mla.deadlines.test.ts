import { describe, expect, it } from "vitest";
import { addDays, courtDay } from "../../../platform/clock.ts";
import { makeOrganisation, makeUser, signedIn } from "../../../test/factories.ts";
import { call, type Session, testApp } from "../../../test/harness.ts";
import { sendMlaDeadlineAlerts } from "./mla.reminders.ts";

const db = async () => (await testApp()).handle.db;
const open = (who: Session, body: Record<string, unknown>) =>
  call(who, { method: "POST", url: "/api/v1/mla/requests", body });
const deadlinesOf = (who: Session | null, id: string) =>
  call(who, { method: "GET", url: `/api/v1/mla/requests/${id}/deadlines` });

/** Moves a request through the given states, each by the first session allowed to. */
async function walk(id: string, states: string[], ...who: Session[]) {
  let version = (await call(who[0]!, { method: "GET", url: `/api/v1/mla/requests/${id}` })).json().version;
  for (const to of states) {
    let res: Awaited<ReturnType<typeof call>> | undefined;
    for (const s of who) {
      res = await call(s, {
        method: "POST",
        url: `/api/v1/mla/requests/${id}/transitions`,
        body: { version, to, reason: to === "released" ? "No longer needed." : "" },
      });
      if (res.statusCode !== 403) break;
    }
    expect(res!.statusCode, `${to}: ${res!.body}`).toBe(200);
    version = res!.json().version;
  }
}

async function setUser(userId: string, values: { email?: string; locale?: "en" | "ur" }) {
  await (await db()).updateTable("users").set(values).where("id", "=", userId).execute();
}

async function mlaNotices(userId: string) {
  return (await db())
    .selectFrom("notifications")
    .select(["kind", "case_id", "params"])
    .where("user_id", "=", userId)
    .where("kind", "in", ["mla_preservation_expiry", "mla_follow_up"])
    .execute();
}

/** An agency's preservation reaches the provider through the Central Authority's approval (rule 11). */
const TO_SENT = ["submitted_to_central_authority", "approved", "sent"];

const tiktokUs = {
  kind: "preservation",
  title: "Preservation — TikTok account of suspect B",
  draft: { provider: { code: "tiktok" }, requestedState: "US", subjects: [{ userLocation: "US" }] },
};

describe("MLA deadlines", () => {
  it("a TikTok/US preservation confirmed on D expires D+90 (alert D+60); the renewal moves it to D+180", async () => {
    const fia = await signedIn(["requesting_agency"]);
    const ca = await signedIn(["central_authority"]);
    const r = (await open(fia, tiktokUs)).json();
    await walk(r.id, TO_SENT, fia, ca);
    const D = courtDay();
    const [provisional] = (await deadlinesOf(fia, r.id)).json().items;
    expect(provisional).toMatchObject({ dueOn: addDays(D, 90), alertOn: addDays(D, 60) });
    expect(provisional.basis).toContain("provisional until the provider confirms");
    await walk(r.id, ["confirmed"], fia);
    let [expiry] = (await deadlinesOf(fia, r.id)).json().items;
    expect(expiry).toMatchObject({
      kind: "preservation_expiry",
      startedOn: D,
      dueOn: addDays(D, 90),
      alertOn: addDays(D, 60),
      status: "V",
      state: "open",
      alertSentAt: null,
    });
    expect(expiry.basis).toContain("18 USC 2703(f)");
    await walk(r.id, ["active", "extension_sent", "active"], fia);
    [expiry] = (await deadlinesOf(fia, r.id)).json().items;
    expect(expiry).toMatchObject({ dueOn: addDays(D, 180), alertOn: addDays(D, 150), extensions: 1 });
    await walk(r.id, ["superseded_by_mla"], fia);
    [expiry] = (await deadlinesOf(fia, r.id)).json().items;
    expect(expiry).toMatchObject({ state: "met", closedAt: expect.any(String) });
  });

  it("a provider outside the US gets at least 60 days (status U); expired and released close the expiry", async () => {
    const fia = await signedIn(["requesting_agency"]);
    const ca = await signedIn(["central_authority"]);
    const draft = { provider: { code: "telegram" }, requestedState: "AE" };
    const a = (await open(fia, { kind: "preservation", title: "Preservation — Telegram", draft })).json();
    await walk(a.id, [...TO_SENT, "confirmed"], fia, ca);
    const D = courtDay();
    const [d] = (await deadlinesOf(fia, a.id)).json().items;
    expect(d).toMatchObject({ dueOn: addDays(D, 60), alertOn: addDays(D, 30), status: "U" });
    expect(d.basis).toContain("at least 60 days; confirm the actual period with the provider");
    await walk(a.id, ["active", "expired"], fia);
    expect((await deadlinesOf(fia, a.id)).json().items[0].state).toBe("expired");

    const b = (await open(fia, tiktokUs)).json();
    await walk(b.id, [...TO_SENT, "confirmed", "active", "released"], fia, ca);
    expect((await deadlinesOf(fia, b.id)).json().items[0].state).toBe("cancelled");
  });

  it("the expiry alert goes once, in-app and by email, to the creator, named users and the Central Authority — never to a ministry user", async () => {
    const fia = await signedIn(["requesting_agency"]);
    const ca = await signedIn(["central_authority"]);
    const sameUnitMinistry = await makeUser(fia.organisationId, ["law_ministry"]);
    const solicitor = await makeUser((await makeOrganisation("law_ministry")).id, ["law_ministry"]);
    const named = await makeUser((await makeOrganisation("agency")).id, []);
    await setUser(fia.userId, { email: "fia@example.gov.pk" });
    await setUser(named.id, { email: "named@example.gov.pk", locale: "ur" });
    await setUser(sameUnitMinistry.id, { email: "ministry@example.gov.pk" });
    const r = (await open(fia, tiktokUs)).json();
    await (await db())
      .insertInto("mla_request_access")
      .values({ request_id: r.id, user_id: named.id })
      .execute();
    await walk(r.id, [...TO_SENT, "confirmed"], fia, ca);
    const D = courtDay();
    const scan = async (day: string) => sendMlaDeadlineAlerts(await db(), day, "https://cams.example");

    await scan(addDays(D, 59));
    expect(await mlaNotices(fia.userId)).toEqual([]);
    await scan(addDays(D, 60));
    await scan(addDays(D, 61));
    await Promise.all([scan(addDays(D, 62)), scan(addDays(D, 62))]);
    for (const user of [fia.userId, ca.userId, named.id]) {
      const notices = await mlaNotices(user);
      expect(notices, user).toHaveLength(1);
      expect(notices[0]).toMatchObject({
        kind: "mla_preservation_expiry",
        case_id: null,
        params: { requestId: r.id, reference: r.reference, dueOn: addDays(D, 90) },
      });
    }
    for (const user of [sameUnitMinistry.id, solicitor.id]) expect(await mlaNotices(user)).toEqual([]);

    const mails = await (await db())
      .selectFrom("mail_outbox")
      .selectAll()
      .where("user_id", "in", [fia.userId, named.id, sameUnitMinistry.id])
      .execute();
    expect(mails).toHaveLength(2);
    const en = mails.find((m) => m.user_id === fia.userId)!;
    expect(en.subject).toBe(`CAMS: MLA preservation expires ${addDays(D, 90)} — ${r.reference}`);
    expect(en.body_text).toContain(`https://cams.example/mla/${r.id}`);
    const ur = mails.find((m) => m.user_id === named.id)!;
    expect(ur.subject).toContain(r.reference);
    expect(ur.subject).toContain("میعاد");
    for (const m of mails) {
      expect(m.body_text).not.toContain("TikTok");
      expect(m.body_text).not.toContain("suspect");
    }
    const [d] = (await deadlinesOf(fia, r.id)).json().items;
    expect(d.alertSentAt).toEqual(expect.any(String));

    // an extension is a new expiry: alerted again at its own alert day, once
    await walk(r.id, ["active", "extension_sent", "active"], fia);
    await scan(addDays(D, 149));
    expect(await mlaNotices(fia.userId)).toHaveLength(1);
    await scan(addDays(D, 150));
    await scan(addDays(D, 150));
    const after = await mlaNotices(fia.userId);
    expect(after.map((n) => (n.params as { dueOn: string }).dueOn)).toEqual([
      addDays(D, 90),
      addDays(D, 180),
    ]);
  });

  it("an outgoing request transmitted and not acknowledged is followed up after 30 days; acknowledgement answers it", async () => {
    const fia = await signedIn(["requesting_agency"]);
    const ca = await signedIn(["central_authority"]);
    const r = (await open(fia, { kind: "mla_outgoing", title: "MLA to the United States" })).json();
    await walk(
      r.id,
      [
        "agency_legal_review",
        "submitted_to_central_authority",
        "central_authority_review",
        "approved",
        "translated_authenticated",
        "transmitted",
      ],
      fia,
      ca,
    );
    const D = courtDay();
    const [f] = (await deadlinesOf(ca, r.id)).json().items;
    expect(f).toMatchObject({
      kind: "follow_up",
      dueOn: addDays(D, 30),
      alertOn: addDays(D, 30),
      state: "open",
    });
    const scan = async (day: string) => sendMlaDeadlineAlerts(await db(), day);
    await scan(addDays(D, 29));
    expect(await mlaNotices(ca.userId)).toEqual([]);
    await scan(addDays(D, 30));
    await scan(addDays(D, 31));
    expect(await mlaNotices(ca.userId)).toMatchObject([
      { kind: "mla_follow_up", params: { requestId: r.id, dueOn: addDays(D, 30) } },
    ]);
    expect(await mlaNotices(fia.userId)).toHaveLength(1);
    await walk(r.id, ["acknowledged"], ca);
    expect((await deadlinesOf(ca, r.id)).json().items[0]).toMatchObject({ kind: "follow_up", state: "met" });
  });

  it("are read exactly as the request is: 404 outside its scope", async () => {
    const fia = await signedIn(["requesting_agency"]);
    const otherAgency = await signedIn(["requesting_agency"]);
    const solicitor = await signedIn(["law_ministry"]);
    const ca = await signedIn(["central_authority"]);
    const r = (await open(fia, tiktokUs)).json();
    await walk(r.id, [...TO_SENT, "confirmed"], fia, ca);
    for (const outsider of [otherAgency, solicitor]) {
      const res = await deadlinesOf(outsider, r.id);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain("2703");
    }
    expect((await deadlinesOf(ca, r.id)).json().items).toHaveLength(1);
    expect((await deadlinesOf(fia, "00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    expect((await deadlinesOf(fia, "not-a-uuid")).statusCode).toBe(400);
    expect((await deadlinesOf(null, r.id)).statusCode).toBe(401);
  });
});
