import { sql } from "kysely";
import type { z } from "zod";
import { checkDraft } from "../../../common/mla/check.ts";
import type { MlaRequestDraft, MlaRequestKind } from "../../../common/mla/request.ts";
import { MLA_FLOWS, movesFor } from "../../../common/mla/states.ts";
import type {
  MlaDetail,
  mlaCreateBody,
  mlaDraftBody,
  mlaListQuery,
  mlaTransitionBody,
} from "../../../common/schemas/mla.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction, type Trx } from "../../db/transaction.ts";
import { updateVersioned } from "../../db/versioned.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { problems } from "../../platform/errors.ts";
import { loadVisibleCase } from "../cases/cases.service.ts";
import { onMlaMoved } from "./deadlines/mla.deadlines.ts";
import { mayManageAccess, namedUsers } from "./mla.access.ts";
import { checkGrounds } from "./mla.grounds.ts";
import { caseOf, followedRequests, linksOf } from "./mla.links.ts";
import { mayCreate, mayEditDraft, mlaScope } from "./mla.policy.ts";
import { mlaReference } from "./mla.reference.ts";

/**
 * The MLA register (issue 5): requests are opened by the agency that asks (or, for incoming ones, registered by
 * the Central Authority), drafted and checked by the drafting assistant, and moved through their kind's flow —
 * each move by a role the flow allows, with a reason where it returns or refuses, and the time spent in the
 * state it leaves. Every write is audited; anything outside the actor's scope answers 404.
 */
const PREFIX: Record<MlaRequestKind, string> = {
  mla_outgoing: "MLA-OUT",
  mla_incoming: "MLA-IN",
  preservation: "PRES",
  emergency_disclosure: "EMER",
  voluntary_disclosure: "VOL",
};
/** Serialises reference numbering across processes (arbitrary, fixed). */
const NUMBERING_LOCK = 7_245_012;

const requestQuery = (q: Database | Trx, actor: Actor) =>
  q
    .selectFrom("mla_requests as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .innerJoin("users as u", "u.id", "r.created_by")
    .leftJoin("users as h", "h.id", "r.handler_id")
    .where(mlaScope(actor))
    .select([
      "r.id",
      "r.reference",
      "r.kind",
      "r.state",
      "r.title",
      "r.organisation_id",
      "r.case_id",
      "r.draft",
      "r.state_entered_at",
      "r.updated_at",
      "r.version",
      "r.created_by",
      "o.code as org_code",
      "o.name_en as org_name",
      "u.full_name as created_by_name",
      "r.handler_id",
      "h.full_name as handler_name",
    ]);
type Row = Awaited<ReturnType<ReturnType<typeof requestQuery>["execute"]>>[number];

const summary = (r: Row) => ({
  id: r.id,
  reference: r.reference,
  kind: r.kind,
  state: r.state,
  title: r.title,
  organisation: { id: r.organisation_id, code: r.org_code, nameEn: r.org_name },
  stateEnteredAt: new Date(r.state_entered_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
  version: r.version,
});

export async function listRequests(db: Database, actor: Actor, query: z.infer<typeof mlaListQuery>) {
  const rows = await requestQuery(db, actor)
    .$if(Boolean(query.kind), (q) => q.where("r.kind", "=", query.kind!))
    .$if(Boolean(query.state), (q) => q.where("r.state", "=", query.state!))
    .$if(Boolean(query.caseId), (q) => q.where("r.case_id", "=", query.caseId!))
    .orderBy("r.updated_at", "desc")
    .limit(500)
    .execute();
  return { items: rows.map(summary) };
}

export async function loadRequest(q: Database | Trx, actor: Actor, id: string) {
  const row = await requestQuery(q, actor).where("r.id", "=", id).executeTakeFirst();
  if (!row) throw problems.notFound("request");
  return row;
}

export async function getRequest(q: Database | Trx, actor: Actor, id: string): Promise<MlaDetail> {
  const r = await loadRequest(q, actor, id);
  const history = await q
    .selectFrom("mla_transitions as t")
    .innerJoin("users as u", "u.id", "t.actor_id")
    .select([
      "t.from_state",
      "t.to_state",
      "t.reason",
      "t.actor_id",
      "u.full_name",
      "t.actor_role",
      "t.at",
      "t.seconds_in_previous",
      "t.grounds",
    ])
    .where("t.request_id", "=", id)
    .orderBy("t.id")
    .execute();
  const { rules, directory } = await mlaReference(q);
  const [links, linkedCase, access] = await Promise.all([
    linksOf(q, actor, id),
    caseOf(q, actor, r.case_id),
    namedUsers(q, id),
  ]);
  const followed = followedRequests(links);
  const draft = {
    ...(r.draft as object),
    kind: r.kind,
    ...(followed.length ? { linkedRequests: followed } : {}),
  } as MlaRequestDraft;
  const check = checkDraft(draft, directory, rules, { lang: actor.locale });
  return {
    ...summary(r),
    caseId: r.case_id,
    case: linkedCase,
    links,
    draft: r.draft as Record<string, unknown>,
    check: { findings: check.findings, score: check.score },
    moves: movesFor(r.kind, r.state, actor.roles).map((m) => ({
      to: m.to,
      reasonRequired: m.reason === "required",
      grounds: m.grounds ?? null,
    })),
    history: history.map((h) => ({
      from: h.from_state,
      to: h.to_state,
      reason: h.reason,
      actor: { id: h.actor_id, fullName: h.full_name },
      role: h.actor_role,
      at: new Date(h.at).toISOString(),
      secondsInPrevious: h.seconds_in_previous,
      grounds: h.grounds,
    })),
    access,
    abilities: { editDraft: mayEditDraft(actor, r), manageAccess: mayManageAccess(actor, r) },
    createdBy: { id: r.created_by, fullName: r.created_by_name },
    handler: r.handler_id ? { id: r.handler_id, fullName: r.handler_name ?? "" } : null,
  };
}

async function nextReference(trx: Trx, kind: MlaRequestKind) {
  await sql`select pg_advisory_xact_lock(${NUMBERING_LOCK})`.execute(trx);
  const prefix = `${PREFIX[kind]}-${new Date().getUTCFullYear()}-`;
  const last = await trx
    .selectFrom("mla_requests")
    .select(sql<number>`count(*)`.as("n"))
    .where("reference", "like", `${prefix}%`)
    .executeTakeFirstOrThrow();
  return `${prefix}${String(Number(last.n) + 1).padStart(4, "0")}`;
}

export async function createRequest(db: Database, actor: Actor, body: z.infer<typeof mlaCreateBody>) {
  if (!mayCreate(actor, body.kind)) throw problems.forbidden("You may not open a request of this kind.");
  const id = await inTransaction(db, async (trx) => {
    if (body.caseId) await loadVisibleCase(trx, actor, body.caseId);
    const reference = await nextReference(trx, body.kind);
    const state = MLA_FLOWS[body.kind].initial;
    const row = await trx
      .insertInto("mla_requests")
      .values({
        reference,
        kind: body.kind,
        state,
        title: body.title,
        organisation_id: actor.organisationId,
        case_id: body.caseId ?? null,
        draft: JSON.stringify(body.draft ?? {}),
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("mla_request_access")
      .values({ request_id: row.id, user_id: actor.userId })
      .execute();
    await recordAudit(trx, actor, {
      action: "mla.request_created",
      entityType: "mla_request",
      entityId: row.id,
      organisationId: actor.organisationId,
      changes: { reference, kind: body.kind, state, title: body.title },
    });
    return row.id;
  });
  return getRequest(db, actor, id);
}

export async function updateDraft(
  db: Database,
  actor: Actor,
  id: string,
  body: z.infer<typeof mlaDraftBody>,
) {
  await inTransaction(db, async (trx) => {
    const r = await loadRequest(trx, actor, id);
    if (!mayEditDraft(actor, r))
      throw problems.forbidden("This request's draft cannot be changed by you now.");
    if (body.caseId) await loadVisibleCase(trx, actor, body.caseId);
    await updateVersioned(trx, "mla_requests", id, body.version, {
      draft: JSON.stringify(body.draft),
      title: body.title ?? r.title,
      ...(body.caseId !== undefined ? { case_id: body.caseId } : {}),
    });
    await recordAudit(trx, actor, {
      action: "mla.draft_saved",
      entityType: "mla_request",
      entityId: id,
      organisationId: r.organisation_id,
      // the draft's content is confidential and kept on the request; the audit names what changed
      changes: {
        fields: Object.keys(body.draft),
        title: body.title ?? null,
        ...(body.caseId !== undefined ? { caseId: body.caseId } : {}),
        version: r.version + 1,
      },
    });
  });
  return getRequest(db, actor, id);
}

export async function transition(
  db: Database,
  actor: Actor,
  id: string,
  body: z.infer<typeof mlaTransitionBody>,
) {
  await inTransaction(db, async (trx) => {
    const r = await loadRequest(trx, actor, id);
    const move = movesFor(r.kind, r.state, actor.roles).find((m) => m.to === body.to);
    if (!move) {
      const exists = (MLA_FLOWS[r.kind].moves[r.state] ?? []).some((m) => m.to === body.to);
      if (exists) throw problems.forbidden(`Your role may not move a request from ${r.state} to ${body.to}.`);
      throw problems.unprocessable(
        "invalid_transition",
        `A ${r.kind} request cannot go from ${r.state} to ${body.to}.`,
        [{ path: "body.to", message: `not a move from ${r.state}` }],
      );
    }
    if (move.reason === "required" && !body.reason) {
      throw problems.validation([{ path: "body.reason", message: `a move to ${body.to} needs its reason` }]);
    }
    checkGrounds(move, body.grounds);
    const now = new Date();
    await updateVersioned(trx, "mla_requests", id, body.version, { state: body.to, state_entered_at: now });
    const role = move.by.find((x) => actor.roles.has(x))!;
    await trx
      .insertInto("mla_transitions")
      .values({
        request_id: id,
        from_state: r.state,
        to_state: body.to,
        reason: body.reason,
        actor_id: actor.userId,
        actor_role: role,
        grounds: body.grounds,
        seconds_in_previous: Math.round((now.getTime() - new Date(r.state_entered_at).getTime()) / 1000),
      })
      .execute();
    await onMlaMoved(trx, actor, r, r.state, body.to, now);
    await recordAudit(trx, actor, {
      action: "mla.request_moved",
      entityType: "mla_request",
      entityId: id,
      organisationId: r.organisation_id,
      changes: { from: r.state, to: body.to, reason: body.reason, grounds: body.grounds, role },
    });
  });
  return getRequest(db, actor, id);
}
