import {
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../app/format.ts";
import type { FieldErrors } from "../../../app/forms.tsx";
import { TRAINING_LANGUAGES, TRAINING_TOPICS, useCompetences } from "./api.ts";
import type { ModuleDraft } from "./draft.ts";

type Fields = ModuleDraft;

/** A module's own fields: code, title, description, language, duration, topic, competence, pass mark, state. */
export function ModuleFields({
  draft,
  set,
  errors,
  isNew,
}: {
  draft: Fields;
  set: <K extends keyof Fields>(key: K, value: Fields[K]) => void;
  errors: FieldErrors;
  isNew: boolean;
}) {
  const { t } = useTranslation();
  const { name } = useLocale();
  const competences = useCompetences();
  const competenceOptions = [
    { value: "", label: t("trainingAdmin.editor.noCompetence") },
    ...(competences.data ?? []).map((c) => ({ value: c.code, label: `${name(c)} (${c.code})` })),
  ];
  // A competence the list has not loaded (yet) still shows as chosen.
  if (draft.competenceCode && !competenceOptions.some((o) => o.value === draft.competenceCode))
    competenceOptions.push({ value: draft.competenceCode, label: draft.competenceCode });

  return (
    <Stack gap="sm" data-testid="module-fields">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("trainingAdmin.field.code")}
          description={isNew ? t("trainingAdmin.editor.codeHelp") : undefined}
          required
          value={draft.code}
          onChange={(e) => set("code", e.currentTarget.value)}
          error={errors.code}
          classNames={{ input: "ltr" }}
          data-testid="module-code"
        />
        <TextInput
          label={t("trainingAdmin.field.title")}
          required
          value={draft.title}
          onChange={(e) => set("title", e.currentTarget.value)}
          error={errors.title}
          data-testid="module-title"
        />
      </SimpleGrid>
      <Textarea
        label={t("trainingAdmin.field.description")}
        autosize
        minRows={2}
        value={draft.description}
        onChange={(e) => set("description", e.currentTarget.value)}
        error={errors.description}
        data-testid="module-description"
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t("trainingAdmin.field.language")}
          data={TRAINING_LANGUAGES.map((l) => ({ value: l, label: t(`trainingAdmin.languages.${l}`) }))}
          value={draft.language}
          onChange={(e) => set("language", e.currentTarget.value as Fields["language"])}
          error={errors.language}
          data-testid="module-language"
        />
        <NativeSelect
          label={t("trainingAdmin.field.topic")}
          data={TRAINING_TOPICS.map((v) => ({ value: v, label: t(`trainingAdmin.topics.${v}`) }))}
          value={draft.topic}
          onChange={(e) => set("topic", e.currentTarget.value as Fields["topic"])}
          error={errors.topic}
          data-testid="module-topic"
        />
        <NativeSelect
          label={t("trainingAdmin.field.competence")}
          description={t("trainingAdmin.editor.competenceHelp")}
          data={competenceOptions}
          value={draft.competenceCode}
          onChange={(e) => set("competenceCode", e.currentTarget.value)}
          error={errors.competenceCode}
          data-testid="module-competence"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NumberInput
          label={t("trainingAdmin.field.duration")}
          required
          min={1}
          max={6000}
          allowDecimal={false}
          allowNegative={false}
          value={draft.durationMinutes}
          onChange={(v) => set("durationMinutes", String(v))}
          error={errors.durationMinutes}
          data-testid="module-duration"
        />
        <NumberInput
          label={t("trainingAdmin.field.passMark")}
          description={t("trainingAdmin.editor.passMarkHelp")}
          required
          min={1}
          max={100}
          allowDecimal={false}
          allowNegative={false}
          value={draft.passMark}
          onChange={(v) => set("passMark", String(v))}
          error={errors.passMark}
          data-testid="module-pass-mark"
        />
        <Group align="flex-end" pb={6}>
          <Checkbox
            label={t("trainingAdmin.editor.publishedLabel")}
            description={t("trainingAdmin.editor.publishedHelp")}
            checked={draft.published}
            onChange={(e) => set("published", e.currentTarget.checked)}
            error={errors.published}
            data-testid="module-published"
          />
        </Group>
      </SimpleGrid>
    </Stack>
  );
}
