import fc from "fast-check";
import { mutatedBody, uploadBody, type WireBody } from "./mutations.ts";
import type { JsonSchema, Operation, Parameter } from "./openapi.ts";
import { arbitraryFor, wrongTypeFor } from "./schema-arbitrary.ts";
import { encodeLoosely, hugeString, malformedSegment, oddString } from "./strings.ts";
import { ACTOR_ROLES, type ActorName, type IdPools, propertyPool } from "./world.ts";

/** One generated request: who sends it, where, with what headers and body, and what was done to it. */
export type FuzzRequest = {
  actor: ActorName;
  method: Operation["method"];
  url: string;
  body: WireBody;
  headers: HeaderTwist;
  /** Which part was made wrong on purpose ("valid" when none). */
  focus: "valid" | "path" | "query" | "body" | "headers";
};

/** How the request's headers differ from a well-behaved client's. */
export type HeaderTwist = {
  csrf: "send" | "omit" | "wrong";
  cookie: "send" | "garbage" | "huge";
  accept?: string;
  contentType?: string;
  extra?: [string, string];
};

const WELL_BEHAVED: HeaderTwist = { csrf: "send", cookie: "send" };

const actorArb: fc.Arbitrary<ActorName> = fc.constantFrom("anonymous", ...ACTOR_ROLES);

/** Requests for one operation: mostly one part made wrong at a time, some wholly valid-shaped. */
export function requestsFor(op: Operation, pools: IdPools): fc.Arbitrary<FuzzRequest> {
  const ids = (name: string) => propertyPool(pools, name);
  const validPath = pathArb(op, pools, false);
  const validQuery = queryArb(op.queryParams, ids, false);
  const validBody = bodyArb(op, ids);
  const focused = (focus: FuzzRequest["focus"]) =>
    fc.record({
      actor: actorArb,
      method: fc.constant(op.method),
      path: focus === "path" ? pathArb(op, pools, true) : validPath,
      query: focus === "query" ? queryArb(op.queryParams, ids, true) : validQuery,
      body: focus === "body" ? brokenBodyArb(op, ids) : validBody,
      headers: focus === "headers" ? headerArb() : fc.constant(WELL_BEHAVED),
      focus: fc.constant(focus),
    });
  const parts: FuzzRequest["focus"][] = ["valid", "query", "headers"];
  if (op.pathParams.length > 0) parts.push("path");
  if (op.body || op.multipart || op.method !== "GET") parts.push("body", "body");
  return fc
    .oneof(...parts.map(focused))
    .map(({ path, query, ...rest }) => ({ ...rest, url: query ? `${path}?${query}` : path }));
}

function pathArb(op: Operation, pools: IdPools, broken: boolean): fc.Arbitrary<string> {
  if (op.pathParams.length === 0) return fc.constant(op.path);
  const segments = op.path.split("/");
  const values = op.pathParams.map((p) => {
    const before = segments[segments.indexOf(`{${p.name}}`) - 1] ?? "";
    const real = pools.path.get(`${before}/${p.name}`) ?? [];
    const valid = fc.oneof(...(real.length > 0 ? [{ weight: 4, arbitrary: fc.constantFrom(...real) }] : []), {
      weight: 1,
      arbitrary: arbitraryFor(p.schema, () => []).map(String),
    });
    return broken ? fc.oneof(valid.map(encodeLoosely), malformedSegment()) : valid.map(encodeLoosely);
  });
  return fc
    .tuple(...values)
    .map((vs) => op.pathParams.reduce((path, p, i) => path.replace(`{${p.name}}`, vs[i] as string), op.path));
}

/** A query string: documented parameters (valid, or wrong, repeated, huge) and now and then unknown ones. */
function queryArb(params: Parameter[], ids: (n: string) => string[], broken: boolean): fc.Arbitrary<string> {
  const pairs = params.map((p) => {
    const valid = arbitraryFor(p.schema, ids, p.name).map(queryValue);
    const value = broken ? fc.oneof(valid, wrongQueryValue(p.schema)) : valid;
    const one = value.map((v) => [[p.name, v]] as [string, string][]);
    const repeated = fc
      .array(value, { minLength: 2, maxLength: 3 })
      .map((vs) => vs.map((v) => [p.name, v] as [string, string]));
    const none = fc.constant([] as [string, string][]);
    return p.required
      ? broken
        ? fc.oneof(one, repeated, none)
        : one
      : fc.oneof(none, one, ...(broken ? [repeated] : []));
  });
  const unknown = broken
    ? fc.array(
        fc.tuple(
          fc.constantFrom("__proto__", "constructor", "page[size]", "a.b", "x", "q[]", ""),
          fc.string({ maxLength: 10 }),
        ),
        { maxLength: 2 },
      )
    : fc.constant([] as [string, string][]);
  return fc
    .tuple(fc.tuple(...pairs), unknown)
    .map(([known, extra]) =>
      [...known.flat(), ...extra].map(([k, v]) => `${encodeLoosely(k)}=${encodeLoosely(v)}`).join("&"),
    );
}

function queryValue(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

function wrongQueryValue(schema: JsonSchema): fc.Arbitrary<string> {
  return fc.oneof(
    wrongTypeFor(schema).map(queryValue),
    oddString(),
    hugeString().map((s) => s.slice(0, 20_000)),
    fc.constantFrom(
      "-1",
      "0",
      "99999999999999999999",
      "1e309",
      "NaN",
      "Infinity",
      "2025-02-30",
      "0x10",
      " 1",
      "1 ",
    ),
  );
}

function bodyArb(op: Operation, ids: (n: string) => string[]): fc.Arbitrary<WireBody> {
  if (op.multipart) return uploadBody();
  if (!op.body) return fc.constant<WireBody>({ label: "no body" });
  return arbitraryFor(op.body, ids).map(
    (v): WireBody => ({
      payload: JSON.stringify(v),
      contentType: "application/json",
      label: "valid-shaped",
    }),
  );
}

function brokenBodyArb(op: Operation, ids: (n: string) => string[]): fc.Arbitrary<WireBody> {
  if (op.multipart) return uploadBody();
  const schema = op.body ?? { type: "object" };
  return mutatedBody(arbitraryFor(schema, ids), schema);
}

function headerArb(): fc.Arbitrary<HeaderTwist> {
  return fc.record(
    {
      csrf: fc.constantFrom("send", "omit", "wrong"),
      cookie: fc.constantFrom("send", "garbage", "huge"),
      accept: fc.constantFrom(
        "*/*",
        "text/html",
        "application/xml",
        "application/problem+json",
        "image/png;q=0",
        "",
        "\u00ff",
      ),
      contentType: fc.constantFrom(
        "text/plain",
        "application/json;;",
        "application/json; charset=utf-8",
        "garbage",
        "",
      ),
      extra: fc.tuple(
        fc.constantFrom("x-forwarded-for", "x-request-id", "if-none-match", "range", "origin", "x-fuzz"),
        fc.oneof(
          oddString().map(latin1),
          hugeString().map((s) => latin1(s).slice(0, 16_000)),
        ),
      ),
    },
    { requiredKeys: ["csrf", "cookie"] },
  ) as fc.Arbitrary<HeaderTwist>;
}

/** HTTP header values are bytes; characters beyond Latin-1 cannot be sent as they are. */
function latin1(s: string): string {
  return Buffer.from(s, "utf8")
    .toString("latin1")
    .replace(/[\r\n\0]/g, " ");
}
