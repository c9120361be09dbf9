import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import type { MlaRequestDraft, MlaRequestKind } from "../../../../common/mla/request.ts";
import type { MlaDeadlineList } from "../../../../common/schemas/mla-deadlines.ts";
import type { Database } from "../../../db/connection.ts";
import type { Trx } from "../../../db/transaction.ts";
import type { Actor } from "../../../platform/actor.ts";
import { courtDay } from "../../../platform/clock.ts";
import { problems } from "../../../platform/errors.ts";
import { mlaScope } from "../mla.policy.ts";
import { mlaReference } from "../mla.reference.ts";
import {
  type ComputedDeadline,
  extendPreservation,
  followUpFor,
  type MlaDeadlineRules,
  mlaDeadlineFile,
  PRESERVATION_CLOSES,
  preservationExpiry,
} from "./mla.deadlines.compute.ts";

/**
 * The MLA register's deadlines kept in step with its requests' moves (issue 5 item 6): a confirmed preservation
 * opens its expiry, a confirmed extension moves it, a final state closes it; entering a state that awaits an
 * answer opens a follow-up and leaving it answers it. All in the mover's transaction, so a deadline exists
 * exactly when the move that caused it does. The periods come from reference/mla-deadlines.json, read once.
 */
const REFERENCE_FILE = path.resolve(import.meta.dirname, "../../../../reference/mla-deadlines.json");

let cached: MlaDeadlineRules | undefined;

export function mlaDeadlineRules(file = REFERENCE_FILE): MlaDeadlineRules {
  if (file !== REFERENCE_FILE) return mlaDeadlineFile.parse(JSON.parse(fs.readFileSync(file, "utf8"))).items;
  cached ??= mlaDeadlineFile.parse(JSON.parse(fs.readFileSync(file, "utf8"))).items;
  return cached;
}

/** The request as the mover loaded it (the service's row fits). */
export type MovedRequest = { id: string; kind: MlaRequestKind; draft: unknown };
export type DeadlineChange = {
  kind: ComputedDeadline["kind"];
  change: "opened" | "extended" | "redated" | "closed";
  dueOn: string;
  state?: string;
};

type Row = {
  id: string;
  kind: ComputedDeadline["kind"];
  rule_code: string;
  started_on: string;
  due_on: string;
  basis: string;
  status: ComputedDeadline["status"];
  extensions: number;
};

async function openDeadlines(trx: Trx, requestId: string): Promise<Row[]> {
  return trx
    .selectFrom("mla_deadlines")
    .select(["id", "kind", "rule_code", "started_on", "due_on", "basis", "status", "extensions"])
    .where("request_id", "=", requestId)
    .where("state", "=", "open")
    .execute();
}

async function insert(trx: Trx, requestId: string, d: ComputedDeadline) {
  await trx
    .insertInto("mla_deadlines")
    .values({
      request_id: requestId,
      kind: d.kind,
      rule_code: d.ruleCode,
      started_on: d.startedOn,
      due_on: d.dueOn,
      alert_on: d.alertOn,
      basis: d.basis,
      status: d.status,
      extensions: d.extensions,
    })
    .execute();
}

async function close(trx: Trx, id: string, state: "met" | "expired" | "cancelled", at: Date) {
  await trx
    .updateTable("mla_deadlines")
    .set({ state, closed_at: at, updated_at: at, version: sql`version + 1` })
    .where("id", "=", id)
    .where("state", "=", "open")
    .execute();
}

/**
 * Called by the MLA service inside the transaction that moves a request from `fromState` to `toState` at `at`.
 * Returns what changed, for the caller's audit event if it wants it.
 */
export async function onMlaMoved(
  trx: Trx,
  _actor: Actor,
  request: MovedRequest,
  fromState: string,
  toState: string,
  at: Date,
): Promise<DeadlineChange[]> {
  const rules = mlaDeadlineRules();
  const day = courtDay(at);
  const changes: DeadlineChange[] = [];
  const open = await openDeadlines(trx, request.id);

  // Any move leaves the state a follow-up waited on: the request was answered (or moved on) and it is met.
  for (const f of open.filter((d) => d.kind === "follow_up")) {
    await close(trx, f.id, "met", at);
    changes.push({ kind: "follow_up", change: "closed", dueOn: f.due_on, state: "met" });
  }
  const followUp = followUpFor(rules, request.kind, toState, day);
  if (followUp) {
    await insert(trx, request.id, followUp);
    changes.push({ kind: "follow_up", change: "opened", dueOn: followUp.dueOn });
  }

  if (request.kind !== "preservation") return changes;
  const expiry = open.find((d) => d.kind === "preservation_expiry");
  const opens = toState === "sent" || toState === "confirmed";
  if (opens && (!expiry || (toState === "confirmed" && expiry.extensions === 0))) {
    // sent: a provisional expiry, so the alert is scheduled as the request leaves; confirmed: re-counted from it
    const draft = { ...(request.draft as object), kind: request.kind } as MlaRequestDraft;
    const from = toState === "sent" ? "sent" : "confirmed";
    const d = preservationExpiry(rules, (await mlaReference(trx)).directory, draft, day, from);
    if (expiry) {
      await trx
        .updateTable("mla_deadlines")
        .set({
          started_on: d.startedOn,
          due_on: d.dueOn,
          alert_on: d.alertOn,
          basis: d.basis,
          updated_at: at,
          version: sql`version + 1`,
        })
        .where("id", "=", expiry.id)
        .execute();
      changes.push({ kind: d.kind, change: "redated", dueOn: d.dueOn });
    } else {
      await insert(trx, request.id, d);
      changes.push({ kind: d.kind, change: "opened", dueOn: d.dueOn });
    }
  } else if (expiry && fromState === "extension_sent" && toState === "active") {
    const d = extendPreservation(rules, {
      ruleCode: expiry.rule_code,
      startedOn: expiry.started_on,
      dueOn: expiry.due_on,
      basis: expiry.basis,
      extensions: expiry.extensions,
      status: expiry.status,
    });
    await trx
      .updateTable("mla_deadlines")
      .set({
        due_on: d.dueOn,
        alert_on: d.alertOn,
        basis: d.basis,
        extensions: d.extensions,
        updated_at: at,
        version: sql`version + 1`,
      })
      .where("id", "=", expiry.id)
      .execute();
    changes.push({ kind: d.kind, change: "extended", dueOn: d.dueOn });
  } else if (expiry && PRESERVATION_CLOSES[toState]) {
    await close(trx, expiry.id, PRESERVATION_CLOSES[toState], at);
    changes.push({
      kind: expiry.kind,
      change: "closed",
      dueOn: expiry.due_on,
      state: PRESERVATION_CLOSES[toState],
    });
  }
  return changes;
}

/** A request's deadlines, scoped exactly as reading the request is (404 outside it). */
export async function requestDeadlines(db: Database, actor: Actor, id: string): Promise<MlaDeadlineList> {
  const visible = await db
    .selectFrom("mla_requests as r")
    .select("r.id")
    .where(mlaScope(actor))
    .where("r.id", "=", id)
    .executeTakeFirst();
  if (!visible) throw problems.notFound("request");
  const rows = await db
    .selectFrom("mla_deadlines as d")
    .select([
      "d.id",
      "d.kind",
      "d.rule_code",
      "d.started_on",
      "d.due_on",
      "d.alert_on",
      "d.basis",
      "d.status",
      "d.extensions",
      "d.state",
      "d.closed_at",
      "d.version",
      // when the alert for the current due date first went out (null: still scheduled)
      (eb) =>
        eb
          .selectFrom("mla_deadline_alerts as a")
          .select(sql<Date>`min(a.sent_at)`.as("s"))
          .whereRef("a.deadline_id", "=", "d.id")
          .whereRef("a.due_on", "=", "d.due_on")
          .as("alert_sent_at"),
    ])
    .where("d.request_id", "=", id)
    .orderBy("d.created_at", "desc")
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      ruleCode: r.rule_code,
      startedOn: r.started_on,
      dueOn: r.due_on,
      alertOn: r.alert_on,
      basis: r.basis,
      status: r.status,
      extensions: r.extensions,
      state: r.state,
      closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
      alertSentAt: r.alert_sent_at ? new Date(r.alert_sent_at).toISOString() : null,
      version: r.version,
    })),
  };
}
