import type { Database } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { problems } from "../../platform/errors.ts";
import { type BlobStorage, sha256Hex } from "../../platform/storage/storage.ts";
import { upsertBlob } from "../documents/documents.repo.ts";
import { sanitiseFileName, sniffDocumentType } from "../documents/documents.sniff.ts";
import { moduleFor } from "./training.catalogue.ts";
import { assertManagesTraining } from "./training.policy.ts";

/**
 * A page's attachments (handouts, forms): typed by their content like case documents (PDF, DOCX, PNG, JPEG),
 * stored content-addressed through `blobs` (so backups carry them), readable by whoever may open the module.
 */
export type AttachmentDeps = { db: Database; storage: BlobStorage };
type Upload = { fileName: string | undefined; bytes: Buffer };

/** Checked before the body is read: only administrators, and only on a page of an existing module. */
export async function pageForUpload(db: Database, actor: Actor, moduleId: string, pageId: string) {
  assertManagesTraining(actor);
  await moduleFor(db, actor, moduleId);
  const page = await db
    .selectFrom("training_pages")
    .select("id")
    .where("id", "=", pageId)
    .where("module_id", "=", moduleId)
    .executeTakeFirst();
  if (!page) throw problems.notFound("page of this module");
}

export async function addAttachment(
  deps: AttachmentDeps,
  actor: Actor,
  moduleId: string,
  pageId: string,
  upload: Upload,
) {
  await pageForUpload(deps.db, actor, moduleId, pageId);
  if (upload.bytes.length === 0) throw problems.validation([{ path: "body.file", message: "is empty" }]);
  const type = await sniffDocumentType(upload.bytes);
  const fileName = sanitiseFileName(upload.fileName, type.ext);
  const sha256 = sha256Hex(upload.bytes);
  // bytes first, rows after: an orphan blob is harmless, a row without its bytes is not (as for documents)
  await deps.storage.put(sha256, upload.bytes);
  return inTransaction(deps.db, async (trx) => {
    await trx
      .selectFrom("training_modules")
      .select("id")
      .where("id", "=", moduleId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const page = await trx
      .selectFrom("training_pages")
      .select("position")
      .where("id", "=", pageId)
      .executeTakeFirst();
    if (!page) throw problems.notFound("page of this module");
    await upsertBlob(trx, { sha256, sizeBytes: upload.bytes.length, mediaType: type.mediaType });
    const row = await trx
      .insertInto("training_attachments")
      .values({
        page_id: pageId,
        blob_sha256: sha256,
        file_name: fileName,
        media_type: type.mediaType,
        size_bytes: upload.bytes.length,
        uploaded_by: actor.userId,
      })
      .returning(["id", "file_name", "media_type", "size_bytes"])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "training.attachment_added",
      entityType: "training_module",
      entityId: moduleId,
      organisationId: actor.organisationId,
      changes: { page: page.position, attachment: row.id, fileName, sha256 },
    });
    return { id: row.id, filename: row.file_name, contentType: row.media_type, size: Number(row.size_bytes) };
  });
}

async function attachmentFor(db: Database, actor: Actor, id: string) {
  const row = await db
    .selectFrom("training_attachments as a")
    .innerJoin("training_pages as p", "p.id", "a.page_id")
    .select(["a.id", "a.blob_sha256", "a.file_name", "a.media_type", "p.module_id", "p.position"])
    .where("a.id", "=", id)
    .executeTakeFirst();
  if (!row) throw problems.notFound("attachment");
  // a draft module's files are as hidden as the module
  await moduleFor(db, actor, row.module_id).catch(() => {
    throw problems.notFound("attachment");
  });
  return row;
}

export async function downloadAttachment(deps: AttachmentDeps, actor: Actor, id: string) {
  const row = await attachmentFor(deps.db, actor, id);
  const bytes = await deps.storage.get(row.blob_sha256);
  if (sha256Hex(bytes) !== row.blob_sha256)
    throw new Error(`blob ${row.blob_sha256} does not match its stored hash`);
  return { bytes, mediaType: row.media_type, fileName: row.file_name };
}

export async function removeAttachment(db: Database, actor: Actor, id: string) {
  assertManagesTraining(actor);
  const row = await attachmentFor(db, actor, id);
  await inTransaction(db, async (trx) => {
    const gone = await trx
      .deleteFrom("training_attachments")
      .where("id", "=", id)
      .returning("id")
      .executeTakeFirst();
    if (!gone) throw problems.notFound("attachment");
    await recordAudit(trx, actor, {
      action: "training.attachment_removed",
      entityType: "training_module",
      entityId: row.module_id,
      organisationId: actor.organisationId,
      changes: { page: row.position, attachment: id, fileName: row.file_name },
    });
  });
}
