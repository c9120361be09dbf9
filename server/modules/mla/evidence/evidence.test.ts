import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { BlobStoreError } from "../../../platform/storage/storage.ts";
import { signedIn } from "../../../test/factories.ts";
import { call, type Session, testApp } from "../../../test/harness.ts";
import { multipart, pdf } from "../../documents/documents.fixtures.ts";

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const RECEIVED = "2026-11-20T10:30:00+05:00";
const fields = {
  label: "Meta return — subscriber records",
  sourceKind: "provider",
  sourceName: "Meta Platforms, Inc. (LE portal)",
  receivedAt: RECEIVED,
  receivedBy: "Inspector A, FIA Cyber Crime Wing",
  location: "Evidence room, Islamabad",
};

async function openRequest(owner: Session) {
  const res = await call(owner, {
    method: "POST",
    url: "/api/v1/mla/requests",
    body: { kind: "mla_outgoing", title: "MLA to the United States — records" },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const upload = (
  who: Session,
  requestId: string,
  f: Record<string, string>,
  bytes: Buffer,
  name = "return.zip",
) => {
  const { payload, headers } = multipart(f, { name, bytes });
  return call(who, {
    method: "POST",
    url: `/api/v1/mla/requests/${requestId}/evidence/upload`,
    payload,
    headers,
  });
};
const addTyped = (who: Session, requestId: string, body: Record<string, unknown>) =>
  call(who, { method: "POST", url: `/api/v1/mla/requests/${requestId}/evidence`, body });
const custody = (who: Session, itemId: string, body: Record<string, unknown>) =>
  call(who, { method: "POST", url: `/api/v1/mla/evidence/${itemId}/custody`, body });
const certify = (who: Session, itemId: string, body: Record<string, unknown>) =>
  call(who, { method: "POST", url: `/api/v1/mla/evidence/${itemId}/certification`, body });
const list = (who: Session, requestId: string) =>
  call(who, { method: "GET", url: `/api/v1/mla/requests/${requestId}/evidence` });
const download = (who: Session, itemId: string) =>
  call(who, { method: "GET", url: `/api/v1/mla/evidence/${itemId}/file` });

/** What a request has written: its items, their custody entries and its audit events. */
async function written(requestId: string) {
  const { handle } = await testApp();
  const items = await handle.db
    .selectFrom("mla_evidence_items")
    .select("id")
    .where("request_id", "=", requestId)
    .execute();
  const entries = items.length
    ? await handle.db
        .selectFrom("mla_custody_entries")
        .select("id")
        .where(
          "item_id",
          "in",
          items.map((i) => i.id),
        )
        .execute()
    : [];
  const audit = await handle.db
    .selectFrom("audit_events")
    .select(["action", "changes"])
    .where("entity_id", "=", requestId)
    .orderBy("seq")
    .execute();
  return { items: items.length, entries: entries.length, audit };
}

describe("MLA evidence", () => {
  it("an upload is hashed by the server, stored, downloadable, and starts its chain of custody", async () => {
    const fia = await signedIn(["requesting_agency"]);
    const requestId = await openRequest(fia);
    const bytes = Buffer.concat([Buffer.from("PK\x03\x04"), randomBytes(2048)]);
    const res = await upload(fia, requestId, { ...fields, expectedSha256: sha(bytes).toUpperCase() }, bytes);
    expect(res.statusCode).toBe(201);
    const item = res.json();
    expect(item).toMatchObject({
      sha256: sha(bytes),
      sizeBytes: bytes.length,
      file: { fileName: "return.zip", sizeBytes: bytes.length },
      source: { kind: "provider", name: fields.sourceName },
      receivedAt: new Date(RECEIVED).toISOString(),
      certification: { kind: "none", certifiedBy: null },
      version: 1,
    });
    expect(item.custody).toEqual([
      expect.objectContaining({
        action: "received",
        fromHolder: fields.sourceName,
        toHolder: fields.receivedBy,
        hashVerified: null,
      }),
    ]);
    const file = await download(fia, item.id);
    expect(file.statusCode).toBe(200);
    expect(sha(file.rawPayload)).toBe(sha(bytes));
    expect(file.headers["content-disposition"]).toContain("attachment");

    const listed = (await list(fia, requestId)).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toEqual([item.id]);
    expect(listed.abilities).toEqual({ write: true, certifyAsCentralAuthority: false });
    const { audit } = await written(requestId);
    expect(audit.map((a) => a.action)).toEqual([
      "mla.request_created",
      "mla.evidence_added",
      "mla.evidence_downloaded",
    ]);
    expect(audit[1]!.changes).toMatchObject({ itemId: item.id, sha256: sha(bytes) });
  });

  it("refuses bad input with a clear 4xx and writes nothing", async () => {
    const fia = await signedIn(["requesting_agency"]);
    const requestId = await openRequest(fia);
    const before = await written(requestId);

    const short = await addTyped(fia, requestId, { ...fields, sha256: "abc123" });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toMatchObject({ path: "body.sha256" });
    const notHex = await addTyped(fia, requestId, { ...fields, sha256: "z".repeat(64) });
    expect(notHex.statusCode).toBe(400);
    const future = await addTyped(fia, requestId, {
      ...fields,
      sha256: "a".repeat(64),
      receivedAt: "2099-01-01T00:00:00Z",
    });
    expect(future.json().errors[0].path).toBe("body.receivedAt");
    const noOffset = await addTyped(fia, requestId, {
      ...fields,
      sha256: "a".repeat(64),
      receivedAt: "2026-11-20 10:30",
    });
    expect(noOffset.statusCode).toBe(400);

    const bytes = pdf();
    const mismatch = await upload(
      fia,
      requestId,
      { ...fields, expectedSha256: "b".repeat(64) },
      bytes,
      "r.pdf",
    );
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().code).toBe("hash_mismatch");
    const big = await upload(fia, requestId, fields, Buffer.alloc(3 * 1024 * 1024, 1));
    expect(big.statusCode).toBe(413);
    const empty = await upload(fia, requestId, fields, Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    const { payload, headers } = multipart(fields);
    const noFile = await call(fia, {
      method: "POST",
      url: `/api/v1/mla/requests/${requestId}/evidence/upload`,
      payload,
      headers,
    });
    expect(noFile.json().errors.map((e: { path: string }) => e.path)).toContain("body.file");
    const noLabel = await upload(fia, requestId, { ...fields, label: "" }, bytes);
    expect(noLabel.json().errors[0].path).toBe("body.label");

    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await addTyped(fia, unknown, { ...fields, sha256: "a".repeat(64) })).statusCode).toBe(404);
    expect((await custody(fia, unknown, { action: "stored" })).statusCode).toBe(404);
    expect((await download(fia, unknown)).statusCode).toBe(404);
    expect((await list(fia, "not-a-uuid")).statusCode).toBe(400);
    expect(await written(requestId)).toEqual(before);
  });

  it("keeps custody entries in order, re-hashes on examination and detects a tampered file", async () => {
    const fia = await signedIn(["requesting_agency"]);
    const requestId = await openRequest(fia);
    const bytes = pdf("provider return");
    const item = (await upload(fia, requestId, fields, bytes, "return.pdf")).json();
    expect(item.file.mediaType).toBe("application/pdf");

    const moved = await custody(fia, item.id, {
      action: "transferred",
      fromHolder: "Inspector A",
      toHolder: "Forensic lab, NR3C",
      location: "Islamabad",
    });
    expect(moved.statusCode).toBe(201);
    const ok = (await custody(fia, item.id, { action: "examined", note: "Imaged and reviewed" })).json();
    expect(ok.custody.at(-1)).toMatchObject({
      action: "examined",
      hashVerified: true,
      observedSha256: sha(bytes),
    });
    const bad = await custody(fia, item.id, { action: "transferred", fromHolder: "Lab" });
    expect(bad.json().errors[0].path).toBe("body.toHolder");

    // tampering at rest: the store now hands back other bytes under the item's key
    const { app } = await testApp();
    const tampered = Buffer.concat([bytes, Buffer.from("% altered\n")]);
    const get = vi.spyOn(app.deps.storage, "get").mockResolvedValue(tampered);
    try {
      const checked = (await custody(fia, item.id, { action: "verified" })).json();
      expect(checked.custody.at(-1)).toMatchObject({
        action: "verified",
        hashVerified: false,
        observedSha256: sha(tampered),
      });
      expect(checked.sha256).toBe(sha(bytes)); // the hash recorded at receipt never changes
      const refused = await download(fia, item.id);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe("evidence_hash_mismatch");
      get.mockRejectedValue(Object.assign(new Error("gone"), { code: "ENOENT" }));
      const lost = (await custody(fia, item.id, { action: "examined" })).json();
      expect(lost.custody.at(-1)).toMatchObject({ hashVerified: false, observedSha256: null });
      expect((await download(fia, item.id)).statusCode).toBe(409);
      // a store that cannot be reached is an outage, not a finding: 503, and nothing enters the custody chain
      get.mockRejectedValue(new BlobStoreError("S3 GET of x failed: HTTP 503 SlowDown"));
      const outage = await custody(fia, item.id, { action: "verified" });
      expect(outage.statusCode).toBe(503);
      expect(outage.json()).toMatchObject({ code: "storage_unavailable" });
      expect((await download(fia, item.id)).statusCode).toBe(503);
    } finally {
      get.mockRestore();
    }
    const stored = (await custody(fia, item.id, { action: "stored", toHolder: "Evidence room" })).json();
    expect(stored.custody.map((c: { action: string }) => c.action)).toEqual([
      "received",
      "transferred",
      "examined",
      "verified",
      "examined",
      "stored",
    ]);
    expect(stored.custody.map((c: { hashVerified: boolean | null }) => c.hashVerified)).toEqual([
      null,
      null,
      true,
      false,
      false,
      null,
    ]);
    const ids = stored.custody.map((c: { id: number }) => c.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);

    // append-only in the database too, not only for want of a route
    const { handle } = await testApp();
    await expect(
      handle.db.deleteFrom("mla_custody_entries").where("id", "=", ids[0]).execute(),
    ).rejects.toThrow(/append-only/);
    const actions = (await written(requestId)).audit.map((a) => a.action);
    expect(actions.filter((a) => a === "mla.custody_recorded")).toHaveLength(5);
  });

  it("compares a typed hash an examiner observed for media kept apart", async () => {
    const ca = await signedIn(["central_authority"]);
    const fia = await signedIn(["requesting_agency"]);
    const requestId = await openRequest(fia);
    const h = randomBytes(32).toString("hex");
    const created = await addTyped(ca, requestId, {
      ...fields,
      sha256: h.toUpperCase(),
      sizeBytes: 4_000_000_000,
    });
    expect(created.statusCode).toBe(201);
    const item = created.json();
    expect(item).toMatchObject({ sha256: h, sizeBytes: 4_000_000_000, file: null });
    const same = (await custody(fia, item.id, { action: "verified", observedSha256: h })).json();
    expect(same.custody.at(-1).hashVerified).toBe(true);
    const other = (
      await custody(fia, item.id, { action: "examined", observedSha256: "c".repeat(64) })
    ).json();
    expect(other.custody.at(-1).hashVerified).toBe(false);
    const noCheck = (await custody(fia, item.id, { action: "examined" })).json();
    expect(noCheck.custody.at(-1).hashVerified).toBeNull();
    expect((await download(fia, item.id)).statusCode).toBe(404);
  });

  it("records certification under a version, the Central Authority's own only by it", async () => {
    const fia = await signedIn(["requesting_agency"]);
    const ca = await signedIn(["central_authority"]);
    const requestId = await openRequest(fia);
    const item = (await addTyped(fia, requestId, { ...fields, sha256: "d".repeat(64) })).json();
    const provider = await certify(fia, item.id, {
      version: 1,
      kind: "provider_certificate",
      certifiedBy: "Custodian of Records, Meta Platforms",
      certifiedAt: "2026-11-19T09:00:00Z",
      note: "Certificate of authenticity (FRE 902(11))",
    });
    expect(provider.statusCode).toBe(200);
    expect(provider.json()).toMatchObject({ version: 2, certification: { kind: "provider_certificate" } });
    expect((await certify(fia, item.id, { version: 1, kind: "none" })).statusCode).toBe(409);
    expect(
      (await certify(fia, item.id, { version: 2, kind: "provider_certificate" })).json().errors,
    ).toHaveLength(2);
    const asCa = await certify(fia, item.id, {
      version: 2,
      kind: "central_authority_certificate",
      certifiedBy: "Central Authority",
      certifiedAt: "2026-11-21T09:00:00Z",
    });
    expect(asCa.statusCode).toBe(403);
    const byCa = await certify(ca, item.id, {
      version: 2,
      kind: "central_authority_certificate",
      certifiedBy: "Section Officer (MLA), Ministry of Interior",
      certifiedAt: "2026-11-21T09:00:00Z",
    });
    expect(byCa.json()).toMatchObject({
      version: 3,
      certification: { kind: "central_authority_certificate", certifiedAt: "2026-11-21T09:00:00.000Z" },
    });
    const audit = (await written(requestId)).audit.filter((a) => a.action === "mla.evidence_certified");
    expect(audit).toHaveLength(2);
  });

  it("answers 404 outside the request's scope and 403 to users who may only read it", async () => {
    const fia = await signedIn(["requesting_agency"]);
    const otherAgency = await signedIn(["requesting_agency"]);
    const solicitor = await signedIn(["law_ministry"]);
    const named = await signedIn(["requesting_agency"]);
    const requestId = await openRequest(fia);
    const item = (await upload(fia, requestId, fields, pdf(), "r.pdf")).json();
    const before = await written(requestId);
    for (const outsider of [otherAgency, solicitor]) {
      expect((await list(outsider, requestId)).statusCode).toBe(404);
      expect((await addTyped(outsider, requestId, { ...fields, sha256: "e".repeat(64) })).statusCode).toBe(
        404,
      );
      expect((await upload(outsider, requestId, fields, pdf())).statusCode).toBe(404);
      expect((await download(outsider, item.id)).statusCode).toBe(404);
      expect((await custody(outsider, item.id, { action: "stored" })).statusCode).toBe(404);
      expect((await certify(outsider, item.id, { version: 1, kind: "none" })).statusCode).toBe(404);
    }
    // a user named on the request (of another agency) reads and downloads but does not write
    const { handle } = await testApp();
    await handle.db
      .insertInto("mla_request_access")
      .values({ request_id: requestId, user_id: named.userId })
      .execute();
    const seen = await list(named, requestId);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().abilities.write).toBe(false);
    expect((await addTyped(named, requestId, { ...fields, sha256: "e".repeat(64) })).statusCode).toBe(403);
    expect((await upload(named, requestId, fields, pdf())).statusCode).toBe(403);
    expect((await custody(named, item.id, { action: "stored" })).statusCode).toBe(403);
    expect((await certify(named, item.id, { version: 1, kind: "none" })).statusCode).toBe(403);
    expect(await written(requestId)).toEqual(before);
    expect((await download(named, item.id)).statusCode).toBe(200);
  });
});
