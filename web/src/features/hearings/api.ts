import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  cancelHearingBody,
  HearingDto,
  hearingOutcomeBody,
  rescheduleHearingBody,
  scheduleHearingBody,
} from "../../../../common/schemas/hearings.ts";
import { get, type Items, isApiError, patch, post } from "../../app/api.ts";
import { caseKeys } from "../cases/api.ts";

export {
  ADJOURNMENT_SIDES,
  HEARING_OUTCOMES,
  HEARING_STATES,
} from "../../../../common/schemas/hearings.ts";

/** A hearing of a case (the server's own schema), and what each write sends (defaults may be left out). */
export type Hearing = HearingDto;
export type HearingOutcome = NonNullable<Hearing["outcome"]>;
export type AdjournmentSide = NonNullable<Hearing["adjournedAtRequestOf"]>;
export type ScheduleInput = z.input<typeof scheduleHearingBody>;
export type OutcomeInput = z.input<typeof hearingOutcomeBody>;
export type RescheduleInput = z.input<typeof rescheduleHearingBody>;
export type CancelInput = z.input<typeof cancelHearingBody>;
export type OutcomeResult = { hearing: Hearing; next: Hearing | null };

export const hearingKeys = {
  list: (caseId: string) => ["cases", "hearings", caseId] as const,
};

/** The hearings of a case, oldest first (by date, then time). */
export function useHearings(caseId: string) {
  return useQuery({
    queryKey: hearingKeys.list(caseId),
    queryFn: ({ signal }) => get<Items<Hearing>>(`/cases/${caseId}/hearings`, undefined, signal),
    select: (d) => d.items,
  });
}

/**
 * After a write: the case's hearings, the case itself and its history refetch, and so do the workload
 * board (it counts the hearings of the next 14 days) and the cause lists. A stale version refetches the
 * hearings, so the next attempt carries the current one.
 */
function useHearingWrite<V, R>(caseId: string, fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onError: (error) => {
      if (isApiError(error) && error.code === "stale_version") {
        void qc.invalidateQueries({ queryKey: hearingKeys.list(caseId) });
      }
    },
    onSuccess: () => {
      for (const key of [
        hearingKeys.list(caseId),
        caseKeys.detail(caseId),
        caseKeys.history(caseId),
        ["assignment", "workload"],
        ["cause-list"],
      ]) {
        void qc.invalidateQueries({ queryKey: key });
      }
    },
  });
}

export function useScheduleHearing(caseId: string) {
  return useHearingWrite(caseId, (body: ScheduleInput) => post<Hearing>(`/cases/${caseId}/hearings`, body));
}

export function useRecordOutcome(caseId: string) {
  return useHearingWrite(caseId, ({ id, body }: { id: string; body: OutcomeInput }) =>
    post<OutcomeResult>(`/hearings/${id}/outcome`, body),
  );
}

export function useRescheduleHearing(caseId: string) {
  return useHearingWrite(caseId, ({ id, body }: { id: string; body: RescheduleInput }) =>
    patch<Hearing>(`/hearings/${id}`, body),
  );
}

export function useCancelHearing(caseId: string) {
  return useHearingWrite(caseId, ({ id, body }: { id: string; body: CancelInput }) =>
    post<Hearing>(`/hearings/${id}/cancel`, body),
  );
}

/** "10:30" stays; an empty field is sent as null (no time fixed). */
export function timeOrNull(value: string): string | null {
  return value.trim() ? value.trim().slice(0, 5) : null;
}

/** A cause-list serial typed as text: a whole number, or null when left empty. */
export function serialOrNull(value: string | number): number | null {
  if (value === "" || value === null) return null;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}
