import {
  Alert,
  Button,
  Code,
  Group,
  Image,
  List,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { useMe, useSession } from "../../app/session.tsx";
import { confirmTotp, disableTotp, startTotp, type TotpEnrolment } from "./api.ts";

/**
 * Two-step sign-in on the user's own profile (and on the enrolment screen a privileged role is held to):
 * set up with a QR code or the key, confirm with a first code, see the recovery codes once; or turn it off.
 */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const me = useMe();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />;
  return (
    <Stack data-testid="two-factor" data-enabled={me.twoFactor.enabled}>
      <Text size="sm">{t("auth.twoFactorIntro")}</Text>
      <Text fw={500} data-testid="two-factor-state">
        {me.twoFactor.enabled ? t("auth.twoFactorOn") : t("auth.twoFactorOff")}
      </Text>
      {me.twoFactor.enabled ? <DisableForm /> : <Enrolment onEnabled={setRecoveryCodes} />}
    </Stack>
  );
}

function Enrolment({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [currentPassword, setCurrentPassword] = useState("");
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const { problem, fieldErrors, fail, clear } = useProblem();

  async function start(event: FormEvent) {
    event.preventDefault();
    clear();
    setBusy(true);
    try {
      setEnrolment(await startTotp(currentPassword));
      setCurrentPassword("");
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    clear();
    setBusy(true);
    try {
      onEnabled((await confirmTotp(code.trim())).recoveryCodes);
    } catch (error) {
      fail(error);
      setCode("");
      setBusy(false);
    }
  }

  if (!enrolment) {
    return (
      <form onSubmit={start} noValidate>
        <Stack>
          <ProblemAlert error={problem} testId="totp-error" shown={(k) => k === "currentPassword"} />
          <PasswordInput
            label={t("auth.currentPassword")}
            description={t("auth.twoFactorPasswordFirst")}
            value={currentPassword}
            onChange={(e) => setCurrentPassword(e.currentTarget.value)}
            error={fieldErrors.currentPassword}
            autoComplete="current-password"
            required
            w={{ base: "100%", sm: 360 }}
            data-testid="totp-current-password"
          />
          <Button type="submit" loading={busy} w="fit-content" data-testid="totp-start">
            {t("auth.twoFactorStart")}
          </Button>
        </Stack>
      </form>
    );
  }
  return (
    <form onSubmit={confirm} noValidate>
      <Stack>
        <ProblemAlert error={problem} testId="totp-error" shown={(k) => k === "code"} />
        <Text size="sm">{t("auth.twoFactorScan")}</Text>
        <Image src={enrolment.qr} alt={t("auth.twoFactorQr")} w={200} h={200} data-testid="totp-qr" />
        <div>
          <Text size="sm" c="dimmed">
            {t("auth.twoFactorKey")}
          </Text>
          <Code className="ltr" data-testid="totp-secret" style={{ wordBreak: "break-all" }}>
            {enrolment.secret}
          </Code>
        </div>
        <TextInput
          label={t("auth.totpCode")}
          description={t("auth.totpCodeHint")}
          autoComplete="one-time-code"
          inputMode="numeric"
          required
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={fieldErrors.code}
          data-testid="totp-confirm-code"
          classNames={{ input: "ltr" }}
          maw={240}
        />
        <Button
          type="submit"
          loading={busy}
          disabled={!code.trim()}
          w="fit-content"
          data-testid="totp-confirm"
        >
          {t("auth.twoFactorConfirm")}
        </Button>
      </Stack>
    </form>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  return (
    <Alert color="green" title={t("auth.twoFactorEnabled")} data-testid="recovery-codes">
      <Stack>
        <Text size="sm" fw={500}>
          {t("auth.recoveryCodesTitle")}
        </Text>
        <Text size="sm">{t("auth.recoveryCodesBody")}</Text>
        <List className="ltr" spacing={2} style={{ fontFamily: "monospace" }}>
          {codes.map((code) => (
            <List.Item key={code} data-testid="recovery-code">
              {code}
            </List.Item>
          ))}
        </List>
        <Group>
          <Button onClick={() => void refresh().then(onDone)} data-testid="recovery-codes-done">
            {t("auth.recoveryCodesDone")}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function DisableForm() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const { problem, fieldErrors, fail, clear } = useProblem();

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setBusy(true);
    try {
      await disableTotp(password, code.trim());
      notifications.show({ color: "green", message: t("auth.twoFactorDisabled") });
      await refresh();
    } catch (error) {
      fail(error);
      setCode("");
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate data-testid="totp-disable-form">
      <Stack maw={360}>
        <Text size="sm" c="dimmed">
          {t("auth.twoFactorDisableHint")}
        </Text>
        <ProblemAlert error={problem} testId="totp-disable-error" shown={(k) => k in fieldErrors} />
        <PasswordInput
          label={t("auth.currentPassword")}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={fieldErrors.currentPassword}
          data-testid="totp-disable-password"
        />
        <TextInput
          label={t("auth.totpCode")}
          description={t("auth.totpOrRecoveryCode")}
          autoComplete="one-time-code"
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={fieldErrors.code ?? fieldErrors.recoveryCode}
          data-testid="totp-disable-code"
          classNames={{ input: "ltr" }}
        />
        <Button
          type="submit"
          color="red"
          variant="light"
          loading={busy}
          disabled={!password || !code.trim()}
          w="fit-content"
          data-testid="totp-disable"
        >
          {t("auth.twoFactorDisable")}
        </Button>
      </Stack>
    </form>
  );
}
