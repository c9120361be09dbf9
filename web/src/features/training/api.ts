import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AttemptResult,
  Certificate,
  CertificateVerification,
  EnrolmentSummary,
  HeldCompetence,
  ModuleDetail,
  ModuleSummary,
  TRAINING_LANGUAGES,
  TRAINING_TOPICS,
} from "../../../../common/schemas/training.ts";
import { API_BASE, get, type Items, post } from "../../app/api.ts";

export type {
  AttemptResult,
  Certificate,
  CertificateVerification,
  EnrolmentSummary,
  HeldCompetence,
  ModuleDetail,
  ModuleSummary,
};
export type TrainingTopic = (typeof TRAINING_TOPICS)[number];
export type TrainingLanguage = (typeof TRAINING_LANGUAGES)[number];
export type MyTraining = {
  modules: ModuleSummary[];
  certificates: Certificate[];
  competences: HeldCompetence[];
};
export type CatalogueFilter = { topic?: string; language?: string; q?: string };

/** Everything the learner's screens cache sits under this key, so one invalidation refreshes them all. */
const ROOT = ["training"] as const;
const moduleKey = (id: string) => [...ROOT, "module", id] as const;

/** Plain links (GET with the session cookie): the browser saves the file itself. */
export const attachmentUrl = (id: string) => `${API_BASE}/training/attachments/${encodeURIComponent(id)}`;
export const certificatePdfUrl = (id: string) =>
  `${API_BASE}/training/certificates/${encodeURIComponent(id)}/pdf`;
/** The public verification page of a certificate code (the address printed on the PDF). */
export const verifyPath = (code: string) => `/verify/${encodeURIComponent(code)}`;

/** The published modules, each with the caller's own enrolment (`mine`), narrowed by topic, language and words. */
export function useModules(filter: CatalogueFilter) {
  return useQuery({
    queryKey: [...ROOT, "modules", filter.topic ?? "", filter.language ?? "", filter.q ?? ""],
    queryFn: ({ signal }) =>
      get<Items<ModuleSummary>>(
        "/training/modules",
        { topic: filter.topic, language: filter.language, q: filter.q },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** One module as a learner reads it (the questions without their answers). */
export function useModule(id: string) {
  return useQuery({
    queryKey: moduleKey(id),
    queryFn: ({ signal }) =>
      get<ModuleDetail>(`/training/modules/${encodeURIComponent(id)}`, undefined, signal),
  });
}

/** The signed-in user's modules, certificates and competences. */
export function useMyTraining() {
  return useQuery({
    queryKey: [...ROOT, "me"],
    queryFn: ({ signal }) => get<MyTraining>("/training/me", undefined, signal),
  });
}

/**
 * Puts the caller's new enrolment into the cached module at once (the page moves on without a reload) and marks
 * the catalogue and "My learning" stale.
 */
function useEnrolmentUpdate(id: string) {
  const client = useQueryClient();
  return (mine: EnrolmentSummary) => {
    client.setQueryData<ModuleDetail>(moduleKey(id), (old) => (old ? { ...old, mine } : old));
    void client.invalidateQueries({ queryKey: [...ROOT, "modules"] });
    void client.invalidateQueries({ queryKey: [...ROOT, "me"] });
  };
}

export function useEnrol(id: string) {
  const update = useEnrolmentUpdate(id);
  return useMutation({
    mutationFn: () => post<EnrolmentSummary>(`/training/modules/${encodeURIComponent(id)}/enrolment`),
    onSuccess: update,
  });
}

export function useMarkRead(id: string) {
  const update = useEnrolmentUpdate(id);
  return useMutation({
    mutationFn: (pageId: string) =>
      post<EnrolmentSummary>(
        `/training/modules/${encodeURIComponent(id)}/pages/${encodeURIComponent(pageId)}/read`,
      ),
    onSuccess: update,
  });
}

export type AttemptAnswers = { moduleVersion: number; answers: { questionId: string; chosen: number[] }[] };

/** Submits the quiz; the module is read again afterwards (attempts, best score, the certificate). */
export function useSubmitAttempt(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AttemptAnswers) =>
      post<AttemptResult>(`/training/modules/${encodeURIComponent(id)}/attempts`, body),
    onSettled: () => client.invalidateQueries({ queryKey: ROOT }),
  });
}

/** Reads the module again (after a 409 module_changed: someone edited it while it was open). */
export function useReloadModule(id: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: moduleKey(id) });
}

/** The public verification of a normalised certificate code (no session involved). */
export function useCertificateVerification(code: string | null) {
  return useQuery({
    queryKey: ["public", "certificate", code],
    queryFn: ({ signal }) =>
      get<CertificateVerification>(
        `/public/certificates/${encodeURIComponent(code ?? "")}`,
        undefined,
        signal,
      ),
    enabled: code !== null,
    retry: false,
  });
}
