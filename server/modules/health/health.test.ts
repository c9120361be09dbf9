import { describe, expect, it } from "vitest";
import { call } from "../../test/harness.ts";

describe("health and API docs", () => {
  it("answers liveness and readiness", async () => {
    expect((await call(null, { method: "GET", url: "/health/live" })).json()).toEqual({ status: "ok" });
    expect((await call(null, { method: "GET", url: "/health/ready" })).json()).toEqual({ status: "ready" });
  });

  it("serves OpenAPI 3.1 generated from the zod schemas, and an interactive page", async () => {
    const spec = (await call(null, { method: "GET", url: "/api/docs/json" })).json();
    expect(spec.openapi).toBe("3.1.0");
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(["/api/v1/cases", "/api/v1/cases/{id}", "/api/v1/auth/login"]),
    );
    const create = spec.paths["/api/v1/cases"].post.requestBody.content["application/json"].schema;
    expect(create.required).toEqual(
      expect.arrayContaining(["courtId", "caseTypeId", "number", "year", "parties"]),
    );
    const page = await call(null, { method: "GET", url: "/api/docs" });
    expect([200, 302]).toContain(page.statusCode);
  });

  it("sets security headers", async () => {
    const res = await call(null, { method: "GET", url: "/health/live" });
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
  });
});
