import { Badge, Button, Card, Center, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { exportUrl, FileDownloads } from "../../app/FileDownloads.tsx";
import { courtToday, formatDay, useLocale } from "../../app/format.ts";
import { QueryError } from "../../app/forms.tsx";
import type { PersonRef } from "../../app/types.ts";
import { byOfficer, causeListPdfUrl, type ListedHearing, useCauseList, useUpcoming } from "./api.ts";
import { CalendarFeedCard } from "./CalendarFeedCard.tsx";
import { CauseListFilters, type PageFilter } from "./CauseListFilters.tsx";
import { CauseListTable } from "./CauseListTable.tsx";
import { UpcomingBoard } from "./UpcomingBoard.tsx";

const KEYS = ["date", "courtId", "benchId", "officerId"] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The law officers of the listed hearings, each once, by name. */
function officersOf(...lists: ListedHearing[][]): PersonRef[] {
  const byId = new Map<string, PersonRef>();
  for (const h of lists.flat()) if (h.officer) byId.set(h.officer.id, h.officer);
  return [...byId.values()].sort((a, b) => a.fullName.localeCompare(b.fullName));
}

/**
 * The cause list of a day (by court or bench and by law officer, with the clashes flagged and a printable
 * PDF), and below it the board of the next seven days. The filters live in the URL, so a list can be
 * bookmarked and Back works.
 */
export function CauseListPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [params, setParams] = useSearchParams();

  const filter = useMemo<PageFilter>(() => {
    const date = params.get("date") ?? "";
    return {
      date: ISO_DATE.test(date) ? date : courtToday(),
      courtId: params.get("courtId") || undefined,
      benchId: params.get("benchId") || undefined,
      officerId: params.get("officerId") || undefined,
    };
  }, [params]);

  const list = useCauseList({ date: filter.date, courtId: filter.courtId, benchId: filter.benchId });
  const upcoming = useUpcoming();
  const officers = useMemo(
    () => officersOf(list.data?.items ?? [], upcoming.data?.items ?? []),
    [list.data, upcoming.data],
  );
  // Until the chosen day has loaded, the previous day's list stays on screen (dimmed), not a blank page.
  const current = list.data?.date === filter.date ? list.data : undefined;
  const items = byOfficer(list.data?.items ?? [], filter.officerId);
  const clashing = items.filter((h) => h.clashes.length > 0).length;

  function update(patch: Partial<PageFilter>) {
    // From the address bar, not `params`: the router renders a navigation as a transition, so a second change
    // made before it lands would otherwise start from the old filters and undo the first.
    const next = new URLSearchParams(window.location.search);
    for (const key of KEYS) {
      if (!(key in patch)) continue;
      const value = patch[key];
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  }

  function openDay(date: string) {
    update({ date });
    window.scrollTo({ top: 0, behavior: "smooth" });
  }

  return (
    <Stack gap="md" data-testid="cause-list-page">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2" data-testid="cause-list-title">
            {t("causeList.title")}
          </Title>
          <Text c="dimmed" data-testid="cause-list-day" data-date={filter.date}>
            {formatDay(filter.date, locale)}
          </Text>
        </div>
        <Group gap="xs">
          {/* CSV and XLSX: the same rows (GET /cause-list/export); PDF: the printed list, as the button */}
          <FileDownloads
            testId="cause-list-download"
            what={t("downloads.what.causeList")}
            href={(format) =>
              format === "pdf" ? causeListPdfUrl(filter) : exportUrl("/cause-list/export", filter, format)
            }
          />
          {/* Every signed-in user: no ability covers both registering and editing cases; the server decides per row. */}
          <Button
            component={Link}
            to="/cause-list/import"
            variant="default"
            data-testid="cause-list-import-open"
          >
            {t("causeList.import.open")}
          </Button>
          <Button
            component="a"
            href={causeListPdfUrl(filter)}
            target="_blank"
            rel="noopener"
            variant="light"
            data-testid="cause-list-pdf"
          >
            {t("causeList.printPdf")}
          </Button>
        </Group>
      </Group>

      <Card withBorder>
        <Stack gap="sm">
          <CauseListFilters value={filter} onChange={update} officers={officers} />
          {list.isError && <QueryError error={list.error} testId="cause-list-error" />}
          {list.isPending && (
            <Center p="md">
              <Loader size="sm" />
            </Center>
          )}
          {list.data && (
            <Group gap="xs">
              <Text size="sm" data-testid="cause-list-count" data-count={current ? items.length : ""}>
                {t("causeList.hearingsCount", { count: items.length })}
              </Text>
              {clashing > 0 && (
                <Badge color="red" variant="light" tt="none" data-testid="cause-list-clash-count">
                  {t("causeList.withClashes", { count: clashing })}
                </Badge>
              )}
              {list.isFetching && <Loader size="xs" />}
            </Group>
          )}
          {list.data && items.length === 0 && (
            <Text c="dimmed" size="sm" data-testid="cause-list-empty" data-date={list.data.date}>
              {t("causeList.none", { date: formatDay(list.data.date, locale) })}
            </Text>
          )}
          {list.data && items.length > 0 && (
            <div style={{ opacity: current ? 1 : 0.5 }}>
              <CauseListTable items={items} date={list.data.date} limit={list.data.dailyLimit} />
            </div>
          )}
        </Stack>
      </Card>

      <UpcomingBoard officerId={filter.officerId} onOpenDay={openDay} />
      <CalendarFeedCard />
    </Stack>
  );
}
