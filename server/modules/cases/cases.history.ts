import { sql } from "kysely";
import type { Database } from "../../db/connection.ts";

/**
 * A case's assignments made in batches, as its history shows them. A committed batch is audited as one event
 * per organisation listing each case's line (assignment.ledger.ts, BATCH_ITEM_COLUMNS); the case finds its
 * batches through its assignment rows and reads back its own line, worded like a single assignment's event.
 */
type Line = [string, string | null, string | null, string, string, number, number, string | null];

export async function batchAssignmentEvents(db: Database, caseId: string) {
  const rows = await sql<{
    seq: string;
    occurred_at: Date;
    actor_id: string | null;
    full_name: string | null;
    line: Line;
    from_name: string | null;
    to_name: string | null;
    batch_id: string;
  }>`
    select e.seq, e.occurred_at, e.actor_id, u.full_name, l.line, e.entity_id as batch_id,
      e.changes -> 'names' ->> (l.line ->> 1) as from_name,
      e.changes -> 'names' ->> (l.line ->> 2) as to_name
    from (select distinct batch_id from case_assignments where case_id = ${caseId} and batch_id is not null) a
    join audit_events e
      on e.entity_type = 'assignment_batch' and e.entity_id = a.batch_id::text and e.action = 'assignment.committed'
    cross join lateral (
      select x as line from jsonb_array_elements(e.changes -> 'items') x where x ->> 0 = ${caseId} limit 1
    ) l
    left join users u on u.id = e.actor_id`.execute(db);
  return rows.rows.map((r) => {
    const [, from, to, method, step, position, weight, reason] = r.line;
    return {
      seq: Number(r.seq),
      occurredAt: new Date(r.occurred_at).toISOString(),
      action: "case.assigned",
      actor: r.actor_id ? { id: r.actor_id, fullName: r.full_name ?? "" } : null,
      changes: {
        officer: { from: r.from_name, to: r.to_name },
        officerId: { from, to },
        method,
        step,
        batchId: r.batch_id,
        position,
        weight,
        ...(reason ? { reason } : {}),
      },
    };
  });
}
