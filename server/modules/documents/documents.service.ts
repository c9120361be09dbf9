import type {
  DocumentItem,
  DocumentKind,
  DocumentUploadFields,
  DocumentVersion,
} from "../../../common/schemas/documents.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction, type Trx } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { Problem, problems } from "../../platform/errors.ts";
import { type BlobStorage, sha256Hex } from "../../platform/storage/storage.ts";
import { loadVisibleCase } from "../cases/cases.service.ts";
import * as repo from "./documents.repo.ts";
import { sanitiseFileName, sniffDocumentType } from "./documents.sniff.ts";

export type DocumentDeps = { db: Database; storage: BlobStorage };

/** A parsed multipart upload: its validated text fields and the file's bytes as received. */
export type Upload = { fields: DocumentUploadFields; fileName: string | undefined; bytes: Buffer };

function presentVersion(v: repo.VersionRow): DocumentVersion {
  return {
    version: v.version,
    fileName: v.file_name,
    mediaType: v.media_type,
    sizeBytes: Number(v.size_bytes),
    sha256: v.blob_sha256,
    uploadedBy: { id: v.uploaded_by, fullName: v.uploaded_by_name },
    uploadedAt: v.uploaded_at.toISOString(),
  };
}

async function documentsOf(q: Database | Trx, caseId: string, onlyId?: string): Promise<DocumentItem[]> {
  const docs = (await repo.documentsOfCase(q, caseId)).filter((d) => onlyId === undefined || d.id === onlyId);
  const versions = await repo.versionsOf(
    q,
    docs.map((d) => d.id),
  );
  return docs.map((d) => ({
    id: d.id,
    kind: d.kind as DocumentKind,
    title: d.title,
    currentVersion: d.current_version,
    versions: versions.filter((v) => v.document_id === d.id).map(presentVersion),
  }));
}

export async function listCaseDocuments(db: Database, actor: Actor, caseId: string) {
  await loadVisibleCase(db, actor, caseId);
  return { items: await documentsOf(db, caseId) };
}

function assertMayUpload(abilities: { upload: boolean }) {
  if (!abilities.upload) throw problems.forbidden("You may view this case but not add documents to it.");
}

/** Checked before the body is read, so nobody streams megabytes into a case they may not touch. */
export async function checkUploadAllowed(db: Database, actor: Actor, caseId: string): Promise<void> {
  assertMayUpload((await loadVisibleCase(db, actor, caseId)).abilities);
}

export async function uploadDocument(deps: DocumentDeps, actor: Actor, caseId: string, upload: Upload) {
  if (upload.bytes.length === 0) throw problems.validation([{ path: "body.file", message: "is empty" }]);
  const type = await sniffDocumentType(upload.bytes);
  const fileName = sanitiseFileName(upload.fileName, type.ext);
  const sha256 = sha256Hex(upload.bytes);
  const sizeBytes = upload.bytes.length;
  // The bytes go to storage before the transaction opens: storage is content-addressed and `put` is
  // idempotent, so if the transaction below fails the blob is an unreferenced orphan — harmless, and
  // reused as-is if the same file is uploaded again. The reverse order could commit rows pointing at
  // bytes that never arrived.
  await deps.storage.put(sha256, upload.bytes);

  return inTransaction(deps.db, async (trx) => {
    // Scope and abilities again inside the transaction: the case may have changed since the pre-check.
    const { row, abilities } = await loadVisibleCase(trx, actor, caseId);
    assertMayUpload(abilities);
    const { fields } = upload;
    let documentId: string;
    let version: number;
    let kind: string;
    let title: string;
    if (fields.documentId) {
      const existing = await repo.lockDocumentOfCase(trx, caseId, fields.documentId);
      if (!existing) {
        throw problems.validation([{ path: "body.documentId", message: "is not a document of this case" }]);
      }
      documentId = existing.id;
      version = existing.current_version + 1;
      kind = fields.kind ?? existing.kind;
      title = fields.title ?? existing.title;
      await repo.advanceDocument(trx, documentId, { kind, title, version });
    } else {
      // The fields schema guarantees kind and title for a new document.
      kind = fields.kind!;
      title = fields.title!;
      version = 1;
      documentId = (await repo.insertDocument(trx, { caseId, kind, title, createdBy: actor.userId })).id;
    }
    await repo.upsertBlob(trx, { sha256, sizeBytes, mediaType: type.mediaType });
    await repo.insertVersion(trx, {
      documentId,
      version,
      sha256,
      fileName,
      mediaType: type.mediaType,
      sizeBytes,
      uploadedBy: actor.userId,
    });
    await recordAudit(trx, actor, {
      action: "document.uploaded",
      entityType: "case",
      entityId: caseId,
      organisationId: row.organisation_id,
      changes: { documentId, kind, title, version, fileName, sha256, sizeBytes, mediaType: type.mediaType },
    });
    const [item] = await documentsOf(trx, caseId, documentId);
    return item!;
  });
}

export type Download = { bytes: Buffer; mediaType: string; fileName: string };

/**
 * One version's bytes, for an actor who may see the document's case. A document on a case out of scope
 * answers exactly as an unknown id does. The download is audited (and committed) before any byte is sent.
 */
export async function downloadVersion(
  deps: DocumentDeps,
  actor: Actor,
  documentId: string,
  version: number,
): Promise<Download> {
  const doc = await repo.findDocument(deps.db, documentId);
  if (!doc) throw problems.notFound("document");
  const { row, abilities } = await loadVisibleCase(deps.db, actor, doc.case_id).catch((error: unknown) => {
    throw error instanceof Problem && error.status === 404 ? problems.notFound("document") : error;
  });
  if (!abilities.download) throw problems.forbidden("You may view this case but not download its documents.");
  const found = await repo.findVersion(deps.db, documentId, version);
  if (!found) throw problems.notFound("document version");
  const bytes = await deps.storage.get(found.blob_sha256);
  if (sha256Hex(bytes) !== found.blob_sha256) {
    throw new Error(`blob ${found.blob_sha256} does not match its stored hash`);
  }
  await inTransaction(deps.db, (trx) =>
    recordAudit(trx, actor, {
      action: "document.downloaded",
      entityType: "case",
      entityId: doc.case_id,
      organisationId: row.organisation_id,
      changes: { documentId, version, sha256: found.blob_sha256 },
    }),
  );
  return { bytes, mediaType: found.media_type, fileName: found.file_name };
}
