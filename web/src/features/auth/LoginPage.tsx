import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { useSession } from "../../app/session.tsx";
import { AuthLayout } from "./AuthLayout.tsx";

export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useSession();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const { problem, fieldErrors, fail, clear } = useProblem();

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setBusy(true);
    try {
      await login(username.trim(), password);
      // PublicOnly redirects once the session is set.
    } catch (error) {
      fail(error);
      setPassword("");
      setBusy(false);
    }
  }

  return (
    <AuthLayout title={t("auth.loginTitle")}>
      <form onSubmit={submit} noValidate data-testid="login-form">
        <Stack>
          <ProblemAlert
            error={problem}
            testId="login-error"
            shown={(k) => k === "username" || k === "password"}
          />
          <TextInput
            label={t("auth.username")}
            name="username"
            autoComplete="username"
            required
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={fieldErrors.username}
            data-testid="login-username"
            classNames={{ input: "ltr" }}
          />
          <PasswordInput
            label={t("auth.password")}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldErrors.password}
            data-testid="login-password"
          />
          <Button type="submit" loading={busy} disabled={!username || !password} data-testid="login-submit">
            {t("auth.login")}
          </Button>
          <Text size="sm">
            {t("auth.noAccount")}{" "}
            <Anchor component={Link} to="/register" data-testid="register-link">
              {t("auth.registerLink")}
            </Anchor>
          </Text>
          <Anchor component={Link} to="/public" size="sm" data-testid="public-link">
            {t("public.caseStatusLink")}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
