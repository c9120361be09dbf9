import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { post } from "../../app/api.ts";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { OrganisationSelect } from "../organisations/OrganisationSelect.tsx";
import { AuthLayout } from "./AuthLayout.tsx";
import { checkNewPassword, serverPasswordError } from "./password.ts";

type RegisterBody = {
  organisationCode: string;
  username: string;
  fullName: string;
  email?: string;
  designation?: string;
  password: string;
};

const FIELDS = ["organisationCode", "username", "fullName", "email", "designation", "password"];

export function RegisterPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    organisationCode: "",
    username: "",
    fullName: "",
    email: "",
    designation: "",
    password: "",
    confirm: "",
  });
  const { problem, fieldErrors, fail, clear, setFieldErrors } = useProblem();
  const mutation = useMutation({
    mutationFn: (body: RegisterBody) => post<{ status: string }>("/auth/register", body),
    onError: fail,
  });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    const weak = checkNewPassword(t, form.password, { username: form.username, hasSecondFactor: false });
    if (weak) {
      setFieldErrors({ password: weak });
      return;
    }
    if (form.password !== form.confirm) {
      setFieldErrors({ confirm: t("auth.passwordsDiffer") });
      return;
    }
    mutation.mutate({
      organisationCode: form.organisationCode,
      username: form.username.trim(),
      fullName: form.fullName.trim(),
      email: form.email.trim() || undefined,
      designation: form.designation.trim() || undefined,
      password: form.password,
    });
  }

  if (mutation.isSuccess) {
    return (
      <AuthLayout title={t("auth.registerTitle")}>
        <Stack>
          <Alert color="teal" data-testid="register-success" title={t("auth.registeredTitle")}>
            {t("auth.registeredBody")}
          </Alert>
          <Anchor component={Link} to="/login">
            {t("auth.backToLogin")}
          </Anchor>
        </Stack>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t("auth.registerTitle")} width={520}>
      <form onSubmit={submit} noValidate data-testid="register-form">
        <Stack>
          <Text size="sm" c="dimmed">
            {t("auth.registerIntro")}
          </Text>
          <ProblemAlert error={problem} testId="register-error" shown={(k) => FIELDS.includes(k)} />
          <OrganisationSelect
            valueKey="code"
            exclude={(o) => o.kind === "system"}
            label={t("fields.organisation")}
            required
            value={form.organisationCode || null}
            onChange={(v) => set("organisationCode")(v ?? "")}
            error={fieldErrors.organisationCode}
            data-testid="register-organisation"
          />
          <TextInput
            label={t("auth.username")}
            required
            autoComplete="username"
            value={form.username}
            onChange={(e) => set("username")(e.currentTarget.value)}
            error={fieldErrors.username}
            description={t("auth.usernameHint")}
            data-testid="register-username"
            classNames={{ input: "ltr" }}
          />
          <TextInput
            label={t("fields.fullName")}
            required
            autoComplete="name"
            value={form.fullName}
            onChange={(e) => set("fullName")(e.currentTarget.value)}
            error={fieldErrors.fullName}
            data-testid="register-full-name"
          />
          <TextInput
            label={t("fields.designation")}
            value={form.designation}
            onChange={(e) => set("designation")(e.currentTarget.value)}
            error={fieldErrors.designation}
            data-testid="register-designation"
          />
          <TextInput
            label={t("fields.email")}
            type="email"
            autoComplete="email"
            value={form.email}
            onChange={(e) => set("email")(e.currentTarget.value)}
            error={fieldErrors.email}
            data-testid="register-email"
            classNames={{ input: "ltr" }}
          />
          <PasswordInput
            label={t("auth.password")}
            required
            autoComplete="new-password"
            description={t("auth.passwordHint")}
            value={form.password}
            onChange={(e) => set("password")(e.currentTarget.value)}
            error={serverPasswordError(t, problem, "password", false) ?? fieldErrors.password}
            data-testid="register-password"
          />
          <PasswordInput
            label={t("auth.confirmPassword")}
            required
            autoComplete="new-password"
            value={form.confirm}
            onChange={(e) => set("confirm")(e.currentTarget.value)}
            error={fieldErrors.confirm}
            data-testid="register-confirm"
          />
          <Button type="submit" loading={mutation.isPending} data-testid="register-submit">
            {t("auth.register")}
          </Button>
          <Anchor component={Link} to="/login" size="sm">
            {t("auth.backToLogin")}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
