import { createHash } from "node:crypto";
import { sql, type Transaction } from "kysely";
import { insertJsonRows } from "../db/bulk.ts";
import type { Database } from "../db/connection.ts";
import type { DB } from "../db/types.ts";
import type { RequestContext } from "./actor.ts";

/** The catalogue of audit event kinds. Adding a kind is a code change, reviewed like any other. */
export const AUDIT_ACTIONS = [
  "auth.login",
  "auth.login_failed",
  "auth.locked_out",
  "auth.logout",
  "auth.registered",
  "user.created",
  "user.updated",
  "user.approved",
  "user.rejected",
  "user.password_changed",
  "user.totp_enrolment_started",
  "user.totp_enabled",
  "user.totp_disabled",
  "user.totp_reset",
  "auth.second_factor_failed",
  "organisation.created",
  "organisation.updated",
  "reference.updated",
  "case.created",
  "case.updated",
  "case.status_changed",
  "case.assigned",
  "case.linked",
  "case.unlinked",
  "case.access_granted",
  "case.access_revoked",
  "document.uploaded",
  "document.downloaded",
  "hearing.scheduled",
  "hearing.recorded",
  "hearing.rescheduled",
  "hearing.cancelled",
  "cause_list.printed",
  "cause_list.import_previewed",
  "cause_list.imported",
  "deadline.opened",
  "deadline.recomputed",
  "deadline.closed",
  "case.adverse_decision_reported",
  "limitation_rule.updated",
  "court_calendar.closure_added",
  "court_calendar.closure_changed",
  "court_calendar.closure_removed",
  "court_calendar.weekend_changed",
  "task.created",
  "task.updated",
  "task.escalated",
  "case.flagged_stale",
  "mla.request_created",
  "mla.draft_saved",
  "mla.request_moved",
  "mla.request_exported",
  "mla.evidence_added",
  "mla.custody_recorded",
  "mla.evidence_certified",
  "mla.evidence_downloaded",
  "mla.request_linked",
  "mla.request_unlinked",
  "mla.access_granted",
  "mla.access_revoked",
  "mla.rule_updated",
  "mla.directory_entry_created",
  "mla.directory_entry_updated",
  "calendar_feed.created",
  "calendar_feed.revoked",
  "export.created",
  "export.downloaded",
  "export.expired",
  "saved_filter.created",
  "saved_filter.updated",
  "saved_filter.deleted",
  "report_subscription.saved",
  "report_subscription.deleted",
  "assignment.policy_changed",
  "assignment.weight_changed",
  "assignment.profile_changed",
  "assignment.committed",
  "assignment.previewed",
  "training.module_created",
  "training.module_updated",
  "training.attachment_added",
  "training.attachment_removed",
  "training.enrolled",
  "training.page_read",
  "training.quiz_submitted",
  "training.certificate_issued",
  "training.certificate_revoked",
  "training.certificate_downloaded",
  "competence.created",
  "competence.updated",
  "mla.handler_assigned",
  "seed.demo",
  "synthetic.seeded",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditEvent = {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  /** The organisation that owns the record (for scoping audit reads). */
  organisationId?: string | null;
  changes?: Record<string, unknown> | null;
};

/** Who acted: an Actor, or a bare request context (with the user id once known, as at login). */
export type Who = RequestContext & { userId?: string | null; organisationId?: string | null };

const GENESIS = "0".repeat(64);
/** Serialises writers of the chain across processes; the number is arbitrary but fixed. */
const AUDIT_LOCK_KEY = 7_245_001;

/** Appends one event to the chain, inside the caller's transaction. */
export async function recordAudit(trx: Transaction<DB>, who: Who, event: AuditEvent): Promise<void> {
  await recordAuditMany(trx, who, [event]);
}

/**
 * Appends events in order under one lock and one read of the chain's head — what a bulk operation uses so
 * that ten thousand assignments cost a few statements, not twenty thousand.
 */
export async function recordAuditMany(
  trx: Transaction<DB>,
  who: Who,
  events: readonly AuditEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  const last = await trx
    .selectFrom("audit_events")
    .select(["seq", "hash"])
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS;
  const occurredAt = new Date();
  const rows = events.map((event) => {
    seq += 1;
    const row = {
      seq,
      occurred_at: occurredAt,
      actor_id: who.userId ?? null,
      actor_organisation_id: who.organisationId ?? null,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId ?? null,
      organisation_id: event.organisationId ?? null,
      changes: event.changes ?? null,
      ip: who.ip,
      user_agent: who.userAgent,
      request_id: who.requestId,
      prev_hash: prevHash,
    };
    prevHash = hashEvent(row);
    return { ...row, hash: prevHash };
  });
  await insertJsonRows(trx, "audit_events", AUDIT_COLUMNS, rows);
}

const AUDIT_COLUMNS = {
  seq: "bigint",
  occurred_at: "timestamptz",
  actor_id: "uuid",
  actor_organisation_id: "uuid",
  action: "text",
  entity_type: "text",
  entity_id: "text",
  organisation_id: "uuid",
  changes: "jsonb",
  ip: "text",
  user_agent: "text",
  request_id: "text",
  prev_hash: "text",
  hash: "text",
};

type HashedFields = {
  seq: number;
  occurred_at: Date;
  actor_id: string | null;
  actor_organisation_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  organisation_id: string | null;
  changes: unknown;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  prev_hash: string;
};

export function hashEvent(e: HashedFields): string {
  // Only the listed fields: a row read back also carries its own `hash`, which must not hash itself.
  const fields: Record<keyof HashedFields, unknown> = {
    seq: e.seq,
    occurred_at: e.occurred_at.toISOString(),
    actor_id: e.actor_id,
    actor_organisation_id: e.actor_organisation_id,
    action: e.action,
    entity_type: e.entity_type,
    entity_id: e.entity_id,
    organisation_id: e.organisation_id,
    changes: e.changes,
    ip: e.ip,
    user_agent: e.user_agent,
    request_id: e.request_id,
    prev_hash: e.prev_hash,
  };
  const canonical = canonicalJson(fields);
  return createHash("sha256").update(e.prev_hash).update(canonical).digest("hex");
}

/** JSON with object keys sorted at every depth, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export type VerifyResult =
  | { ok: true; count: number; lastHash: string }
  | { ok: false; count: number; brokenAt: number; reason: string };

/**
 * Walks the chain in order. Names the first row whose hash does not match its content (edited), whose
 * prev_hash does not match the row before (inserted or reordered), or whose seq skips (deleted).
 */
export async function verifyAuditChain(
  db: Database,
  onProgress?: (done: number, total: number) => void,
): Promise<VerifyResult> {
  const { total } = await db
    .selectFrom("audit_events")
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let count = 0;
  const pageSize = 5000;
  for (;;) {
    const rows = await db
      .selectFrom("audit_events")
      .selectAll()
      .where("seq", ">=", expectedSeq)
      .orderBy("seq")
      .limit(pageSize)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.seq !== expectedSeq)
        return broken(count, expectedSeq, `row ${expectedSeq} is missing (next row is ${row.seq})`);
      if (row.prev_hash !== prevHash)
        return broken(
          count,
          row.seq,
          `row ${row.seq} does not follow row ${row.seq - 1} (prev_hash mismatch)`,
        );
      if (hashEvent(row) !== row.hash)
        return broken(count, row.seq, `row ${row.seq} was altered (its hash does not match its content)`);
      prevHash = row.hash;
      expectedSeq += 1;
      count += 1;
    }
    onProgress?.(count, Number(total));
  }
  return { ok: true, count, lastHash: prevHash };
}

function broken(count: number, seq: number, reason: string): VerifyResult {
  return { ok: false, count, brokenAt: seq, reason };
}
