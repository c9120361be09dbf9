import { fileTypeFromBuffer } from "file-type";
import { DOCUMENT_MEDIA_TYPES, type DocumentMediaType } from "../../../common/schemas/documents.ts";
import { Problem } from "../../platform/errors.ts";

export type SniffedType = { mediaType: DocumentMediaType; ext: string };

const ALLOWED: ReadonlySet<string> = new Set(DOCUMENT_MEDIA_TYPES);

/**
 * The file's type, read from its content (magic bytes; for DOCX, the zip's [Content_Types].xml). The name
 * and the client's Content-Type are never trusted: a text file called `x.pdf` is rejected. Throws a 415
 * problem naming what was detected when the type is not one CAMS stores.
 */
export async function sniffDocumentType(bytes: Buffer): Promise<SniffedType> {
  let detected: { mime: string; ext: string } | undefined;
  try {
    detected = await fileTypeFromBuffer(bytes);
  } catch {
    // A malformed container (e.g. a broken zip) is simply not a recognised type.
    detected = undefined;
  }
  if (detected && ALLOWED.has(detected.mime)) {
    return { mediaType: detected.mime as DocumentMediaType, ext: detected.ext };
  }
  const name = detected ? `${detected.mime} (.${detected.ext})` : "unrecognised content (e.g. plain text)";
  throw new Problem(
    415,
    "unsupported_file_type",
    `The file's content is ${name}; upload a PDF, a Word (.docx) document, or a PNG or JPEG image.`,
    { extra: { detectedType: detected?.mime ?? null, allowedTypes: [...DOCUMENT_MEDIA_TYPES] } },
  );
}

// Control characters (Cc) and the bidi marks/overrides; ZWJ/ZWNJ stay, as Urdu spelling needs them.
const CONTROL_OR_BIDI = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const MAX_NAME = 200;

/**
 * A file name safe to store and to echo back in Content-Disposition: no directories (either slash),
 * no control characters or bidirectional overrides (which can disguise `exe.pdf` as `fdp.exe`), at most
 * 200 characters with the extension kept. A name without an extension gets the sniffed one; an empty
 * name becomes `document.<ext>`.
 */
export function sanitiseFileName(raw: string | undefined, ext: string): string {
  const base = (raw ?? "").split(/[\\/]/).pop() ?? "";
  const stripped = base
    .normalize("NFC")
    .replace(CONTROL_OR_BIDI, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  const cleaned = stripped === "" || stripped.lastIndexOf(".") > 0 ? stripped : `${stripped}.${ext}`;
  const chars = Array.from(cleaned);
  if (chars.length === 0) return `document.${ext}`;
  if (chars.length <= MAX_NAME) return chars.join("");
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 ? Array.from(cleaned.slice(dot)) : [];
  if (extension.length > 0 && extension.length <= 16) {
    return chars.slice(0, MAX_NAME - extension.length).join("") + extension.join("");
  }
  return chars.slice(0, MAX_NAME).join("");
}

/** `Content-Disposition: attachment` with an ASCII fallback and the exact name RFC 5987-encoded. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
