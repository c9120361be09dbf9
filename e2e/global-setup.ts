import fs from "node:fs";
import type { TestProject } from "vitest/node";
import { ARTIFACTS } from "./browser.ts";
import { ensureWebBuild, startServer } from "./server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Clears old screenshots, builds the web app if needed, then starts one server for all browser tests. */
export default async function setup(project: TestProject) {
  // Screenshots are from this run only.
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  await ensureWebBuild();
  // Every test signs in from 127.0.0.1; the default limit (20 a minute) is for people, not for a test suite.
  const server = await startServer({ readyTimeoutMs: 120_000, env: { CAMS_LOGIN_RATE_PER_MINUTE: "1000" } });
  project.provide("baseUrl", server.url);
  return async () => {
    await server.stop();
  };
}
