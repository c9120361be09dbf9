/**
 * Masking private individuals' names on the public pages. A party without an organisation is a private person
 * (or a private firm — masked alike, erring on the side of privacy); a party linked to an organisation is a
 * government body and stays readable. Pure, so it is tested on its own.
 */

export type MaskParty = { name: string; organisationId: string | null };

// Words that carry no identity; never turned into initials on their own.
const CONNECTORS = new Set([
  "and",
  "others",
  "other",
  "the",
  "of",
  "son",
  "daughter",
  "wife",
  "through",
  "resident",
  "v",
  "vs",
  "versus",
]);

const LETTER = /\p{L}/u;
const escapeRe = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
// \b does not know Urdu letters; these look-arounds do.
const whole = (s: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(s)}(?![\\p{L}\\p{N}])`, "giu");

/** "Shahid Mehmood Abbasi" → "S. M. A."; keeps one letter (a whole grapheme of Urdu script) per word. */
export function initials(name: string): string {
  return name
    .normalize("NFC")
    .split(/[\s.,]+/u)
    .filter((w) => LETTER.test(w) && !CONNECTORS.has(w.toLowerCase()))
    .map((w) => `${[...w.replace(/^\P{L}+/u, "")][0]!.toLocaleUpperCase("en")}.`)
    .join(" ");
}

/**
 * The title with every private party's name as initials: first the whole name (and its part before a comma,
 * which is how titles cite "Name, son of …"), longest first; then any remaining word of such a name (a title may
 * shorten "Muhammad Ather" to "M. Ather"), except words that also name a government party ("Pakistan").
 */
export function maskTitle(title: string, parties: readonly MaskParty[]): string {
  const privates = parties.filter((p) => p.organisationId === null && p.name.trim() !== "");
  if (privates.length === 0) return title;
  const heads = new Set<string>();
  for (const p of privates) {
    const name = p.name.normalize("NFC").trim();
    heads.add(name);
    const head = name.split(",")[0]!.trim();
    if (head) heads.add(head);
  }
  let out = title.normalize("NFC");
  for (const h of [...heads].sort((a, b) => b.length - a.length)) {
    const masked = initials(h);
    if (masked) out = out.replace(whole(h), masked);
  }
  const governmentWords = new Set(
    parties
      .filter((p) => p.organisationId !== null)
      .flatMap((p) => p.name.toLowerCase().split(/[^\p{L}\p{N}]+/u)),
  );
  const words = new Set(
    [...heads]
      .flatMap((h) => h.split(/[^\p{L}\p{N}]+/u))
      .filter(
        (w) =>
          [...w].length >= 3 && !CONNECTORS.has(w.toLowerCase()) && !governmentWords.has(w.toLowerCase()),
      ),
  );
  for (const w of [...words].sort((a, b) => b.length - a.length)) {
    out = out.replace(whole(w), initials(w));
  }
  return out;
}
