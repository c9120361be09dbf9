import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import en from "../i18n/en.json" with { type: "json" };
import trainingEn from "../i18n/training.en.json" with { type: "json" };
import trainingUr from "../i18n/training.ur.json" with { type: "json" };
import trainingAdminEn from "../i18n/training-admin.en.json" with { type: "json" };
import trainingAdminUr from "../i18n/training-admin.ur.json" with { type: "json" };
import ur from "../i18n/ur.json" with { type: "json" };

export type Locale = "en" | "ur";
export const LOCALES: readonly Locale[] = ["en", "ur"];
const STORAGE_KEY = "cams.locale";

export function isLocale(value: unknown): value is Locale {
  return value === "en" || value === "ur";
}

export function directionOf(locale: Locale): "ltr" | "rtl" {
  return locale === "ur" ? "rtl" : "ltr";
}

/** The language chosen before login (or last used on this browser). */
export function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(value)) return value;
  } catch {
    // storage may be disabled; fall through to the default
  }
  return "en";
}

export function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not fatal
  }
}

/** Sets `<html lang dir>` so the browser, Mantine and the Urdu font rules all follow the language. */
export function applyDocumentLocale(locale: Locale): void {
  const html = document.documentElement;
  html.setAttribute("lang", locale);
  html.setAttribute("dir", directionOf(locale));
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  // Training's texts live in their own files (each with its own top-level keys) beside the main ones.
  resources: {
    en: { translation: { ...en, ...trainingEn, ...trainingAdminEn } },
    ur: { translation: { ...ur, ...trainingUr, ...trainingAdminUr } },
  },
  lng: storedLocale(),
  fallbackLng: "en",
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyDocumentLocale(storedLocale());

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : "en";
}

/** Intl locale for dates and numbers: Urdu as written in Pakistan, English with day-month-year order. */
export function intlLocale(locale: Locale): string {
  return locale === "ur" ? "ur-PK" : "en-GB";
}
