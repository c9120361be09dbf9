import { Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { CodedSelect } from "../../app/CodedSelect.tsx";
import { courtToday, useLocale } from "../../app/format.ts";
import { ProblemAlert, useProblem } from "../../app/forms.tsx";
import { type DeadlineEventInput, type LimitationRule, useDeadlineEvent, useLimitationRules } from "./api.ts";

type EventKind = DeadlineEventInput["event"];
const EVENTS: readonly EventKind[] = ["decision_announced", "notice_received"];

/** A rule as an option: its name in the reader's language and its period ("— 20 days"). */
export function useRuleOptions(rules: LimitationRule[] | undefined, empty: string) {
  const { t } = useTranslation();
  const { name } = useLocale();
  return [
    { value: "", label: empty },
    ...(rules ?? []).map((r) => ({
      value: r.code,
      code: r.code,
      label: `${name(r)} — ${r.days === null ? t("rules.noPeriod") : t("rules.daysN", { count: r.days })}`,
    })),
  ];
}

/**
 * Records a trigger event on a case: a decision announced (opens the appeal deadline under the rule proposed
 * for the case's court and type, or the one chosen) or a notice received (opens a reply deadline and its tasks,
 * by the date the court fixed or else the next hearing).
 */
export function DeadlineEventForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const mutation = useDeadlineEvent(caseId);
  const { problem, fieldErrors, fail, clear, clearField } = useProblem();
  const [event, setEvent] = useState<EventKind>("decision_announced");
  const [date, setDate] = useState(courtToday());
  const [ruleCode, setRuleCode] = useState("");
  const [replyDueOn, setReplyDueOn] = useState("");
  const deciding = event === "decision_announced";
  const rules = useLimitationRules(deciding);
  const ruleOptions = useRuleOptions(rules.data, t("deadlines.ruleProposed"));

  function submit(e: FormEvent) {
    e.preventDefault();
    clear();
    const body: DeadlineEventInput = deciding
      ? { event, date, ...(ruleCode ? { ruleCode } : {}) }
      : { event, date, ...(replyDueOn ? { replyDueOn } : {}) };
    mutation.mutate(body, {
      onSuccess: (result) => {
        notifications.show({
          color: "teal",
          message: t("deadlines.eventRecorded", {
            deadlines: result.deadlines.length,
            tasks: result.tasks.length,
          }),
        });
        onDone();
      },
      onError: fail,
    });
  }

  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        {t("deadlines.recordEvent")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("deadlines.recordEventHelp")}
      </Text>
      <form onSubmit={submit} noValidate data-testid="deadline-event-form">
        <Stack gap="sm">
          <ProblemAlert error={problem} testId="deadline-event-error" shown={(k) => k in fieldErrors} />
          <Group grow align="flex-start" gap="xs">
            <NativeSelect
              label={t("deadlines.event")}
              data={EVENTS.map((v) => ({ value: v, label: t(`deadlines.events.${v}`) }))}
              value={event}
              onChange={(e) => setEvent(e.currentTarget.value as EventKind)}
              data-testid="deadline-event-kind"
            />
            <TextInput
              type="date"
              required
              label={deciding ? t("deadlines.decidedOn") : t("deadlines.noticeOn")}
              value={date}
              onChange={(e) => {
                clearField("date");
                setDate(e.currentTarget.value);
              }}
              error={fieldErrors.date}
              data-testid="deadline-event-date"
            />
          </Group>
          {deciding ? (
            <CodedSelect
              label={t("deadlines.rule")}
              description={t("deadlines.ruleHelp")}
              options={ruleOptions}
              value={ruleCode}
              onChange={(e) => {
                clearField("ruleCode");
                setRuleCode(e.currentTarget.value);
              }}
              error={fieldErrors.ruleCode}
              data-testid="deadline-event-rule"
            />
          ) : (
            <TextInput
              type="date"
              label={t("deadlines.replyDueOn")}
              description={t("deadlines.replyDueHelp")}
              value={replyDueOn}
              onChange={(e) => {
                clearField("replyDueOn");
                setReplyDueOn(e.currentTarget.value);
              }}
              error={fieldErrors.replyDueOn}
              data-testid="deadline-event-reply-due"
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t("common.cancel")}
            </Button>
            <Button
              type="submit"
              loading={mutation.isPending}
              disabled={!date}
              data-testid="deadline-event-submit"
            >
              {t("deadlines.recordEventSubmit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
