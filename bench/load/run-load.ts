import autocannon from "autocannon";
import { quantile } from "../bench-report.ts";

/** One journey's load: what autocannon sends, and what a run measured. */
export type LoadRequest = {
  method: "GET" | "POST";
  /** A fresh path (and body) per request, so reads spread over the data and writes never collide. */
  next: () => { path: string; body?: unknown };
};

export type LoadResult = {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
};

/**
 * Runs `connections` concurrent keep-alive connections against each base URL (one per app process) for
 * `seconds`, and keeps every response time — autocannon's own summary has no p95, which the budgets name.
 * Every connection sends its next request as soon as the last is answered: saturation, the most the server
 * gives (paced.ts has users who pause).
 */
export async function runLoad(
  bases: string[],
  headers: Record<string, string>,
  request: LoadRequest,
  opts: { connections: number; seconds: number },
): Promise<LoadResult> {
  const times: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const perProcess = Math.max(1, Math.round(opts.connections / bases.length));
  await Promise.all(
    bases.map(
      (base) =>
        new Promise<void>((resolve, reject) => {
          const instance = autocannon(
            {
              url: base,
              connections: perProcess,
              duration: opts.seconds,
              headers: { ...headers, "content-type": "application/json", accept: "application/json" },
              requests: [
                {
                  method: request.method,
                  setupRequest: (req) => {
                    const { path, body } = request.next();
                    return { ...req, path, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
                  },
                },
              ],
            },
            (err) => (err ? reject(err) : resolve()),
          );
          instance.on("response", (_client, statusCode, _bytes, responseTime) => {
            times.push(responseTime);
            if (statusCode < 200 || statusCode > 299) non2xx += 1;
          });
          instance.on("reqError", () => {
            errors += 1;
          });
        }),
    ),
  );
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    rps: times.length / opts.seconds,
    p50: times.length ? quantile(times, 0.5) : 0,
    p95: times.length ? quantile(times, 0.95) : 0,
    p99: times.length ? quantile(times, 0.99) : 0,
    errors,
    non2xx,
  };
}
