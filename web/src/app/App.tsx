import { DirectionProvider, MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { I18nextProvider } from "react-i18next";
import { BrowserRouter } from "react-router";
import { styleNonce } from "./csp.ts";
import { useLocale } from "./format.ts";
import { directionOf, i18n, storedLocale } from "./i18n.ts";
import { createQueryClient } from "./queryClient.ts";
import { AppRoutes } from "./routes.tsx";
import { SessionProvider } from "./session.tsx";
import { themeFor } from "./theme.ts";

/** Mantine's theme follows the language (Urdu gets taller lines for Nastaliq). */
function ThemeByLocale({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  return (
    <MantineProvider theme={themeFor(locale)} defaultColorScheme="light" getStyleNonce={styleNonce}>
      {children}
    </MantineProvider>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nextProvider i18n={i18n}>
      <DirectionProvider initialDirection={directionOf(storedLocale())} detectDirection={false}>
        <ThemeByLocale>
          <Notifications position="bottom-right" />
          <QueryClientProvider client={queryClient}>
            <BrowserRouter>
              <SessionProvider>
                <AppRoutes />
              </SessionProvider>
            </BrowserRouter>
          </QueryClientProvider>
        </ThemeByLocale>
      </DirectionProvider>
    </I18nextProvider>
  );
}
