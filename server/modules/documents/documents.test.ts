import { createHash, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { caseBody, signedIn } from "../../test/factories.ts";
import { call, type Session, testApp } from "../../test/harness.ts";
import { docx, type FilePart, multipart, pdf, png } from "./documents.fixtures.ts";
import { contentDisposition, sanitiseFileName } from "./documents.sniff.ts";

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

beforeAll(async () => {
  await testApp();
}, 60_000);

async function newCase(session: Session): Promise<string> {
  const res = await call(session, { method: "POST", url: "/api/v1/cases", body: await caseBody() });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

function upload(session: Session | null, caseId: string, fields: Record<string, string>, file?: FilePart) {
  const { payload, headers } = multipart(fields, file);
  return call(session, { method: "POST", url: `/api/v1/cases/${caseId}/documents`, payload, headers });
}

const download = (session: Session | null, documentId: string, version = 1) =>
  call(session, { method: "GET", url: `/api/v1/documents/${documentId}/versions/${version}/download` });

const list = (session: Session | null, caseId: string) =>
  call(session, { method: "GET", url: `/api/v1/cases/${caseId}/documents` });

/** Rows a failed upload must not have written. */
async function written(caseId: string) {
  const { handle } = await testApp();
  const docs = await handle.db.selectFrom("documents").select("id").where("case_id", "=", caseId).execute();
  const audits = await handle.db
    .selectFrom("audit_events")
    .select("seq")
    .where("entity_id", "=", caseId)
    .where("action", "like", "document.%")
    .execute();
  return { documents: docs.length, audits: audits.length };
}

const petition = { kind: "petition", title: "Writ petition with annexures" };

describe("documents", () => {
  let owner: Session;
  let caseId: string;
  beforeAll(async () => {
    owner = await signedIn(["focal_person"]);
    caseId = await newCase(owner);
  });

  it("uploads a PDF, lists it with its SHA-256 and shows it in the case history", async () => {
    const bytes = pdf();
    const res = await upload(owner, caseId, petition, { name: "petition.pdf", bytes });
    expect(res.statusCode, res.body).toBe(201);
    const item = res.json();
    expect(item).toMatchObject({ kind: "petition", title: petition.title, currentVersion: 1 });
    expect(item.versions[0]).toMatchObject({
      version: 1,
      fileName: "petition.pdf",
      mediaType: "application/pdf",
      sizeBytes: bytes.length,
      sha256: sha256(bytes),
      uploadedBy: { id: owner.userId },
    });
    const listed = (await list(owner, caseId)).json().items.find((d: { id: string }) => d.id === item.id);
    expect(listed.versions[0].sha256).toBe(sha256(bytes));
    const history = (await call(owner, { method: "GET", url: `/api/v1/cases/${caseId}/history` })).json();
    const event = history.items.find((e: { action: string }) => e.action === "document.uploaded");
    expect(event.changes).toMatchObject({ documentId: item.id, version: 1, sha256: sha256(bytes) });
  });

  it("adds a second version with documentId, sniffing a PNG whatever its name", async () => {
    const first = (await upload(owner, caseId, petition, { name: "a.pdf", bytes: pdf() })).json();
    const res = await upload(owner, caseId, { documentId: first.id }, { name: "scan.jpg", bytes: png() });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ id: first.id, kind: "petition", currentVersion: 2 });
    expect(
      res.json().versions.map((v: { version: number; mediaType: string }) => [v.version, v.mediaType]),
    ).toEqual([
      [2, "image/png"],
      [1, "application/pdf"],
    ]);
  });

  it("accepts a DOCX by its content", async () => {
    const res = await upload(
      owner,
      caseId,
      { kind: "para_wise_comments", title: "Comments" },
      { name: "comments", bytes: docx() },
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().versions[0]).toMatchObject({ mediaType: DOCX, fileName: "comments.docx" });
  });

  it("downloads identical bytes with safe headers and audits the download", async () => {
    const bytes = pdf();
    const doc = (await upload(owner, caseId, petition, { name: "../../etc/جواب\u202e.pdf", bytes })).json();
    expect(doc.versions[0].fileName).toBe("جواب.pdf");
    const res = await download(owner, doc.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(Buffer.compare(res.rawPayload, bytes)).toBe(0);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''%D8%AC%D9%88%D8%A7%D8%A8.pdf`,
    );
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["cache-control"]).toBe("private, no-store");
    const { handle } = await testApp();
    const audit = await handle.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "document.downloaded")
      .where("entity_id", "=", caseId)
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ entity_type: "case", actor_id: owner.userId });
    expect(audit.changes).toEqual({ documentId: doc.id, version: 1, sha256: sha256(bytes) });
    expect((await download(owner, doc.id, 2)).statusCode).toBe(404);
  });

  it("rejects a text file named .pdf with 415 and writes nothing", async () => {
    const before = await written(caseId);
    const res = await upload(owner, caseId, petition, {
      name: "x.pdf",
      bytes: Buffer.from("just some text\n"),
      type: "application/pdf",
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: "unsupported_file_type", detectedType: null });
    const zipOnly = await upload(owner, caseId, petition, { name: "y.docx", bytes: docx().subarray(0, 40) });
    expect(zipOnly.statusCode).toBe(415);
    expect(await written(caseId)).toEqual(before);
  });

  it("rejects a file over the limit with 413 and writes nothing, but takes one just under it", async () => {
    const before = await written(caseId);
    const big = await upload(owner, caseId, petition, {
      name: "big.pdf",
      bytes: pdf("big", 2 * 1024 * 1024 + 1),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe("payload_too_large");
    expect(await written(caseId)).toEqual(before);
    const fits = await upload(owner, caseId, petition, { name: "fits.pdf", bytes: pdf("fits", 1536 * 1024) });
    expect(fits.statusCode, fits.body).toBe(201);
  });

  it("answers 400 naming the field for missing kind, missing or empty file and a foreign documentId", async () => {
    const noKind = await upload(owner, caseId, { title: "T" }, { name: "a.pdf", bytes: pdf() });
    expect(noKind.statusCode).toBe(400);
    expect(noKind.json().errors).toEqual([expect.objectContaining({ path: "body.kind" })]);
    const badKind = await upload(
      owner,
      caseId,
      { ...petition, kind: "memo" },
      { name: "a.pdf", bytes: pdf() },
    );
    expect(badKind.json().errors[0].path).toBe("body.kind");
    const noFile = await upload(owner, caseId, petition);
    expect(noFile.json().errors).toEqual([expect.objectContaining({ path: "body.file" })]);
    const empty = await upload(owner, caseId, petition, { name: "a.pdf", bytes: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toBe("body.file");
    const otherCase = await newCase(owner);
    const doc = (await upload(owner, otherCase, petition, { name: "a.pdf", bytes: pdf() })).json();
    const foreign = await upload(owner, caseId, { documentId: doc.id }, { name: "a.pdf", bytes: pdf() });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe("body.documentId");
    const notMultipart = await call(owner, {
      method: "POST",
      url: `/api/v1/cases/${caseId}/documents`,
      body: petition,
    });
    expect(notMultipart.statusCode).toBe(415);
  });

  it("answers 404 for an unknown case or document", async () => {
    expect((await upload(owner, randomUUID(), petition, { name: "a.pdf", bytes: pdf() })).statusCode).toBe(
      404,
    );
    expect((await list(owner, randomUUID())).statusCode).toBe(404);
    expect((await download(owner, randomUUID())).statusCode).toBe(404);
  });

  it("hides another organisation's case documents behind the same 404", async () => {
    const doc = (await upload(owner, caseId, petition, { name: "a.pdf", bytes: pdf() })).json();
    const stranger = await signedIn(["focal_person"]);
    const before = await written(caseId);
    const up = await upload(stranger, caseId, petition, { name: "a.pdf", bytes: pdf() });
    expect(up.statusCode).toBe(404);
    expect((await list(stranger, caseId)).statusCode).toBe(404);
    const down = await download(stranger, doc.id);
    expect(down.statusCode).toBe(404);
    expect(down.json().detail).toBe((await download(stranger, randomUUID())).json().detail);
    expect(await written(caseId)).toEqual(before);
  });

  it("lets an assigning officer who sees an unassigned case list and download, but not upload (403)", async () => {
    const doc = (await upload(owner, caseId, petition, { name: "a.pdf", bytes: pdf() })).json();
    const officer = await signedIn(["assigning_officer"]);
    expect((await list(officer, caseId)).statusCode).toBe(200);
    expect((await download(officer, doc.id)).statusCode).toBe(200);
    const res = await upload(officer, caseId, petition, { name: "a.pdf", bytes: pdf() });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("forbidden");
  });

  it("requires a session (401) and the CSRF header on upload (403)", async () => {
    const doc = (await upload(owner, caseId, petition, { name: "a.pdf", bytes: pdf() })).json();
    expect((await upload(null, caseId, petition, { name: "a.pdf", bytes: pdf() })).statusCode).toBe(401);
    expect((await list(null, caseId)).statusCode).toBe(401);
    expect((await download(null, doc.id)).statusCode).toBe(401);
    const { payload, headers } = multipart(petition, { name: "a.pdf", bytes: pdf() });
    const noCsrf = await call(null, {
      method: "POST",
      url: `/api/v1/cases/${caseId}/documents`,
      payload,
      headers: { ...headers, cookie: owner.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
  });
});

describe("file names", () => {
  it("strips paths, control and bidi characters, and caps the length keeping the extension", () => {
    expect(sanitiseFileName("C:\\Users\\x\\reply\u0000.pdf", "pdf")).toBe("reply.pdf");
    expect(sanitiseFileName("  ", "png")).toBe("document.png");
    expect(sanitiseFileName("..reply", "pdf")).toBe("reply.pdf");
    const long = sanitiseFileName(`${"a".repeat(300)}.docx`, "docx");
    expect([long.length, long.endsWith(".docx")]).toEqual([200, true]);
    expect(contentDisposition("it's (1).pdf")).toBe(
      `attachment; filename="it's (1).pdf"; filename*=UTF-8''it%27s%20%281%29.pdf`,
    );
  });
});
