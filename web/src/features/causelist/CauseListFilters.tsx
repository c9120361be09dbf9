import { Button, Group, TextInput } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { type CodedOption, CodedSelect } from "../../app/CodedSelect.tsx";
import { courtToday, isolate, useLocale } from "../../app/format.ts";
import type { PersonRef } from "../../app/types.ts";
import { useCourts } from "../reference/api.ts";

export type PageFilter = { date: string; courtId?: string; benchId?: string; officerId?: string };

type Props = {
  value: PageFilter;
  onChange: (patch: Partial<PageFilter>) => void;
  /** The law officers to offer: those with hearings on the day or the board. */
  officers: PersonRef[];
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The day (a native date input), the court and its bench, and the law officer. Native selects, like the case
 * form: court and bench options carry their code in `data-code`, so tests pick them in any language.
 */
export function CauseListFilters({ value, onChange, officers }: Props) {
  const { t } = useTranslation();
  const { name } = useLocale();
  const courts = useCourts().data ?? [];
  const court = courts.find((c) => c.id === value.courtId);
  const all: CodedOption = { value: "", label: t("common.all") };

  const courtOptions = useMemo<CodedOption[]>(
    () =>
      courts
        .filter((c) => c.active || c.id === value.courtId)
        .map((c) => ({ value: c.id, label: name(c), code: c.code })),
    [courts, value.courtId, name],
  );
  const benchOptions = (court?.benches ?? [])
    .filter((b) => b.active !== false || b.id === value.benchId)
    .map((b) => ({ value: b.id, label: name(b), code: b.code }));
  const officerOptions: CodedOption[] = officers.map((o) => ({ value: o.id, label: isolate(o.fullName) }));
  if (value.officerId && !officers.some((o) => o.id === value.officerId)) {
    officerOptions.push({ value: value.officerId, label: t("causeList.chosenOfficer") });
  }

  return (
    <Group align="flex-end" gap="sm" data-testid="cause-list-filters">
      <TextInput
        type="date"
        label={t("causeList.date")}
        value={value.date}
        onChange={(e) => {
          const v = e.currentTarget.value;
          if (ISO_DATE.test(v)) onChange({ date: v });
        }}
        classNames={{ input: "ltr" }}
        w={170}
        data-testid="cause-list-date"
      />
      <Button
        variant="default"
        disabled={value.date === courtToday()}
        onClick={() => onChange({ date: courtToday() })}
        data-testid="cause-list-today"
      >
        {t("causeList.today")}
      </Button>
      <CodedSelect
        label={t("fields.court")}
        options={[all, ...courtOptions]}
        value={value.courtId ?? ""}
        onChange={(e) => onChange({ courtId: e.currentTarget.value || undefined, benchId: undefined })}
        miw={220}
        data-testid="cause-list-court"
      />
      <CodedSelect
        label={t("fields.bench")}
        options={[all, ...benchOptions]}
        value={value.benchId ?? ""}
        disabled={benchOptions.length === 0}
        onChange={(e) => onChange({ benchId: e.currentTarget.value || undefined })}
        miw={180}
        data-testid="cause-list-bench"
      />
      <CodedSelect
        label={t("cases.lawOfficer")}
        options={[all, ...officerOptions]}
        value={value.officerId ?? ""}
        onChange={(e) => onChange({ officerId: e.currentTarget.value || undefined })}
        miw={200}
        data-testid="cause-list-officer"
      />
    </Group>
  );
}
