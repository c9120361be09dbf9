import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/** The repository root (e2e/ and bench/ both start the server from here). */
export const ROOT = path.resolve(import.meta.dirname, "..");
const NODE = path.join(ROOT, "node_modules", ".bin", "node");

export type RunningServer = {
  url: string;
  dataDir: string;
  /** The server's process id (server/platform/lifecycle.test.ts signals it itself). */
  pid: number;
  /** What the server printed so far (stdout and stderr interleaved), for diagnosing failures. */
  output: () => string;
  /** SIGTERM (SIGKILL after 10 s); removes the data directory unless the caller gave it. */
  stop: () => Promise<void>;
  /** SIGKILL at once, as a crash would; the data directory is kept whoever made it. */
  kill: () => Promise<void>;
};

export type StartOptions = {
  /** How long to wait for GET /health/ready to answer 200; seeding the demo takes a while. */
  readyTimeoutMs?: number;
  /** Extra environment for the server (e.g. a higher login rate limit). */
  env?: Record<string, string>;
  /** Echo the server's output to this process's stderr as it arrives. */
  echo?: boolean;
  /** Start on this existing data directory (a restart) and keep it on stop; default: a fresh temporary one. */
  dataDir?: string;
  /** Use this PostgreSQL database instead of embedded PGlite. */
  databaseUrl?: string;
  /** CAMS_SEED_DEMO, "always" unless said; "auto" seeds only an empty PGlite (what a restart wants). */
  seedDemo?: "always" | "auto" | "never";
};

/** Asks the kernel for a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      if (address === null || typeof address === "string") {
        probe.close();
        reject(new Error("could not read the probe's port"));
        return;
      }
      const { port } = address;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the real server (`node server/main.ts`) as a child process on a free port, with embedded PGlite in a
 * fresh temporary data directory and the demo seeded (unless told otherwise), and waits until `/health/ready`
 * answers 200.
 */
export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const readyTimeoutMs = opts.readyTimeoutMs ?? 120_000;
  const port = await freePort();
  const ownsDataDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "cams-e2e-"));
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    PORT: String(port),
    HOST: "127.0.0.1",
    CAMS_DATA_DIR: dataDir,
    CAMS_SEED_DEMO: opts.seedDemo ?? "always",
    LOG_LEVEL: "warn",
    ...opts.env,
  };
  // A database URL inherited from the caller's shell would make the server skip PGlite.
  delete env.DATABASE_URL;
  delete env.CAMS_PUBLIC_URL;
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;

  const child = spawn(NODE, ["server/main.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    output += text;
    if (output.length > 200_000) output = output.slice(-100_000);
    if (opts.echo) process.stderr.write(text);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exitPromise = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exited = { code, signal };
      resolve();
    });
  });

  const stop = async () => {
    if (!exited) {
      child.kill("SIGTERM");
      const killTimer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exitPromise;
      clearTimeout(killTimer);
    }
    if (ownsDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const kill = async () => {
    if (!exited) child.kill("SIGKILL");
    await exitPromise;
  };

  try {
    await waitForReady(url, readyTimeoutMs, () => exited);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output.slice(-8000)}`);
  }
  return { url, dataDir, pid: child.pid ?? 0, output: () => output, stop, kill };
}

async function waitForReady(
  url: string,
  timeoutMs: number,
  exited: () => { code: number | null; signal: NodeJS.Signals | null } | null,
) {
  const started = Date.now();
  let last = "no answer yet";
  while (Date.now() - started < timeoutMs) {
    const gone = exited();
    if (gone)
      throw new Error(`the server exited before it was ready (code ${gone.code}, signal ${gone.signal})`);
    try {
      const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server at ${url} was not ready within ${timeoutMs / 1000} s (last: ${last})`);
}

/** Builds the web app with Vite unless `web/dist/index.html` is already there. */
export async function ensureWebBuild(): Promise<void> {
  if (fs.existsSync(path.join(ROOT, "web", "dist", "index.html"))) return;
  console.log("e2e: web/dist is missing; building the web app (vite build)…");
  // Run Vite's own entry with the pinned Node (its `.bin` shim would pick whatever `node` is on PATH).
  const vite = path.join(ROOT, "node_modules", "vite", "bin", "vite.js");
  await new Promise<void>((resolve, reject) => {
    const args = [vite, "build", "--config", "web/vite.config.ts"];
    const child = spawn(NODE, args, { cwd: ROOT, stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build exited with code ${code}`)),
    );
  });
}
