import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { AwsClient } from "aws4fetch";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { S3Storage } from "./s3.ts";
import { S3RVER_KEY, startS3rver } from "./s3rver.testing.ts";
import { openStorage } from "./storage.open.ts";
import { type BlobStorage, LocalDiskStorage, sha256Hex } from "./storage.ts";

let s3: Awaited<ReturnType<typeof startS3rver>>;
const localRoots: string[] = [];

beforeAll(async () => {
  s3 = await startS3rver();
});

afterAll(async () => {
  await s3?.stop();
  for (const root of localRoots) fs.rmSync(root, { recursive: true, force: true });
});

function localStore(): BlobStorage {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "cams-blobs-"));
  localRoots.push(root);
  return new LocalDiskStorage(root);
}

/** Distinct bytes each call (every byte value included), so tests never share a key. */
function blob(): { bytes: Buffer; sha: string } {
  const bytes = Buffer.concat([randomBytes(32), Buffer.from(Array.from({ length: 256 }, (_, i) => i))]);
  return { bytes, sha: sha256Hex(bytes) };
}

const INVALID_KEYS = ["../../etc/passwd", "A".repeat(64), "a".repeat(63), `${"a".repeat(63)}/`, ""];

describe.each([
  ["LocalDiskStorage", localStore],
  ["S3Storage", () => s3.storage({ prefix: "contract/" })],
] as const)("%s keeps the BlobStorage contract", (_name, open) => {
  let store: BlobStorage;
  beforeAll(() => {
    store = open();
  });

  it("gets back identical bytes after a put", async () => {
    const { bytes, sha } = blob();
    await store.put(sha, bytes);
    expect(Buffer.compare(await store.get(sha), bytes)).toBe(0);
  });

  it("accepts the same put twice", async () => {
    const { bytes, sha } = blob();
    await store.put(sha, bytes);
    await expect(store.put(sha, bytes)).resolves.toBeUndefined();
    expect(Buffer.compare(await store.get(sha), bytes)).toBe(0);
  });

  it("rejects a put whose bytes do not hash to the key, and stores nothing", async () => {
    const { bytes, sha } = blob();
    const other = blob().sha;
    await expect(store.put(other, bytes)).rejects.toThrow("blob content does not match its key");
    expect(await store.has(other)).toBe(false);
    expect(await store.has(sha)).toBe(false);
  });

  it("answers has() false before a put and true after", async () => {
    const { bytes, sha } = blob();
    expect(await store.has(sha)).toBe(false);
    await store.put(sha, bytes);
    expect(await store.has(sha)).toBe(true);
  });

  it("deletes a blob, and deleting a missing one is not an error", async () => {
    const { bytes, sha } = blob();
    await store.put(sha, bytes);
    await store.delete(sha);
    expect(await store.has(sha)).toBe(false);
    await expect(store.delete(sha)).resolves.toBeUndefined();
    await expect(store.delete(blob().sha)).resolves.toBeUndefined();
  });

  it("rejects get() of a missing blob with code ENOENT (what callers recognise)", async () => {
    await expect(store.get(blob().sha)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("rejects keys that are not 64 lowercase hex digits, on every call", async () => {
    const { bytes } = blob();
    for (const key of INVALID_KEYS) {
      await expect(store.put(key, bytes), key).rejects.toThrow(/invalid blob key|does not match its key/);
      await expect(store.get(key), key).rejects.toThrow("invalid blob key");
      await expect(store.has(key), key).rejects.toThrow("invalid blob key");
      await expect(store.delete(key), key).rejects.toThrow("invalid blob key");
    }
  });
});

describe("S3Storage", () => {
  const signer = () => new AwsClient({ ...S3RVER_KEY, service: "s3", region: "us-east-1" });
  const objectUrl = (key: string) => `${s3.endpoint}/${s3.bucket}/${key}`;

  it("stores each blob at <prefix>ab/cd/<sha256> in the bucket", async () => {
    const store = s3.storage({ prefix: "tenant-a/docs" }); // the missing trailing slash is added
    const { bytes, sha } = blob();
    await store.put(sha, bytes);
    const key = `tenant-a/docs/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`;
    expect(store.keyFor(sha)).toBe(key);
    const direct = await signer().fetch(objectUrl(key));
    expect(direct.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await direct.arrayBuffer()), bytes)).toBe(0);
    // and nowhere else: the same blob is not visible without the prefix
    expect(await s3.storage().has(sha)).toBe(false);
  });

  it("refuses bytes in the bucket that no longer hash to their key", async () => {
    const store = s3.storage({ prefix: "tamper/" });
    const { bytes, sha } = blob();
    await store.put(sha, bytes);
    const altered = await signer().fetch(objectUrl(store.keyFor(sha)), {
      method: "PUT",
      body: Buffer.concat([bytes, Buffer.from("altered")]),
    });
    expect(altered.status).toBe(200);
    await expect(store.get(sha)).rejects.toMatchObject({
      code: "EBLOBINTEGRITY",
      message: expect.stringContaining(`blob ${sha} is corrupt`),
    });
  });

  // s3rver checks the access key id but never computes SigV4 signatures, so a wrong *secret* cannot fail
  // against it; an unknown key id is the rejection it does give (403 InvalidAccessKeyId).
  it("names the operation, status and key when the store refuses, never the secret", async () => {
    const secret = "sEcReT-value-that-must-not-leak";
    const store = s3.storage({ accessKeyId: "NOT-A-KEY", secretAccessKey: secret, prefix: "x/" });
    const { bytes, sha } = blob();
    const errors = await Promise.all([
      store.put(sha, bytes).catch((e: Error) => e),
      store.get(sha).catch((e: Error) => e),
      store.has(sha).catch((e: Error) => e),
      store.delete(sha).catch((e: Error) => e),
    ]);
    const key = store.keyFor(sha);
    expect(errors.map((e) => (e as Error).message)).toEqual([
      `S3 HEAD of ${key} failed: HTTP 403`, // put asks first whether the blob is already there
      `S3 GET of ${key} failed: HTTP 403 InvalidAccessKeyId`,
      `S3 HEAD of ${key} failed: HTTP 403`, // a HEAD answer has no body to name the S3 error code
      `S3 DELETE of ${key} failed: HTTP 403 InvalidAccessKeyId`,
    ]);
    for (const e of errors) expect(JSON.stringify(e) + String((e as Error).stack)).not.toContain(secret);
    expect(JSON.stringify(store)).not.toContain(secret);
  });

  it("reports an unreachable endpoint or a timeout with the operation and key", async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as net.AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const { sha } = blob();
    const refused = new S3Storage({ ...s3Options(`http://127.0.0.1:${port}`) });
    await expect(refused.has(sha)).rejects.toThrow(
      `S3 HEAD of ${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha} failed`,
    );

    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket)); // accepts and never answers
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const slow = new S3Storage({
        ...s3Options(`http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`),
        timeoutMs: 200,
      });
      await expect(slow.get(sha)).rejects.toThrow(/S3 GET of .* failed: .*timeout/);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("addresses the bucket by path by default and by host name when asked", async () => {
    const seen: string[] = [];
    const fetchSpy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
      seen.push(input instanceof Request ? input.url : String(input));
      return new Response(null, { status: 404 });
    });
    try {
      const { sha } = blob();
      const tail = `p/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`;
      await new S3Storage({ ...s3Options("https://s3.example.test/base/"), prefix: "p/" }).has(sha);
      await new S3Storage({ ...s3Options("https://s3.example.test"), prefix: "p/", pathStyle: false }).has(
        sha,
      );
      expect(seen).toEqual([
        `https://s3.example.test/base/bucket/${tail}`,
        `https://bucket.s3.example.test/${tail}`,
      ]);
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it("rejects a key prefix with '.' or '..' segments or odd characters", () => {
    for (const prefix of ["../x", "a/./b", "a b", "a?b", "/abs"]) {
      expect(() => new S3Storage({ ...s3Options("https://s3.example.test"), prefix }), prefix).toThrow(
        "invalid S3 key prefix",
      );
    }
  });
});

describe("openStorage", () => {
  it("opens the store the configuration names", () => {
    expect(openStorage({ storage: { kind: "local", root: os.tmpdir() } })).toBeInstanceOf(LocalDiskStorage);
    const opened = openStorage({
      storage: { kind: "s3", ...s3Options("https://s3.example.test"), prefix: "", pathStyle: true },
    });
    expect(opened).toBeInstanceOf(S3Storage);
  });
});

function s3Options(endpoint: string) {
  return { endpoint, region: "us-east-1", bucket: "bucket", accessKeyId: "AKID", secretAccessKey: "secret" };
}
