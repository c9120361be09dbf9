/**
 * RFC 9457 problem details. Every failure a client can cause is one of these, with a stable `code`,
 * a human `detail` and, for validation failures, `errors[]` naming each field path.
 */
export type FieldError = { path: string; message: string; code?: string };

export class Problem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly errors: FieldError[] | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    status: number,
    code: string,
    detail: string,
    opts: { title?: string; errors?: FieldError[]; extra?: Record<string, unknown> } = {},
  ) {
    super(detail);
    this.status = status;
    this.code = code;
    this.title = opts.title ?? TITLES[status] ?? "Error";
    this.errors = opts.errors;
    this.extra = opts.extra;
  }

  toJSON(instance?: string) {
    return {
      type: `https://cams.gov.pk/problems/${this.code}`,
      title: this.title,
      status: this.status,
      code: this.code,
      detail: this.message,
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...(this.extra ?? {}),
    };
  }
}

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Content Too Large",
  414: "URI Too Long",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  423: "Locked",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export const problems = {
  validation: (errors: FieldError[], detail = "The request is not valid.") =>
    new Problem(400, "validation_failed", detail, { errors }),
  unauthenticated: (detail = "Sign in to continue.") => new Problem(401, "unauthenticated", detail),
  forbidden: (detail = "You may not do this.") => new Problem(403, "forbidden", detail),
  /** Used both for records that do not exist and for records outside the actor's scope: the two look alike. */
  notFound: (entity: string) => new Problem(404, "not_found", `No such ${entity}.`),
  conflict: (code: string, detail: string, extra?: Record<string, unknown>) =>
    new Problem(409, code, detail, extra ? { extra } : {}),
  staleVersion: (current: number) =>
    new Problem(409, "stale_version", "This record was changed by someone else; reload it and try again.", {
      extra: { currentVersion: current },
    }),
  unprocessable: (code: string, detail: string, errors?: FieldError[]) =>
    new Problem(422, code, detail, errors ? { errors } : {}),
};
