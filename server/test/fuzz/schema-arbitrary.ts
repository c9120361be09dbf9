import fc from "fast-check";
import type { JsonSchema } from "./openapi.ts";
import { oddString } from "./strings.ts";

/**
 * JSON Schema → fast-check arbitrary of values shaped like the schema. "Shaped like": values follow the types,
 * enums, formats and bounds, but free text is often odd (Urdu, emoji, zero-width, lone surrogates), so a valid
 * shape still probes what the server does with unusual content. Ids come from `ids` when the world has real
 * records for a property of that name, else random UUIDs.
 */
export type IdSource = (propertyName: string) => string[];

const MAX_ARRAY = 4;
const DATE = fc
  .date({ min: new Date("1990-01-01"), max: new Date("2035-12-31"), noInvalidDate: true })
  .map((d) => d.toISOString());

export function arbitraryFor(schema: JsonSchema, ids: IdSource, name = ""): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => arbitraryFor(s, ids, name)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
      return fc.integer({ min: lowerBound(schema, 1) ?? -1000, max: upperBound(schema, 1) ?? 100_000 });
    case "number": {
      const min = lowerBound(schema, 0.01) ?? -1e6;
      const max = upperBound(schema, 0.01) ?? 1e6;
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case "string":
      return stringFor(schema, ids, name);
    case "array":
      return fc.array(arbitraryFor(schema.items ?? {}, ids, name), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? MAX_ARRAY, MAX_ARRAY)),
      });
    case "object":
      return objectFor(schema, ids);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function lowerBound(s: JsonSchema, step: number) {
  return s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + step : s.minimum;
}
function upperBound(s: JsonSchema, step: number) {
  return s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - step : s.maximum;
}

function objectFor(schema: JsonSchema, ids: IdSource): fc.Arbitrary<unknown> {
  const props = schema.properties ?? {};
  const named = fc.record(
    Object.fromEntries(Object.entries(props).map(([k, s]) => [k, arbitraryFor(s, ids, k)])),
    { requiredKeys: (schema.required ?? []).filter((k) => k in props) },
  );
  const extra = schema.additionalProperties;
  if (!extra || typeof extra !== "object") return named;
  const keys = schema.propertyNames ? arbitraryFor(schema.propertyNames, ids) : fc.string({ maxLength: 12 });
  const rest = fc.dictionary(keys as fc.Arbitrary<string>, arbitraryFor(extra, ids), { maxKeys: 3 });
  return fc.tuple(named, rest).map(([a, b]) => ({ ...b, ...(a as object) }));
}

function stringFor(schema: JsonSchema, ids: IdSource, name: string): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 200;
  const known = ids(name);
  if (schema.format === "uuid")
    return known.length > 0
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, fc.uuid())
      : fc.uuid();
  if (schema.format === "date") return DATE.map((d) => d.slice(0, 10));
  if (schema.format === "date-time") return DATE;
  if (schema.format === "email") return fc.emailAddress().map((e) => e.slice(0, max));
  const patterns = [schema.pattern, ...(schema.allOf ?? []).map((s) => s.pattern)].filter(
    (p): p is string => !!p,
  );
  const anchored = patterns.find((p) => p.startsWith("^"));
  const matching = anchored ? patternArbitrary(anchored) : undefined;
  if (matching) return matching.map((s) => fitLength(s, min, max));
  const free = fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: "grapheme", minLength: min, maxLength: Math.min(max, 60) }) },
    { weight: 2, arbitrary: oddString().map((s) => fitLength(s, min, max)) },
  );
  // Unanchored patterns (a password needs a letter and a digit) are met by appending what they ask for.
  return patterns.length > 0 ? free.map((s) => fitLength(`${s}a1`, min, max)) : free;
}

/** Strings matching a pattern, or undefined when fast-check cannot read the pattern (lookbehind and the like). */
function patternArbitrary(pattern: string): fc.Arbitrary<string> | undefined {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return undefined;
  }
}

/** Cut or pad a string into [min, max] code units; padding keeps the letters-and-digits patterns happy. */
function fitLength(s: string, min: number, max: number): string {
  const padded = s.length < min ? s + "Ab1".repeat(Math.ceil((min - s.length) / 3)) : s;
  return padded.length > max ? padded.slice(padded.length - max) : padded;
}

/** A value of some other JSON type than the schema asks for (or of no sensible type at all). */
export function wrongTypeFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const others: fc.Arbitrary<unknown>[] = [
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.constantFrom(1e308, -1e308, 0.1, -0, 2 ** 53 + 1),
    fc.string({ maxLength: 8 }),
    fc.array(fc.integer(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
  ];
  const pick = (i: number) => others[i] as fc.Arbitrary<unknown>;
  const avoid: Record<string, number[]> = {
    null: [0],
    boolean: [1],
    integer: [2],
    number: [2, 3],
    string: [4],
    array: [5],
    object: [6],
  };
  const skip = new Set(avoid[type ?? ""] ?? []);
  return fc.oneof(
    ...others
      .map((_, i) => i)
      .filter((i) => !skip.has(i))
      .map(pick),
  );
}
