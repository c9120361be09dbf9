import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../db/connection.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { inTransaction } from "../db/transaction.ts";
import { canonicalJson, recordAudit, verifyAuditChain } from "./audit.ts";

// Its own database: these tests break the chain on purpose, which the shared test database must never see.
let handle: DatabaseHandle;
const ctx = { ip: "127.0.0.1", userAgent: "test", requestId: null };

async function append(n: number) {
  for (let i = 0; i < n; i++) {
    await inTransaction(handle.db, (trx) =>
      recordAudit(trx, ctx, {
        action: "case.updated",
        entityType: "case",
        entityId: `c${i}`,
        changes: { i, title: { from: "a", to: "b" } },
      }),
    );
  }
}

beforeAll(async () => {
  handle = await openDatabase({ dataDir: "memory" });
  await migrateToLatest(handle.db);
});
afterAll(() => handle.close());

describe("audit chain", () => {
  it("canonical JSON ignores key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { e: 1, f: 2 }] }, b: 1 }),
    );
  });

  it("verifies a clean chain", async () => {
    await append(10);
    const result = await verifyAuditChain(handle.db);
    expect(result).toMatchObject({ ok: true, count: 10 });
  });

  it("writes nothing when the surrounding transaction rolls back", async () => {
    await expect(
      inTransaction(handle.db, async (trx) => {
        await recordAudit(trx, ctx, { action: "case.created", entityType: "case" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, count: 10 });
  });

  it("names a row edited in SQL", async () => {
    await sql`update audit_events set changes = '{"i": 99}' where seq = 4`.execute(handle.db);
    const result = await verifyAuditChain(handle.db);
    expect(result).toMatchObject({ ok: false, brokenAt: 4 });
    if (!result.ok) expect(result.reason).toContain("altered");
  });

  it("names a deleted row and an inserted row", async () => {
    await sql`delete from audit_events`.execute(handle.db);
    await append(6);
    await sql`delete from audit_events where seq = 3`.execute(handle.db);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: false, brokenAt: 3 });

    await sql`delete from audit_events`.execute(handle.db);
    await append(4);
    // A forged row slipped in at the end with a made-up prev_hash.
    await sql`insert into audit_events (seq, occurred_at, action, entity_type, prev_hash, hash)
      values (5, now(), 'case.created', 'case', ${"f".repeat(64)}, ${"e".repeat(64)})`.execute(handle.db);
    const result = await verifyAuditChain(handle.db);
    expect(result).toMatchObject({ ok: false, brokenAt: 5 });
  });
});
