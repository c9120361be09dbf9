import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  Certificate,
  Competence,
  CompletionRow,
  competenceCreate,
  competenceUpdate,
  ModuleEditable,
  ModuleSummary,
  moduleBody,
} from "../../../../../common/schemas/training.ts";
import { API_BASE, api, buildQuery, del, get, isApiError, post } from "../../../app/api.ts";

export { CATEGORIES } from "../../../../../common/case-status.ts";
export { MLA_REQUEST_KINDS } from "../../../../../common/mla/request.ts";
export { TRAINING_LANGUAGES, TRAINING_TOPICS } from "../../../../../common/schemas/training.ts";
export type { Certificate, Competence, CompletionRow, ModuleEditable, ModuleSummary };

/** What the editor sends: the module's fields, its pages and questions (replaced in order). */
export type ModuleInput = z.input<typeof moduleBody>;
export type CompetenceCreate = z.input<typeof competenceCreate>;
export type CompetenceUpdate = z.input<typeof competenceUpdate>;
export type Attachment = { id: string; filename: string; contentType: string; size: number };

/**
 * Everything under "training": an administrator's write refetches the learners' catalogue too, which shows the
 * same modules.
 */
const keys = {
  all: ["training"] as const,
  adminModules: ["training", "modules", "admin"] as const,
  editable: (id: string) => ["training", "modules", "edit", id] as const,
  competences: ["training", "competences"] as const,
  certificates: (query: CertificateQuery) => ["training", "certificates", query] as const,
  completion: (query: CompletionQuery) => ["training", "completion", query] as const,
};

/** Every module, drafts included (administrators). */
export function useAdminModules() {
  return useQuery({
    queryKey: keys.adminModules,
    queryFn: ({ signal }) => get<{ items: ModuleSummary[] }>("/training/modules", { drafts: "true" }, signal),
    select: (data) => data.items,
  });
}

/** One module with its right answers, for the editor. */
export function useEditableModule(id: string | undefined) {
  return useQuery({
    queryKey: keys.editable(id ?? ""),
    queryFn: ({ signal }) => get<ModuleEditable>(`/training/modules/${id}/edit`, undefined, signal),
    enabled: Boolean(id),
  });
}

function useWrite<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onError: (error) => {
      if (isApiError(error) && error.status === 409) void qc.invalidateQueries({ queryKey: keys.all });
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.all }),
  });
}

/** Creates a module (no id) or replaces one (with the version it was read at). */
export function useSaveModule() {
  return useWrite(({ id, version, body }: { id?: string; version?: number; body: ModuleInput }) =>
    id === undefined
      ? post<ModuleEditable>("/training/modules", body)
      : api<ModuleEditable>(`/training/modules/${id}`, { method: "PUT", body: { ...body, version } }),
  );
}

export function useUploadAttachment() {
  return useWrite(({ moduleId, pageId, file }: { moduleId: string; pageId: string; file: File }) => {
    const form = new FormData();
    form.append("file", file, file.name);
    return api<Attachment>(`/training/modules/${moduleId}/pages/${pageId}/attachments`, {
      method: "POST",
      body: form,
    });
  });
}

export function useDeleteAttachment() {
  return useWrite((id: string) => del<void>(`/training/attachments/${id}`));
}

export const attachmentUrl = (id: string) => `${API_BASE}/training/attachments/${encodeURIComponent(id)}`;

export function useCompetences() {
  return useQuery({
    queryKey: keys.competences,
    queryFn: ({ signal }) => get<{ items: Competence[] }>("/training/competences", undefined, signal),
    select: (data) => data.items,
  });
}

/** Creates a competence (no version) or replaces one (with the version read). */
export function useSaveCompetence() {
  return useWrite(
    ({ code, version, body }: { code: string; version?: number; body: Omit<CompetenceCreate, "code"> }) =>
      version === undefined
        ? post<Competence>("/training/competences", { ...body, code })
        : api<Competence>(`/training/competences/${encodeURIComponent(code)}`, {
            method: "PUT",
            body: { ...body, version },
          }),
  );
}

export type CertificateQuery = { moduleId?: string; code?: string };

export function useCertificates(query: CertificateQuery) {
  return useQuery({
    queryKey: keys.certificates(query),
    queryFn: ({ signal }) => get<{ items: Certificate[] }>("/training/certificates", query, signal),
    select: (data) => data.items,
    placeholderData: (previous) => previous,
  });
}

export function useRevokeCertificate() {
  return useWrite(({ id, reason }: { id: string; reason: string }) =>
    post<Certificate>(`/training/certificates/${id}/revoke`, { reason }),
  );
}

export const certificatePdfUrl = (id: string) =>
  `${API_BASE}/training/certificates/${encodeURIComponent(id)}/pdf`;

export type CompletionQuery = { organisationId?: string; moduleId?: string };

export function useCompletion(query: CompletionQuery) {
  return useQuery({
    queryKey: keys.completion(query),
    queryFn: ({ signal }) => get<{ rows: CompletionRow[] }>("/training/completion", query, signal),
    select: (data) => data.rows,
    placeholderData: (previous) => previous,
  });
}

export const completionExportUrl = (query: CompletionQuery, format: string) =>
  `${API_BASE}/training/completion/export${buildQuery({ ...query, format })}`;
