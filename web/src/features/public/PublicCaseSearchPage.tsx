import { Alert, Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { publicErrorKey, usePublicCases } from "./api.ts";
import { PublicCaseCard } from "./PublicCaseCard.tsx";
import { PublicCourtSelect } from "./PublicCourtSelect.tsx";
import { PublicLayout } from "./PublicLayout.tsx";

/**
 * /public: case status by number, optionally in one court, no login. The number and court sit in the URL, so a
 * result can be linked to.
 */
export function PublicCaseSearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get("number") ?? "";
  const askedCourt = params.get("court") ?? "";
  const [text, setText] = useState(asked);
  const [court, setCourt] = useState(askedCourt);

  function submit(event: FormEvent) {
    event.preventDefault();
    const number = text.trim();
    setParams(number ? { number, ...(court ? { court } : {}) } : {});
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
                w={{ base: "100%", sm: 360 }}
                classNames={{ input: "ltr" }}
                data-testid="public-number"
              />
              <PublicCourtSelect
                label={t("public.courtLabel")}
                value={court}
                onChange={setCourt}
                testId="public-court"
              />
              <Button type="submit" disabled={!text.trim()} data-testid="public-find">
                {t("public.find")}
              </Button>
            </Group>
          </form>
        </Paper>
        <Results number={asked} court={askedCourt} />
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

/**
 * The outcome of a search. The status region is always in the page, so a screen reader announces (politely)
 * what it says when a search completes: "Searching…", then how many cases were found or why none was.
 */
function Results({ number, court }: { number: string; court: string }) {
  const { t } = useTranslation();
  const result = usePublicCases(number, court);
  const done = number !== "" && !result.isFetching;
  return (
    <section aria-labelledby="public-results-heading">
      <Title order={2} size="h4" mb="xs" id="public-results-heading" hidden={number === ""}>
        {t("public.results")}
      </Title>
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="public-announce">
        {number !== "" && result.isFetching && <Text size="sm">{t("public.searching")}</Text>}
        {done && result.isError && (
          // inside the polite region already: the alert role would announce it a second time, assertively
          <Alert color="yellow" role="none" data-testid="public-error">
            {t(publicErrorKey(result.error, "public.notFound"))}
          </Alert>
        )}
        {done && result.data && (
          <Text size="sm" data-testid="public-result-count">
            {t("public.resultCount", { count: result.data.items.length })}
          </Text>
        )}
      </div>
      {result.data && (
        <Stack gap="sm" mt="sm" data-testid="public-results">
          {result.data.items.map((item) => (
            <PublicCaseCard key={`${item.court.code}-${item.number}`} item={item} />
          ))}
          <Text size="xs" c="dimmed">
            {t("public.masked")}
          </Text>
        </Stack>
      )}
    </section>
  );
}
