/**
 * Shared by the assignment benchmarks: the PostgreSQL database they build, the server started on it as a
 * child process, login and plain HTTP requests with their timings.
 */
import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, ROOT } from "../e2e/server.ts";

export const PG_URL = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export const DB_NAME = "cams_bench";
export const DB_URL = (() => {
  const u = new URL(PG_URL);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
})();
export const PASSWORD = "bench-password-42";
export const NODE = path.join(ROOT, "node_modules", ".bin", "node");

export type Server = { url: string; pid: number; output: () => string; stop: () => Promise<void> };
export type Session = { cookie: string; csrf: string };
export type Res = { status: number; text: string; bytes: number; ms: number };

export const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One HTTP request with no client-side timeout; `ms` runs until the last byte of the body has arrived. */
export function request(
  base: string,
  method: string,
  p: string,
  s: Session | null,
  body?: unknown,
): Promise<Res> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const headers: Record<string, string> = { accept: "application/json" };
  if (payload) {
    headers["content-type"] = "application/json";
    headers["content-length"] = String(payload.length);
  }
  if (s) {
    headers.cookie = s.cookie;
    if (method !== "GET") headers["x-csrf-token"] = s.csrf;
  }
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request(`${base}${p}`, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const ms = performance.now() - t0;
        const buf = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, text: buf.toString("utf8"), bytes: buf.length, ms });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    if (payload) req.write(payload);
    req.end();
  });
}

export function expectStatus(res: Res, status: number, what: string) {
  if (res.status !== status) throw new Error(`${what} → HTTP ${res.status}: ${res.text.slice(0, 1000)}`);
}

export async function login(base: string, username: string, password = PASSWORD): Promise<Session> {
  const res = await new Promise<{ status: number; text: string; cookies: string[] }>((resolve, reject) => {
    const payload = JSON.stringify({ username, password });
    const req = http.request(
      `${base}/api/v1/auth/login`,
      { method: "POST", headers: { "content-type": "application/json" }, agent },
      (r) => {
        let text = "";
        r.on("data", (c) => {
          text += c;
        });
        r.on("end", () =>
          resolve({ status: r.statusCode ?? 0, text, cookies: (r.headers["set-cookie"] ?? []) as string[] }),
        );
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
  if (res.status !== 200) throw new Error(`login as ${username} → ${res.status}: ${res.text}`);
  return {
    cookie: res.cookies.map((c) => c.split(";")[0]).join("; "),
    csrf: (JSON.parse(res.text) as { csrfToken: string }).csrfToken,
  };
}

export async function adminClient(): Promise<pg.Client | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return client;
  } catch (error) {
    console.log(
      `SKIPPED: PostgreSQL does not answer at ${PG_URL} (${(error as Error).message}). ` +
        "Start PostgreSQL (trust auth for user postgres) or set BENCH_PG_URL.",
    );
    return null;
  }
}

export async function startServer(
  extraArgs: string[] = [],
  extraEnv: Record<string, string> = {},
): Promise<Server> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cams-bench-"));
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: DB_URL,
    CAMS_DATA_DIR: dataDir,
    CAMS_SEED_DEMO: "never",
    LOG_LEVEL: "warn",
    CAMS_LOGIN_RATE_PER_MINUTE: "100000",
    // production needs a key for secrets at rest; the load's synthetic users sign in with a password alone
    CAMS_SECRET_KEY: crypto.randomBytes(32).toString("base64"),
    CAMS_MFA_ROLES: "none",
    ...extraEnv,
  };
  delete env.CAMS_PUBLIC_URL;
  const child: ChildProcess = spawn(NODE, [...extraArgs, "server/main.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", () => {
      exited = true;
      resolve();
    }),
  );
  const stop = async () => {
    if (!exited) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await exit;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const started = Date.now();
  for (;;) {
    if (exited) throw new Error(`the server exited before it was ready:\n${output.slice(-4000)}`);
    if (Date.now() - started > 180_000) {
      await stop();
      throw new Error(`the server was not ready within 180 s:\n${output.slice(-4000)}`);
    }
    try {
      const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(5000) });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, pid: child.pid!, output: () => output, stop };
}

/** CPU time (user + system) the process has used so far, in ms, from /proc; null off Linux. */
export function cpuMs(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}
