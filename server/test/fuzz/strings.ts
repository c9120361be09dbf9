import fc from "fast-check";

/**
 * Text a careless parser trips on. Lone surrogates survive only inside JSON (as `\ud800` escapes) — UTF-8 cannot
 * carry them, so in URLs they are sent as the invalid byte sequences they would have become.
 */
export const ODD_TEXT = [
  "",
  " ",
  "\t\n\r",
  "محمد اطہر بنام وفاق پاکستان", // Urdu, right to left
  "\u202eevil\u202c", // right-to-left override
  "e\u0301\u0301\u0301\u0301\u0301\u0301", // stacked combining marks
  "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035a",
  "👨‍👩‍👧‍👦🇵🇰🏳️‍🌈",
  "a\u200bb\u200c\u200d\ufeff", // zero-width characters and a BOM
  "\ud800", // lone high surrogate
  "\udfff", // lone low surrogate
  "x\ud83dy",
  "\u0000",
  "\u0007\u001b[31m",
  "'; drop table cases; --",
  '" OR 1=1 --',
  "<script>alert(1)</script>",
  "$" + "{jndi:ldap://x}", // log4j-style lookup, split so it is plainly not a template
  "{{7*7}}",
  "%s%n%x",
  "../../../etc/passwd",
  "=cmd|' /C calc'!A0",
  "null",
  "undefined",
  "NaN",
  "-1",
  "1e309",
  "0x1F",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "٠١٢٣٤٥٦٧٨٩", // Arabic-Indic digits
  "۱۲۳", // Urdu digits
  "ﷺ",
  "\uffff\ufffe",
  "𝕮𝖆𝖘𝖊",
];

/** Odd text, random Unicode of every plane, and now and then a long run of it. */
export function oddString(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ODD_TEXT) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...ODD_TEXT), maxLength: 20 }) },
    { weight: 1, arbitrary: hugeString() },
  );
}

/** Far longer than any field allows (but well inside the 1 MiB body limit). */
export function hugeString(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom("a", "ب", "😀", "e\u0301", "\u200b"), fc.integer({ min: 1_000, max: 60_000 }))
    .map(([unit, times]) => unit.repeat(times));
}

/** A path segment that is not a valid id: sent raw, so it may carry broken percent-escapes. */
export function malformedSegment(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      "not-a-uuid",
      "00000000-0000-0000-0000-00000000000g",
      "%ED%A0%80", // a lone surrogate as UTF-8 would spell it
      "%C0%AF",
      "%",
      "%zz",
      "%00",
      "..",
      "%2e%2e%2fadmin",
      "%2F",
      "-1",
      "0",
      "1.5",
      "9".repeat(400),
      "null",
      "%20",
    ),
    oddString().map((s) => encodeLoosely(s)),
  );
}

/** encodeURIComponent, except that lone surrogates (which it refuses) become their broken UTF-8 bytes. */
export function encodeLoosely(s: string): string {
  return Array.from(s, (ch) => {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff)
      return `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    return encodeURIComponent(ch);
  }).join("");
}
