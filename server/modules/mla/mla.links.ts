import type { z } from "zod";
import type { MlaRequestKind } from "../../../common/mla/request.ts";
import type { mlaLinkBody } from "../../../common/schemas/mla.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction, type Trx } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { problems } from "../../platform/errors.ts";
import { displayNumber } from "../cases/cases.present.ts";
import { findVisibleCase } from "../cases/cases.repo.ts";
import { mayEditDraft, mlaScope } from "./mla.policy.ts";

/**
 * Links between requests (issue 5 item 1): the MLA request that follows a preservation, a request related to
 * another. A link is made from the later request to the earlier one, both in the actor's scope; the reader sees
 * only the linked requests in their own scope, so a link never reveals a request to someone outside it.
 */
type Q = Database | Trx;

const visible = (q: Q, actor: Actor) =>
  q
    .selectFrom("mla_requests as r")
    .where(mlaScope(actor))
    .select(["r.id", "r.reference", "r.kind", "r.state", "r.title", "r.organisation_id"]);

export async function linksOf(q: Q, actor: Actor, id: string) {
  const rows = await q
    .selectFrom("mla_request_links as l")
    .select(["l.request_id", "l.earlier_id", "l.relation"])
    .where((eb) => eb.or([eb("l.request_id", "=", id), eb("l.earlier_id", "=", id)]))
    .execute();
  if (!rows.length) return [];
  const others = rows.map((l) => (l.request_id === id ? l.earlier_id : l.request_id));
  const seen = new Map((await visible(q, actor).where("r.id", "in", others).execute()).map((r) => [r.id, r]));
  return rows.flatMap((l) => {
    const earlier = l.request_id === id;
    const other = seen.get(earlier ? l.earlier_id : l.request_id);
    if (!other) return [];
    return [
      {
        direction: earlier ? ("earlier" as const) : ("later" as const),
        relation: l.relation,
        id: other.id,
        reference: other.reference,
        kind: other.kind,
        state: other.state,
        title: other.title,
      },
    ];
  });
}

/** The earlier requests this one follows, as the drafting checker cites them (rule 13). */
export function followedRequests(links: Awaited<ReturnType<typeof linksOf>>) {
  return links
    .filter((l) => l.direction === "earlier")
    .map((l) => ({ kind: l.kind as MlaRequestKind, reference: l.reference }));
}

/** The linked case, with its number and title only for a reader who may see the case. */
export async function caseOf(q: Q, actor: Actor, caseId: string | null) {
  if (!caseId) return null;
  const row = await findVisibleCase(q, actor, caseId);
  return row
    ? { id: caseId, displayNumber: displayNumber(row), title: row.title }
    : { id: caseId, displayNumber: null, title: null };
}

async function editable(trx: Trx, actor: Actor, id: string) {
  const r = await visible(trx, actor).where("r.id", "=", id).executeTakeFirst();
  if (!r) throw problems.notFound("request");
  if (!mayEditDraft(actor, { kind: r.kind, state: r.state, organisation_id: r.organisation_id })) {
    throw problems.forbidden("This request's links cannot be changed by you now.");
  }
  return r;
}

export async function addLink(db: Database, actor: Actor, id: string, body: z.infer<typeof mlaLinkBody>) {
  await inTransaction(db, async (trx) => {
    const r = await editable(trx, actor, id);
    const earlier = await visible(trx, actor).where("r.reference", "=", body.reference).executeTakeFirst();
    if (!earlier) throw problems.notFound("earlier request");
    if (earlier.id === id) {
      throw problems.unprocessable("self_link", "A request cannot follow itself.", [
        { path: "body.reference", message: "the request's own reference" },
      ]);
    }
    const inserted = await trx
      .insertInto("mla_request_links")
      .values({ request_id: id, earlier_id: earlier.id, relation: body.relation, created_by: actor.userId })
      .onConflict((oc) => oc.doNothing())
      .returning("earlier_id")
      .executeTakeFirst();
    if (!inserted)
      throw problems.conflict("already_linked", `This request is already linked to ${earlier.reference}.`);
    await recordAudit(trx, actor, {
      action: "mla.request_linked",
      entityType: "mla_request",
      entityId: id,
      organisationId: r.organisation_id,
      changes: { earlier: earlier.reference, relation: body.relation },
    });
  });
}

export async function removeLink(db: Database, actor: Actor, id: string, earlierId: string) {
  await inTransaction(db, async (trx) => {
    const r = await editable(trx, actor, id);
    const gone = await trx
      .deleteFrom("mla_request_links")
      .where("request_id", "=", id)
      .where("earlier_id", "=", earlierId)
      .returning("earlier_id")
      .executeTakeFirst();
    if (!gone) throw problems.notFound("link");
    await recordAudit(trx, actor, {
      action: "mla.request_unlinked",
      entityType: "mla_request",
      entityId: id,
      organisationId: r.organisation_id,
      changes: { earlierId },
    });
  });
}
