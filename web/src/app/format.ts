import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { currentLocale, intlLocale, isLocale, type Locale } from "./i18n.ts";
import type { Named } from "./types.ts";

function loc(locale?: Locale): string {
  return intlLocale(locale ?? currentLocale());
}

/** 'YYYY-MM-DD' → a date in the reader's language; the calendar day never shifts with the time zone. */
export function formatDate(value: string | null | undefined, locale?: Locale): string {
  if (!value) return "—";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(loc(locale), { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/**
 * A moment in the reader's language with a 24-hour clock in both languages ("22 Nov 2026, 21:52",
 * "22 نومبر، 2026، 21:52"): Urdu's own 12-hour form would print a Latin "PM" inside Urdu text.
 */
export function formatDateTime(value: string | null | undefined, locale?: Locale): string {
  if (!value) return "—";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(loc(locale), {
    dateStyle: "medium",
    timeStyle: "short",
    hourCycle: "h23",
  }).format(date);
}

export function formatAmount(value: number | string | null | undefined, locale?: Locale): string {
  if (value === null || value === undefined || value === "") return "—";
  const n = typeof value === "number" ? value : Number(value);
  if (Number.isNaN(n)) return String(value);
  return new Intl.NumberFormat(loc(locale), {
    style: "currency",
    currency: "PKR",
    maximumFractionDigits: 2,
  }).format(n);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function localName(named: Named | null | undefined, locale: Locale): string {
  if (!named) return "—";
  return locale === "ur" ? named.nameUr || named.nameEn : named.nameEn || named.nameUr;
}

/** The current language plus a name picker that follows it. */
export function useLocale(): { locale: Locale; name: (named: Named | null | undefined) => string } {
  const { i18n } = useTranslation();
  const locale: Locale = isLocale(i18n.language) ? i18n.language : "en";
  const name = useCallback((named: Named | null | undefined) => localName(named, locale), [locale]);
  return { locale, name };
}

/**
 * Wraps text that comes from people or the server (a name, a title) in Unicode isolates, for places that take
 * only a string (option labels, notification messages, tooltips): its direction then comes from its own first
 * strong letter, so an English title keeps its full stop at its end inside Urdu text. In JSX use `<bdi>`.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** Like isolate, but always left to right: case numbers ("W.P. No. 1234 of 2025"), codes, usernames. */
export function ltrIsolate(text: string): string {
  return `\u2066${text}\u2069`;
}

/** Today's calendar day ('YYYY-MM-DD') in the courts' time zone (Asia/Karachi), whatever the browser's. */
export function courtToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Karachi" }).format(now);
}

/** 'YYYY-MM-DD' → the weekday and date in the reader's language ("Monday, 3 March 2026"). */
export function formatDay(value: string, locale?: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(loc(locale), { dateStyle: "full", timeZone: "UTC" }).format(date);
}
