import type { Database } from "../../../db/connection.ts";
import type { Trx } from "../../../db/transaction.ts";
import { type Actor, hasRole } from "../../../platform/actor.ts";
import { problems } from "../../../platform/errors.ts";
import { mlaScope } from "../mla.policy.ts";

/**
 * Evidence belongs to its request: whoever sees the request (mlaScope) sees its evidence; anything else answers
 * 404, as an unknown id does. Writing — receiving items, custody entries, certification — is for the Central
 * Authority and the agency that owns the request; users only named on it read.
 */
export type ScopedRequest = { id: string; organisation_id: string; reference: string };

export function mayWriteEvidence(actor: Actor, r: { organisation_id: string }): boolean {
  if (hasRole(actor, "central_authority")) return true;
  return hasRole(actor, "requesting_agency") && r.organisation_id === actor.organisationId;
}

/** Act s.4: the Central Authority certifies material; only its users record that certificate. */
export function mayCertifyAsCentralAuthority(actor: Actor): boolean {
  return hasRole(actor, "central_authority");
}

export async function loadScopedRequest(q: Database | Trx, actor: Actor, id: string): Promise<ScopedRequest> {
  const row = await q
    .selectFrom("mla_requests as r")
    .where(mlaScope(actor))
    .where("r.id", "=", id)
    .select(["r.id", "r.organisation_id", "r.reference"])
    .executeTakeFirst();
  if (!row) throw problems.notFound("request");
  return row;
}

/** The item with its request, or 404 when either is unknown or the request is out of the actor's scope. */
export async function loadScopedItem(q: Database | Trx, actor: Actor, itemId: string) {
  const row = await q
    .selectFrom("mla_evidence_items as e")
    .innerJoin("mla_requests as r", "r.id", "e.request_id")
    .where(mlaScope(actor))
    .where("e.id", "=", itemId)
    .select([
      "e.id",
      "e.request_id",
      "e.sha256",
      "e.blob_sha256",
      "e.media_type",
      "e.file_name",
      "e.version",
      "e.certification_kind",
      "r.organisation_id",
      "r.reference",
    ])
    .executeTakeFirst();
  if (!row) throw problems.notFound("evidence item");
  return row;
}

export function assertMayWrite(actor: Actor, r: { organisation_id: string }) {
  if (!mayWriteEvidence(actor, r)) {
    throw problems.forbidden(
      "Only the Central Authority and the agency that owns this request record its evidence.",
    );
  }
}
