import http from "node:http";
import { quantile } from "../bench-report.ts";
import type { LoadRequest, LoadResult } from "./run-load.ts";

/**
 * Users who read what they asked for: requests arrive at `rate` a second in all, at random (exponential gaps,
 * as independent users' clicks arrive), over at most `users` keep-alive connections, whatever the answers'
 * speed. autocannon's own rate sends each connection's requests on one shared tick — 50 at once every second,
 * a burst no office makes — and times a request from when it was sent, not from when it was due (a queued
 * request looks fast). Here each time runs from the moment the request was due.
 */
export async function runPaced(
  bases: string[],
  headers: Record<string, string>,
  request: LoadRequest,
  opts: { users: number; seconds: number; rate: number; seed?: number },
): Promise<LoadResult> {
  const agents = bases.map(
    () => new http.Agent({ keepAlive: true, maxSockets: Math.ceil(opts.users / bases.length) }),
  );
  const times: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let random = opts.seed ?? 7;
  const next = () => {
    random = (random * 48271) % 2147483647; // Park–Miller: the same arrivals every run
    return random / 2147483647;
  };
  const started = performance.now();
  const end = started + opts.seconds * 1000;
  const pending: Promise<void>[] = [];
  let due = started;
  let i = 0;
  while (true) {
    due += (-Math.log(1 - next()) / opts.rate) * 1000;
    if (due >= end) break;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const at = due;
    const which = i++ % bases.length;
    pending.push(
      send(bases[which]!, agents[which]!, headers, request).then(
        (status) => {
          times.push(performance.now() - at);
          if (status < 200 || status > 299) non2xx += 1;
        },
        () => {
          errors += 1;
        },
      ),
    );
  }
  await Promise.all(pending);
  for (const a of agents) a.destroy();
  times.sort((a, b) => a - b);
  const elapsed = (performance.now() - started) / 1000;
  return {
    requests: times.length,
    rps: times.length / elapsed,
    p50: times.length ? quantile(times, 0.5) : 0,
    p95: times.length ? quantile(times, 0.95) : 0,
    p99: times.length ? quantile(times, 0.99) : 0,
    errors,
    non2xx,
  };
}

function send(base: string, agent: http.Agent, headers: Record<string, string>, request: LoadRequest) {
  const { path, body } = request.next();
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise<number>((resolve, reject) => {
    const req = http.request(
      new URL(path, base),
      {
        method: request.method,
        agent,
        headers: {
          ...headers,
          accept: "application/json",
          ...(payload
            ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) }
            : {}),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}
