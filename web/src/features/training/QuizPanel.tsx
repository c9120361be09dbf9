import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  List,
  Paper,
  Radio,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../app/api.ts";
import { ProblemAlert } from "../../app/forms.tsx";
import { type AttemptResult, type ModuleDetail, useReloadModule, useSubmitAttempt } from "./api.ts";
import { CertificateLinks, usePercent } from "./TrainingBits.tsx";

type Question = ModuleDetail["questions"][number];
type Verdict = AttemptResult["questions"][number];

/**
 * The module's quiz: one radio group per single-answer question, check boxes where more than one option may be
 * right. Submitting shows the score against the pass mark and, for each question, whether it was right; the
 * right options and why only once passed (the server sends them only then). A pass offers the certificate; a fail, another try. When the module was edited while
 * it was open (409 module_changed) it is read again and the answers start over.
 */
export function QuizPanel({ module }: { module: ModuleDetail }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Record<string, number[]>>({});
  const [result, setResult] = useState<AttemptResult | null>(null);
  const [changed, setChanged] = useState(false);
  const submit = useSubmitAttempt(module.id);
  const reload = useReloadModule(module.id);
  const unanswered = module.questions.filter((q) => !answers[q.id]?.length).length;
  const verdicts = new Map(result?.questions.map((v) => [v.questionId, v]));

  const send = () => {
    setChanged(false);
    submit.mutate(
      {
        moduleVersion: module.version,
        answers: module.questions.map((q) => ({ questionId: q.id, chosen: answers[q.id] ?? [] })),
      },
      {
        onSuccess: (r) => {
          setResult(r);
          window.scrollTo({ top: 0 });
        },
        onError: (error) => {
          if (isApiError(error) && error.code === "module_changed") {
            setChanged(true);
            setAnswers({});
            submit.reset();
            void reload();
          }
        },
      },
    );
  };
  const retry = () => {
    setResult(null);
    setAnswers({});
    submit.reset();
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" data-testid="training-quiz">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t("training.quiz.title")}
        </Title>
        {result ? (
          <ResultSummary result={result} onRetry={retry} />
        ) : (
          <Text size="sm" c="dimmed">
            {t("training.quiz.intro", { count: module.questions.length, passMark: module.passMark })}
          </Text>
        )}
        {changed && (
          <Alert color="yellow" data-testid="training-module-changed" role="alert">
            {t("training.quiz.moduleChanged")}
          </Alert>
        )}
        {module.questions.map((q, i) => (
          <QuestionField
            key={q.id}
            question={q}
            index={i}
            lang={module.language}
            chosen={answers[q.id] ?? []}
            verdict={verdicts.get(q.id)}
            onChange={(chosen) => setAnswers((prev) => ({ ...prev, [q.id]: chosen }))}
          />
        ))}
        {!changed && <ProblemAlert error={submit.error} testId="training-quiz-error" />}
        {!result && (
          <Group>
            <Button
              onClick={send}
              disabled={unanswered > 0}
              loading={submit.isPending}
              data-testid="training-quiz-submit"
            >
              {t("training.quiz.submit")}
            </Button>
            {unanswered > 0 && (
              <Text size="sm" c="dimmed">
                {t("training.quiz.unanswered", { count: unanswered })}
              </Text>
            )}
          </Group>
        )}
        {result && !result.passed && (
          <Group>
            <Button onClick={retry} data-testid="training-quiz-retry-bottom">
              {t("training.quiz.tryAgain")}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function ResultSummary({ result, onRetry }: { result: AttemptResult; onRetry: () => void }) {
  const { t } = useTranslation();
  const percent = usePercent();
  return (
    <Alert
      color={result.passed ? "teal" : "red"}
      title={result.passed ? t("training.quiz.passed") : t("training.quiz.notPassed")}
      data-testid="training-result"
      data-passed={result.passed}
      role="status"
    >
      <Stack gap="sm">
        <Text size="sm" data-testid="training-result-score" data-percent={result.percent}>
          {t("training.quiz.score", {
            score: result.score,
            total: result.total,
            percent: percent(result.percent),
            passMark: percent(result.passMark),
          })}
        </Text>
        {result.passed && result.certificate && (
          <CertificateLinks id={result.certificate.id} code={result.certificate.code} />
        )}
        {!result.passed && (
          <Text size="sm" data-testid="training-answers-after-pass">
            {t("training.quiz.answersAfterPass")}
          </Text>
        )}
        {!result.passed && (
          <Group>
            <Button size="xs" variant="white" color="red" onClick={onRetry} data-testid="training-quiz-retry">
              {t("training.quiz.tryAgain")}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

function QuestionField({
  question,
  index,
  lang,
  chosen,
  verdict,
  onChange,
}: {
  question: Question;
  index: number;
  lang: string;
  chosen: number[];
  verdict: Verdict | undefined;
  onChange: (chosen: number[]) => void;
}) {
  const { t } = useTranslation();
  const locked = verdict !== undefined;
  const legend = (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text fw={600} lang={lang}>
        {index + 1}. <bdi>{question.prompt}</bdi>
      </Text>
      {verdict && (
        <Badge
          color={verdict.right ? "teal" : "red"}
          variant="light"
          style={{ flexShrink: 0 }}
          data-testid="training-question-verdict"
          data-right={verdict.right}
        >
          {verdict.right ? t("training.quiz.right") : t("training.quiz.wrong")}
        </Badge>
      )}
    </Group>
  );
  const options = question.options.map((o, j) => ({ label: o, value: String(j), j }));

  return (
    <Fieldset
      legend={legend}
      dir={lang === "ur" ? "rtl" : "ltr"}
      data-testid="training-question"
      data-index={index}
      data-question-id={question.id}
      data-multiple={question.multiple}
    >
      {question.multiple && (
        <Text size="xs" c="dimmed" mb="xs">
          {t("training.quiz.chooseAll")}
        </Text>
      )}
      {question.multiple ? (
        <Checkbox.Group
          value={chosen.map(String)}
          onChange={(v) => {
            if (!locked) onChange(v.map(Number).sort((a, b) => a - b));
          }}
        >
          <Stack gap="xs">
            {options.map((o) => (
              <Checkbox
                key={o.value}
                value={o.value}
                readOnly={locked}
                label={<bdi lang={lang}>{o.label}</bdi>}
                data-testid={`training-option-${o.j}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      ) : (
        <Radio.Group
          value={chosen.length ? String(chosen[0]) : null}
          onChange={(v) => {
            if (!locked) onChange([Number(v)]);
          }}
        >
          <Stack gap="xs">
            {options.map((o) => (
              <Radio
                key={o.value}
                value={o.value}
                readOnly={locked}
                label={<bdi lang={lang}>{o.label}</bdi>}
                data-testid={`training-option-${o.j}`}
              />
            ))}
          </Stack>
        </Radio.Group>
      )}
      {verdict && verdict.correct.length > 0 && (
        <Stack gap={4} mt="sm" data-testid="training-question-feedback">
          <Text size="sm" fw={500}>
            {t("training.quiz.rightOptions")}
          </Text>
          <List size="sm">
            {verdict.correct.map((c) => (
              <List.Item key={c} lang={lang}>
                <bdi>{question.options[c] ?? String(c + 1)}</bdi>
              </List.Item>
            ))}
          </List>
          {verdict.explanation && (
            <Text size="sm" lang={lang} dir="auto" data-testid="training-question-explanation">
              {verdict.explanation}
            </Text>
          )}
        </Stack>
      )}
    </Fieldset>
  );
}
