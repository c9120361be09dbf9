import { useQuery } from "@tanstack/react-query";
import { API_BASE, ApiError, api, buildQuery } from "../../app/api.ts";

export type ExportFormat = "csv" | "xlsx" | "pdf";
export type ExportJob = {
  id: string;
  state: "queued" | "running" | "done" | "failed" | "expired";
  format: ExportFormat;
  rowsDone: number;
  rowsTotal: number | null;
  fileName: string;
  createdAt: string;
  finishedAt: string | null;
  /** When its file was deleted (CAMS_EXPORT_KEEP_DAYS after it was made). */
  expiredAt: string | null;
  error: string | null;
};

export const downloadJobUrl = (id: string) => `${API_BASE}/exports/${encodeURIComponent(id)}/download`;

/** Saves bytes the page fetched as a file (the anchor's download attribute names it). */
function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Exports the case list with its filters: a small list comes back as the file (saved at once); a large one
 * as a job (202) the caller follows. Fetched rather than linked, so the page can tell the two apart.
 */
export async function exportCases(
  format: ExportFormat,
  filters: Record<string, string | number | undefined>,
): Promise<ExportJob | null> {
  const response = await fetch(`${API_BASE}/cases/export${buildQuery({ ...filters, format })}`, {
    credentials: "same-origin",
  });
  if (response.status === 202) return (await response.json()) as ExportJob;
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { code?: string; detail?: string } | null;
    throw new ApiError({
      status: response.status,
      code: body?.code ?? "http_error",
      detail: body?.detail ?? `The server answered ${response.status}.`,
    });
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1];
  save(await response.blob(), name ?? `cases.${format}`);
  return null;
}

/** A job, polled every second and a half until it settles. */
export function useExportJob(id: string | null) {
  return useQuery({
    queryKey: ["exports", id],
    queryFn: () => api<ExportJob>(`/exports/${encodeURIComponent(id ?? "")}`),
    enabled: !!id,
    refetchInterval: (q) =>
      q.state.data && ["done", "failed", "expired"].includes(q.state.data.state) ? false : 1500,
  });
}

export function useMyExports() {
  return useQuery({
    queryKey: ["exports"],
    queryFn: () => api<ExportJob[]>("/exports"),
    refetchInterval: (q) =>
      q.state.data?.some((j) => j.state === "queued" || j.state === "running") ? 2000 : false,
  });
}
