import type { IdentifierType } from "./request.ts";

/**
 * Whether an identifier is written so a provider can search for it (rule 2). Pure and browser-safe: no node:net.
 */
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIpv6(v: string): boolean {
  if (!/^[0-9a-f:.]+$/i.test(v) || !v.includes(":")) return false;
  const halves = v.split("::");
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === "" ? [] : h.split(":")));
  const last = groups.at(-1);
  const v4Tail = last?.includes(".") ? (IPV4.test(last) ? 2 : Number.NaN) : 0;
  const hex = v4Tail ? groups.slice(0, -1) : groups;
  if (Number.isNaN(v4Tail) || !hex.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  const count = hex.length + v4Tail;
  return halves.length === 2 ? count < 8 : count === 8;
}

export function wellFormed(type: IdentifierType, raw: string): boolean {
  const v = raw.trim();
  switch (type) {
    case "numeric_id":
      return /^\d+$/.test(v);
    case "username":
      return /^@?[^\s@/]{1,100}$/u.test(v);
    case "url":
      try {
        const u = new URL(v);
        return (u.protocol === "https:" || u.protocol === "http:") && u.hostname.includes(".");
      } catch {
        return false;
      }
    case "email":
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);
    case "phone":
      // International form: a plus and the country code, so the provider need not guess the country.
      return /^\+\d{7,15}$/.test(v.replace(/[\s\-().]/g, ""));
    case "ip":
      return IPV4.test(v) || isIpv6(v);
  }
}

/** An IANA zone name or a UTC offset ("UTC+05:00", "+0500", "Z"). Abbreviations like PKT are ambiguous. */
export function validTimeZone(tz: string): boolean {
  const t = tz.trim();
  if (/^(UTC|GMT)?\s?[+-]\d{1,2}(:?\d{2})?$/i.test(t) || /^(Z|UTC|GMT)$/i.test(t)) return true;
  if (!t.includes("/")) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: t });
    return true;
  } catch {
    return false;
  }
}

/** A date-time that carries its own offset or Z. */
export const hasZone = (dt: string) => /(Z|[+-]\d{2}:?\d{2})$/i.test(dt);

export const IDENTIFIER_LABELS: Record<IdentifierType, { en: string; ur: string }> = {
  numeric_id: { en: "numeric ID", ur: "عددی آئی ڈی" },
  username: { en: "username", ur: "یوزر نیم" },
  url: { en: "URL", ur: "یو آر ایل" },
  email: { en: "email address", ur: "ای میل ایڈریس" },
  phone: { en: "phone number", ur: "فون نمبر" },
  ip: { en: "IP address", ur: "آئی پی ایڈریس" },
};
