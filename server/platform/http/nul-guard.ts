import type { FastifyInstance } from "fastify";
import { problems } from "../errors.ts";

/** A UTF-16 surrogate without its pair: not a character, and PostgreSQL's json input refuses it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * How deeply a query or JSON body may nest. No request of this API nests more than a handful of levels; a body
 * thousands of levels deep would exhaust the stack of any recursive reader after this one (the validators,
 * PostgreSQL's json functions), so it is refused here, first.
 */
export const MAX_DEPTH = 64;

export type InputFault = { path: string; message: string };

/**
 * The first string containing a NUL character or a lone surrogate, which PostgreSQL cannot store in text or
 * json, or the first place nested deeper than MAX_DEPTH. Walks with its own stack, so depth cannot overflow it.
 */
export function findInputFault(value: unknown, root: string): InputFault | null {
  const stack: [unknown, string, number][] = [[value, root, 0]];
  while (stack.length > 0) {
    const [v, path, depth] = stack.pop() as [unknown, string, number];
    if (typeof v === "string") {
      if (v.includes("\u0000") || LONE_SURROGATE.test(v))
        return { path, message: "must not contain NUL characters or broken text" };
      continue;
    }
    if (!v || typeof v !== "object" || Buffer.isBuffer(v)) continue;
    if (depth >= MAX_DEPTH) return { path, message: `is nested more than ${MAX_DEPTH} levels deep` };
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
    // pushed in reverse so the first field is looked at first, as a reader would expect the error reported
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, x] = entries[i] as readonly [string, unknown];
      stack.push([x, `${path}.${k}`, depth + 1]);
    }
  }
  return null;
}

/** Refuses NUL characters and absurd nesting in query and JSON body with a 400 naming the field, before any handler. */
export function installNulGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const fault = findInputFault(request.query, "querystring") ?? findInputFault(request.body, "body");
    if (fault) throw problems.validation([fault]);
  });
}
