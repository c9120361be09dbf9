import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  conflictBody,
  leaveBody,
  OfficerProfileDto,
  officerProfileBody,
} from "../../../../common/schemas/assignment.ts";
import { api, del, get, type Items, post } from "../../app/api.ts";

export type OfficerProfile = OfficerProfileDto;
export type ProfileInput = z.input<typeof officerProfileBody>;
export type LeaveInput = z.input<typeof leaveBody>;
export type ConflictInput = z.input<typeof conflictBody>;

export const officerKeys = {
  list: (officeId: string | undefined) => ["assignment", "officers", officeId ?? ""] as const,
  detail: (id: string) => ["assignment", "officer", id] as const,
};

export function useOfficerProfiles(officeId: string | undefined) {
  return useQuery({
    queryKey: officerKeys.list(officeId),
    queryFn: ({ signal }) => get<Items<OfficerProfile>>("/assignment/officers", { officeId }, signal),
    select: (d) => d.items,
    enabled: Boolean(officeId),
  });
}

export function useOfficerProfile(id: string) {
  return useQuery({
    queryKey: officerKeys.detail(id),
    queryFn: ({ signal }) => get<OfficerProfile>(`/assignment/officers/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

/** Every profile write answers with the whole profile: it replaces the cached one; lists and loads refetch. */
function useProfileWrite<V>(id: string, fn: (vars: V) => Promise<OfficerProfile>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (saved) => {
      qc.setQueryData(officerKeys.detail(id), saved);
      void qc.invalidateQueries({ queryKey: ["assignment", "officers"] });
      void qc.invalidateQueries({ queryKey: ["assignment", "workload"] });
    },
  });
}

export function useSaveProfile(id: string) {
  return useProfileWrite(id, (body: ProfileInput) =>
    api<OfficerProfile>(`/assignment/officers/${id}`, { method: "PUT", body }),
  );
}

export function useLeaves(id: string) {
  const add = useProfileWrite(id, (body: LeaveInput) =>
    post<OfficerProfile>(`/assignment/officers/${id}/leaves`, body),
  );
  const remove = useProfileWrite(id, (leaveId: string) =>
    del<OfficerProfile>(`/assignment/officers/${id}/leaves/${leaveId}`),
  );
  return { add, remove };
}

export function useConflicts(id: string) {
  const add = useProfileWrite(id, (body: ConflictInput) =>
    post<OfficerProfile>(`/assignment/officers/${id}/conflicts`, body),
  );
  const remove = useProfileWrite(id, (conflictId: string) =>
    del<OfficerProfile>(`/assignment/officers/${id}/conflicts/${conflictId}`),
  );
  return { add, remove };
}
