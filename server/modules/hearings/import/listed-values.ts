/**
 * Dates and times as courts print them in cause lists, read into ISO forms. Pakistani lists write the day first
 * ("22-11-2026", "22/11/2026", "22.11.2026", "22 Nov 2026", "22-Nov-26"); ISO dates are accepted too. A date
 * that cannot be read, or does not exist (31 June), is refused rather than guessed.
 */
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function isoIfReal(y: number, m: number, d: number): string | null {
  if (y < 100) y += 2000;
  if (y < 1947 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return date.toISOString().slice(0, 10);
}

export function readListedDate(text: string): string | null {
  const t = text.trim().toLowerCase();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return isoIfReal(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(t);
  if (m) return isoIfReal(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[-\s]([a-z]{3})[a-z]*\.?[-\s,]+(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS.indexOf(m[2]!);
    return month < 0 ? null : isoIfReal(Number(m[3]), month + 1, Number(m[1]));
  }
  return null;
}

/** "9:30", "09.30", "9:30 AM", "2:00 pm" → "09:30" / "14:00"; "" → null; anything else → undefined (unreadable). */
export function readListedTime(text: string): string | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === "") return null;
  const m = /^(\d{1,2})[:.](\d{2})\s*(am|pm|a\.m\.|p\.m\.)?$/.exec(t);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const half = m[3]?.replaceAll(".", "");
  if (half && (hour < 1 || hour > 12)) return undefined;
  if (half === "pm" && hour < 12) hour += 12;
  if (half === "am" && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}
