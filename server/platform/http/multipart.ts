import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import { type FieldError, Problem, problems } from "../errors.ts";

/**
 * A multipart upload: the text fields validated with `schema`, the one `file` part in memory (the configured
 * size limit caps it; busboy marks a cut stream truncated, which answers 413). Empty text fields, as an HTML
 * form sends them, count as absent. A repeated field becomes a list (`repeated: "list"`) or is refused.
 */
export async function readFileUpload<S extends z.ZodType>(
  req: FastifyRequest,
  schema: S,
  opts: { what: string; repeated: "list" | "refuse" },
): Promise<{ fields: z.infer<S>; fileName: string | undefined; bytes: Buffer }> {
  if (!req.isMultipart()) {
    throw new Problem(415, "unsupported_media_type", `Send ${opts.what} as multipart/form-data.`);
  }
  const raw: Record<string, string | string[]> = {};
  const errors: FieldError[] = [];
  let file: { fileName: string | undefined; bytes: Buffer } | undefined;
  for await (const part of partsOf(req)) {
    if (part.type === "file") {
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      if (part.file.truncated) {
        throw new Problem(413, "payload_too_large", "The file is larger than the upload limit.");
      }
      if (part.fieldname === "file") file = { fileName: part.filename, bytes: Buffer.concat(chunks) };
      else
        errors.push({ path: `body.${part.fieldname}`, message: "is not expected; send the file as `file`" });
      continue;
    }
    const value = String(part.value ?? "");
    if (value === "") continue;
    const seen = raw[part.fieldname];
    if (seen !== undefined && opts.repeated === "refuse") {
      errors.push({ path: `body.${part.fieldname}`, message: "is given twice" });
      continue;
    }
    raw[part.fieldname] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      errors.push({
        path: ["body", ...issue.path.map(String)].join("."),
        message: issue.message,
        code: issue.code,
      });
    }
  }
  if (!file) errors.push({ path: "body.file", message: "is required" });
  if (errors.length > 0 || !parsed.success || !file) throw problems.validation(errors);
  return { fields: parsed.data, fileName: file.fileName, bytes: file.bytes };
}

/**
 * The request's parts, with the parser's complaints about a broken body (no boundary, a cut-off or malformed
 * part header, an unexpected end) answered as the client's 400 rather than our 500. Errors that carry their own
 * status (the size and count limits: 413) pass through to the problem handler.
 */
async function* partsOf(req: FastifyRequest) {
  try {
    yield* req.parts();
  } catch (error) {
    if (error instanceof Problem || (error as { statusCode?: number }).statusCode) throw error;
    throw problems.validation(
      [{ path: "body", message: `is not a valid multipart body: ${(error as Error).message}` }],
      "The multipart body is malformed.",
    );
  }
}
