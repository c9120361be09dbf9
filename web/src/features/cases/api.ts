import {
  keepPreviousData,
  type QueryKey,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { del, get, type Items, isApiError, type Paged, patch, post } from "../../app/api.ts";
import type {
  CaseDetail,
  CaseInput,
  CaseListQuery,
  CaseStatus,
  CaseSummary,
  GovernmentResult,
  HistoryEvent,
  LinkKind,
  Outcome,
  Stage,
} from "./types.ts";

export type Officer = {
  id: string;
  fullName: string;
  designation: string;
  organisation: { id: string; code: string; nameEn: string; nameUr: string };
  activeCases: number;
};

export const caseKeys = {
  all: ["cases"] as const,
  list: (q: CaseListQuery) => ["cases", "list", q] as const,
  detail: (id: string) => ["cases", "detail", id] as const,
  history: (id: string) => ["cases", "history", id] as const,
};

/** `totalCapped`: more cases match than the server counted or ranked, so the total reads "more than". */
export type CaseListPage = Paged<CaseSummary> & { totalCapped: boolean };

export function useCaseList(query: CaseListQuery, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: caseKeys.list(query),
    queryFn: ({ signal }) => get<CaseListPage>("/cases", query, signal),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: caseKeys.detail(id ?? ""),
    queryFn: ({ signal }) => get<CaseDetail>(`/cases/${encodeURIComponent(id ?? "")}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useCaseHistory(id: string) {
  return useQuery({
    queryKey: caseKeys.history(id),
    queryFn: ({ signal }) => get<Items<HistoryEvent>>(`/cases/${id}/history`, undefined, signal),
    select: (d) => d.items,
  });
}

export function useOfficers(enabled: boolean) {
  return useQuery({
    queryKey: ["officers"],
    queryFn: ({ signal }) => get<Items<Officer>>("/officers", undefined, signal),
    select: (d) => d.items,
    enabled,
  });
}

/** After a write: the record is replaced by the server's answer and every list and its history refetch. */
function useCaseWrite<V>(fn: (vars: V) => Promise<CaseDetail>, alsoInvalidate: QueryKey[] = [], id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onError: (error) => {
      // Someone else saved first: fetch the current version so the next attempt can succeed.
      if (id && isApiError(error) && error.code === "stale_version") {
        void qc.invalidateQueries({ queryKey: caseKeys.detail(id) });
      }
    },
    onSuccess: (detail) => {
      qc.setQueryData(caseKeys.detail(detail.id), detail);
      void qc.invalidateQueries({ queryKey: ["cases", "list"] });
      void qc.invalidateQueries({ queryKey: caseKeys.history(detail.id) });
      for (const key of alsoInvalidate) void qc.invalidateQueries({ queryKey: key });
    },
  });
}

export function useCreateCase() {
  return useCaseWrite((body: CaseInput) => post<CaseDetail>("/cases", body));
}

export function useUpdateCase(id: string) {
  return useCaseWrite(
    (body: Partial<CaseInput> & { version: number }) => patch<CaseDetail>(`/cases/${id}`, body),
    [],
    id,
  );
}

export type StatusChange = {
  version: number;
  status: CaseStatus;
  stage?: Stage;
  outcome?: Outcome;
  governmentResult?: GovernmentResult;
  decidedOn?: string;
};

/**
 * A decision against the government also opens the appeal deadline and a task "decide whether to appeal" and
 * notifies the Solicitor: the case's deadlines, every task list and the notices refetch.
 */
export function useChangeStatus(id: string) {
  return useCaseWrite(
    (body: StatusChange) => post<CaseDetail>(`/cases/${id}/status`, body),
    [["deadlines"], ["tasks"], ["notifications"]],
    id,
  );
}

export function useAssign(id: string) {
  return useCaseWrite(
    /** `officerId: null` returns the case to the queue. */
    (body: { version: number; officerId: string | null; reason: string }) =>
      post<CaseDetail>(`/cases/${id}/assignment`, body),
    [["officers"]],
    id,
  );
}

export type AccessCandidate = {
  id: string;
  fullName: string;
  designation: string;
  organisation: { code: string; nameEn: string; nameUr: string };
};

/** Active users who could be named on a confidential case; asked only once at least 2 characters are typed. */
export function useAccessCandidates(id: string, q: string) {
  return useQuery({
    queryKey: ["cases", "access-candidates", id, q],
    queryFn: ({ signal }) => get<Items<AccessCandidate>>(`/cases/${id}/access-candidates`, { q }, signal),
    select: (d) => d.items,
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** Names a user on a confidential case, or removes them; both answer with the case. */
export function useCaseAccess(id: string) {
  const grant = useCaseWrite((userId: string) => post<CaseDetail>(`/cases/${id}/access`, { userId }), [], id);
  const revoke = useCaseWrite((userId: string) => del<CaseDetail>(`/cases/${id}/access/${userId}`), [], id);
  return { grant, revoke };
}

/** Link writes answer with the link or nothing; the case is reloaded to show it. */
export function useLinkMutations(id: string) {
  const qc = useQueryClient();
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: caseKeys.detail(id) });
    void qc.invalidateQueries({ queryKey: caseKeys.history(id) });
  };
  const add = useMutation({
    mutationFn: (body: { kind: LinkKind; linkedCaseId: string }) => post<unknown>(`/cases/${id}/links`, body),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (linkId: string) => del<unknown>(`/cases/${id}/links/${linkId}`),
    onSuccess: refresh,
  });
  return { add, remove };
}
