import type { TestProject } from "vitest/node";
import { ensureWebBuild, startServer } from "./server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds the web app if needed, then starts one server for all browser tests. */
export default async function setup(project: TestProject) {
  await ensureWebBuild();
  const server = await startServer({ readyTimeoutMs: 120_000 });
  project.provide("baseUrl", server.url);
  return async () => {
    await server.stop();
  };
}
