import type { FastifyInstance } from "fastify";
import { problems } from "../errors.ts";

/** A UTF-16 surrogate without its pair: not a character, and PostgreSQL's json input refuses it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The path of the first string containing a NUL character or a lone surrogate, which PostgreSQL cannot store in
 * text or json.
 */
export function findNul(value: unknown, path: string): string | null {
  if (typeof value === "string") return value.includes("\u0000") || LONE_SURROGATE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const hit = findNul(v, `${path}.${i}`);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === "object" && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      const hit = findNul(v, `${path}.${k}`);
      if (hit) return hit;
    }
  }
  return null;
}

/** Refuses NUL characters in query and JSON body with a 400 naming the field, before any handler runs. */
export function installNulGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const path = findNul(request.query, "querystring") ?? findNul(request.body, "body");
    if (path)
      throw problems.validation([{ path, message: "must not contain NUL characters or broken text" }]);
  });
}
