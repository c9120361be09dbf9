import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { publicErrorKey, usePublicCases } from "./api.ts";
import { PublicCaseCard } from "./PublicCaseCard.tsx";
import { PublicLayout } from "./PublicLayout.tsx";

/** /public: case status by number, no login. The number sits in the URL, so a result can be linked to. */
export function PublicCaseSearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get("number") ?? "";
  const [text, setText] = useState(asked);
  const result = usePublicCases(asked);

  function submit(event: FormEvent) {
    event.preventDefault();
    const number = text.trim();
    setParams(number ? { number } : {});
  }

  return (
    <PublicLayout>
      <Stack gap="md">
        <Paper withBorder p="lg" radius="md">
          <Title order={1} size="h2" mb="xs">
            {t("public.title")}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t("public.intro")}
          </Text>
          <form onSubmit={submit} data-testid="public-search">
            <Group align="flex-end" wrap="wrap">
              <TextInput
                label={t("public.numberLabel")}
                placeholder={t("public.numberPlaceholder")}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                maxLength={300}
                w={{ base: "100%", sm: 420 }}
                classNames={{ input: "ltr" }}
                data-testid="public-number"
              />
              <Button type="submit" disabled={!text.trim()} data-testid="public-find">
                {t("public.find")}
              </Button>
            </Group>
          </form>
        </Paper>
        {asked && result.isFetching && <Loader size="sm" />}
        {asked && result.isError && (
          <Alert color="yellow" data-testid="public-error">
            {t(publicErrorKey(result.error, "public.notFound"))}
          </Alert>
        )}
        {result.data && (
          <Stack gap="sm" data-testid="public-results">
            {result.data.items.map((item) => (
              <PublicCaseCard key={`${item.court.code}-${item.number}`} item={item} />
            ))}
            <Text size="xs" c="dimmed">
              {t("public.masked")}
            </Text>
          </Stack>
        )}
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="xs">
            {t("public.openData")}
          </Title>
          <Group gap="lg">
            <Anchor href="/api/v1/public/statistics.json">{t("public.statsJson")}</Anchor>
            <Anchor href="/api/v1/public/statistics.csv">{t("public.statsCsv")}</Anchor>
            <Anchor href="/api/v1/public/statistics/dictionary.json">{t("public.dictionary")}</Anchor>
          </Group>
        </Paper>
      </Stack>
    </PublicLayout>
  );
}
