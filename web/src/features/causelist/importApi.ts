import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  IMPORT_UNMATCHED,
  ImportRowDto,
  importBody,
  importCommitSchema,
  importPreviewSchema,
} from "../../../../common/schemas/hearings.ts";
import { post } from "../../app/api.ts";
import { caseKeys } from "../cases/api.ts";
import { causeListKeys } from "./api.ts";

export { IMPORT_UNMATCHED } from "../../../../common/schemas/hearings.ts";

/** The import contract of the server: what is sent, the preview it answers with, and the commit's result. */
export type ImportInput = z.input<typeof importBody>;
export type ImportPreview = z.infer<typeof importPreviewSchema>;
export type ImportRow = ImportRowDto;
export type ImportStatus = ImportRow["status"];
export type ImportReason = (typeof IMPORT_UNMATCHED)[number];
export type ImportCommit = z.infer<typeof importCommitSchema>;

/** The server takes at most 2,000,000 characters; a UTF-8 file of at most that many bytes always fits. */
export const MAX_IMPORT_BYTES = 2_000_000;
export const IMPORT_ACCEPT = ".csv,text/csv";

/** Reads the chosen file as text, or says why it cannot be sent (too large, empty). */
export async function readImportFile(
  file: File,
): Promise<{ content: string } | { error: "tooLarge" | "empty" | "unreadable" }> {
  if (file.size > MAX_IMPORT_BYTES) return { error: "tooLarge" };
  if (file.size === 0) return { error: "empty" };
  try {
    const content = await file.text();
    return content.trim() ? { content } : { error: "empty" };
  } catch {
    return { error: "unreadable" };
  }
}

/** The earliest day among the rows that will become hearings (for the link back to the cause list). */
export function firstMatchedDate(rows: ImportRow[]): string | null {
  const dates = rows.flatMap((r) => (r.status === "matched" && r.date ? [r.date] : []));
  return dates.sort()[0] ?? null;
}

/**
 * Reads the file on the server and previews how each row matches a case. It writes nothing but the preview
 * itself (and its audit event), so no query needs refetching.
 */
export function usePreviewImport() {
  return useMutation({
    mutationFn: (body: ImportInput) => post<ImportPreview>("/cause-list/imports", body),
  });
}

/**
 * Creates the matched hearings. Afterwards every cause list and board refetches, and so do the hearings,
 * details and history of the cases in the preview and the workload board (it counts coming hearings).
 */
export function useCommitImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ importId }: { importId: string; caseIds: string[] }) =>
      post<ImportCommit>(`/cause-list/imports/${importId}/commit`),
    onSuccess: (_result, { caseIds }) => {
      const keys: (readonly unknown[])[] = [
        causeListKeys.all,
        ["cases", "hearings"],
        ["assignment", "workload"],
        ...caseIds.flatMap((id) => [caseKeys.detail(id), caseKeys.history(id)]),
      ];
      for (const queryKey of keys) void qc.invalidateQueries({ queryKey });
    },
  });
}
