/**
 * Case numbers (DOMAIN.md §3): parse the many ways people write "W.P. No. 1234 of 2025" into one normal form,
 * so that search finds "WP 1234/2025" as well. Pure and dependency-free: used by the server and the web client.
 */

export type CaseTypeAliases = { code: string; abbreviation: string; aliases: readonly string[] };

export type ParsedCaseNumber = {
  /** null when the text gave only number and year, e.g. "1234/2025". */
  typeCode: string | null;
  number: number;
  /** "" or an uppercase registry/bench letter(s), e.g. "K" in "77-K/2024", stored without the dash. */
  suffix: string;
  year: number;
  /** The case below, e.g. the W.P. in "I.C.A. No. 208 of 2012 in W.P. No. 7537 of 2009". */
  parent?: ParsedCaseNumber;
};

const MIN_YEAR = 1947;
const MAX_YEAR = 2100;
const MAX_NUMBER = 10_000_000;
// Real case numbers (even with a chain of parents) are short; the cap also bounds regex backtracking on junk.
const MAX_INPUT = 300;

/** Key for comparing type aliases: "W. P." / "w.p" / "WP" → "WP"; "Crl. P.L.A." → "CRLPLA". */
export function aliasKey(text: string): string {
  return text
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[.\s-]/g, "");
}

/** "W.P. No. 1234 of 2025", "C.P.L.A. No. 77-K of 2024" — the form used in court cause lists. */
export function formatCaseNumber(p: {
  abbreviation: string;
  number: number;
  suffix: string;
  year: number;
}): string {
  return `${p.abbreviation} No. ${p.number}${p.suffix ? `-${p.suffix.toUpperCase()}` : ""} of ${p.year}`;
}

/** Stable key for storage and search: "WP/1234/2025", "CPLA/77-K/2024". */
export function caseNumberKey(p: { typeCode: string; number: number; suffix: string; year: number }): string {
  return `${p.typeCode}/${p.number}${p.suffix ? `-${p.suffix.toUpperCase()}` : ""}/${p.year}`;
}

// Characters that may sit between the letters of an abbreviation ("W. P.", "W-P") — exactly what aliasKey drops.
const GAP = "[ .\\-]*";
// After the type: optional "No."/"No:"/"Number"/"#", the number, an optional suffix ("-K" or attached "K"),
// a separator ("of", "/" or "-") and a four-digit year. Two-digit years are ambiguous and deliberately fail.
const REST = String.raw`(?:(NO|NUMBER|#)[ .:#]*)?(\d+)(?:(?: ?- ?)?([A-Z]{1,3}))? ?(OF|\/|-) ?(\d{4})`;

type Compiled = { re: RegExp; codes: Map<string, string> };
const compiledCache = new WeakMap<readonly CaseTypeAliases[], Compiled>();

// One anchored regex per type list. Aliases are tried longest key first, so "C.P.L.A." wins over "C.P." when
// both could start the text; each alias matches with any dots/spaces/hyphens between its letters.
function compile(types: readonly CaseTypeAliases[]): Compiled {
  const cached = compiledCache.get(types);
  if (cached) return cached;
  const codes = new Map<string, string>();
  for (const t of types) {
    for (const alias of [t.code, t.abbreviation, ...t.aliases]) {
      const key = aliasKey(alias);
      if (key && !codes.has(key)) codes.set(key, t.code); // on a clash the first type listed wins
    }
  }
  const keys = [...codes.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const alts = keys.map((k) => Array.from(k, (ch) => ch.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&")).join(GAP));
  const typePart = alts.length ? `(?:(${alts.join("|")})${GAP})?` : "()?";
  const compiled = { re: new RegExp(`^${typePart}${REST}$`, "u"), codes };
  compiledCache.set(types, compiled);
  return compiled;
}

// Urdu and Arabic-Indic digits → ASCII, Unicode dashes/slashes → ASCII, case and whitespace folded.
// NFKC also folds full-width digits and "№" → "No".
function normalise(input: string): string {
  return input
    .normalize("NFKC")
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\u2044\u2215]/g, "/")
    .toUpperCase()
    .replace(/\s+/g, " ")
    .trim();
}

// Brackets, quotes and punctuation around a number ("(W.P. No. 5 of 2020).") are noise.
const EDGE_NOISE = /^[\s([{"'“‘«,;:.-]+|[\s)\]}"'”’»,;:.!?-]+$/gu;

function parseOne(text: string, c: Compiled): ParsedCaseNumber | null {
  const m = c.re.exec(text.replace(EDGE_NOISE, ""));
  if (!m) return null;
  const [, alias, no, digits = "", suffix = "", sep, yearDigits = ""] = m;
  // A bare "2024-2025" is a span of years far more often than a case number.
  if (!alias && !no && !suffix && sep === "-") return null;
  const number = Number(digits);
  const year = Number(yearDigits);
  if (number < 1 || number >= MAX_NUMBER || year < MIN_YEAR || year > MAX_YEAR) return null;
  const typeCode = alias ? (c.codes.get(aliasKey(alias)) ?? null) : null;
  return { typeCode, number, suffix, year };
}

// "X in Y": X is the case, Y (itself possibly "Y in Z") the case below it. Try the whole text first, so an
// alias that contains the word "in" still parses; then each " IN " from the left.
function parseChain(text: string, c: Compiled): ParsedCaseNumber | null {
  const whole = parseOne(text, c);
  if (whole) return whole;
  for (let at = text.indexOf(" IN "); at >= 0; at = text.indexOf(" IN ", at + 1)) {
    const child = parseOne(text.slice(0, at), c);
    const parent = child && parseChain(text.slice(at + 4), c);
    if (child && parent) return { ...child, parent };
  }
  return null;
}

// A leading label ("Case:", "Ref: Case No.") is tolerated, but only tried after the text as given, because
// "W.P. No: 12 of 2020" has a colon of its own.
const LABEL = /^(?:.*:)?\s*(?:CASE\b)?/u;

/** Parse a case number written in any common form; null when the text is not (only) a case number. */
export function parseCaseNumber(input: string, types: readonly CaseTypeAliases[]): ParsedCaseNumber | null {
  if (input.length > MAX_INPUT) return null;
  const text = normalise(input);
  if (text.length > MAX_INPUT) return null; // NFKC can lengthen text
  const c = compile(types);
  return parseChain(text, c) ?? parseChain(text.replace(LABEL, ""), c);
}
