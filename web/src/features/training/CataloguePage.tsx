import {
  Anchor,
  Card,
  Group,
  Loader,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { TRAINING_LANGUAGES, TRAINING_TOPICS } from "../../../../common/schemas/training.ts";
import { QueryError } from "../../app/forms.tsx";
import { type ModuleSummary, useModules } from "./api.ts";
import { ModuleFacts, StatusBadge } from "./TrainingBits.tsx";

/**
 * /training: the published modules as cards, each with the learner's own status, filtered by topic, language
 * and words. The filter sits in the URL, so a filtered catalogue can be linked to and survives a reload.
 */
export function CataloguePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const topic = params.get("topic") ?? "";
  const language = params.get("language") ?? "";
  const [text, setText] = useState(params.get("q") ?? "");
  const [q] = useDebouncedValue(text.trim(), 300);

  const setParam = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced words go to the URL
  useEffect(() => {
    if ((params.get("q") ?? "") !== q) setParam("q", q);
  }, [q]);

  const list = useModules({ topic: topic || undefined, language: language || undefined, q: q || undefined });
  const items = list.data?.items ?? [];

  return (
    <Stack data-testid="training-catalogue">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {t("training.catalogue.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("training.catalogue.intro")}
          </Text>
        </div>
        <Anchor component={Link} to="/training/me" data-testid="training-my-learning">
          {t("training.myLearning")}
        </Anchor>
      </Group>

      <Group align="flex-end" wrap="wrap" role="search" aria-label={t("training.catalogue.filters")}>
        <TextInput
          label={t("training.catalogue.search")}
          placeholder={t("training.catalogue.searchPlaceholder")}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          maxLength={200}
          w={{ base: "100%", sm: 300 }}
          data-testid="training-search"
        />
        <NativeSelect
          label={t("training.catalogue.topic")}
          value={topic}
          onChange={(e) => setParam("topic", e.currentTarget.value)}
          data={[
            { value: "", label: t("training.catalogue.allTopics") },
            ...TRAINING_TOPICS.map((v) => ({ value: v, label: t(`training.topic.${v}`) })),
          ]}
          data-testid="training-filter-topic"
        />
        <NativeSelect
          label={t("training.catalogue.language")}
          value={language}
          onChange={(e) => setParam("language", e.currentTarget.value)}
          data={[
            { value: "", label: t("training.catalogue.allLanguages") },
            ...TRAINING_LANGUAGES.map((v) => ({ value: v, label: t(`training.language.${v}`) })),
          ]}
          data-testid="training-filter-language"
        />
        {list.isFetching && <Loader size="sm" aria-label={t("training.loading")} />}
      </Group>

      {list.isError && <QueryError error={list.error} />}
      {list.data && (
        <Text
          size="sm"
          role="status"
          aria-live="polite"
          data-testid="training-count"
          data-count={items.length}
        >
          {t("training.catalogue.count", { count: items.length })}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {items.map((m) => (
          <ModuleCard key={m.id} module={m} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function ModuleCard({ module }: { module: ModuleSummary }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="md" data-testid="training-module-card" data-code={module.code}>
      <Stack gap="xs" h="100%">
        <Anchor
          component={Link}
          to={`/training/modules/${module.id}`}
          fw={600}
          lang={module.language}
          data-testid="training-module-link"
        >
          <bdi>{module.title}</bdi>
        </Anchor>
        <ModuleFacts module={module} />
        <Text size="sm" lang={module.language} dir="auto" style={{ flexGrow: 1 }}>
          {module.description}
        </Text>
        <Group justify="space-between" gap="xs">
          <StatusBadge module={module} testId="training-module-status" />
          {module.mine?.certificate && (
            <Text size="xs" c="dimmed">
              {t("training.certificateCode")}: <span className="ltr">{module.mine.certificate.code}</span>
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
