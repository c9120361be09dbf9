import { sql } from "kysely";
import type { z } from "zod";
import type { MlaRequestKind } from "../../../common/mla/request.ts";
import { MLA_FLOWS } from "../../../common/mla/states.ts";
import type { HandlerSuggestion, handlerBody } from "../../../common/schemas/mla-handler.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction, type Trx } from "../../db/transaction.ts";
import { updateVersioned } from "../../db/versioned.ts";
import { type Actor, hasRole } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { problems } from "../../platform/errors.ts";
import { heldCompetences } from "../training/training.competences.ts";
import { loadRequest } from "./mla.service.ts";

/**
 * Who in the Central Authority handles a request (issue 9 item 3). The candidates are the active Central
 * Authority officers of the actor's organisation, ranked: holders of a competence that counts for the
 * request's kind (competences.mla_kinds) first, then the fewest open requests in hand, then name and id — the
 * ranking is advice with its reasons shown; the Central Authority may choose anyone on the list.
 */
type Q = Database | Trx;

function assertCentralAuthority(actor: Actor) {
  if (!hasRole(actor, "central_authority"))
    throw problems.forbidden("Only the Central Authority decides who handles a request.");
}

/** "kind:state" of every final state: a request in one is no longer in anyone's hands. */
const FINAL = Object.entries(MLA_FLOWS).flatMap(([kind, flow]) => flow.final.map((s) => `${kind}:${s}`));

async function rankCandidates(q: Q, actor: Actor, kind: MlaRequestKind, handlerId: string | null) {
  const [people, relevant] = await Promise.all([
    q
      .selectFrom("users as u")
      .innerJoin("user_roles as r", (j) =>
        j.onRef("r.user_id", "=", "u.id").on("r.role", "=", "central_authority"),
      )
      .select(["u.id", "u.full_name"])
      .where("u.organisation_id", "=", actor.organisationId)
      .where("u.status", "=", "active")
      .execute(),
    q
      .selectFrom("competences")
      .select(["code", "name_en", "name_ur"])
      .where(sql<boolean>`${kind} = any(mla_kinds)`)
      .orderBy("code")
      .execute(),
  ]);
  const ids = people.map((p) => p.id);
  const [held, open] = await Promise.all([
    heldCompetences(q, ids, actor),
    ids.length === 0
      ? []
      : q
          .selectFrom("mla_requests")
          .select(["handler_id", (eb) => eb.fn.countAll<number>().as("n")])
          .where("handler_id", "in", ids)
          .where(sql<boolean>`(kind || ':' || state) <> all(${FINAL}::text[])`)
          .groupBy("handler_id")
          .execute(),
  ]);
  const codes = new Set(relevant.map((c) => c.code));
  const openBy = new Map(open.map((o) => [o.handler_id, Number(o.n)]));
  const candidates = people
    .map((p) => ({
      userId: p.id,
      fullName: p.full_name,
      competences: (held.get(p.id) ?? []).filter((h) => codes.has(h.code)),
      openRequests: openBy.get(p.id) ?? 0,
      current: p.id === handlerId,
    }))
    .sort(
      (a, b) =>
        Number(b.competences.length > 0) - Number(a.competences.length > 0) ||
        a.openRequests - b.openRequests ||
        a.fullName.localeCompare(b.fullName, "en") ||
        (a.userId < b.userId ? -1 : 1),
    )
    .map((c, i) => ({ ...c, rank: i + 1 }));
  return {
    candidates,
    relevant: relevant.map((c) => ({ code: c.code, nameEn: c.name_en, nameUr: c.name_ur })),
  };
}

async function suggestionFor(q: Q, actor: Actor, requestId: string): Promise<HandlerSuggestion> {
  const r = await loadRequest(q, actor, requestId);
  const row = await q
    .selectFrom("mla_requests as m")
    .leftJoin("users as u", "u.id", "m.handler_id")
    .select(["m.handler_id", "u.full_name"])
    .where("m.id", "=", requestId)
    .executeTakeFirstOrThrow();
  const { candidates, relevant } = await rankCandidates(q, actor, r.kind, row.handler_id);
  return {
    requestId,
    kind: r.kind,
    version: r.version,
    relevantCompetences: relevant,
    handler: row.handler_id ? { id: row.handler_id, fullName: row.full_name ?? "" } : null,
    candidates,
  };
}

export function handlerSuggestion(db: Database, actor: Actor, requestId: string) {
  assertCentralAuthority(actor);
  return suggestionFor(db, actor, requestId);
}

export function assignHandler(
  db: Database,
  actor: Actor,
  requestId: string,
  body: z.infer<typeof handlerBody>,
) {
  assertCentralAuthority(actor);
  return inTransaction(db, async (trx) => {
    const before = await suggestionFor(trx, actor, requestId);
    const r0 = await loadRequest(trx, actor, requestId);
    if (MLA_FLOWS[r0.kind].final.includes(r0.state))
      throw problems.conflict(
        "request_closed",
        "The request is in a final state; nobody handles it any more.",
      );
    const chosen = body.userId === null ? null : before.candidates.find((c) => c.userId === body.userId);
    if (chosen === undefined)
      throw problems.unprocessable("not_a_candidate", "Choose an active officer of the Central Authority.", [
        { path: "body.userId", message: "not an active Central Authority officer" },
      ]);
    await updateVersioned(trx, "mla_requests", requestId, body.version, { handler_id: body.userId });
    const r = await loadRequest(trx, actor, requestId);
    await recordAudit(trx, actor, {
      action: "mla.handler_assigned",
      entityType: "mla_request",
      entityId: requestId,
      organisationId: r.organisation_id,
      changes: {
        handler: { from: before.handler?.id ?? null, to: body.userId },
        ...(chosen
          ? {
              rank: chosen.rank,
              competences: chosen.competences.map((c) => c.code),
              openRequests: chosen.openRequests,
            }
          : {}),
      },
    });
    return suggestionFor(trx, actor, requestId);
  });
}
