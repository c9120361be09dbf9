import { Checkbox, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FormDialog, useDialogSave, useFields } from "../../app/FormDialog.tsx";
import { type SourceStatus, useSaveWeekend, type Weekend } from "./api.ts";
import { SourceFields, useWeekdayNames } from "./calendarFields.tsx";

/**
 * A court's weekly days off (or those of every court): which weekdays, with the source and its status. Saving
 * replaces the court's weekend (PUT), with the version read when there was one.
 */
export function WeekendModal({
  weekend,
  court,
  onClose,
}: {
  weekend: Weekend | null;
  /** The court a new weekend is for (null: every court), with its name to show. */
  court: { id: string | null; label: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const weekdays = useWeekdayNames();
  const dialog = useDialogSave(useSaveWeekend(), { onClose, saved: () => t("calendar.weekendSaved") });
  const { fieldErrors } = dialog;
  const [f, set] = useFields({
    days: (weekend?.days ?? [0]).map(String),
    source: weekend?.source ?? "",
    status: (weekend?.status ?? "S") as SourceStatus,
  });
  // Monday first in Pakistan's week, Sunday last.
  const order = [1, 2, 3, 4, 5, 6, 0];

  function submit() {
    const errors: Record<string, string> = {};
    if (!f.source.trim()) errors.source = t("validation.required");
    if (f.days.length > 6) errors.days = t("calendar.tooManyDays");
    if (!dialog.check(errors)) return;
    dialog.save({
      courtId: weekend ? (weekend.court?.id ?? null) : court.id,
      days: f.days.map(Number).sort((a, b) => a - b),
      source: f.source.trim(),
      status: f.status,
      ...(weekend ? { version: weekend.version } : {}),
    });
  }

  return (
    <FormDialog
      dialog={dialog}
      title={t("calendar.editWeekend")}
      testId="weekend"
      onSubmit={submit}
      intro={
        <Text size="sm" c="dimmed">
          {weekend?.court ? weekend.court.nameEn : court.label}
        </Text>
      }
    >
      <Checkbox.Group
        label={t("calendar.weekendDays")}
        value={f.days}
        onChange={(v) => set("days", v)}
        error={fieldErrors.days}
        data-testid="weekend-days"
      >
        <Group gap="sm" mt={4}>
          {order.map((d) => (
            <Checkbox key={d} value={String(d)} label={weekdays[d]} data-testid={`weekend-day-${d}`} />
          ))}
        </Group>
      </Checkbox.Group>
      <SourceFields
        source={f.source}
        status={f.status}
        onChange={(k, v) => set(k, v as never)}
        errors={fieldErrors}
        testIdPrefix="weekend"
      />
    </FormDialog>
  );
}
