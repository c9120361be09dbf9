import type { CSSProperties } from "react";

/**
 * Colours of the public pages, set as Mantine's own CSS variables on their outermost box so every component
 * inside picks them up. The app's teal (shade 6) and dimmed grey (shade 6) read at 2.5:1 and 3.3:1 on white;
 * anyone may land on these pages, so text, links, filled buttons and the keyboard focus ring use teal 9 and
 * grey 7 instead (5.0:1 and 8.2:1, above WCAG AA's 4.5:1 for text and 3:1 for the focus ring).
 */
export const PUBLIC_INK = {
  "--mantine-primary-color-filled": "var(--mantine-color-teal-9)",
  "--mantine-primary-color-filled-hover": "#05573f",
  "--mantine-primary-color-light-color": "var(--mantine-color-teal-9)",
  "--mantine-color-teal-light-color": "var(--mantine-color-teal-9)",
  "--mantine-color-anchor": "var(--mantine-color-teal-9)",
  "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
} as CSSProperties;
