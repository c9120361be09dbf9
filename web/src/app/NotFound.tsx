import { Button, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function NotFound({ message }: { message?: string }) {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" data-testid="not-found">
      <Title order={2}>{t("errors.notFoundTitle")}</Title>
      <Text>{message ?? t("errors.notFound")}</Text>
      <Button component={Link} to="/cases" variant="light">
        {t("nav.cases")}
      </Button>
    </Stack>
  );
}
