import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CertificationBody,
  CustodyBody,
  EvidenceCreateBody,
  EvidenceItem,
  EvidenceList,
} from "../../../../common/schemas/mla-evidence.ts";
import { API_BASE, api, get, isApiError, post } from "../../app/api.ts";

export {
  CERTIFICATION_KINDS,
  type CertificationKind,
  CUSTODY_ACTIONS,
  type CustodyAction,
  type CustodyEntry,
  EVIDENCE_SOURCE_KINDS,
  type EvidenceSourceKind,
} from "../../../../common/schemas/mla-evidence.ts";
export type { CertificationBody, CustodyBody, EvidenceCreateBody, EvidenceItem, EvidenceList };

/** Under the "mla" key, so a write to the request refetches its evidence too. */
export const evidenceKeys = { list: (requestId: string) => ["mla", "evidence", requestId] as const };

export function useEvidence(requestId: string) {
  return useQuery({
    queryKey: evidenceKeys.list(requestId),
    queryFn: ({ signal }) => get<EvidenceList>(`/mla/requests/${requestId}/evidence`, undefined, signal),
  });
}

/** Every write answers the item as it now stands; the list refetches (a stale version too). */
function useEvidenceWrite<V>(requestId: string, fn: (vars: V) => Promise<EvidenceItem>) {
  const qc = useQueryClient();
  const refetch = () => qc.invalidateQueries({ queryKey: evidenceKeys.list(requestId) });
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void refetch(),
    onError: (error) => {
      if (isApiError(error) && error.code === "stale_version") void refetch();
    },
  });
}

export function useAddTypedEvidence(requestId: string) {
  return useEvidenceWrite(requestId, (body: EvidenceCreateBody) =>
    post<EvidenceItem>(`/mla/requests/${requestId}/evidence`, body),
  );
}

export type EvidenceUploadInput = Omit<EvidenceCreateBody, "sha256" | "sizeBytes"> & {
  expectedSha256?: string;
  file: File;
};

export function useUploadEvidence(requestId: string) {
  return useEvidenceWrite(requestId, (input: EvidenceUploadInput) => {
    // text fields first, the file last: the server reads the fields before it streams the file
    const form = new FormData();
    const { file, ...fields } = input;
    for (const [key, value] of Object.entries(fields)) {
      if (typeof value === "string" && value !== "") form.append(key, value);
    }
    form.append("file", file, file.name);
    return api<EvidenceItem>(`/mla/requests/${requestId}/evidence/upload`, { method: "POST", body: form });
  });
}

export function useAddCustody(requestId: string) {
  return useEvidenceWrite(requestId, ({ itemId, ...body }: CustodyBody & { itemId: string }) =>
    post<EvidenceItem>(`/mla/evidence/${itemId}/custody`, body),
  );
}

export function useCertify(requestId: string) {
  return useEvidenceWrite(requestId, ({ itemId, ...body }: CertificationBody & { itemId: string }) =>
    post<EvidenceItem>(`/mla/evidence/${itemId}/certification`, body),
  );
}

export function evidenceFileUrl(itemId: string): string {
  return `${API_BASE}/mla/evidence/${encodeURIComponent(itemId)}/file`;
}

/** A `datetime-local` value (the browser's time) as an ISO instant, or undefined when empty. */
export function localToIso(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export const SHA256_PATTERN = /^[0-9a-fA-F]{64}$/;
