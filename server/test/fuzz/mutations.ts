import fc from "fast-check";
import type { JsonSchema } from "./openapi.ts";
import { wrongTypeFor } from "./schema-arbitrary.ts";
import { hugeString, oddString } from "./strings.ts";

/** What goes on the wire as the body: the bytes, their declared type and a label naming the mutation. */
export type WireBody = { payload?: string | Buffer; contentType?: string; label: string };

const BODY_LIMIT = 1024 * 1024;

const json = (value: unknown, label: string): WireBody => ({
  payload: JSON.stringify(value),
  contentType: "application/json",
  label,
});

/** Every path (as keys) to a value inside a JSON value, the root included. */
function paths(value: unknown, at: string[] = []): string[][] {
  const out = [at];
  if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}

function setAt(root: unknown, path: string[], next: (old: unknown) => unknown): unknown {
  if (path.length === 0) return next(root);
  const copy: Record<string, unknown> = Array.isArray(root) ? ([...root] as never) : { ...(root as object) };
  const [head, ...rest] = path as [string, ...string[]];
  copy[head] = setAt(copy[head], rest, next);
  return copy;
}

function removeAt(root: unknown, path: string[]): unknown {
  if (path.length === 0) return undefined;
  const parent = path.slice(0, -1);
  const key = path[path.length - 1] as string;
  return setAt(root, parent, (obj) => {
    if (!obj || typeof obj !== "object") return obj;
    if (Array.isArray(obj)) return obj.filter((_, i) => String(i) !== key);
    const { [key]: _gone, ...kept } = obj as Record<string, unknown>;
    return kept;
  });
}

/** JSON nested `depth` levels, written as text: JSON.stringify itself runs out of stack that deep. */
const nested = (depth: number): string => `${'{"a":['.repeat(depth)}0${"]}".repeat(depth)}`;

/**
 * A body derived from a valid-shaped one by one mutation: a field removed, of the wrong type, made huge or odd,
 * an unknown field, deep nesting, a huge array, a body near or over the 1 MiB limit, broken JSON, the wrong
 * content type, or nothing at all.
 */
export function mutatedBody(valid: fc.Arbitrary<unknown>, schema: JsonSchema): fc.Arbitrary<WireBody> {
  const at = <T>(f: (v: unknown, path: string[], x: T) => WireBody, extra: fc.Arbitrary<T>) =>
    fc.tuple(valid, fc.nat(), extra).map(([v, n, x]) => {
      const all = paths(v);
      return f(v, all[n % all.length] as string[], x);
    });
  return fc.oneof(
    at((v, p) => json(removeAt(v, p.length ? p : ["__none__"]), `missing ${p.join(".")}`), fc.constant(0)),
    at(
      (v, p, x) =>
        json(
          setAt(v, p, () => x),
          `wrong type at ${p.join(".")}`,
        ),
      wrongTypeFor(schema),
    ),
    at(
      (v, p, x) =>
        json(
          setAt(v, p, () => x),
          `odd text at ${p.join(".")}`,
        ),
      oddString(),
    ),
    at(
      (v, p, x) =>
        json(
          setAt(v, p, () => x),
          `huge text at ${p.join(".")}`,
        ),
      hugeString(),
    ),
    at(
      (v, p, [k, x]) =>
        json(
          setAt(v, p, (o) => (o && typeof o === "object" ? { ...o, [k]: x } : o)),
          `extra ${k}`,
        ),
      fc.tuple(
        fc.constantFrom("__proto__", "constructor", "id", "version", "extra", "role", "isAdmin"),
        fc.jsonValue(),
      ),
    ),
    at(
      (v, p, d) => {
        const marker = "\u0001nested\u0001";
        const text = JSON.stringify(setAt(v, p, () => marker)).replace(JSON.stringify(marker), nested(d));
        return {
          payload: text,
          contentType: "application/json",
          label: `nested ${d} deep at ${p.join(".")}`,
        };
      },
      fc.integer({ min: 50, max: 20_000 }),
    ),
    at(
      (v, p, n) =>
        json(
          setAt(v, p, () => Array.from({ length: n }, (_, i) => i)),
          `array of ${n}`,
        ),
      fc.integer({ min: 201, max: 100_000 }),
    ),
    fc.integer({ min: -64, max: 64 }).map((delta) => nearLimit(delta)),
    fc
      .constantFrom(
        "{",
        '{"a":',
        "[1,2",
        "nul",
        "'x'",
        '{"a":1}}',
        "\u0000",
        '{"a":"\\ud800"}',
        "1e99999",
        '"x"',
        "123",
      )
      .map((s): WireBody => ({ payload: s, contentType: "application/json", label: `invalid JSON ${s}` })),
    fc
      .tuple(
        valid,
        fc.constantFrom(
          "text/plain",
          "application/xml",
          "application/x-www-form-urlencoded",
          "multipart/form-data",
          "application/json; charset=utf-16",
          "application/json; charset=latin1",
          "application/merge-patch+json",
          "",
          "*/*",
        ),
      )
      .map(
        ([v, ct]): WireBody => ({ payload: JSON.stringify(v), contentType: ct, label: `content-type ${ct}` }),
      ),
    fc.constantFrom<WireBody>(
      { label: "no body" },
      { payload: "", contentType: "application/json", label: "empty JSON body" },
      { payload: "null", contentType: "application/json", label: "null body" },
      { payload: "[]", contentType: "application/json", label: "array body" },
    ),
  );
}

/** A JSON body `delta` bytes from the 1 MiB limit (over it when delta > 0). */
function nearLimit(delta: number): WireBody {
  const frame = '{"x":""}'.length;
  return {
    payload: `{"x":"${"a".repeat(BODY_LIMIT + delta - frame)}"}`,
    contentType: "application/json",
    label: `body ${delta >= 0 ? "+" : ""}${delta} bytes from the limit`,
  };
}

/** Raw bytes for a file-upload endpoint: random bytes, broken multipart framing, wrong types. */
export function uploadBody(): fc.Arbitrary<WireBody> {
  const boundary = "----fuzzBoundary";
  const part = (name: string, value: string, file = false) => {
    const disposition = `form-data; name="${name}"${file ? '; filename="a.pdf"' : ""}`;
    const type = file ? "Content-Type: application/pdf\r\n" : "";
    return `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n${value}\r\n`;
  };
  return fc.oneof(
    fc.uint8Array({ maxLength: 4096 }).map(
      (b): WireBody => ({
        payload: Buffer.from(b),
        contentType: `multipart/form-data; boundary=${boundary}`,
        label: "random bytes",
      }),
    ),
    fc.tuple(oddString(), oddString(), fc.uint8Array({ maxLength: 512 })).map(
      ([kind, title, bytes]): WireBody => ({
        payload: Buffer.concat([
          Buffer.from(part("kind", kind) + part("title", title) + part("file", "", true).slice(0, -2)),
          Buffer.from(bytes),
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
        contentType: `multipart/form-data; boundary=${boundary}`,
        label: "odd fields",
      }),
    ),
    fc.constantFrom<WireBody>(
      {
        payload: part("title", "x"),
        contentType: `multipart/form-data; boundary=${boundary}`,
        label: "no closing boundary",
      },
      {
        payload: `--${boundary}--\r\n`,
        contentType: `multipart/form-data; boundary=${boundary}`,
        label: "no parts",
      },
      {
        payload: part("file", "%PDF-1.4", true),
        contentType: "multipart/form-data",
        label: "no boundary parameter",
      },
      {
        payload: part("file", "%PDF-1.4", true),
        contentType: "multipart/form-data; boundary=other",
        label: "wrong boundary",
      },
      { payload: "%PDF-1.4", contentType: "application/pdf", label: "raw PDF, not multipart" },
      { payload: "{}", contentType: "application/json", label: "JSON instead of multipart" },
      { label: "no body" },
    ),
    fc.integer({ min: -64, max: 64 }).map((delta) => nearLimit(delta)),
  );
}
