/**
 * The one HTTP client of the web app: same-origin JSON with the session cookie, the CSRF token echoed on every
 * write, and RFC 9457 problem responses turned into a typed ApiError.
 */

export const API_BASE = "/api/v1";

export type FieldError = { path: string; message: string; code?: string };

export type Problem = {
  type?: string;
  title?: string;
  status: number;
  code: string;
  detail: string;
  errors?: FieldError[];
  [extra: string]: unknown;
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.name = "ApiError";
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
  }

  get errors(): FieldError[] {
    return this.problem.errors ?? [];
  }

  /**
   * Field errors keyed by the form field's dotted path: the server's `body.parties.0.name` becomes
   * `parties.0.name`. Errors in the query string or path keep their prefix.
   */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) {
      const key = fieldKey(e.path);
      if (!(key in out)) out[key] = e.message;
    }
    return out;
  }
}

export function fieldKey(path: string): string {
  const trimmed = path.replace(/^\//, "").replaceAll("/", ".");
  return trimmed.startsWith("body.") ? trimmed.slice(5) : trimmed === "body" ? "" : trimmed;
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called once by the session provider: any 401 outside the login screen ends the session in the UI. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export type RequestOptions = {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined>;
  /** For the login and session probes: a 401 there is an answer, not an expired session. */
  allowUnauthorized?: boolean;
  signal?: AbortSignal;
};

export function buildQuery(query: RequestOptions["query"]): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json, application/problem+json" };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) {
    body = opts.body;
  } else if (opts.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(opts.body);
  }
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${buildQuery(opts.query)}`, {
      method,
      headers,
      body,
      credentials: "same-origin",
      signal: opts.signal,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError({ status: 0, code: "network_error", detail: "The server could not be reached." });
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (response.ok) return data as T;

  const problem = toProblem(response.status, data);
  if (response.status === 401 && !opts.allowUnauthorized) onUnauthorized?.();
  throw new ApiError(problem);
}

function toProblem(status: number, data: unknown): Problem {
  if (data && typeof data === "object" && "status" in data) {
    const p = data as Partial<Problem>;
    return { ...p, status, code: p.code ?? "error", detail: p.detail ?? p.title ?? `HTTP ${status}` };
  }
  return { status, code: "http_error", detail: `The server answered ${status}.` };
}

export const get = <T>(path: string, query?: RequestOptions["query"], signal?: AbortSignal) =>
  api<T>(path, { query, signal });
export const post = <T>(path: string, body?: unknown) => api<T>(path, { method: "POST", body });
export const patch = <T>(path: string, body?: unknown) => api<T>(path, { method: "PATCH", body });
export const del = <T>(path: string) => api<T>(path, { method: "DELETE" });

export type Paged<T> = { items: T[]; total: number; page: number; pageSize: number };
export type Items<T> = { items: T[] };
