import { Alert, List } from "@mantine/core";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, fieldKey, isApiError } from "./api.ts";

export type FieldErrors = Record<string, string>;

/** Holds the last problem of a form and its field errors keyed by dotted path (`parties.0.name`). */
export function useProblem() {
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const fail = useCallback((error: unknown) => {
    const apiError = isApiError(error)
      ? error
      : new ApiError({
          status: 0,
          code: "client_error",
          detail: error instanceof Error ? error.message : String(error),
        });
    setProblem(apiError);
    setFieldErrors(apiError.fieldErrors());
  }, []);

  const clear = useCallback(() => {
    setProblem(null);
    setFieldErrors({});
  }, []);

  const clearField = useCallback((key: string) => {
    setFieldErrors((prev) => {
      if (!(key in prev)) return prev;
      const next = { ...prev };
      delete next[key];
      return next;
    });
  }, []);

  return { problem, fieldErrors, fail, clear, clearField, setFieldErrors };
}

/** Codes the UI explains in the user's language; the server's own detail is shown beneath. */
const KNOWN_CODES = new Set([
  "invalid_credentials",
  "account_locked",
  "account_pending",
  "account_disabled",
  "validation_failed",
  "duplicate_case",
  "stale_version",
  "forbidden",
  "not_found",
  "network_error",
  "rate_limited",
  "payload_too_large",
  "unsupported_media_type",
  "invalid_transition",
  "username_taken",
  "already_assigned",
  "already_linked",
  "not_pending",
  "internal_error",
  "unauthenticated",
  "code_taken",
  "self_removal",
  "batch_committed",
  "import_committed",
  "nothing_to_hand_over",
  "no_profile",
  "hearing_not_scheduled",
  "deadline_exists",
  "deadline_closed",
  "rule_without_period",
  "reply_date_unknown",
  "inconsistent_dates",
  "closure_exists",
  "second_factor_required",
  "invalid_second_factor",
  "second_factor_enrolment_required",
  "password_rejected",
  "current_password_wrong",
  "second_factor_already_enabled",
  "second_factor_not_enabled",
  "no_enrolment_started",
]);

export function ProblemAlert({
  error,
  testId,
  shown,
  children,
}: {
  error: unknown;
  testId?: string;
  /** Field errors for which this returns true are shown next to their field and left out of the list. */
  shown?: (key: string) => boolean;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const apiError = isApiError(error) ? error : null;
  const code = apiError?.code ?? "client_error";
  const title = KNOWN_CODES.has(code) ? t(`problems.${code}`) : t("problems.generic");
  const detail = apiError ? apiError.message : error instanceof Error ? error.message : String(error);
  const rest = (apiError?.errors ?? []).filter((e) => !shown?.(fieldKey(e.path)));
  return (
    <Alert color="red" title={title} data-testid={testId} data-code={code} role="alert">
      <bdi>{detail}</bdi>
      {rest.length > 0 && (
        <List size="sm" mt="xs">
          {rest.map((e) => (
            <List.Item key={`${e.path}:${e.message}`}>
              <span className="ltr">{fieldKey(e.path) || e.path}</span>: <bdi>{e.message}</bdi>
            </List.Item>
          ))}
        </List>
      )}
      {children}
    </Alert>
  );
}

/** Shows a query's error in place of its data. */
export function QueryError({ error, testId }: { error: unknown; testId?: string }) {
  return <ProblemAlert error={error} testId={testId ?? "query-error"} />;
}
