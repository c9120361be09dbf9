/**
 * iCalendar (RFC 5545) text for a feed of hearings: escaped values, lines folded at 75 octets, CRLF endings.
 * All-day events where the hearing has no time; times are Pakistan time (no daylight saving), written in UTC.
 */
export type IcsEvent = {
  uid: string;
  date: string;
  time: string | null;
  summary: string;
  description: string;
  location: string;
  url: string;
  /** When the hearing was last changed: calendar clients use it to update their copy. */
  stamp: Date;
};

/**
 * TEXT values: backslash, semicolon and comma escaped, every kind of line break as \n, and other control
 * characters dropped — a title or purpose typed by someone else must not be able to start a new property.
 */
const escapeText = (s: string) =>
  s
    .replace(/\r\n|\r|\n|\u0085|\u2028|\u2029/g, "\n")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");

/** Folds a content line so that no line is longer than 75 octets, never splitting a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

const utc = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
const compactDate = (iso: string) => iso.replace(/-/g, "");
/** Pakistan Standard Time is UTC+5 all year. */
const PKT_OFFSET_MS = 5 * 3_600_000;

export function icsCalendar(name: string, events: readonly IcsEvent[]): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//CAMS//Case Assignment and Management System//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(name)}`,
  ];
  for (const e of events) {
    lines.push("BEGIN:VEVENT", `UID:${e.uid}`, `DTSTAMP:${utc(e.stamp)}`);
    if (e.time) {
      const start = new Date(Date.parse(`${e.date}T${e.time}:00Z`) - PKT_OFFSET_MS);
      lines.push(`DTSTART:${utc(start)}`, `DTEND:${utc(new Date(start.getTime() + 3_600_000))}`);
    } else {
      const next = new Date(Date.parse(`${e.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      lines.push(`DTSTART;VALUE=DATE:${compactDate(e.date)}`, `DTEND;VALUE=DATE:${compactDate(next)}`);
    }
    lines.push(
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      `LOCATION:${escapeText(e.location)}`,
      `URL:${e.url}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
