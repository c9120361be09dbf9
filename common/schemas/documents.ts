import { z } from "zod";
import { personRef, trimmed, uuid } from "./shared.ts";

/** What a document is in the life of a case. */
export const DOCUMENT_KINDS = [
  "petition",
  "para_wise_comments",
  "reply",
  "written_statement",
  "order",
  "judgment",
  "other",
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const documentKind = z.enum(DOCUMENT_KINDS);

/**
 * The file types CAMS accepts, as sniffed from the bytes (never from the name or the client's header).
 * The web app uses the same list for the file picker's `accept` attribute.
 */
export const DOCUMENT_MEDIA_TYPES = [
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "image/png",
  "image/jpeg",
] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

/**
 * The text fields of a multipart upload. A new document needs `kind` and `title`; a new version of an
 * existing one (`documentId`) keeps them unless given.
 */
export const documentUploadFields = z
  .object({
    kind: documentKind.optional(),
    title: trimmed(300).optional(),
    documentId: uuid.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.documentId) return;
    if (v.kind === undefined)
      ctx.addIssue({ code: "custom", path: ["kind"], message: "is required for a new document" });
    if (v.title === undefined) {
      ctx.addIssue({ code: "custom", path: ["title"], message: "is required for a new document" });
    }
  });
export type DocumentUploadFields = z.infer<typeof documentUploadFields>;

export const documentVersion = z.object({
  version: z.number(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedBy: personRef,
  uploadedAt: z.string(),
});
export type DocumentVersion = z.infer<typeof documentVersion>;

export const documentItem = z.object({
  id: z.string(),
  kind: documentKind,
  title: z.string(),
  currentVersion: z.number(),
  /** Newest first. */
  versions: z.array(documentVersion),
});
export type DocumentItem = z.infer<typeof documentItem>;

export const documentList = z.object({ items: z.array(documentItem) });

export const documentVersionParams = z.object({
  id: uuid,
  version: z.coerce.number().int().positive().max(1_000_000),
});
