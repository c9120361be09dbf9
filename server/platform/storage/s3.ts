import { AwsClient } from "aws4fetch";
import { BlobIntegrityError, type BlobStorage, BlobStoreError, blobPath, sha256Hex } from "./storage.ts";

/** Prefix segments of plain characters, none "." or "..": a URL would silently resolve those away. */
export const S3_PREFIX = /^([A-Za-z0-9_-][A-Za-z0-9._-]*\/)*([A-Za-z0-9_-][A-Za-z0-9._-]*)?$/;

export type S3Options = {
  /** The service's base URL, e.g. https://s3.eu-west-1.amazonaws.com or http://minio:9000. */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Put before every key, e.g. "cams/"; a missing trailing slash is added. */
  prefix?: string;
  /** `<endpoint>/<bucket>/<key>` (the default: MinIO, Ceph and most self-hosted stores need it) rather than
   * `<bucket>.<endpoint host>/<key>`. */
  pathStyle?: boolean;
  timeoutMs?: number;
};

/**
 * Blobs in an S3-compatible bucket, laid out like the local disk (`<prefix>ab/cd/<sha256>`). Requests are
 * signed with SigV4 by aws4fetch over the built-in fetch. Errors name the operation, the HTTP status and the
 * object key only: requests are signed in headers, so no URL carries a signature, and no credential is ever
 * put in a message.
 */
export class S3Storage implements BlobStorage {
  // #private: the client holds the secret, and private fields stay out of console.log, util.inspect and JSON
  readonly #client: AwsClient;
  readonly #bucketUrl: URL;
  readonly #prefix: string;
  readonly #timeoutMs: number;

  constructor(options: S3Options) {
    // a few quick retries on 5xx/429 (aws4fetch's default is 10, too many behind a request)
    this.#client = new AwsClient({
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      service: "s3",
      region: options.region,
      retries: 3,
    });
    const url = new URL(options.endpoint);
    const base = url.pathname.replace(/\/+$/, "");
    if (options.pathStyle ?? true) url.pathname = `${base}/${encodeURIComponent(options.bucket)}/`;
    else {
      url.hostname = `${options.bucket}.${url.hostname}`;
      url.pathname = `${base}/`;
    }
    this.#bucketUrl = url;
    const prefix = options.prefix ?? "";
    if (!S3_PREFIX.test(prefix)) throw new Error("invalid S3 key prefix");
    this.#prefix = prefix === "" || prefix.endsWith("/") ? prefix : `${prefix}/`;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** The object key of a blob (validates the blob key first). */
  keyFor(sha256: string): string {
    return `${this.#prefix}${blobPath(sha256)}`;
  }

  async put(sha256: string, bytes: Buffer): Promise<void> {
    if (sha256Hex(bytes) !== sha256) throw new Error("blob content does not match its key");
    // Content-addressed, so an existing object already holds these bytes: skip the upload (and, on a
    // versioned or object-locked bucket, a needless new version).
    if (await this.has(sha256)) return;
    // Signing the payload's SHA-256 (instead of UNSIGNED-PAYLOAD) lets S3 reject bytes damaged in transit.
    const res = await this.#send("PUT", sha256, {
      body: new Uint8Array(bytes),
      headers: { "content-type": "application/octet-stream", "x-amz-content-sha256": sha256 },
    });
    await this.#expectOk("PUT", sha256, res);
  }

  async get(sha256: string): Promise<Buffer> {
    const res = await this.#send("GET", sha256);
    if (res.status === 404) {
      await res.body?.cancel();
      // the same `code` as LocalDiskStorage's readFile, so callers treat a missing blob alike on both stores
      throw Object.assign(new Error(`blob ${sha256} is missing from the S3 store`), { code: "ENOENT" });
    }
    await this.#expectOk("GET", sha256, res, false);
    const bytes = Buffer.from(await res.arrayBuffer());
    const actual = sha256Hex(bytes);
    if (actual !== sha256) throw new BlobIntegrityError(sha256, actual);
    return bytes;
  }

  async has(sha256: string): Promise<boolean> {
    const res = await this.#send("HEAD", sha256);
    if (res.status === 404) return false;
    await this.#expectOk("HEAD", sha256, res);
    return true;
  }

  async delete(sha256: string): Promise<void> {
    // S3 answers 204 whether or not the object existed; some compatible stores answer 404 for a missing one
    const res = await this.#send("DELETE", sha256);
    if (res.status === 404) return void (await res.body?.cancel());
    await this.#expectOk("DELETE", sha256, res);
  }

  async #send(method: string, sha256: string, init: RequestInit = {}): Promise<Response> {
    const url = new URL(this.keyFor(sha256), this.#bucketUrl);
    try {
      // a redirect would carry the signed request elsewhere: refused, not followed
      const signal = AbortSignal.timeout(this.#timeoutMs);
      return await this.#client.fetch(url, { ...init, method, signal, redirect: "error" });
    } catch (error) {
      // fetch's own errors name only the host and the cause (refused, reset, timed out)
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
      const reason = error instanceof Error ? `${error.message}${cause}` : String(error);
      throw new BlobStoreError(`S3 ${method} of ${this.keyFor(sha256)} failed: ${reason}`);
    }
  }

  /** Throws unless 2xx; the S3 error code from the XML body (e.g. SignatureDoesNotMatch) helps an operator. */
  async #expectOk(method: string, sha256: string, res: Response, drain = true): Promise<void> {
    if (res.ok) {
      if (drain) await res.body?.cancel();
      return;
    }
    const text = await res.text().catch(() => "");
    const code = /<Code>([A-Za-z.]{1,64})<\/Code>/.exec(text)?.[1];
    throw new BlobStoreError(
      `S3 ${method} of ${this.keyFor(sha256)} failed: HTTP ${res.status}${code ? ` ${code}` : ""}`,
    );
  }
}
