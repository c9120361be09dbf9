import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  closureBody,
  closureSchema,
  courtCalendarSchema,
  Deadline,
  deadlineEventBody,
  deadlinePatchBody,
  limitationRulePatchBody,
  limitationRuleSchema,
  weekendBody,
  weekendSchema,
} from "../../../../common/schemas/deadlines.ts";
import type { Task } from "../../../../common/schemas/tasks.ts";
import { api, get, type Items, isApiError, patch, post } from "../../app/api.ts";
import { caseKeys } from "../cases/api.ts";

export {
  CLOSURE_KINDS,
  DEADLINE_KINDS,
  DEADLINE_STATES,
  SOURCE_STATUSES,
} from "../../../../common/schemas/deadlines.ts";

/** A deadline of a case with its derivation (the server's own schema), and what each write sends. */
export type { Deadline };
export type DerivationStep = Deadline["steps"][number];
export type DeadlineEventInput = z.input<typeof deadlineEventBody>;
export type DeadlinePatch = z.input<typeof deadlinePatchBody>;
export type DeadlineEventResult = { deadlines: Deadline[]; tasks: Task[] };
export type LimitationRule = z.infer<typeof limitationRuleSchema>;
export type LimitationRulePatch = z.input<typeof limitationRulePatchBody>;
export type CourtCalendar = z.infer<typeof courtCalendarSchema>;
export type Closure = z.infer<typeof closureSchema>;
export type Weekend = z.infer<typeof weekendSchema>;
export type ClosureInput = z.input<typeof closureBody>;
export type WeekendInput = z.input<typeof weekendBody>;
export type SourceStatus = LimitationRule["status"];

/** Every key starts with "deadlines": a status change or a trigger event refetches all of them. */
export const deadlineKeys = {
  all: ["deadlines"] as const,
  ofCase: (caseId: string) => ["deadlines", "case", caseId] as const,
  mine: (withinDays: number) => ["deadlines", "mine", withinDays] as const,
  rules: ["limitation-rules"] as const,
  calendar: (year: number, courtId: string) => ["court-calendar", year, courtId] as const,
};

/** The deadlines of a case (open and closed), as the server orders them. */
export function useCaseDeadlines(caseId: string) {
  return useQuery({
    queryKey: deadlineKeys.ofCase(caseId),
    queryFn: ({ signal }) => get<Items<Deadline>>(`/cases/${caseId}/deadlines`, undefined, signal),
    select: (d) => d.items,
  });
}

/** The actor's open deadlines due within `withinDays` days, overdue included, soonest first. */
export function useMyDeadlines(withinDays: number) {
  return useQuery({
    queryKey: deadlineKeys.mine(withinDays),
    queryFn: ({ signal }) => get<Items<Deadline>>("/deadlines", { withinDays }, signal),
    select: (d) => d.items,
  });
}

/**
 * After a deadline write: every deadline list, the tasks (an event may open some), the case and its history,
 * and the notices refetch. A stale version refetches the deadlines, so the next attempt carries the current one.
 */
function useDeadlineWrite<V, R>(caseId: string, fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onError: (error) => {
      if (isApiError(error) && error.code === "stale_version") {
        void qc.invalidateQueries({ queryKey: deadlineKeys.all });
      }
    },
    onSuccess: () => {
      for (const key of [
        deadlineKeys.all,
        ["tasks"],
        caseKeys.detail(caseId),
        caseKeys.history(caseId),
        ["notifications"],
      ]) {
        void qc.invalidateQueries({ queryKey: key });
      }
    },
  });
}

export function useDeadlineEvent(caseId: string) {
  return useDeadlineWrite(caseId, (body: DeadlineEventInput) =>
    post<DeadlineEventResult>(`/cases/${caseId}/deadline-events`, body),
  );
}

export function usePatchDeadline(caseId: string) {
  return useDeadlineWrite(caseId, ({ id, body }: { id: string; body: DeadlinePatch }) =>
    patch<Deadline>(`/deadlines/${id}`, body),
  );
}

/** The limitation rules (every signed-in user reads them; administrators edit). */
export function useLimitationRules(enabled = true) {
  return useQuery({
    queryKey: deadlineKeys.rules,
    queryFn: ({ signal }) => get<Items<LimitationRule>>("/limitation-rules", undefined, signal),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function usePatchRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: LimitationRulePatch }) =>
      patch<LimitationRule>(`/limitation-rules/${encodeURIComponent(code)}`, body),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: deadlineKeys.rules });
    },
  });
}

/** A year's weekends and closures: of one court and of every court, or everything when no court is given. */
export function useCourtCalendar(year: number, courtId: string) {
  return useQuery({
    queryKey: deadlineKeys.calendar(year, courtId),
    queryFn: ({ signal }) => get<CourtCalendar>("/court-calendar", { year, courtId }, signal),
  });
}

function useCalendarWrite<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ["court-calendar"] });
    },
  });
}

export function useCreateClosure() {
  return useCalendarWrite((body: ClosureInput) => post<Closure>("/court-calendar/closures", body));
}

export function useUpdateClosure() {
  return useCalendarWrite(({ id, version, ...body }: ClosureInput & { id: string; version: number }) =>
    patch<Closure>(`/court-calendar/closures/${id}`, { ...body, version }),
  );
}

export function useDeleteClosure() {
  return useCalendarWrite(({ id, version }: { id: string; version: number }) =>
    api<void>(`/court-calendar/closures/${id}`, { method: "DELETE", body: { version } }),
  );
}

export function useSaveWeekend() {
  return useCalendarWrite((body: WeekendInput) =>
    api<Weekend>("/court-calendar/weekends", { method: "PUT", body }),
  );
}
