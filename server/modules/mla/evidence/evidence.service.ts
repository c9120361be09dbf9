import { fileTypeFromBuffer } from "file-type";
import type { z } from "zod";
import {
  type CustodyAction,
  type certificationBody,
  type custodyBody,
  type EvidenceItem,
  type evidenceCreateBody,
  type evidenceFields,
  HASH_CHECK_ACTIONS,
} from "../../../../common/schemas/mla-evidence.ts";
import type { Database } from "../../../db/connection.ts";
import { inTransaction, type Trx } from "../../../db/transaction.ts";
import type { Actor } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import { problems } from "../../../platform/errors.ts";
import {
  BlobIntegrityError,
  type BlobStorage,
  isLostBlob,
  sha256Hex,
} from "../../../platform/storage/storage.ts";
import { upsertBlob } from "../../documents/documents.repo.ts";
import { contentDisposition, sanitiseFileName } from "../../documents/documents.sniff.ts";
import {
  assertMayWrite,
  loadScopedItem,
  loadScopedRequest,
  mayCertifyAsCentralAuthority,
  mayWriteEvidence,
} from "./evidence.policy.ts";
import { itemsOf } from "./evidence.present.ts";

/**
 * Evidence received on an MLA request (DOMAIN.md §9): each item keeps the SHA-256 it arrived with, its source,
 * its certification and an append-only chain of custody. Every write is one transaction with its audit event,
 * recorded against the request so the request's trail shows it; out of scope is 404, read-only scope is 403.
 */
export type EvidenceDeps = { db: Database; storage: BlobStorage };
export type EvidenceUpload = {
  fields: z.infer<typeof evidenceFields> & { expectedSha256?: string };
  fileName: string | undefined;
  bytes: Buffer;
};

export { contentDisposition };

export async function listEvidence(db: Database, actor: Actor, requestId: string) {
  const r = await loadScopedRequest(db, actor, requestId);
  return {
    items: await itemsOf(db, { requestId }),
    abilities: {
      write: mayWriteEvidence(actor, r),
      certifyAsCentralAuthority: mayCertifyAsCentralAuthority(actor),
    },
  };
}

/** Checked before a multipart body is read, so nobody streams a file into a request they may not touch. */
export async function checkMayAdd(db: Database, actor: Actor, requestId: string): Promise<void> {
  assertMayWrite(actor, await loadScopedRequest(db, actor, requestId));
}

type NewItem = z.infer<typeof evidenceFields> & {
  sha256: string;
  sizeBytes: number | null;
  file: { blobSha256: string; mediaType: string; fileName: string } | null;
};

async function insertItem(db: Database, actor: Actor, requestId: string, item: NewItem) {
  return inTransaction(db, async (trx) => {
    // scope and ability again inside the transaction: the pre-check ran before the body was read
    const r = await loadScopedRequest(trx, actor, requestId);
    assertMayWrite(actor, r);
    if (item.file) {
      await upsertBlob(trx, {
        sha256: item.file.blobSha256,
        sizeBytes: item.sizeBytes ?? 0,
        mediaType: item.file.mediaType,
      });
    }
    const row = await trx
      .insertInto("mla_evidence_items")
      .values({
        request_id: requestId,
        label: item.label,
        description: item.description,
        source_kind: item.sourceKind,
        source_name: item.sourceName,
        received_at: new Date(item.receivedAt),
        sha256: item.sha256,
        size_bytes: item.sizeBytes,
        blob_sha256: item.file?.blobSha256 ?? null,
        media_type: item.file?.mediaType ?? null,
        file_name: item.file?.fileName ?? null,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    // the chain of custody starts at receipt: from the source to whoever took it
    await trx
      .insertInto("mla_custody_entries")
      .values({
        item_id: row.id,
        at: new Date(item.receivedAt),
        action: "received",
        from_holder: item.sourceName,
        to_holder: item.receivedBy || actor.fullName,
        location: item.location,
        actor_id: actor.userId,
        hash_verified: null,
        observed_sha256: null,
      })
      .execute();
    await recordAudit(trx, actor, {
      action: "mla.evidence_added",
      entityType: "mla_request",
      entityId: requestId,
      organisationId: r.organisation_id,
      changes: {
        itemId: row.id,
        label: item.label,
        source: { kind: item.sourceKind, name: item.sourceName },
        receivedAt: item.receivedAt,
        sha256: item.sha256,
        sizeBytes: item.sizeBytes,
        fileName: item.file?.fileName ?? null,
      },
    });
    return (await itemsOf(trx, { itemId: row.id }))[0]!;
  });
}

/** An item whose bytes stay on their own media; its hash is typed from the forensic tool's report. */
export function addTypedItem(
  db: Database,
  actor: Actor,
  requestId: string,
  body: z.infer<typeof evidenceCreateBody>,
) {
  const { sha256, sizeBytes, ...fields } = body;
  return insertItem(db, actor, requestId, { ...fields, sha256, sizeBytes: sizeBytes ?? null, file: null });
}

/**
 * An uploaded file: the server computes its SHA-256 and stores it. Any file type is kept (providers return
 * zips, CSV, HTML, JSON…); the type is sniffed only to label it, and downloads are always attachments.
 */
export async function addUploadedItem(
  deps: EvidenceDeps,
  actor: Actor,
  requestId: string,
  up: EvidenceUpload,
) {
  if (up.bytes.length === 0) throw problems.validation([{ path: "body.file", message: "is empty" }]);
  const sha256 = sha256Hex(up.bytes);
  const { expectedSha256, ...fields } = up.fields;
  if (expectedSha256 && expectedSha256 !== sha256) {
    throw problems.unprocessable(
      "hash_mismatch",
      `The file's SHA-256 is ${sha256}, not the ${expectedSha256} it was declared with; it was not recorded.`,
      [{ path: "body.expectedSha256", message: "does not match the file" }],
    );
  }
  let detected: { mime: string; ext: string } | undefined;
  try {
    detected = await fileTypeFromBuffer(up.bytes);
  } catch {
    detected = undefined; // a malformed container is simply of unknown type
  }
  const mediaType = detected?.mime ?? "application/octet-stream";
  const fileName = sanitiseFileName(up.fileName, detected?.ext ?? "bin");
  // bytes before the transaction, as documents do: content-addressed and idempotent, so a rollback leaves at
  // most an unreferenced blob, never a row pointing at bytes that never arrived
  await deps.storage.put(sha256, up.bytes);
  return insertItem(deps.db, actor, requestId, {
    ...fields,
    sha256,
    sizeBytes: up.bytes.length,
    file: { blobSha256: sha256, mediaType, fileName },
  });
}

/**
 * What a re-check found: the stored file re-hashed, or the examiner's own figure for media kept apart. A stored
 * file that cannot be read is a finding too (not verified, nothing observed), not an error that loses the entry.
 */
async function observe(
  storage: BlobStorage,
  item: { sha256: string; blob_sha256: string | null },
  action: CustodyAction,
  typed: string | undefined,
): Promise<{ verified: boolean | null; observed: string | null }> {
  if (!HASH_CHECK_ACTIONS.includes(action)) return { verified: null, observed: null };
  let observed = typed ?? null;
  if (item.blob_sha256) {
    // A store that checks on read refuses corrupt bytes but names their hash: the same finding as reading them.
    // A store that cannot be reached is no finding: the error ends the request and nothing is recorded.
    observed = await storage.get(item.blob_sha256).then(sha256Hex, (e) => {
      if (e instanceof BlobIntegrityError) return e.observedSha256;
      if (isLostBlob(e)) return null;
      throw e;
    });
    if (!observed) return { verified: false, observed: null };
  }
  return { verified: observed === null ? null : observed === item.sha256, observed };
}

export async function addCustodyEntry(
  deps: EvidenceDeps,
  actor: Actor,
  itemId: string,
  body: z.infer<typeof custodyBody>,
): Promise<EvidenceItem> {
  const pre = await loadScopedItem(deps.db, actor, itemId);
  assertMayWrite(actor, pre);
  if (pre.blob_sha256 && body.observedSha256) {
    throw problems.validation([
      { path: "body.observedSha256", message: "the stored file is re-hashed by the server; leave this out" },
    ]);
  }
  // re-hash outside the transaction (reading a large blob should not hold a connection); the blob is
  // content-addressed, so the item cannot point elsewhere meanwhile
  const { verified: hashVerified, observed } = await observe(
    deps.storage,
    pre,
    body.action,
    body.observedSha256,
  );
  return inTransaction(deps.db, async (trx) => {
    const item = await loadScopedItem(trx, actor, itemId);
    assertMayWrite(actor, item);
    const entry = await trx
      .insertInto("mla_custody_entries")
      .values({
        item_id: itemId,
        at: body.at ? new Date(body.at) : new Date(),
        action: body.action,
        from_holder: body.fromHolder,
        to_holder: body.toHolder,
        location: body.location,
        note: body.note,
        actor_id: actor.userId,
        hash_verified: hashVerified,
        observed_sha256: observed,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "mla.custody_recorded",
      entityType: "mla_request",
      entityId: item.request_id,
      organisationId: item.organisation_id,
      changes: {
        itemId,
        entryId: entry.id,
        action: body.action,
        fromHolder: body.fromHolder,
        toHolder: body.toHolder,
        hashVerified,
        observedSha256: observed,
      },
    });
    return (await itemsOf(trx, { itemId }))[0]!;
  });
}

export async function certify(
  db: Database,
  actor: Actor,
  itemId: string,
  body: z.infer<typeof certificationBody>,
): Promise<EvidenceItem> {
  return inTransaction(db, async (trx) => {
    const item = await loadScopedItem(trx, actor, itemId);
    assertMayWrite(actor, item);
    if (body.kind === "central_authority_certificate" && !mayCertifyAsCentralAuthority(actor)) {
      throw problems.forbidden(
        "Only the Central Authority certifies material as the Central Authority (Act s.4).",
      );
    }
    const none = body.kind === "none";
    const set = {
      certification_kind: body.kind,
      certified_by: none ? null : body.certifiedBy,
      certified_at: none || !body.certifiedAt ? null : new Date(body.certifiedAt),
      certification_note: body.note,
    };
    await updateItemVersioned(trx, itemId, body.version, set);
    await recordAudit(trx, actor, {
      action: "mla.evidence_certified",
      entityType: "mla_request",
      entityId: item.request_id,
      organisationId: item.organisation_id,
      changes: {
        itemId,
        before: { kind: item.certification_kind },
        after: { kind: body.kind, certifiedBy: set.certified_by, certifiedAt: body.certifiedAt ?? null },
        version: body.version + 1,
      },
    });
    return (await itemsOf(trx, { itemId }))[0]!;
  });
}

/**
 * The version-checked write of db/versioned.ts for this table (kept here rather than widening that shared
 * helper's table list while others edit it): the writer who read an older version gets 409 with the current one.
 */
async function updateItemVersioned(
  trx: Trx,
  id: string,
  expected: number,
  set: {
    certification_kind: z.infer<typeof certificationBody>["kind"];
    certified_by: string | null;
    certified_at: Date | null;
    certification_note: string;
  },
) {
  const written = await trx
    .updateTable("mla_evidence_items")
    .set({ ...set, version: expected + 1, updated_at: new Date() })
    .where("id", "=", id)
    .where("version", "=", expected)
    .executeTakeFirst();
  if (Number(written.numUpdatedRows) === 1) return;
  const current = await trx
    .selectFrom("mla_evidence_items")
    .select("version")
    .where("id", "=", id)
    .executeTakeFirst();
  throw problems.staleVersion(current?.version ?? expected + 1);
}

export type EvidenceFile = { bytes: Buffer; mediaType: string; fileName: string };

/**
 * An item's stored file, for anyone who sees the request. Bytes that no longer match the recorded hash are not
 * served (409): the reader is told to record an examination, which keeps the mismatch in the chain of custody.
 * The download is audited (and committed) before any byte is sent.
 */
export async function downloadFile(deps: EvidenceDeps, actor: Actor, itemId: string): Promise<EvidenceFile> {
  const item = await loadScopedItem(deps.db, actor, itemId);
  if (!item.blob_sha256 || !item.media_type || !item.file_name) throw problems.notFound("evidence file");
  const bytes = await deps.storage.get(item.blob_sha256).catch((e) => {
    if (isLostBlob(e)) return null;
    throw e;
  });
  if (!bytes || sha256Hex(bytes) !== item.sha256) {
    throw problems.conflict(
      "evidence_hash_mismatch",
      "The stored file no longer matches the SHA-256 recorded at receipt; record an examination of this item.",
    );
  }
  await inTransaction(deps.db, (trx) =>
    recordAudit(trx, actor, {
      action: "mla.evidence_downloaded",
      entityType: "mla_request",
      entityId: item.request_id,
      organisationId: item.organisation_id,
      changes: { itemId, sha256: item.sha256 },
    }),
  );
  return { bytes, mediaType: item.media_type, fileName: item.file_name };
}
