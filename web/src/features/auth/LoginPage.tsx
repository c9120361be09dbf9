import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isApiError } from "../../app/api.ts";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { useSession } from "../../app/session.tsx";
import { AuthLayout } from "./AuthLayout.tsx";

/** Username and password; then, for an account with two-step sign-in, its code or a recovery code. */
export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useSession();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [step, setStep] = useState<"password" | "totp" | "recovery">("password");
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const { problem, fieldErrors, fail, clear } = useProblem();

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setBusy(true);
    const second =
      step === "totp" ? { totpCode: code.trim() } : step === "recovery" ? { recoveryCode: code.trim() } : {};
    try {
      await login(username.trim(), password, second);
      // PublicOnly redirects once the session is set.
    } catch (error) {
      setBusy(false);
      setCode("");
      if (isApiError(error) && error.code === "second_factor_required") {
        setStep("totp");
        return;
      }
      fail(error);
      // a wrong code keeps the password; anything else starts over
      if (!(isApiError(error) && error.code === "invalid_second_factor")) {
        setPassword("");
        setStep("password");
      }
    }
  }

  const secondStep = step !== "password";
  return (
    <AuthLayout title={t("auth.loginTitle")}>
      <form onSubmit={submit} noValidate data-testid="login-form">
        <Stack>
          <ProblemAlert
            error={problem}
            testId="login-error"
            shown={(k) => k === "username" || k === "password" || k === "totpCode" || k === "recoveryCode"}
          />
          {!secondStep && (
            <>
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
            </>
          )}
          {secondStep && (
            <>
              <Text size="sm" data-testid="login-second-step">
                {t("auth.secondStepIntro")}
              </Text>
              <TextInput
                key={step}
                label={step === "totp" ? t("auth.totpCode") : t("auth.recoveryCode")}
                description={step === "totp" ? t("auth.totpCodeHint") : undefined}
                name={step === "totp" ? "totpCode" : "recoveryCode"}
                autoComplete="one-time-code"
                inputMode={step === "totp" ? "numeric" : "text"}
                required
                autoFocus
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                error={step === "totp" ? fieldErrors.totpCode : fieldErrors.recoveryCode}
                data-testid={step === "totp" ? "login-totp" : "login-recovery"}
                classNames={{ input: "ltr" }}
              />
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => {
                  clear();
                  setCode("");
                  setStep(step === "totp" ? "recovery" : "totp");
                }}
                data-testid="login-switch-second-factor"
              >
                {step === "totp" ? t("auth.useRecoveryCode") : t("auth.useTotpCode")}
              </Anchor>
            </>
          )}
          <Button
            type="submit"
            loading={busy}
            disabled={secondStep ? !code.trim() : !username || !password}
            data-testid="login-submit"
          >
            {secondStep ? t("auth.verify") : t("auth.login")}
          </Button>
          {!secondStep && (
            <>
              <Text size="sm">
                {t("auth.noAccount")}{" "}
                <Anchor component={Link} to="/register" data-testid="register-link">
                  {t("auth.registerLink")}
                </Anchor>
              </Text>
              <Anchor component={Link} to="/public" size="sm" data-testid="public-link">
                {t("public.caseStatusLink")}
              </Anchor>
            </>
          )}
        </Stack>
      </form>
    </AuthLayout>
  );
}
