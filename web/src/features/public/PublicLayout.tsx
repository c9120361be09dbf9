import { Anchor, Box, Container, Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LanguageSwitch } from "../../app/LanguageSwitch.tsx";
import { PUBLIC_INK } from "./publicInk.ts";

/**
 * The frame of the public pages: the system's name, the language switch, links to case status and sign-in; a
 * header, a navigation and a main landmark, in colours that read (publicInk.ts).
 */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)" style={PUBLIC_INK}>
      <Container size="lg" py="md">
        <Stack gap="md">
          <Group component="header" justify="space-between" align="flex-start" wrap="wrap">
            <div>
              <Text fw={700} size="xl">
                CAMS
              </Text>
              <Text size="sm" c="dimmed">
                {t("app.name")}
              </Text>
              <Text size="xs" c="dimmed">
                {t("app.ministry")}
              </Text>
            </div>
            <Group component="nav" gap="md" aria-label={t("public.title")}>
              <Anchor component={Link} to="/public" size="sm" data-testid="public-home">
                {t("public.title")}
              </Anchor>
              <Anchor component={Link} to="/login" size="sm">
                {t("public.signIn")}
              </Anchor>
              <LanguageSwitch />
            </Group>
          </Group>
          <main>{children}</main>
        </Stack>
      </Container>
    </Box>
  );
}
