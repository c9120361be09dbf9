import { Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../app/format.ts";
import { useMe } from "../../app/session.tsx";
import { PasswordChangeForm } from "./PasswordChangeForm.tsx";
import { TwoFactorSection } from "./TwoFactorSection.tsx";

/** The signed-in user's own account: who they are, their password and their two-step sign-in. */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  const { name } = useLocale();
  return (
    <Stack maw={720} data-testid="profile-page">
      <Title order={1} size="h2">
        {t("auth.profileTitle")}
      </Title>
      <div>
        <Text fw={500}>
          <bdi>{me.fullName}</bdi>
        </Text>
        <Text size="sm" c="dimmed">
          <span className="ltr">{me.username}</span> · <bdi>{name(me.organisation)}</bdi>
        </Text>
      </div>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          {t("auth.changePasswordTitle")}
        </Title>
        <PasswordChangeForm />
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          {t("auth.twoFactorTitle")}
        </Title>
        <TwoFactorSection />
      </Paper>
    </Stack>
  );
}
