import type { Database } from "../../db/connection.ts";
import type { Trx } from "../../db/transaction.ts";

type Q = Database | Trx;

export function documentsOfCase(q: Q, caseId: string) {
  return q
    .selectFrom("documents")
    .select(["id", "case_id", "kind", "title", "current_version", "updated_at"])
    .where("case_id", "=", caseId)
    .orderBy("updated_at", "desc")
    .orderBy("id")
    .execute();
}

const versionColumns = [
  "v.document_id",
  "v.version",
  "v.blob_sha256",
  "v.file_name",
  "v.media_type",
  "v.size_bytes",
  "v.uploaded_by",
  "v.uploaded_at",
  "u.full_name as uploaded_by_name",
] as const;

/** Every version of the given documents, newest first, with the uploader's name. */
export function versionsOf(q: Q, documentIds: string[]) {
  if (documentIds.length === 0) return Promise.resolve([]);
  return q
    .selectFrom("document_versions as v")
    .innerJoin("users as u", "u.id", "v.uploaded_by")
    .select(versionColumns)
    .where("v.document_id", "in", documentIds)
    .orderBy("v.document_id")
    .orderBy("v.version", "desc")
    .execute();
}
export type VersionRow = Awaited<ReturnType<typeof versionsOf>>[number];

export function findDocument(q: Q, id: string) {
  return q
    .selectFrom("documents")
    .select(["id", "case_id", "kind", "title", "current_version"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Locks the document row so two uploads of a new version cannot both take the same number. */
export function lockDocumentOfCase(trx: Trx, caseId: string, id: string) {
  return trx
    .selectFrom("documents")
    .select(["id", "kind", "title", "current_version"])
    .where("id", "=", id)
    .where("case_id", "=", caseId)
    .forUpdate()
    .executeTakeFirst();
}

export function findVersion(q: Q, documentId: string, version: number) {
  return q
    .selectFrom("document_versions as v")
    .innerJoin("users as u", "u.id", "v.uploaded_by")
    .select(versionColumns)
    .where("v.document_id", "=", documentId)
    .where("v.version", "=", version)
    .executeTakeFirst();
}

/** Content-addressed: the same bytes are one blob however many documents or versions point at them. */
export async function upsertBlob(trx: Trx, blob: { sha256: string; sizeBytes: number; mediaType: string }) {
  await trx
    .insertInto("blobs")
    .values({ sha256: blob.sha256, size_bytes: blob.sizeBytes, media_type: blob.mediaType })
    .onConflict((oc) => oc.column("sha256").doNothing())
    .execute();
}

export function insertDocument(
  trx: Trx,
  doc: { caseId: string; kind: string; title: string; createdBy: string },
) {
  return trx
    .insertInto("documents")
    .values({
      case_id: doc.caseId,
      kind: doc.kind,
      title: doc.title,
      current_version: 1,
      created_by: doc.createdBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export async function advanceDocument(
  trx: Trx,
  id: string,
  next: { kind: string; title: string; version: number },
) {
  await trx
    .updateTable("documents")
    .set({ kind: next.kind, title: next.title, current_version: next.version, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

export async function insertVersion(
  trx: Trx,
  v: {
    documentId: string;
    version: number;
    sha256: string;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    uploadedBy: string;
  },
) {
  await trx
    .insertInto("document_versions")
    .values({
      document_id: v.documentId,
      version: v.version,
      blob_sha256: v.sha256,
      file_name: v.fileName,
      media_type: v.mediaType,
      size_bytes: v.sizeBytes,
      uploaded_by: v.uploadedBy,
    })
    .execute();
}
