import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "../../../app/forms.tsx";
import { emptyQuestion, move, type QuestionDraft } from "./draft.ts";

const MIN_OPTIONS = 2;
const MAX_OPTIONS = 8;

/**
 * The quiz: each question's prompt, its 2–8 options with the right ones ticked (a question is right only when
 * exactly those are chosen), and the explanation shown after an attempt; add, remove, move up and down.
 */
export function QuestionsEditor({
  questions,
  onChange,
  errors,
}: {
  questions: QuestionDraft[];
  onChange: (questions: QuestionDraft[]) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<QuestionDraft>) =>
    onChange(questions.map((q, j) => (j === i ? { ...q, ...patch } : q)));

  function setOption(i: number, o: number, value: string) {
    const q = questions[i];
    if (q) update(i, { options: q.options.map((v, k) => (k === o ? value : v)) });
  }
  function toggleCorrect(i: number, o: number, checked: boolean) {
    const q = questions[i];
    if (!q) return;
    const correct = checked ? [...q.correct.filter((c) => c !== o), o] : q.correct.filter((c) => c !== o);
    update(i, { correct: correct.sort((a, b) => a - b) });
  }
  function removeOption(i: number, o: number) {
    const q = questions[i];
    if (!q) return;
    update(i, {
      options: q.options.filter((_, k) => k !== o),
      correct: q.correct.filter((c) => c !== o).map((c) => (c > o ? c - 1 : c)),
    });
  }

  return (
    <Stack gap="sm" data-testid="questions-editor">
      <Title order={2} size="h4">
        {t("trainingAdmin.editor.questions")}
      </Title>
      {errors.questions && (
        <Text c="red" size="sm" role="alert">
          {errors.questions}
        </Text>
      )}
      {questions.map((q, i) => {
        const n = i + 1;
        const optionsError = errors[`questions.${i}.options`];
        const correctError = errors[`questions.${i}.correct`];
        return (
          <Card key={q.key} withBorder padding="sm" data-testid="question-editor" data-index={i}>
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{t("trainingAdmin.editor.questionN", { n })}</Text>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="default"
                    disabled={i === 0}
                    onClick={() => onChange(move(questions, i, -1))}
                    aria-label={t("trainingAdmin.editor.questionUp", { n })}
                    data-testid="question-up"
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    disabled={i === questions.length - 1}
                    onClick={() => onChange(move(questions, i, 1))}
                    aria-label={t("trainingAdmin.editor.questionDown", { n })}
                    data-testid="question-down"
                  >
                    ↓
                  </ActionIcon>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    disabled={questions.length === 1}
                    onClick={() => onChange(questions.filter((_, j) => j !== i))}
                    aria-label={t("trainingAdmin.editor.questionRemove", { n })}
                    data-testid="question-remove"
                  >
                    {t("trainingAdmin.editor.remove")}
                  </Button>
                </Group>
              </Group>
              <Textarea
                label={t("trainingAdmin.editor.prompt")}
                required
                autosize
                minRows={2}
                value={q.prompt}
                onChange={(e) => update(i, { prompt: e.currentTarget.value })}
                error={errors[`questions.${i}.prompt`]}
                data-testid="question-prompt"
              />
              <Text size="sm" fw={500} id={`${q.key}-options`}>
                {t("trainingAdmin.editor.options")}
              </Text>
              <Text size="xs" c="dimmed">
                {t("trainingAdmin.editor.optionsHelp")}
              </Text>
              <Stack gap={6} role="group" aria-labelledby={`${q.key}-options`}>
                {q.options.map((option, o) => {
                  const letter = String.fromCharCode(65 + o);
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: options have no identity but their place
                    <Group key={o} gap="xs" wrap="nowrap" align="flex-start" data-testid="question-option">
                      <Checkbox
                        mt={8}
                        checked={q.correct.includes(o)}
                        onChange={(e) => toggleCorrect(i, o, e.currentTarget.checked)}
                        aria-label={t("trainingAdmin.editor.optionRight", { letter })}
                        data-testid="question-option-correct"
                      />
                      <TextInput
                        flex={1}
                        aria-label={t("trainingAdmin.editor.optionN", { letter })}
                        leftSection={<span aria-hidden>{letter}</span>}
                        value={option}
                        onChange={(e) => setOption(i, o, e.currentTarget.value)}
                        error={errors[`questions.${i}.options.${o}`]}
                        data-testid="question-option-text"
                      />
                      <Button
                        size="xs"
                        mt={4}
                        variant="subtle"
                        color="red"
                        disabled={q.options.length <= MIN_OPTIONS}
                        onClick={() => removeOption(i, o)}
                        aria-label={t("trainingAdmin.editor.optionRemove", { letter })}
                        data-testid="question-option-remove"
                      >
                        {t("trainingAdmin.editor.remove")}
                      </Button>
                    </Group>
                  );
                })}
              </Stack>
              {(optionsError || correctError) && (
                <Text c="red" size="sm" role="alert" data-testid="question-options-error">
                  {optionsError ?? correctError}
                </Text>
              )}
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  disabled={q.options.length >= MAX_OPTIONS}
                  onClick={() => update(i, { options: [...q.options, ""] })}
                  data-testid="question-option-add"
                >
                  {t("trainingAdmin.editor.optionAdd")}
                </Button>
              </Group>
              <Textarea
                label={t("trainingAdmin.editor.explanation")}
                description={t("trainingAdmin.editor.explanationHelp")}
                autosize
                minRows={2}
                value={q.explanation}
                onChange={(e) => update(i, { explanation: e.currentTarget.value })}
                error={errors[`questions.${i}.explanation`]}
                data-testid="question-explanation"
              />
            </Stack>
          </Card>
        );
      })}
      <Group>
        <Button
          variant="light"
          disabled={questions.length >= 50}
          onClick={() => onChange([...questions, emptyQuestion()])}
          data-testid="question-add"
        >
          {t("trainingAdmin.editor.questionAdd")}
        </Button>
      </Group>
    </Stack>
  );
}
