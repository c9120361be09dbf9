import type { CustodyAction, EvidenceItem } from "../../../../common/schemas/mla-evidence.ts";
import type { Database } from "../../../db/connection.ts";
import type { Trx } from "../../../db/transaction.ts";

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * Items with their custody entries (in the order recorded), by request or by one item id. Callers have already
 * checked the actor's scope on the request.
 */
export async function itemsOf(
  q: Database | Trx,
  by: { requestId: string } | { itemId: string },
): Promise<EvidenceItem[]> {
  const items = await q
    .selectFrom("mla_evidence_items as e")
    .innerJoin("users as u", "u.id", "e.created_by")
    .selectAll("e")
    .select("u.full_name as created_by_name")
    .$if("requestId" in by, (qb) => qb.where("e.request_id", "=", (by as { requestId: string }).requestId))
    .$if("itemId" in by, (qb) => qb.where("e.id", "=", (by as { itemId: string }).itemId))
    .orderBy("e.received_at")
    .orderBy("e.created_at")
    .execute();
  if (items.length === 0) return [];
  const entries = await q
    .selectFrom("mla_custody_entries as c")
    .innerJoin("users as u", "u.id", "c.actor_id")
    .selectAll("c")
    .select("u.full_name as actor_name")
    .where(
      "c.item_id",
      "in",
      items.map((i) => i.id),
    )
    .orderBy("c.id")
    .execute();
  return items.map((e) => ({
    id: e.id,
    requestId: e.request_id,
    label: e.label,
    description: e.description,
    source: { kind: e.source_kind, name: e.source_name },
    receivedAt: iso(e.received_at)!,
    sha256: e.sha256,
    sizeBytes: e.size_bytes === null ? null : Number(e.size_bytes),
    file:
      e.blob_sha256 && e.media_type && e.file_name
        ? { fileName: e.file_name, mediaType: e.media_type, sizeBytes: Number(e.size_bytes ?? 0) }
        : null,
    certification: {
      kind: e.certification_kind,
      certifiedBy: e.certified_by,
      certifiedAt: iso(e.certified_at),
      note: e.certification_note,
    },
    createdBy: { id: e.created_by, fullName: e.created_by_name },
    createdAt: iso(e.created_at)!,
    version: e.version,
    custody: entries
      .filter((c) => c.item_id === e.id)
      .map((c) => ({
        id: Number(c.id),
        at: iso(c.at)!,
        recordedAt: iso(c.recorded_at)!,
        action: c.action as CustodyAction,
        fromHolder: c.from_holder,
        toHolder: c.to_holder,
        location: c.location,
        note: c.note,
        actor: { id: c.actor_id, fullName: c.actor_name },
        hashVerified: c.hash_verified,
        observedSha256: c.observed_sha256,
      })),
  }));
}
