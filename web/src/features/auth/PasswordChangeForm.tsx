import { Button, PasswordInput, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { useMe } from "../../app/session.tsx";
import { changePassword } from "./api.ts";
import { checkNewPassword, serverPasswordError } from "./password.ts";

/** One's own new password, given with the current one; the server then signs out every other session. */
export function PasswordChangeForm() {
  const { t } = useTranslation();
  const me = useMe();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [busy, setBusy] = useState(false);
  const { problem, fieldErrors, fail, clear, setFieldErrors } = useProblem();
  const rules = { username: me.username, hasSecondFactor: me.twoFactor.enabled };

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    const local = checkNewPassword(t, next, rules);
    if (local) return setFieldErrors({ password: local });
    if (next !== confirm) return setFieldErrors({ confirm: t("auth.passwordsDiffer") });
    setBusy(true);
    try {
      await changePassword(current, next);
      setCurrent("");
      setNext("");
      setConfirm("");
      notifications.show({ color: "green", message: t("auth.passwordChanged") });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  const passwordError =
    serverPasswordError(t, problem, "password", rules.hasSecondFactor) ?? fieldErrors.password;
  return (
    <form onSubmit={submit} noValidate data-testid="password-change-form">
      <Stack maw={400}>
        <ProblemAlert
          error={problem}
          testId="password-change-error"
          shown={(k) => ["currentPassword", "password", "confirm"].includes(k)}
        />
        <PasswordInput
          label={t("auth.currentPassword")}
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          error={fieldErrors.currentPassword}
          data-testid="password-current"
        />
        <PasswordInput
          label={t("auth.newPassword")}
          description={t("auth.passwordHint")}
          autoComplete="new-password"
          required
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
          error={passwordError}
          data-testid="password-new"
        />
        <PasswordInput
          label={t("auth.confirmPassword")}
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          error={fieldErrors.confirm}
          data-testid="password-confirm"
        />
        <Button
          type="submit"
          loading={busy}
          disabled={!current || !next || !confirm}
          w="fit-content"
          data-testid="password-change-submit"
        >
          {t("auth.changePassword")}
        </Button>
      </Stack>
    </form>
  );
}
