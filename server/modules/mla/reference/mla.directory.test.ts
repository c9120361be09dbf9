import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { goodPreservation } from "../../../../common/mla/drafts.fixture.ts";
import { signedIn } from "../../../test/factories.ts";
import { call, type Session, testApp } from "../../../test/harness.ts";
import { loadMlaReference } from "../mla.reference.ts";

/** Each test file has its own database (harness), so the edits here reach no other file's tests. */
const { kind: _, ...draft } = goodPreservation;

type Entry = { kind: string; code: string; data: Record<string, unknown>; version: number };
const directory = async (who: Session): Promise<Entry[]> =>
  (await call(who, { method: "GET", url: "/api/v1/mla/directory" })).json().items;
const entry = async (who: Session, kind: string, code: string) =>
  (await directory(who)).find((e) => e.kind === kind && e.code === code)!;
const write = (who: Session, method: "POST" | "PUT", kind: string, code: string, body: unknown) =>
  call(who, { method, url: `/api/v1/mla/directory/${kind}/${code}`, body });

const newContact = {
  kind: "network_24_7",
  name: "Test 24/7 point",
  channel: "+92 51 000 0000",
  requestKinds: ["preservation"],
  source: "Test source",
  status: "U",
};

describe("MLA directory as data", () => {
  it("lists central authorities, 24/7 points, providers with entities, states and instruments to MLA users", async () => {
    const fia = await signedIn(["requesting_agency"]);
    const items = await directory(fia);
    const kinds = new Set(items.map((e) => e.kind));
    expect(kinds).toEqual(new Set(["instrument", "state", "provider", "contact"]));
    const tiktok = items.find((e) => e.code === "tiktok")!;
    expect(tiktok.data).toMatchObject({
      portal: expect.any(String),
      entities: expect.any(Array),
      source: expect.any(String),
    });
    const us = items.find((e) => e.kind === "state" && e.code === "US")!;
    expect(us.data.centralAuthority).toMatchObject({
      value: expect.stringContaining("Office of International Affairs"),
    });
    expect(items.some((e) => e.kind === "contact" && e.data.kind === "network_24_7")).toBe(true);
    const solicitor = await signedIn(["law_ministry"]);
    expect((await call(solicitor, { method: "GET", url: "/api/v1/mla/directory" })).statusCode).toBe(403);
  });

  it("every entry of the file, read and saved back unchanged, is accepted (what the edit dialog sends)", async () => {
    const ca = await signedIn(["central_authority"]);
    const all = (await directory(ca)).filter((e) => e.code !== "tiktok");
    for (const e of all) {
      const res = await write(ca, "PUT", e.kind, e.code, { version: e.version, data: e.data });
      expect(res.statusCode, `${e.kind} ${e.code}: ${res.body}`).toBe(200);
      expect(res.json().data).toEqual(e.data);
    }
  });

  it("a provider's entity edited by the Central Authority changes rule 12's answer, survives a reload, and is audited", async () => {
    const ca = await signedIn(["central_authority"]);
    const fia = await signedIn(["requesting_agency"]);
    const created = await call(fia, {
      method: "POST",
      url: "/api/v1/mla/requests",
      body: { kind: "preservation", title: "Preservation — TikTok", draft },
    });
    const id = created.json().id;
    const rule12 = async () =>
      (await call(fia, { method: "GET", url: `/api/v1/mla/requests/${id}` }))
        .json()
        .check.findings.filter((f: { rule: string }) => f.rule === "provider_entity");
    expect(await rule12()).toEqual([]);

    const tiktok = await entry(ca, "provider", "tiktok");
    const entities = (tiktok.data.entities as { name: string; usersOutside?: string[] }[]).map((e) =>
      e.usersOutside ? { ...e, name: "TikTok Pte. Limited" } : e,
    );
    const data = { ...tiktok.data, entities };
    expect(
      (await write(fia, "PUT", "provider", "tiktok", { version: tiktok.version, data })).statusCode,
    ).toBe(403);
    const saved = await write(ca, "PUT", "provider", "tiktok", { version: tiktok.version, data });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: tiktok.version + 1, code: "tiktok" });

    const found = await rule12();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: "error",
      message: expect.stringContaining("TikTok Pte. Limited"),
    });

    const { handle } = await testApp();
    await loadMlaReference(handle.db);
    expect(
      ((await entry(ca, "provider", "tiktok")).data.entities as { name: string }[]).map((e) => e.name),
    ).toContain("TikTok Pte. Limited");
    const stale = await write(ca, "PUT", "provider", "tiktok", {
      version: tiktok.version,
      data: tiktok.data,
    });
    expect(stale.statusCode).toBe(409);

    const events = await handle.db
      .selectFrom("audit_events")
      .select(["action", "actor_id", "changes"])
      .where("action", "like", "mla.directory_entry_%")
      .where(sql<boolean>`changes->>'code' = 'tiktok'`)
      .orderBy("seq")
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "mla.directory_entry_updated",
      actor_id: ca.userId,
      changes: { kind: "provider", code: "tiktok", entities: { to: expect.any(Array) } },
    });
  });

  it("adds an entry; refuses duplicates, unknown entries, bad data and dangling codes with clear answers", async () => {
    const ca = await signedIn(["central_authority"]);
    const fia = await signedIn(["requesting_agency"]);
    expect((await write(fia, "POST", "contact", "net_test", { data: newContact })).statusCode).toBe(403);
    const added = await write(ca, "POST", "contact", "net_test", { data: newContact });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ kind: "contact", code: "net_test", version: 1, data: newContact });
    expect((await write(ca, "POST", "contact", "net_test", { data: newContact })).statusCode).toBe(409);
    expect((await write(ca, "PUT", "contact", "nowhere", { version: 1, data: newContact })).statusCode).toBe(
      404,
    );

    const bad = async (
      method: "POST" | "PUT",
      kind: string,
      code: string,
      body: unknown,
      status: number,
      path?: string,
    ) => {
      const res = await write(ca, method, kind, code, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      if (path) expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    };
    const { source: _s, ...noSource } = newContact;
    await bad("POST", "contact", "net_x", { data: noSource }, 400, "body.data.source");
    await bad(
      "POST",
      "contact",
      "net_x",
      { data: { ...newContact, status: "maybe" } },
      400,
      "body.data.status",
    );
    await bad("POST", "contact", "net_x", { data: { ...newContact, colour: "red" } }, 400, "body.data");
    await bad("POST", "contact", "net_x", { data: { ...newContact, code: "other" } }, 400, "body.data.code");
    await bad("POST", "contact", "net_x", { data: { ...newContact, requestKinds: ["gossip"] } }, 400);
    await bad("POST", "agency", "net_x", { data: newContact }, 400, "params.kind");
    await bad("POST", "contact", "bad code", { data: newContact }, 400);
    await bad("POST", "contact", "net_x", {}, 400, "body.data");
    await bad("PUT", "contact", "net_test", { data: newContact }, 400, "body.version");
    await bad(
      "POST",
      "contact",
      "pv_x",
      { data: { ...newContact, kind: "provider_channel", provider: "myspace" } },
      422,
      "body.data.provider",
    );
    await bad(
      "POST",
      "state",
      "ZZ",
      {
        data: {
          name: "Nowhere",
          source: "x",
          status: "U",
          conventionsWithPakistan: { value: ["hague"], source: "x", status: "U" },
        },
      },
      422,
      "body.data.conventionsWithPakistan.value.0",
    );
    await bad(
      "POST",
      "state",
      "Zz",
      { data: { name: "Nowhere", source: "x", status: "U" } },
      400,
      "body.data.code",
    );
    await bad(
      "POST",
      "provider",
      "acme",
      {
        data: {
          name: "Acme",
          source: "x",
          status: "U",
          entities: [{ name: "Acme Ltd", state: "XX", source: "x", status: "U" }],
        },
      },
      422,
      "body.data.entities.0.state",
    );

    const { handle } = await testApp();
    const created = await handle.db
      .selectFrom("audit_events")
      .select("changes")
      .where("action", "=", "mla.directory_entry_created")
      .execute();
    expect(created.map((e) => (e.changes as { code: string }).code)).toEqual(["net_test"]);
  });
});
