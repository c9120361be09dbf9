import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import { startS3rver } from "../../platform/storage/s3rver.testing.ts";
import { caseBody, signedIn } from "../../test/factories.ts";
import { type Call, type Session, testApp } from "../../test/harness.ts";
import { multipart, pdf } from "./documents.fixtures.ts";

/**
 * The document routes over an S3-compatible store: a second app on the shared test database whose storage is
 * S3Storage against s3rver. Sessions live in the database, so a session from the shared app works here too.
 */
let s3: Awaited<ReturnType<typeof startS3rver>>;
let app: FastifyInstance;

beforeAll(async () => {
  const shared = await testApp();
  s3 = await startS3rver();
  app = await buildApp(
    { db: shared.handle.db, config: shared.app.deps.config, storage: s3.storage({ prefix: "docs/" }) },
    { logger: false },
  );
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await s3?.stop();
});

function send(session: Session, c: Call) {
  const headers = { ...c.headers, cookie: session.cookie, "x-csrf-token": session.csrf };
  return app.inject({ method: c.method, url: c.url, headers, ...(c.payload ? { payload: c.payload } : {}) });
}

describe("documents on an S3-compatible store", () => {
  it("uploads through the routes into the bucket and downloads identical bytes", async () => {
    const owner = await signedIn(["focal_person"]);
    const created = await send(owner, {
      method: "POST",
      url: "/api/v1/cases",
      payload: JSON.stringify(await caseBody()),
      headers: { "content-type": "application/json" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const bytes = pdf("stored in s3");
    const { payload, headers } = multipart({ kind: "petition", title: "Petition" }, { name: "p.pdf", bytes });
    const uploaded = await send(owner, {
      method: "POST",
      url: `/api/v1/cases/${created.json().id}/documents`,
      payload,
      headers,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const doc = uploaded.json();
    expect(await app.deps.storage.has(doc.versions[0].sha256)).toBe(true);

    const res = await send(owner, { method: "GET", url: `/api/v1/documents/${doc.id}/versions/1/download` });
    expect(res.statusCode, res.body).toBe(200);
    expect(Buffer.compare(res.rawPayload, bytes)).toBe(0);
  });
});
