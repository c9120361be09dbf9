import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  CLASH_CODES,
  causeListSchema,
  ListedHearingDto,
  URGENCIES,
  upcomingSchema,
} from "../../../../common/schemas/hearings.ts";
import { API_BASE, buildQuery, get } from "../../app/api.ts";

/** A hearing on a cause list (the server's own schema): its case, the case's law officer and its clash flags. */
export type ListedHearing = ListedHearingDto;
export type Clash = (typeof CLASH_CODES)[number];
export type Urgency = (typeof URGENCIES)[number];
export type CauseList = z.infer<typeof causeListSchema>;
export type Upcoming = z.infer<typeof upcomingSchema>;
export type UpcomingHearing = Upcoming["items"][number];

/** What the page asks the server for: a day, and optionally a court or bench. */
export type CauseListFilter = { date: string; courtId?: string; benchId?: string };

/** How many days the board looks ahead (today included). */
export const BOARD_DAYS = 7;

/** Every key starts with "cause-list", so a hearing write refetches all of them (see hearings/api.ts). */
export const causeListKeys = {
  all: ["cause-list"] as const,
  day: (f: CauseListFilter) => ["cause-list", "day", f.date, f.courtId ?? "", f.benchId ?? ""] as const,
  upcoming: (days: number) => ["cause-list", "upcoming", days] as const,
};

/**
 * A day's cause list. The officer filter is applied in the browser (the page also needs the day's officers to
 * offer them in the filter); the clash flags do not depend on it, since the server counts all of an officer's
 * hearings of the day.
 */
export function useCauseList(f: CauseListFilter) {
  return useQuery({
    queryKey: causeListKeys.day(f),
    queryFn: ({ signal }) => get<CauseList>("/cause-list", f, signal),
    placeholderData: keepPreviousData,
  });
}

/** The scheduled hearings of the coming days, today first, each with its urgency. */
export function useUpcoming(days = BOARD_DAYS) {
  return useQuery({
    queryKey: causeListKeys.upcoming(days),
    queryFn: ({ signal }) => get<Upcoming>("/hearings/upcoming", { days }, signal),
  });
}

/** The printable cause list, with the same filters as the page (the officer's included). */
export function causeListPdfUrl(f: CauseListFilter & { officerId?: string }): string {
  return `${API_BASE}/cause-list.pdf${buildQuery({
    date: f.date,
    courtId: f.courtId,
    benchId: f.benchId,
    officerId: f.officerId,
  })}`;
}

/** The hearings whose case is assigned to `officerId` (all of them when no officer is chosen). */
export function byOfficer<T extends ListedHearing>(items: T[], officerId: string | undefined): T[] {
  return officerId ? items.filter((h) => h.officer?.id === officerId) : items;
}

/** Consecutive runs of items sharing a key, in their order (the server sorts by court, bench, serial). */
export function groupRuns<T>(items: T[], keyOf: (item: T) => string): { key: string; items: T[] }[] {
  const groups: { key: string; items: T[] }[] = [];
  for (const item of items) {
    const key = keyOf(item);
    const last = groups.at(-1);
    if (last && last.key === key) last.items.push(item);
    else groups.push({ key, items: [item] });
  }
  return groups;
}
