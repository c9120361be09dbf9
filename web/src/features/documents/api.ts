import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  DOCUMENT_MEDIA_TYPES,
  type DocumentItem,
  type DocumentKind,
} from "../../../../common/schemas/documents.ts";
import { API_BASE, api, get, type Items } from "../../app/api.ts";

export {
  DOCUMENT_KINDS,
  type DocumentKind,
  type DocumentVersion,
} from "../../../../common/schemas/documents.ts";

/** A document of a case with its versions, newest first (the server's own schema). */
export type CaseDocument = DocumentItem;

/** What the server accepts (it sniffs the bytes); checked before upload to save a round trip. */
export const ACCEPTED_TYPES: readonly string[] = DOCUMENT_MEDIA_TYPES;
export const ACCEPT_ATTR = ".pdf,.docx,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg";

export const documentKeys = { list: (caseId: string) => ["documents", caseId] as const };

export function useDocuments(caseId: string) {
  return useQuery({
    queryKey: documentKeys.list(caseId),
    queryFn: ({ signal }) => get<Items<CaseDocument>>(`/cases/${caseId}/documents`, undefined, signal),
    select: (d) => d.items,
  });
}

export type UploadInput = { kind: DocumentKind; title: string; documentId?: string; file: File };

export function useUpload(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UploadInput) => {
      // Fields first, the file last: the server streams the file and needs the fields before it.
      const form = new FormData();
      form.append("kind", input.kind);
      form.append("title", input.title);
      if (input.documentId) form.append("documentId", input.documentId);
      form.append("file", input.file, input.file.name);
      return api<CaseDocument>(`/cases/${caseId}/documents`, { method: "POST", body: form });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: documentKeys.list(caseId) });
      void qc.invalidateQueries({ queryKey: ["cases", "history", caseId] });
    },
  });
}

export function downloadUrl(documentId: string, version: number): string {
  return `${API_BASE}/documents/${encodeURIComponent(documentId)}/versions/${version}/download`;
}
