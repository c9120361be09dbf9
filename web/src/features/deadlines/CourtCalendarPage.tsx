import { Button, Card, Center, Group, Loader, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { canManageReference } from "../../app/abilities.ts";
import { courtToday, useLocale } from "../../app/format.ts";
import { QueryError } from "../../app/forms.tsx";
import { NotFound } from "../../app/NotFound.tsx";
import { useMe } from "../../app/session.tsx";
import { useCourts } from "../reference/api.ts";
import { type Closure, useCourtCalendar, type Weekend } from "./api.ts";
import { ClosuresTable, WeekendsTable } from "./CalendarTables.tsx";
import { ClosureDeleteModal, ClosureModal } from "./ClosureModal.tsx";
import { CourtSelect } from "./calendarFields.tsx";
import { WeekendModal } from "./WeekendModal.tsx";

type Dialog =
  | { kind: "weekend"; weekend: Weekend | null }
  | { kind: "closure"; closure: Closure | null }
  | { kind: "delete"; closure: Closure }
  | null;

/**
 * The courts' calendars (administrators): weekly days off and dated closures — gazetted holidays and
 * vacations — per year, for one court (its own entries and those of every court) or for all. s.4 moves a
 * deadline that ends on any of these days to the day the court reopens. Year and court are in the URL.
 */
export function CourtCalendarPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { name } = useLocale();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(courtToday().slice(0, 4));
  const asked = Number(params.get("year"));
  const year = Number.isInteger(asked) && asked >= 1947 && asked <= 2100 ? asked : thisYear;
  const courtId = params.get("courtId") ?? "";
  const allowed = canManageReference(me);
  const calendar = useCourtCalendar(year, courtId);
  const courts = useCourts();
  const [dialog, setDialog] = useState<Dialog>(null);
  if (!allowed) return <NotFound message={t("errors.forbidden")} />;

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const years = Array.from({ length: 7 }, (_, i) => thisYear - 2 + i);
  if (!years.includes(year)) years.push(year);
  const court = courts.data?.find((c) => c.id === courtId);
  const close = () => setDialog(null);
  const weekends = calendar.data?.weekends ?? [];
  // A court without a weekend of its own follows every court's: offer to give it one.
  const ownWeekend = courtId ? weekends.some((w) => w.court?.id === courtId) : weekends.some((w) => !w.court);

  return (
    <Stack gap="md" maw={1400} data-testid="calendar-page">
      <Title order={1} size="h2">
        {t("calendar.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("calendar.help")}
      </Text>
      <Group gap="sm" align="flex-end">
        <NativeSelect
          label={t("calendar.year")}
          data={years.sort((a, b) => a - b).map((y) => ({ value: String(y), label: String(y) }))}
          value={String(year)}
          onChange={(e) =>
            setParam("year", e.currentTarget.value === String(thisYear) ? "" : e.currentTarget.value)
          }
          data-testid="calendar-year"
        />
        <CourtSelect
          label={t("calendar.court")}
          emptyLabel={t("calendar.allCourts")}
          value={courtId}
          onChange={(v) => setParam("courtId", v)}
          testId="calendar-court"
        />
      </Group>
      {calendar.isPending && (
        <Center p="md">
          <Loader size="sm" />
        </Center>
      )}
      {calendar.isError && <QueryError error={calendar.error} testId="calendar-error" />}
      {calendar.data && (
        <>
          <Card withBorder>
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4">
                {t("calendar.weekends")}
              </Title>
              {!ownWeekend && (
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => setDialog({ kind: "weekend", weekend: null })}
                  data-testid="weekend-add"
                >
                  {t("calendar.addWeekend")}
                </Button>
              )}
            </Group>
            <WeekendsTable items={weekends} onEdit={(weekend) => setDialog({ kind: "weekend", weekend })} />
          </Card>
          <Card withBorder>
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4">
                {t("calendar.closures", { year })}
              </Title>
              <Button
                size="xs"
                onClick={() => setDialog({ kind: "closure", closure: null })}
                data-testid="closure-add"
              >
                {t("calendar.addClosure")}
              </Button>
            </Group>
            <ClosuresTable
              items={calendar.data.closures}
              onEdit={(closure) => setDialog({ kind: "closure", closure })}
              onDelete={(closure) => setDialog({ kind: "delete", closure })}
            />
          </Card>
        </>
      )}
      {dialog?.kind === "weekend" && (
        <WeekendModal
          weekend={dialog.weekend}
          court={{ id: courtId || null, label: court ? name(court) : t("calendar.everyCourt") }}
          onClose={close}
        />
      )}
      {dialog?.kind === "closure" && (
        <ClosureModal
          closure={dialog.closure}
          defaults={{ courtId, startsOn: year === thisYear ? courtToday() : `${year}-01-01` }}
          onClose={close}
          latest={async () => (await calendar.refetch()).data?.closures}
        />
      )}
      {dialog?.kind === "delete" && <ClosureDeleteModal closure={dialog.closure} onClose={close} />}
    </Stack>
  );
}
