/**
 * The courts' calendar day. Leave, hearing dates and deadlines are calendar dates in Pakistan (PKT, UTC+5, no
 * daylight saving), so "today" is taken there, not in UTC — between midnight and 05:00 PKT the two differ.
 */
export const COURT_TIME_ZONE = "Asia/Karachi";

const dayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: COURT_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The ISO date (YYYY-MM-DD) in the courts' time zone at `at`. */
export function courtDay(at: Date = new Date()): string {
  return dayFormat.format(at);
}

/** An ISO date plus whole days (calendar arithmetic in UTC, so no time zone or daylight saving is involved). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
