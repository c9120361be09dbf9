import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  commitSchema,
  decisionSchema,
  previewSchema,
  queueItem,
  reasonSchema,
  workloadItem,
} from "../../../../common/schemas/assignment.ts";
import { get, type Items, post } from "../../app/api.ts";

/** The queue, previews, commits and handovers: shapes from the server's own zod schemas. */
export type QueueItem = z.infer<typeof queueItem>;
export type WorkloadItem = z.infer<typeof workloadItem>;
export type Preview = z.infer<typeof previewSchema>;
export type PreviewItem = Preview["items"][number];
export type Decision = z.infer<typeof decisionSchema>;
export type HearingClash = NonNullable<PreviewItem["hearingClashes"]>[number];
export type Explained = z.infer<typeof reasonSchema>;
export type CommitResult = z.infer<typeof commitSchema>;
export type Override = { caseId: string; officerId: string; reason: string };

export const assignmentKeys = {
  all: ["assignment"] as const,
  queue: (officeId: string | undefined) => ["assignment", "queue", officeId ?? ""] as const,
  workload: (officeId: string | undefined) => ["assignment", "workload", officeId ?? ""] as const,
};

/** How many queue cases are listed at once (the server allows up to 1,000). */
export const QUEUE_LIMIT = 500;

export function useQueue(officeId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: assignmentKeys.queue(officeId),
    queryFn: ({ signal }) =>
      get<Items<QueueItem>>("/assignment/queue", { officeId, limit: QUEUE_LIMIT }, signal),
    select: (d) => d.items,
    enabled: enabled && Boolean(officeId),
  });
}

export function useWorkload(officeId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: assignmentKeys.workload(officeId),
    queryFn: ({ signal }) => get<Items<WorkloadItem>>("/assignment/workload", { officeId }, signal),
    select: (d) => d.items,
    enabled: enabled && Boolean(officeId),
  });
}

/** Everything an assignment changes: the queue, the workload, the cases, the officers and the notices. */
export function refreshAfterAssignment(qc: QueryClient) {
  for (const key of [["assignment"], ["cases"], ["officers"], ["notifications"]]) {
    void qc.invalidateQueries({ queryKey: key });
  }
}

/** Bulk preview of a selection of queue cases (a fresh batch, with its own seed). */
export function usePreview() {
  return useMutation({
    mutationFn: (body: { caseIds: string[]; officeId?: string }) =>
      post<Preview>("/assignment/preview", body),
  });
}

/** The engine's suggestion for one case (a one-case batch). */
export function useSuggestion(caseId: string) {
  return useMutation({
    mutationFn: (officeId: string | undefined) =>
      post<Preview>(`/cases/${caseId}/suggestion`, officeId ? { officeId } : {}),
  });
}

/** Commits a previewed batch, with overrides (each needs a reason). */
export function useCommit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ batchId, overrides }: { batchId: string; overrides?: Override[] }) =>
      post<CommitResult>(`/assignment/batches/${batchId}/commit`, overrides ? { overrides } : {}),
    onSuccess: () => refreshAfterAssignment(qc),
  });
}

/** A preview of redistributing an officer's open cases by the policy. */
export function useHandoverPreview() {
  return useMutation({
    mutationFn: (officerId: string) => post<Preview>(`/assignment/officers/${officerId}/handover`),
  });
}

/** Ends a handover batch by returning all its cases to the queue. */
export function useReturnToQueue() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ batchId, reason }: { batchId: string; reason: string }) =>
      post<CommitResult>(`/assignment/batches/${batchId}/return-to-queue`, { reason }),
    onSuccess: () => refreshAfterAssignment(qc),
  });
}
