import { Alert, Button, Group, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../app/forms.tsx";
import { type User, useResetTwoFactor } from "./api.ts";

/**
 * A user's two-step sign-in as their administrator sees it: on or off, and — for a lost authenticator — a reset
 * that asks to be confirmed. The reset ends the user's sessions; they sign in with the password alone and set
 * it up again (a privileged role is sent straight to that).
 */
export function TwoFactorReset({ user }: { user: User }) {
  const { t } = useTranslation();
  const reset = useResetTwoFactor();
  const [confirming, setConfirming] = useState(false);
  if (!user.twoFactorEnabled) {
    return (
      <Text size="sm" c="dimmed" data-testid="user-two-factor-off">
        {t("users.twoFactorOff")}
      </Text>
    );
  }
  if (reset.isSuccess) {
    return (
      <Alert color="teal" data-testid="user-two-factor-reset-done">
        {t("users.twoFactorResetDone")}
      </Alert>
    );
  }
  return (
    <div data-testid="user-two-factor">
      <Text size="sm">{t("users.twoFactorOn")}</Text>
      {user.abilities.resetTwoFactor && (
        <Group mt="xs" gap="xs">
          {confirming ? (
            <>
              <Text size="sm" c="red.8">
                {t("users.twoFactorResetConfirm")}
              </Text>
              <Button
                color="red"
                size="xs"
                loading={reset.isPending}
                onClick={() => reset.mutate(user.id)}
                data-testid="user-two-factor-reset-confirm"
              >
                {t("users.twoFactorReset")}
              </Button>
              <Button variant="default" size="xs" onClick={() => setConfirming(false)}>
                {t("common.cancel")}
              </Button>
            </>
          ) : (
            <Button
              variant="light"
              color="red"
              size="xs"
              onClick={() => setConfirming(true)}
              data-testid="user-two-factor-reset"
            >
              {t("users.twoFactorReset")}
            </Button>
          )}
        </Group>
      )}
      <ProblemAlert error={reset.error} testId="user-two-factor-reset-error" />
    </div>
  );
}
