import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../app.ts";
import { loadConfig } from "../../config.ts";
import { LocalDiskStorage } from "../../platform/storage/storage.ts";
import { testApp } from "../../test/harness.ts";

/**
 * An app over the test worker's database with its own settings: the public tests send far more than the default
 * 60 requests a minute from one address, and test masking off and a low rate limit.
 */
export async function appWith(overrides: Record<string, string>): Promise<FastifyInstance> {
  const { handle } = await testApp();
  const config = { ...loadConfig({ NODE_ENV: "test", ...overrides }), logLevel: "silent" };
  const storage = new LocalDiskStorage(fs.mkdtempSync(path.join(os.tmpdir(), "cams-public-")));
  const app = await buildApp({ db: handle.db, config, storage }, { logger: false });
  await app.ready();
  return app;
}
