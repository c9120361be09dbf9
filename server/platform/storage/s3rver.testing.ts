import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { type S3Options, S3Storage } from "./s3.ts";

/** s3rver's one built-in account; it checks the key id but not SigV4 signatures (it never computes them). */
export const S3RVER_KEY = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

/**
 * A real S3 HTTP peer for tests: s3rver on a free port, backed by a temporary directory, with one bucket.
 * `storage()` opens an S3Storage on it; `stop()` closes the server and removes the directory.
 */
export async function startS3rver(bucket = "cams-test") {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "cams-s3rver-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    storage: (options: Partial<S3Options> = {}) =>
      new S3Storage({ endpoint, region: "us-east-1", bucket, ...S3RVER_KEY, ...options }),
    stop: async () => {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
