/**
 * Certificate verification codes (issue 9): 15 random Crockford base-32 symbols (75 bits) and one check symbol
 * (the value mod 37, Crockford's check alphabet), printed in groups of four: "7K2M-QX9D-4TBR-H1N*".
 * The check symbol turns a mistyped or made-up code into "malformed" before any lookup; the lookup itself is
 * what makes a code genuine. Reading is forgiving as Crockford intends: case, hyphens and spaces are ignored,
 * I and L read as 1, O as 0.
 */
const SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CHECK = `${SYMBOLS}*~$=U`;
export const CODE_LENGTH = 16;

function checkSymbol(body: string): string {
  let rest = 0n;
  for (const ch of body) rest = (rest * 32n + BigInt(SYMBOLS.indexOf(ch))) % 37n;
  return CHECK[Number(rest)]!;
}

/** A new code from 15 random values 0–31 (the caller supplies them from a CSPRNG). */
export function makeCertificateCode(random: Uint8Array): string {
  if (random.length < CODE_LENGTH - 1) throw new RangeError("15 random bytes are needed");
  let body = "";
  for (let i = 0; i < CODE_LENGTH - 1; i++) body += SYMBOLS[random[i]! & 31];
  return groupCode(body + checkSymbol(body));
}

const groupCode = (code: string) => code.match(/.{1,4}/g)!.join("-");

/** The canonical form of a typed code, or null when it cannot be a certificate code (length, symbols, check). */
export function normaliseCertificateCode(typed: string): string | null {
  const s = typed.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  if (s.length !== CODE_LENGTH) return null;
  const body = s.slice(0, -1);
  if ([...body].some((ch) => !SYMBOLS.includes(ch))) return null;
  return checkSymbol(body) === s.at(-1) ? groupCode(s) : null;
}
