import type { TFunction } from "i18next";
import { isApiError } from "../../app/api.ts";
import type { CommitResult } from "./api.ts";

/** "10 cases assigned; 1 stays in the queue." after a commit. */
export function commitMessage(t: TFunction, result: CommitResult): string {
  const assigned = t("assignment.assignedCount", { count: result.assigned });
  return result.queued > 0
    ? `${assigned} ${t("assignment.queuedCount", { count: result.queued })}`
    : assigned;
}

/** The preview no longer holds: a case changed since (409 stale_version) or it was already committed. */
export function isStale(error: unknown): boolean {
  return isApiError(error) && (error.code === "stale_version" || error.code === "batch_committed");
}
