import { ActionIcon, Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CodedSelect } from "../../app/CodedSelect.tsx";
import { useLocale } from "../../app/format.ts";
import { useCourts } from "../reference/api.ts";

export type Seat = { courtId: string; benchId: string | null };

/**
 * The courts (and optionally one bench of each) an officer appears before. Native selects whose options carry
 * the court's or bench's code in `data-code`; "any bench" means the whole court.
 */
export function SeatsEditor({
  seats,
  onChange,
  disabled,
  error,
}: {
  seats: Seat[];
  onChange: (next: Seat[]) => void;
  disabled?: boolean;
  error?: string;
}) {
  const { t } = useTranslation();
  const { name } = useLocale();
  const courts = useCourts().data ?? [];
  const courtOptions = [
    { value: "", label: t("common.choose") },
    ...courts.filter((c) => c.active).map((c) => ({ value: c.id, label: name(c), code: c.code })),
  ];
  const update = (i: number, seat: Seat) => onChange(seats.map((s, k) => (k === i ? seat : s)));

  return (
    <Stack gap="xs" data-testid="seats-editor">
      <Text size="sm" fw={500}>
        {t("officers.seats")}
      </Text>
      <Text size="xs" c="dimmed">
        {t("officers.seatsHelp")}
      </Text>
      {seats.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="seats-empty">
          {t("officers.noSeats")}
        </Text>
      )}
      {seats.map((seat, i) => {
        const court = courts.find((c) => c.id === seat.courtId);
        const benchOptions = [
          { value: "", label: t("officers.anyBench") },
          ...(court?.benches ?? [])
            .filter((b) => b.active !== false)
            .map((b) => ({ value: b.id, label: name(b), code: b.code })),
        ];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional; a seat has no id of its own
          <Group key={i} gap="xs" align="flex-end" wrap="nowrap" data-testid="seat-row" data-index={i}>
            <CodedSelect
              label={t("fields.court")}
              options={courtOptions}
              value={seat.courtId}
              onChange={(e) => update(i, { courtId: e.currentTarget.value, benchId: null })}
              disabled={disabled}
              style={{ flex: 1 }}
              data-testid={`seat-court-${i}`}
            />
            <CodedSelect
              label={t("fields.bench")}
              options={benchOptions}
              value={seat.benchId ?? ""}
              onChange={(e) => update(i, { ...seat, benchId: e.currentTarget.value || null })}
              disabled={disabled || !court}
              style={{ flex: 1 }}
              data-testid={`seat-bench-${i}`}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mb={2}
              onClick={() => onChange(seats.filter((_, k) => k !== i))}
              disabled={disabled}
              aria-label={t("officers.removeSeat")}
              title={t("officers.removeSeat")}
              data-testid={`seat-remove-${i}`}
            >
              ×
            </ActionIcon>
          </Group>
        );
      })}
      {error && (
        <Text size="xs" c="red" data-testid="seats-error">
          {error}
        </Text>
      )}
      <Group>
        <Button
          size="xs"
          variant="light"
          onClick={() => onChange([...seats, { courtId: "", benchId: null }])}
          disabled={disabled}
          data-testid="seat-add"
        >
          {t("officers.addSeat")}
        </Button>
      </Group>
    </Stack>
  );
}
