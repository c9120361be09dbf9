import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Where document bytes live, addressed by their SHA-256. The local-disk store is the default; an
 * S3-compatible store implements the same calls (put is idempotent: same bytes, same key).
 */
export interface BlobStorage {
  put(sha256: string, bytes: Buffer): Promise<void>;
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
  /** Removes a blob; one already gone is not an error. The caller makes sure nothing else refers to it. */
  delete(sha256: string): Promise<void>;
}

/** A store that checks bytes on read (S3) refuses corrupt ones, naming what they hash to for a custody record. */
export class BlobIntegrityError extends Error {
  readonly code = "EBLOBINTEGRITY";
  readonly observedSha256: string;
  constructor(key: string, observedSha256: string) {
    super(`blob ${key} is corrupt in the store: its bytes hash to ${observedSha256}`);
    this.observedSha256 = observedSha256;
  }
}

/** The store could not be reached or refused the request (an outage, not a finding about a document): 503. */
export class BlobStoreError extends Error {
  readonly code = "EBLOBSTORE";
}

/**
 * A blob that is gone or corrupt: a finding about the document (evidence records it in its chain of custody),
 * unlike a store that cannot be reached, which is an outage and must not be recorded as one.
 */
export function isLostBlob(error: unknown): boolean {
  return error instanceof BlobIntegrityError || (error as { code?: unknown } | null)?.code === "ENOENT";
}

export function sha256Hex(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * `ab/cd/<sha256>`, the layout of every store: two fan-out levels keep any one directory (or listing page)
 * small. A key that is not 64 lowercase hex digits (a path, `..`) never reaches a disk or a bucket.
 */
export function blobPath(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error("invalid blob key");
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

export class LocalDiskStorage implements BlobStorage {
  private readonly root: string;
  constructor(root: string) {
    this.root = root;
  }

  private pathFor(sha256: string): string {
    return path.join(this.root, ...blobPath(sha256).split("/"));
  }

  async put(sha256: string, bytes: Buffer): Promise<void> {
    if (sha256Hex(bytes) !== sha256) throw new Error("blob content does not match its key");
    const target = this.pathFor(sha256);
    if (fs.existsSync(target)) return;
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    // Write then rename, so a crash never leaves a half-written blob under its final name.
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
    await fs.promises.writeFile(temp, bytes, { flag: "wx" });
    await fs.promises.rename(temp, target);
  }

  async get(sha256: string): Promise<Buffer> {
    return fs.promises.readFile(this.pathFor(sha256));
  }

  async has(sha256: string): Promise<boolean> {
    return fs.existsSync(this.pathFor(sha256));
  }

  async delete(sha256: string): Promise<void> {
    await fs.promises.rm(this.pathFor(sha256), { force: true });
  }
}
