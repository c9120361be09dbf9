import { useDirection } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isApiError, setCsrfToken, setUnauthorizedHandler } from "./api.ts";
import { applyDocumentLocale, directionOf, i18n, isLocale, type Locale, rememberLocale } from "./i18n.ts";
import type { Me } from "./types.ts";

type SessionResponse = { user: Me; csrfToken: string };

export type SessionState =
  | { status: "loading"; user: null }
  | { status: "anonymous"; user: null }
  | { status: "authenticated"; user: Me };

/** The second step of a login, for an account with two-step sign-in. */
export type SecondFactor = { totpCode?: string; recoveryCode?: string };

type SessionContextValue = SessionState & {
  login: (username: string, password: string, second?: SecondFactor) => Promise<Me>;
  /** Reads the session again (after the user's two-step sign-in or profile changed). */
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
  setLocale: (locale: Locale) => Promise<void>;
};

const SessionContext = createContext<SessionContextValue | null>(null);

/** Switches i18next, `<html lang dir>` and Mantine's direction together. */
function useApplyLocale(): (locale: Locale) => void {
  const { setDirection } = useDirection();
  return useCallback(
    (locale: Locale) => {
      applyDocumentLocale(locale);
      setDirection(directionOf(locale));
      if (i18n.language !== locale) void i18n.changeLanguage(locale);
    },
    [setDirection],
  );
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading", user: null });
  const queryClient = useQueryClient();
  const applyLocale = useApplyLocale();
  const { t } = useTranslation();

  const signedIn = useCallback(
    (res: SessionResponse) => {
      setCsrfToken(res.csrfToken);
      setState({ status: "authenticated", user: res.user });
      if (isLocale(res.user.locale)) {
        rememberLocale(res.user.locale);
        applyLocale(res.user.locale);
      }
    },
    [applyLocale],
  );

  const signedOut = useCallback(() => {
    setCsrfToken(null);
    setState({ status: "anonymous", user: null });
    queryClient.clear();
  }, [queryClient]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      signedOut();
      notifications.show({ id: "session-ended", color: "yellow", message: t("auth.sessionEnded") });
    });
    return () => setUnauthorizedHandler(null);
  }, [signedOut, t]);

  useEffect(() => {
    const controller = new AbortController();
    api<SessionResponse>("/auth/session", { allowUnauthorized: true, signal: controller.signal })
      .then(signedIn)
      .catch((error: unknown) => {
        if ((error as Error).name === "AbortError") return;
        signedOut();
      });
    return () => controller.abort();
  }, [signedIn, signedOut]);

  const login = useCallback(
    async (username: string, password: string, second: SecondFactor = {}) => {
      const res = await api<SessionResponse>("/auth/login", {
        method: "POST",
        body: { username, password, ...second },
        allowUnauthorized: true,
      });
      queryClient.clear();
      signedIn(res);
      return res.user;
    },
    [queryClient, signedIn],
  );

  const refresh = useCallback(async () => {
    signedIn(await api<SessionResponse>("/auth/session"));
  }, [signedIn]);

  const logout = useCallback(async () => {
    try {
      await api<void>("/auth/logout", { method: "POST", allowUnauthorized: true });
    } catch {
      // the session is gone either way
    }
    signedOut();
  }, [signedOut]);

  const user = state.user;
  const setLocale = useCallback(
    async (locale: Locale) => {
      rememberLocale(locale);
      applyLocale(locale);
      if (!user || user.locale === locale) return;
      try {
        const updated = await api<Me>("/me", { method: "PATCH", body: { locale } });
        setState({ status: "authenticated", user: updated });
      } catch (error) {
        if (isApiError(error) && error.status === 401) return;
        notifications.show({ color: "red", message: t("errors.localeNotSaved") });
      }
    },
    [applyLocale, user, t],
  );

  const value = useMemo<SessionContextValue>(
    () => ({ ...state, login, refresh, logout, setLocale }),
    [state, login, refresh, logout, setLocale],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error("useSession outside SessionProvider");
  return ctx;
}

/** The signed-in user; only for screens behind RequireAuth. */
export function useMe(): Me {
  const session = useSession();
  if (!session.user) throw new Error("useMe without a signed-in user");
  return session.user;
}
