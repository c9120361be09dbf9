import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../e2e/server.ts";
import { buildApp } from "../app.ts";
import { testApp } from "../test/harness.ts";
import { Lifecycle } from "./lifecycle.ts";

/**
 * Readiness follows the process's phase, requests wait for the schema, and SIGTERM drains: a request in
 * flight when the signal arrives is answered in full before the process exits 0.
 */
describe("lifecycle in one app", () => {
  it("answers 503 while starting, serves while draining, and readiness says which", async () => {
    const { handle, app: shared } = await testApp();
    const lifecycle = new Lifecycle();
    const app = await buildApp({ ...shared.deps, db: handle.db, lifecycle }, { logger: false });
    try {
      lifecycle.starting("migrating");
      const ready = () => app.inject({ method: "GET", url: "/health/ready" });
      expect((await ready()).statusCode).toBe(503);
      expect((await ready()).json()).toEqual({ status: "starting: migrating" });
      expect((await app.inject({ method: "GET", url: "/health/live" })).statusCode).toBe(200);
      const early = await app.inject({ method: "GET", url: "/api/v1/public/courts" });
      expect(early.statusCode).toBe(503);
      expect(early.headers["content-type"]).toContain("application/problem+json");
      expect(early.headers["retry-after"]).toBe("5");
      expect(early.json().code).toBe("starting");

      lifecycle.ready();
      expect((await ready()).json()).toEqual({ status: "ready" });
      expect((await app.inject({ method: "GET", url: "/api/v1/public/courts" })).statusCode).toBe(200);

      lifecycle.drain();
      expect((await ready()).statusCode).toBe(503);
      expect((await ready()).json()).toEqual({ status: "draining" });
      // the load balancer may still send requests until it has seen readiness fail: they are served
      expect((await app.inject({ method: "GET", url: "/api/v1/public/courts" })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

/** Sends the head of a POST now and returns a function that sends the rest and resolves with the answer. */
function halfSentLogin(url: string) {
  const body = JSON.stringify({ username: "nobody-at-all", password: "not the password at all" });
  const request = http.request(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on("response", (res) => {
      let text = "";
      res.on("data", (chunk) => {
        text += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    request.on("error", reject);
  });
  request.write(body.slice(0, 10));
  return () => {
    request.end(body.slice(10));
    return answer;
  };
}

async function processGone(pid: number) {
  for (let i = 0; i < 200; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`process ${pid} still running 10 s after SIGTERM`);
}

describe("graceful shutdown of a real process", () => {
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it("on SIGTERM fails readiness, finishes the request in flight, then exits 0", async () => {
    server = await startServer({
      env: { CAMS_SEED_DEMO: "never", CAMS_DRAIN_SECONDS: "2", LOG_LEVEL: "info" },
    });
    const finish = halfSentLogin(server.url);
    await new Promise((r) => setTimeout(r, 200));
    process.kill(server.pid, "SIGTERM");
    await new Promise((r) => setTimeout(r, 500));

    const ready = await fetch(`${server.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: "draining" });

    const answer = await finish();
    // the whole request was read and answered by the app (wrong credentials), not cut off
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body).code).toBe("invalid_credentials");
    await processGone(server.pid);
    // main.ts exits 0 only after this line; a timeout would have logged an error and exited 1
    expect(server.output()).toContain("shut down cleanly");
  }, 120_000);
});
