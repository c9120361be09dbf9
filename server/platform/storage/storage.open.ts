import type { Config } from "../../config.ts";
import { S3Storage } from "./s3.ts";
import { type BlobStorage, LocalDiskStorage } from "./storage.ts";

/** The blob store the configuration names: the local disk by default, or an S3-compatible bucket. */
export function openStorage(config: Pick<Config, "storage">): BlobStorage {
  const s = config.storage;
  return s.kind === "s3" ? new S3Storage(s) : new LocalDiskStorage(s.root);
}
