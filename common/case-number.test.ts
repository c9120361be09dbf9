import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  aliasKey,
  type CaseTypeAliases,
  caseNumberKey,
  formatCaseNumber,
  type ParsedCaseNumber,
  parseCaseNumber,
} from "./case-number.ts";

const TYPES: readonly CaseTypeAliases[] = [
  { code: "WP", abbreviation: "W.P.", aliases: ["W.P.", "WP", "Writ Petition", "Writ Pet."] },
  { code: "ICA", abbreviation: "I.C.A.", aliases: ["I.C.A.", "ICA", "Intra Court Appeal"] },
  { code: "CPLA", abbreviation: "C.P.L.A.", aliases: ["C.P.L.A.", "CPLA"] },
  { code: "CP", abbreviation: "C.P.", aliases: ["C.P.", "CP", "Civil Petition"] },
  { code: "CRLPLA", abbreviation: "Crl.P.L.A.", aliases: ["Crl.P.L.A.", "Crl. P.L.A.", "CrlPLA"] },
  { code: "CONSTP", abbreviation: "Const.P.", aliases: ["Const.P.", "Const. P.", "Constitution Petition"] },
  { code: "SA", abbreviation: "S.A.", aliases: ["S.A.", "SA", "Service Appeal"] },
  { code: "SUIT", abbreviation: "Suit", aliases: ["Suit"] },
];

const parse = (text: string) => parseCaseNumber(text, TYPES);
const cn = (typeCode: string | null, number: number, year: number, suffix = ""): ParsedCaseNumber => ({
  typeCode,
  number,
  suffix,
  year,
});

describe("aliasKey", () => {
  it.each([
    ["W. P.", "WP"],
    ["w.p", "WP"],
    ["WP", "WP"],
    ["Crl. P.L.A.", "CRLPLA"],
    ["C.P.L.A.", "CPLA"],
    ["Writ Petition", "WRITPETITION"],
    ["Const.-P.", "CONSTP"],
  ])("%s → %s", (text, key) => expect(aliasKey(text)).toBe(key));
});

describe("parseCaseNumber: accepted forms", () => {
  it.each([
    ["W.P. No. 1234 of 2025", cn("WP", 1234, 2025)],
    ["WP 1234/2025", cn("WP", 1234, 2025)],
    ["W.P.No.1234/2025", cn("WP", 1234, 2025)],
    ["wp-1234-2025", cn("WP", 1234, 2025)],
    ["Writ Petition No. 1234 of 2025", cn("WP", 1234, 2025)],
    ["W. P. No 1234 / 2025", cn("WP", 1234, 2025)],
    ["WP No.1234 of 2025", cn("WP", 1234, 2025)],
    ["Writ Pet. No. 1234 of 2025", cn("WP", 1234, 2025)],
    ["W.P. No: 1234 of 2025", cn("WP", 1234, 2025)],
    ["W.P. № 1234 of 2025", cn("WP", 1234, 2025)],
    ["C.P.L.A. No. 77-K/2024", cn("CPLA", 77, 2024, "K")],
    ["CPLA 77-K of 2024", cn("CPLA", 77, 2024, "K")],
    ["C.P.L.A. No.77-K/2024", cn("CPLA", 77, 2024, "K")],
    ["c.p.l.a. no. 77-k/2024", cn("CPLA", 77, 2024, "K")],
    ["C.P.L.A. No. 77K/2024", cn("CPLA", 77, 2024, "K")],
    ["C.P. No. 77-L of 2024", cn("CP", 77, 2024, "L")],
    ["Crl.P.L.A. No. 5/2023", cn("CRLPLA", 5, 2023)],
    ["Crl. P.L.A. 5 of 2023", cn("CRLPLA", 5, 2023)],
    ["CrlPLA 5-Q/2023", cn("CRLPLA", 5, 2023, "Q")],
    ["Const.P. No. 12 of 2020", cn("CONSTP", 12, 2020)],
    ["Constitution Petition No. 12 of 2020", cn("CONSTP", 12, 2020)],
    ["S.A. No. 3 of 1999", cn("SA", 3, 1999)],
    ["Suit No. 1500 of 2019", cn("SUIT", 1500, 2019)],
    ["1234/2025", cn(null, 1234, 2025)],
    ["No. 1234 of 2025", cn(null, 1234, 2025)],
    ["No. 1234-2025", cn(null, 1234, 2025)],
    ["77-K-2024", cn(null, 77, 2024, "K")],
    // Urdu (U+06F0…) and Arabic-Indic (U+0660…) digits; an en dash as separator.
    ["W.P. No. ۱۲۳۴ of ۲۰۲۵", cn("WP", 1234, 2025)],
    ["W.P. No. ١٢٣٤/٢٠٢٥", cn("WP", 1234, 2025)],
    ["WP 1234–2025", cn("WP", 1234, 2025)],
    // Noise around the number.
    ["Case: W.P. No. 1234 of 2025.", cn("WP", 1234, 2025)],
    ["  (WP 1234/2025);", cn("WP", 1234, 2025)],
    ["Case No. 1234 of 2025", cn(null, 1234, 2025)],
    ["Ref: Case: CPLA 77-K/2024", cn("CPLA", 77, 2024, "K")],
    // Bounds.
    ["W.P. No. 1 of 1947", cn("WP", 1, 1947)],
    ["W.P. No. 9999999 of 2100", cn("WP", 9_999_999, 2100)],
  ])("%s", (text, expected) => expect(parse(text)).toEqual(expected));

  it("reads the case below from '… in …'", () => {
    expect(parse("I.C.A. No. 208 of 2012 in W.P. No. 7537 of 2009")).toEqual({
      ...cn("ICA", 208, 2012),
      parent: cn("WP", 7537, 2009),
    });
  });

  it("reads a chain of cases below", () => {
    expect(parse("C.P.L.A. No. 9-L of 2014 in ICA 208/2012 in WP 7537/2009")).toEqual({
      ...cn("CPLA", 9, 2014, "L"),
      parent: { ...cn("ICA", 208, 2012), parent: cn("WP", 7537, 2009) },
    });
  });

  it("prefers the longest alias and keeps similar types apart", () => {
    expect(parse("C.P.L.A. No. 1 of 2020")?.typeCode).toBe("CPLA");
    expect(parse("C.P. No. 1 of 2020")?.typeCode).toBe("CP");
    expect(parse("Crl.P.L.A. No. 1 of 2020")?.typeCode).toBe("CRLPLA");
    expect(parse("Const.P. No. 1 of 2020")?.typeCode).toBe("CONSTP");
  });

  it("works with an empty type list (number/year only)", () => {
    expect(parseCaseNumber("1234/2025", [])).toEqual(cn(null, 1234, 2025));
    expect(parseCaseNumber("W.P. 1234/2025", [])).toBeNull();
  });
});

describe("parseCaseNumber: rejected", () => {
  it.each([
    "W.P. 1234/25", // two-digit year is ambiguous
    "1234/25",
    "Muhammad Ather v. Ministry",
    "2025",
    "",
    "   ",
    "W.P. No. of 2025",
    "W.P. No. 0 of 2025", // numbers are positive
    "W.P. No. 10000000 of 2025", // < 10,000,000
    "W.P. No. 12 of 1946", // year 1947–2100
    "W.P. No. 12 of 2101",
    "X.Y.Z. No. 12 of 2020", // unknown type
    "W.P. No. 12 of 2020 in Muhammad Ather v. Ministry",
    "W.P. No. 12 of 20200",
    "2024-2025", // without a type or "No.", a span of years
  ])("%j", (text) => expect(parse(text)).toBeNull());
});

describe("formatCaseNumber / caseNumberKey", () => {
  it("formats the cause-list form", () => {
    expect(formatCaseNumber({ abbreviation: "W.P.", number: 1234, suffix: "", year: 2025 })).toBe(
      "W.P. No. 1234 of 2025",
    );
    expect(formatCaseNumber({ abbreviation: "C.P.L.A.", number: 77, suffix: "K", year: 2024 })).toBe(
      "C.P.L.A. No. 77-K of 2024",
    );
  });

  it("builds a stable key", () => {
    expect(caseNumberKey({ typeCode: "WP", number: 1234, suffix: "", year: 2025 })).toBe("WP/1234/2025");
    expect(caseNumberKey({ typeCode: "CPLA", number: 77, suffix: "K", year: 2024 })).toBe("CPLA/77-K/2024");
  });
});

// ---- Properties ----

const caseArb = fc.record({
  type: fc.constantFrom(...TYPES),
  number: fc.integer({ min: 1, max: 9_999_999 }),
  suffix: fc.oneof(fc.constant(""), fc.constantFrom("K", "L", "P", "Q"), fc.stringMatching(/^[A-Z]{1,3}$/)),
  year: fc.integer({ min: 1947, max: 2100 }),
});

const keyOf = (c: { type: CaseTypeAliases; number: number; suffix: string; year: number }) =>
  caseNumberKey({ typeCode: c.type.code, number: c.number, suffix: c.suffix, year: c.year });

const DIGIT_BASES = [0x30, 0x6f0, 0x660]; // ASCII, Urdu, Arabic-Indic
const toDigits = (n: number, base: number) =>
  String(n).replace(/\d/g, (d) => String.fromCharCode(base + Number(d)));

describe("properties", () => {
  it("parse(format(x)) returns x", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const text = formatCaseNumber({ abbreviation: c.type.abbreviation, ...c });
        expect(parse(text)).toEqual({
          typeCode: c.type.code,
          number: c.number,
          suffix: c.suffix,
          year: c.year,
        });
      }),
    );
  });

  it("any common rendering parses to the same key", () => {
    const space = fc.constantFrom("", " ", "  ", "\t");
    fc.assert(
      fc.property(
        fc.record({
          c: caseArb,
          aliasIndex: fc.nat(),
          dots: fc.constantFrom("keep", "drop", "spaced"),
          no: fc.constantFrom("No.", "No", ""),
          sep: fc.constantFrom("of", "/", "-"),
          suffixDash: fc.boolean(),
          digits: fc.constantFrom(...DIGIT_BASES),
          gaps: fc.tuple(space, space, space, space, space),
          caseMask: fc.array(fc.boolean(), { minLength: 1, maxLength: 64 }),
        }),
        ({ c, aliasIndex, dots, no, sep, suffixDash, digits, gaps, caseMask }) => {
          const names = [c.type.abbreviation, ...c.type.aliases];
          const alias = names[aliasIndex % names.length]!;
          const typeText =
            dots === "drop"
              ? alias.replace(/\./g, "")
              : dots === "spaced"
                ? alias.replace(/\.(?=\S)/g, ". ")
                : alias;
          // Without "No." and a gap, an alias and a number still stay apart ("WP1234"), so any gap is fine.
          const suffixText = c.suffix ? `${suffixDash ? "-" : ""}${c.suffix}` : "";
          // "of" glued to digits on both sides is fine ("77of2024"); a "-" between suffix-less number and year too.
          const [g1, g2, g3, g4, g5] = gaps;
          const raw =
            `${typeText}${g1}${no}${g2}${toDigits(c.number, digits)}${suffixText}` +
            `${g3}${sep}${g4}${toDigits(c.year, digits)}${g5}`;
          const text = Array.from(raw, (ch, i) =>
            caseMask[i % caseMask.length] ? ch.toUpperCase() : ch.toLowerCase(),
          ).join("");
          const parsed = parse(text);
          expect(parsed, text).not.toBeNull();
          expect(parsed?.typeCode, text).toBe(c.type.code);
          expect(caseNumberKey({ ...parsed!, typeCode: parsed!.typeCode! }), text).toBe(keyOf(c));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("never throws on arbitrary text, and whatever it accepts is in range and round-trips", () => {
    const check = (text: string) => {
      const p = parse(text);
      if (p === null) return;
      expect(Number.isInteger(p.number) && p.number >= 1 && p.number < 10_000_000).toBe(true);
      expect(p.year >= 1947 && p.year <= 2100).toBe(true);
      expect(p.suffix).toMatch(/^[A-Z]*$/);
      if (p.typeCode !== null) {
        const type = TYPES.find((t) => t.code === p.typeCode)!;
        const again = parse(formatCaseNumber({ abbreviation: type.abbreviation, ...p }));
        expect(again).toEqual({ typeCode: p.typeCode, number: p.number, suffix: p.suffix, year: p.year });
      }
    };
    fc.assert(fc.property(fc.string(), check), { numRuns: 1000 });
    // fast-check 4 dropped fullUnicodeString; unit "binary" is any code point (lone surrogates included).
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 400 }), check), { numRuns: 1000 });
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), check), { numRuns: 500 });
    // Near-misses: fragments of real case numbers glued together at random.
    const piece = fc.constantFrom(
      "W.P.",
      "No.",
      " ",
      "of",
      "/",
      "-",
      "K",
      "in",
      "12",
      "2025",
      "۲۰۲۵",
      ":",
      ".",
      "Crl",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => check(parts.join(""))),
      {
        numRuns: 1000,
      },
    );
  });

  it("stays fast on long pathological input", () => {
    const started = performance.now();
    for (const text of [
      " ".repeat(300),
      `W.P.${" .".repeat(140)}`,
      `${"1".repeat(290)}/2025`,
      "1/2000 in ".repeat(29),
      `${".-".repeat(149)}x`,
      "ﷺ".repeat(300),
      "x".repeat(100_000),
    ]) {
      expect(() => parse(text)).not.toThrow();
    }
    expect(performance.now() - started).toBeLessThan(500);
  });
});
