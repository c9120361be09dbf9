import { createTheme, DirectionProvider, MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { I18nextProvider } from "react-i18next";
import { BrowserRouter } from "react-router";
import { directionOf, i18n, storedLocale } from "./i18n.ts";
import { createQueryClient } from "./queryClient.ts";
import { AppRoutes } from "./routes.tsx";
import { SessionProvider } from "./session.tsx";

const theme = createTheme({
  primaryColor: "teal",
  defaultRadius: "sm",
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "Noto Naskh Arabic", sans-serif',
});

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nextProvider i18n={i18n}>
      <DirectionProvider initialDirection={directionOf(storedLocale())} detectDirection={false}>
        <MantineProvider theme={theme} defaultColorScheme="light">
          <Notifications position="bottom-right" />
          <QueryClientProvider client={queryClient}>
            <BrowserRouter>
              <SessionProvider>
                <AppRoutes />
              </SessionProvider>
            </BrowserRouter>
          </QueryClientProvider>
        </MantineProvider>
      </DirectionProvider>
    </I18nextProvider>
  );
}
