import { Button, Card, Group, Modal, NumberInput, Stack, Textarea, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, useLocale } from "../../app/format.ts";
import { type FieldErrors, ProblemAlert, useProblem } from "../../app/forms.tsx";
import {
  type Hearing,
  serialOrNull,
  timeOrNull,
  useCancelHearing,
  useRescheduleHearing,
  useScheduleHearing,
} from "./api.ts";

type Fields = { date: string; time: string; serial: string | number; purpose: string; coram: string };

const EMPTY: Fields = { date: "", time: "", serial: "", purpose: "", coram: "" };

/** Date, time, cause-list serial, purpose and coram; `prefix` names the testids (`hearing-date`, …). */
function HearingFields({
  value,
  onChange,
  errors,
  onClear,
  prefix,
}: {
  value: Fields;
  onChange: (next: Fields) => void;
  errors: FieldErrors;
  /** Clears a field's error once it is changed. */
  onClear: (key: string) => void;
  prefix: string;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<Fields>) => {
    for (const key of Object.keys(patch)) onClear(key);
    onChange({ ...value, ...patch });
  };
  return (
    <>
      <Group grow align="flex-start" gap="xs">
        <TextInput
          type="date"
          label={t("hearings.date")}
          required
          value={value.date}
          onChange={(e) => set({ date: e.currentTarget.value })}
          error={errors.date}
          data-testid={`${prefix}-date`}
        />
        <TextInput
          type="time"
          label={t("hearings.time")}
          value={value.time}
          onChange={(e) => set({ time: e.currentTarget.value })}
          error={errors.time}
          classNames={{ input: "ltr" }}
          data-testid={`${prefix}-time`}
        />
        <NumberInput
          label={t("hearings.serial")}
          min={1}
          max={100_000}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          value={value.serial}
          onChange={(v) => set({ serial: v })}
          error={errors.serial}
          classNames={{ input: "ltr" }}
          data-testid={`${prefix}-serial`}
        />
      </Group>
      <TextInput
        label={t("hearings.purpose")}
        placeholder={t("hearings.purposePlaceholder")}
        value={value.purpose}
        onChange={(e) => set({ purpose: e.currentTarget.value })}
        error={errors.purpose}
        data-testid={`${prefix}-purpose`}
      />
      <TextInput
        label={t("hearings.coram")}
        description={t("hearings.coramHint")}
        value={value.coram}
        onChange={(e) => set({ coram: e.currentTarget.value })}
        error={errors.coram}
        data-testid={`${prefix}-coram`}
      />
    </>
  );
}

type FormState = {
  problem: ReturnType<typeof useProblem>["problem"];
  fieldErrors: FieldErrors;
  clearField: (key: string) => void;
  fields: Fields;
  setFields: (next: Fields) => void;
};

/** The hearing fields in a form with its problem alert and Cancel / Save — shared by schedule and reschedule. */
function FieldsForm(props: {
  /** Names the testids: `<name>-form`, `<name>-error`. */
  name: string;
  prefix: string;
  saveTestId: string;
  saveLabel: string;
  pending: boolean;
  form: FormState;
  onSubmit: (event: FormEvent) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { problem, fieldErrors, clearField, fields, setFields } = props.form;
  return (
    <form onSubmit={props.onSubmit} noValidate data-testid={`${props.name}-form`}>
      <Stack gap="sm">
        <ProblemAlert error={problem} testId={`${props.name}-error`} shown={(k) => k in fieldErrors} />
        <HearingFields
          value={fields}
          onChange={setFields}
          errors={fieldErrors}
          onClear={clearField}
          prefix={props.prefix}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={props.pending} data-testid={props.saveTestId}>
            {props.saveLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Schedules a new hearing of the case (the bench defaults to the case's). */
export function ScheduleForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const schedule = useScheduleHearing(caseId);
  const { problem, fieldErrors, fail, clear, clearField, setFieldErrors } = useProblem();
  const [fields, setFields] = useState<Fields>(EMPTY);

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    if (!fields.date) {
      setFieldErrors({ date: t("validation.required") });
      return;
    }
    schedule.mutate(
      {
        date: fields.date,
        time: timeOrNull(fields.time),
        serial: serialOrNull(fields.serial),
        purpose: fields.purpose.trim(),
        coram: fields.coram.trim(),
      },
      {
        onSuccess: () => {
          notifications.show({ color: "teal", message: t("hearings.scheduledMessage") });
          setFields(EMPTY);
          onDone();
        },
        onError: fail,
      },
    );
  }

  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="sm">
        {t("hearings.scheduleTitle")}
      </Title>
      <FieldsForm
        name="hearing-schedule"
        prefix="hearing"
        saveTestId="hearing-save"
        saveLabel={t("hearings.scheduleSave")}
        pending={schedule.isPending}
        form={{ problem, fieldErrors, clearField, fields, setFields }}
        onSubmit={submit}
        onCancel={onDone}
      />
    </Card>
  );
}

/** Moves a scheduled hearing to another date (or time, serial, purpose, coram). */
export function RescheduleModal({ hearing: h, onClose }: { hearing: Hearing; onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const reschedule = useRescheduleHearing(h.caseId);
  const { problem, fieldErrors, fail, clear, clearField, setFieldErrors } = useProblem();
  const [fields, setFields] = useState<Fields>({
    date: h.date,
    time: h.time ?? "",
    serial: h.serial ?? "",
    purpose: h.purpose,
    coram: h.coram,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    if (!fields.date) {
      setFieldErrors({ date: t("validation.required") });
      return;
    }
    reschedule.mutate(
      {
        id: h.id,
        body: {
          version: h.version,
          date: fields.date,
          time: timeOrNull(fields.time),
          serial: serialOrNull(fields.serial),
          purpose: fields.purpose.trim(),
          coram: fields.coram.trim(),
        },
      },
      {
        onSuccess: () => {
          notifications.show({ color: "teal", message: t("hearings.rescheduledMessage") });
          onClose();
        },
        onError: fail,
      },
    );
  }

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t("hearings.rescheduleTitle", { date: formatDate(h.date, locale) })}
    >
      <FieldsForm
        name="hearing-reschedule"
        prefix="hearing-reschedule"
        saveTestId="hearing-reschedule-save"
        saveLabel={t("hearings.rescheduleSave")}
        pending={reschedule.isPending}
        form={{ problem, fieldErrors, clearField, fields, setFields }}
        onSubmit={submit}
        onCancel={onClose}
      />
    </Modal>
  );
}

/** Cancels a scheduled hearing; the reason is required and recorded. */
export function CancelModal({ hearing: h, onClose }: { hearing: Hearing; onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const cancel = useCancelHearing(h.caseId);
  const { problem, fieldErrors, fail, clear } = useProblem();
  const [reason, setReason] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) return;
    clear();
    cancel.mutate(
      { id: h.id, body: { version: h.version, reason: reason.trim() } },
      {
        onSuccess: () => {
          notifications.show({ color: "teal", message: t("hearings.cancelledMessage") });
          onClose();
        },
        onError: fail,
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={t("hearings.cancelTitle", { date: formatDate(h.date, locale) })}>
      <form onSubmit={submit} noValidate data-testid="hearing-cancel-form">
        <Stack gap="sm">
          <ProblemAlert error={problem} testId="hearing-cancel-error" shown={(k) => k in fieldErrors} />
          <Textarea
            label={t("fields.reason")}
            description={t("hearings.cancelReasonHint")}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldErrors.reason}
            data-autofocus
            data-testid="hearing-cancel-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button
              type="submit"
              color="red"
              disabled={!reason.trim()}
              loading={cancel.isPending}
              data-testid="hearing-cancel-save"
            >
              {t("hearings.cancelSave")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
