import { createTheme, type MantineThemeOverride } from "@mantine/core";
import type { Locale } from "./i18n.ts";

/**
 * Noto Nastaliq Urdu comes first in both languages. It is shipped with the app (see fonts.css) and declared for
 * the Arabic script only, so Urdu text anywhere (the "اردو" switch, Urdu names in the English interface) is
 * drawn in Nastaliq instead of as boxes, while Latin text, digits and spaces fall through to the system's own
 * fonts that follow.
 */
const LATIN =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif';
export const FONT_FAMILY = `"Noto Nastaliq Urdu", ${LATIN}`;

const base = {
  primaryColor: "teal",
  defaultRadius: "sm",
  fontFamily: FONT_FAMILY,
  headings: { fontFamily: FONT_FAMILY },
} satisfies MantineThemeOverride;

const english = createTheme(base);

/**
 * Nastaliq climbs and descends much further than Latin script, so Urdu lines get more room: the body text
 * and every Text size, and the headings (whose own sizes are a little tighter).
 */
const urdu = createTheme({
  ...base,
  lineHeights: { xs: "1.9", sm: "1.9", md: "1.95", lg: "1.95", xl: "2" },
  headings: {
    fontFamily: FONT_FAMILY,
    sizes: {
      h1: { lineHeight: "1.8" },
      h2: { lineHeight: "1.8" },
      h3: { lineHeight: "1.85" },
      h4: { lineHeight: "1.9" },
      h5: { lineHeight: "1.9" },
      h6: { lineHeight: "1.9" },
    },
  },
});

export function themeFor(locale: Locale) {
  return locale === "ur" ? urdu : english;
}
