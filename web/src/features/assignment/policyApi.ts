import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  PolicyConfigDto,
  policySchema,
  weightPatchBody,
  weightSchema,
} from "../../../../common/schemas/assignment.ts";
import { api, get, type Items, patch } from "../../app/api.ts";

export type Policy = z.infer<typeof policySchema>;
export type PolicyConfig = PolicyConfigDto;
export type Weight = z.infer<typeof weightSchema>;
export type WeightPatch = z.input<typeof weightPatchBody>;

const keys = {
  policy: (officeId: string | undefined) => ["assignment", "policy", officeId ?? ""] as const,
  weights: ["assignment", "weights"] as const,
};

export function usePolicy(officeId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: keys.policy(officeId),
    queryFn: ({ signal }) => get<Policy>("/assignment/policy", { officeId }, signal),
    enabled: enabled && Boolean(officeId),
  });
}

/** Saves a new version of the office's policy (409 `stale_version` when someone saved one first). */
export function useSavePolicy(officeId: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; config: PolicyConfig; note: string }) =>
      api<Policy>("/assignment/policy", { method: "PUT", body, query: { officeId } }),
    onSuccess: (saved) => qc.setQueryData(keys.policy(officeId), saved),
  });
}

export function useWeights() {
  return useQuery({
    queryKey: keys.weights,
    queryFn: ({ signal }) => get<Items<Weight>>("/assignment/weights", undefined, signal),
    select: (d) => d.items,
  });
}

export function useUpdateWeight() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: WeightPatch & { id: string }) =>
      patch<Weight>(`/assignment/weights/${id}`, body),
    // Weights change the queue's weights and every officer's load.
    onSettled: () => qc.invalidateQueries({ queryKey: ["assignment"] }),
  });
}
