import { NativeSelect, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CodedSelect } from "../../app/CodedSelect.tsx";
import { useLocale } from "../../app/format.ts";
import { intlLocale } from "../../app/i18n.ts";
import { useCourts } from "../reference/api.ts";
import { SOURCE_STATUSES, type SourceStatus } from "./api.ts";

/** Weekday names 0 (Sunday) … 6 (Saturday) in the reader's language. */
export function useWeekdayNames(): string[] {
  const { locale } = useLocale();
  const format = new Intl.DateTimeFormat(intlLocale(locale), { weekday: "long", timeZone: "UTC" });
  // 1 January 2023 was a Sunday.
  return [0, 1, 2, 3, 4, 5, 6].map((d) => format.format(new Date(Date.UTC(2023, 0, 1 + d))));
}

/** The courts as options with `data-code`; `""` is every court. */
export function useCourtOptions(emptyLabel: string) {
  const { name } = useLocale();
  const courts = useCourts();
  return [
    { value: "", label: emptyLabel, code: "*" },
    ...(courts.data ?? []).map((c) => ({ value: c.id, label: name(c), code: c.code })),
  ];
}

export function CourtSelect({
  value,
  onChange,
  label,
  emptyLabel,
  error,
  testId,
}: {
  value: string;
  onChange: (courtId: string) => void;
  label: string;
  emptyLabel: string;
  error?: string;
  testId: string;
}) {
  const options = useCourtOptions(emptyLabel);
  return (
    <CodedSelect
      label={label}
      options={options}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      data-testid={testId}
    />
  );
}

/** The source text and its V/S/U status, as every calendar entry carries them. */
export function SourceFields({
  source,
  status,
  onChange,
  errors,
  testIdPrefix,
}: {
  source: string;
  status: SourceStatus;
  onChange: (key: "source" | "status", value: string) => void;
  errors: Record<string, string>;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Textarea
        label={t("reference.source")}
        required
        autosize
        minRows={2}
        maxLength={500}
        lang="en"
        value={source}
        onChange={(e) => onChange("source", e.currentTarget.value)}
        error={errors.source}
        data-testid={`${testIdPrefix}-source`}
      />
      <NativeSelect
        label={t("rules.status")}
        data={SOURCE_STATUSES.map((s) => ({ value: s, label: t(`referenceStatus.${s}`) }))}
        value={status}
        onChange={(e) => onChange("status", e.currentTarget.value)}
        error={errors.status}
        data-testid={`${testIdPrefix}-status`}
      />
    </>
  );
}
