import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { pagination } from "../../../common/schemas/shared.ts";
import { hasRole } from "../../platform/actor.ts";
import { verifyAuditChain } from "../../platform/audit.ts";
import { requireActor } from "../../platform/auth/plugin.ts";
import { problems } from "../../platform/errors.ts";

const tags = ["audit"];

const auditQuery = pagination.extend({
  entityType: z.string().trim().max(50).optional(),
  entityId: z.string().trim().max(100).optional(),
  action: z.string().trim().max(50).optional(),
  actorId: z.uuid().optional(),
});

const auditItem = z.object({
  seq: z.number(),
  occurredAt: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  actor: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  ip: z.string().nullable(),
  changes: z.unknown(),
});

/** The audit trail, for auditors and administrators only; the chain check is available to them too. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const assertAuditor = (req: Parameters<typeof requireActor>[0]) => {
    const actor = requireActor(req);
    if (!hasRole(actor, "auditor", "administrator"))
      throw problems.forbidden("Only auditors read the audit trail.");
    return actor;
  };

  app.get(
    "/audit",
    {
      schema: {
        tags,
        querystring: auditQuery,
        response: {
          200: z.object({
            items: z.array(auditItem),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (req) => {
      assertAuditor(req);
      const f = req.query;
      let q = db.selectFrom("audit_events as e").leftJoin("users as u", "u.id", "e.actor_id");
      if (f.entityType) q = q.where("e.entity_type", "=", f.entityType);
      if (f.entityId) q = q.where("e.entity_id", "=", f.entityId);
      if (f.action) q = q.where("e.action", "=", f.action);
      if (f.actorId) q = q.where("e.actor_id", "=", f.actorId);
      const [{ total }, rows] = await Promise.all([
        q.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow(),
        q
          .select([
            "e.seq",
            "e.occurred_at",
            "e.action",
            "e.entity_type",
            "e.entity_id",
            "e.actor_id",
            "e.ip",
            "e.changes",
            "u.full_name",
          ])
          .orderBy("e.seq", "desc")
          .limit(f.pageSize)
          .offset((f.page - 1) * f.pageSize)
          .execute(),
      ]);
      return {
        items: rows.map((r) => ({
          seq: r.seq,
          occurredAt: r.occurred_at.toISOString(),
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          actor: r.actor_id ? { id: r.actor_id, fullName: r.full_name ?? "" } : null,
          ip: r.ip,
          changes: r.changes,
        })),
        total: Number(total),
        page: f.page,
        pageSize: f.pageSize,
      };
    },
  );

  app.get(
    "/audit/verify",
    {
      schema: {
        tags,
        response: {
          200: z.object({
            ok: z.boolean(),
            count: z.number(),
            brokenAt: z.number().optional(),
            reason: z.string().optional(),
          }),
        },
      },
    },
    async (req) => {
      assertAuditor(req);
      const result = await verifyAuditChain(db);
      return result.ok ? { ok: true, count: result.count } : result;
    },
  );
};
