import fs from "node:fs";
import { login, startServer } from "../bench-server.ts";
import { type LoadRequest, runLoad } from "./run-load.ts";

/** Resident memory of a process in MiB, from /proc (0 off Linux or once it has exited). */
export function rssOf(pid: number): number {
  try {
    const line = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
    return line ? Number(line[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

export const rssMb = (mb: number) => `${mb.toFixed(0)} MiB`;

/** Samples the processes' RSS twice a second; stop() gives the largest one seen. */
export function watchRss(pids: number[]) {
  let max = 0;
  const sample = () => {
    for (const pid of pids) max = Math.max(max, rssOf(pid));
  };
  sample();
  const timer = setInterval(sample, 500);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return max;
    },
  };
}

/**
 * A soak: one app process under `request` for `minutes`, a minute at a time, its RSS read after each. Growth
 * compares the last minute with the first (the first includes warming: JIT, caches, connection pool).
 */
export async function soak(
  url: string,
  opts: { minutes: number; connections: number; reader: string; password: string; request: LoadRequest },
) {
  const server = await startServer([], { DATABASE_URL: url, CAMS_JOBS: "off" });
  try {
    const s = await login(server.url, opts.reader, opts.password);
    const headers = { cookie: s.cookie, "x-csrf-token": s.csrf };
    const after: number[] = [];
    let requests = 0;
    let failed = 0;
    let max = 0;
    for (let m = 0; m < opts.minutes; m++) {
      const watch = watchRss([server.pid]);
      const r = await runLoad([server.url], headers, opts.request, {
        connections: opts.connections,
        seconds: 60,
      });
      max = Math.max(max, watch.stop());
      after.push(rssOf(server.pid));
      requests += r.requests;
      failed += r.non2xx + r.errors;
    }
    const first = after[0] ?? 0;
    const last = after.at(-1) ?? 0;
    return {
      first,
      last,
      max,
      requests,
      failed,
      growthPct: first ? ((last - first) / first) * 100 : 0,
      after,
    };
  } finally {
    await server.stop();
  }
}
