import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { HandlerSuggestion } from "../../../../common/schemas/mla-handler.ts";
import { api, get, isApiError } from "../../app/api.ts";
import { mlaKeys } from "./api.ts";

export type { HandlerSuggestion };
export type HandlerCandidate = HandlerSuggestion["candidates"][number];

/** Starts with "mla", so a stale write that refetches every MLA query refetches this too. */
const handlerKey = (id: string) => ["mla", "handler", id] as const;

/** Who may handle the request, ranked (Central Authority only: others get 403). */
export function useMlaHandler(id: string, enabled: boolean) {
  return useQuery({
    queryKey: handlerKey(id),
    queryFn: ({ signal }) => get<HandlerSuggestion>(`/mla/requests/${id}/handler`, undefined, signal),
    enabled,
  });
}

/** Chooses (or clears, with null) the handling officer; the request reloads afterwards. */
export function useSetMlaHandler(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { userId: string | null; version: number }) =>
      api<HandlerSuggestion>(`/mla/requests/${id}/handler`, { method: "PUT", body }),
    onError: (error) => {
      if (isApiError(error) && error.code === "stale_version")
        void qc.invalidateQueries({ queryKey: mlaKeys.all });
    },
    onSuccess: (suggestion) => {
      qc.setQueryData(handlerKey(id), suggestion);
      void qc.invalidateQueries({ queryKey: mlaKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: ["mla", "list"] });
    },
  });
}
