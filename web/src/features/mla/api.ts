import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { MlaDirectory } from "../../../../common/mla/directory.ts";
import type { MlaRuleData } from "../../../../common/mla/rules.types.ts";
import type { MlaDetail, mlaCreateBody, mlaDraftBody, mlaSummary } from "../../../../common/schemas/mla.ts";
import { api, del, get, isApiError, post } from "../../app/api.ts";

export type { MlaRequestDraft } from "../../../../common/mla/request.ts";
export { MLA_REQUEST_KINDS } from "../../../../common/mla/request.ts";
export type { MlaDetail };
export type MlaSummary = z.infer<typeof mlaSummary>;
export type MlaKind = MlaSummary["kind"];
export type MlaCreate = z.input<typeof mlaCreateBody>;
export type MlaDraftSave = z.input<typeof mlaDraftBody>;
export type MlaQuery = { kind?: MlaKind; state?: string; caseId?: string };
export type MlaFinding = MlaDetail["check"]["findings"][number];

/** Every key starts with "mla": a write refetches lists and the request together. */
export const mlaKeys = {
  all: ["mla"] as const,
  list: (q: MlaQuery) => ["mla", "list", q.kind ?? "", q.state ?? "", q.caseId ?? ""] as const,
  reference: ["mla", "reference"] as const,
  detail: (id: string) => ["mla", "detail", id] as const,
};

export function useMlaRequests(q: MlaQuery) {
  return useQuery({
    queryKey: mlaKeys.list(q),
    queryFn: ({ signal }) => get<{ items: MlaSummary[] }>("/mla/requests", q, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMlaRequest(id: string) {
  return useQuery({
    queryKey: mlaKeys.detail(id),
    queryFn: ({ signal }) => get<MlaDetail>(`/mla/requests/${id}`, undefined, signal),
  });
}

/** After a write: the answer is the request as it now stands; lists refetch. Stale versions refetch the request. */
function useMlaWrite<V>(fn: (vars: V) => Promise<MlaDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onError: (error) => {
      if (isApiError(error) && error.code === "stale_version") {
        void qc.invalidateQueries({ queryKey: mlaKeys.all });
      }
    },
    onSuccess: (detail) => {
      qc.setQueryData(mlaKeys.detail(detail.id), detail);
      void qc.invalidateQueries({ queryKey: ["mla", "list"] });
    },
  });
}

export function useCreateMla() {
  return useMlaWrite((body: MlaCreate) => post<MlaDetail>("/mla/requests", body));
}

export function useSaveMlaDraft(id: string) {
  return useMlaWrite((body: MlaDraftSave) =>
    api<MlaDetail>(`/mla/requests/${id}/draft`, { method: "PUT", body }),
  );
}

export function useMoveMla(id: string) {
  return useMlaWrite((body: { version: number; to: string; reason: string; grounds?: string[] }) =>
    post<MlaDetail>(`/mla/requests/${id}/transitions`, body),
  );
}

export function useLinkMla(id: string) {
  return useMlaWrite((body: { reference: string; relation: "follows" | "related" }) =>
    post<MlaDetail>(`/mla/requests/${id}/links`, body),
  );
}

export function useUnlinkMla(id: string) {
  return useMlaWrite((earlierId: string) => del<MlaDetail>(`/mla/requests/${id}/links/${earlierId}`));
}

export function useNameOnMla(id: string) {
  return useMlaWrite(({ userId, grant }: { userId: string; grant: boolean }) =>
    grant
      ? post<MlaDetail>(`/mla/requests/${id}/access`, { userId })
      : del<MlaDetail>(`/mla/requests/${id}/access/${userId}`),
  );
}

/** The rules and directory as the Central Authority keeps them: the wizard checks the draft with them as it is typed. */
export function useMlaReference() {
  return useQuery({
    queryKey: mlaKeys.reference,
    queryFn: ({ signal }) =>
      get<{ rules: MlaRuleData[]; directory: MlaDirectory }>("/mla/reference", undefined, signal),
    staleTime: 5 * 60_000,
  });
}
