import Fastify from "fastify";
import { expect, it } from "vitest";
import { answerFrameworkError, installProblemHandler } from "../../platform/http/problems.ts";

/**
 * The API fuzzer found URLs Fastify refuses before routing — a broken percent-escape, a path parameter over
 * `maxParamLength` — answered with Fastify's own JSON instead of a problem. `answerFrameworkError` is the fix;
 * it takes effect when server/app.ts passes it as Fastify's `frameworkErrors` option, which this checks on a
 * bare instance.
 */
it("a broken percent-escape and an over-long path parameter are problems with a code", async () => {
  const app = Fastify({ frameworkErrors: answerFrameworkError });
  installProblemHandler(app);
  app.get("/things/:id", async () => ({ ok: true }));
  for (const [url, status, code] of [
    ["/things/%ED%A0%80", 400, "bad_url"],
    ["/things/%", 400, "bad_url"],
    [`/things/${"9".repeat(400)}`, 414, "uri_too_long"],
  ] as const) {
    const res = await app.inject({ method: "GET", url });
    expect(res.statusCode, url).toBe(status);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({ status, code });
  }
  await app.close();
});
