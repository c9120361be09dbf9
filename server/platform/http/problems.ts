import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { type FieldError, Problem, problems } from "../errors.ts";

/** Turns every error into an RFC 9457 problem response; nothing internal reaches the client. */
export function installProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Problem, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) {
      request.log.error({ err: error }, "request failed");
    } else if (problem.status !== 404 && problem.status !== 401) {
      request.log.info({ code: problem.code, status: problem.status }, problem.message);
    }
    return reply.status(problem.status).type("application/problem+json").send(problem.toJSON(request.url));
  });

  app.setNotFoundHandler((request, reply) => {
    const problem = new Problem(
      404,
      "route_not_found",
      `No route ${request.method} ${request.url.split("?")[0]}.`,
    );
    return reply.status(404).type("application/problem+json").send(problem.toJSON());
  });
}

/**
 * For Fastify's `frameworkErrors` option: errors raised before routing — a URL that is not valid percent-encoded
 * UTF-8 (`/cases/%ED%A0%80`, `/cases/%`), a path parameter over `maxParamLength` — answered as problems too,
 * instead of Fastify's own JSON.
 */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const problem = toProblem(error);
  void reply.status(problem.status).type("application/problem+json").send(problem.toJSON());
}

function toProblem(error: FastifyError | Problem): Problem {
  if (error instanceof Problem) return error;
  if (error.code === "FST_ERR_BAD_URL")
    return new Problem(400, "bad_url", "The URL is not valid: a percent-escape is broken or not UTF-8.");
  if (error.code === "FST_ERR_MAX_PARAM_LENGTH")
    return new Problem(414, "uri_too_long", "A part of the URL is longer than any id or code this API uses.");
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? "body";
    const errors: FieldError[] = error.validation.map((v) => ({
      path: [where, ...v.instancePath.split("/").filter(Boolean)].join("."),
      message: v.message ?? "is not valid",
      code: String(v.keyword),
    }));
    return problems.validation(errors);
  }
  if (isResponseSerializationError(error)) {
    return new Problem(500, "internal_error", "The server could not build its response.");
  }
  if (error.code === "EBLOBSTORE") {
    return new Problem(
      503,
      "storage_unavailable",
      "The document store cannot be reached; try again shortly.",
    );
  }
  const status = error.statusCode ?? 500;
  if (status === 413 || error.code === "FST_REQ_FILE_TOO_LARGE" || error.code === "FST_FILES_LIMIT") {
    return new Problem(413, "payload_too_large", "The upload is larger than the limit.");
  }
  if (
    error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" ||
    error.code === "FST_INVALID_MULTIPART_CONTENT_TYPE"
  ) {
    return new Problem(
      415,
      "unsupported_media_type",
      "The request body's content type is not accepted here.",
    );
  }
  if (error.code === "FST_ERR_CTP_EMPTY_JSON_BODY" || error.code === "FST_ERR_CTP_INVALID_JSON_BODY") {
    return problems.validation(
      [{ path: "body", message: "is not valid JSON" }],
      "The body is not valid JSON.",
    );
  }
  // Characters PostgreSQL cannot store (NUL, invalid escapes) are the client's input, not our failure.
  const pgCode = (error as { code?: string }).code;
  if (pgCode === "22021" || pgCode === "22P05") {
    return problems.validation([{ path: "body", message: "contains characters that cannot be stored" }]);
  }
  if (status === 429) return new Problem(429, "rate_limited", "Too many requests; wait a moment and retry.");
  if (status >= 400 && status < 500) return new Problem(status, "bad_request", error.message);
  return new Problem(500, "internal_error", "Something went wrong on our side; it has been logged.");
}
