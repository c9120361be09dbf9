import { beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../config.ts";
import { caseBody, signedIn } from "../../test/factories.ts";
import { call, type Session, testApp } from "../../test/harness.ts";
import { expireExports } from "./exports.expiry.ts";
import { exportJobs, runQueuedExports } from "./exports.jobs.ts";

/**
 * Export files expire: a job finished more than CAMS_EXPORT_KEEP_DAYS ago loses its file, is marked expired
 * and audited, and its download answers 410 — while a newer job holding the same bytes keeps them.
 */
type Job = { id: string; state: string; expiredAt: string | null };

async function finishedJob(s: Session, format: "csv" | "xlsx", filters: Record<string, string> = {}) {
  const { handle, app } = await testApp();
  const res = await call(s, { method: "POST", url: "/api/v1/exports", body: { format, filters } });
  expect(res.statusCode, res.body).toBe(202);
  const id = (res.json() as Job).id;
  await runQueuedExports(handle.db, app.deps.storage);
  for (;;) {
    const row = await handle.db
      .selectFrom("export_jobs")
      .select(["state", "blob_sha256"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    if (row.state === "done") return { id, sha: row.blob_sha256 ?? "" };
    expect(row.state).not.toBe("failed");
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function finishedDaysAgo(id: string, days: number) {
  const { handle } = await testApp();
  await handle.db
    .updateTable("export_jobs")
    .set({ finished_at: new Date(Date.now() - days * 86_400_000) })
    .where("id", "=", id)
    .execute();
}

const download = (s: Session, id: string) =>
  call(s, { method: "GET", url: `/api/v1/exports/${id}/download` });

describe("export expiry", () => {
  let focal: Session;

  beforeAll(async () => {
    focal = await signedIn(["focal_person"]);
    const res = await call(focal, {
      method: "POST",
      url: "/api/v1/cases",
      body: await caseBody({ title: `Expiry ${Date.now()} v. Federation` }),
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it("deletes old files, marks the jobs expired, audits each, answers 410 and keeps shared bytes", async () => {
    const { handle, app } = await testApp();
    const storage = app.deps.storage;
    // a and b are the same list as CSV, so the same bytes and one stored file; c is its own file
    const a = await finishedJob(focal, "csv");
    const b = await finishedJob(focal, "csv", { status: "pending" });
    const c = await finishedJob(focal, "xlsx");
    expect(a.sha).toBe(b.sha);
    await finishedDaysAgo(a.id, 8);
    await finishedDaysAgo(c.id, 8);
    await finishedDaysAgo(b.id, 6);

    expect(await expireExports(handle.db, storage, 7)).toBeGreaterThanOrEqual(2);
    const rows = await handle.db
      .selectFrom("export_jobs")
      .select(["id", "state", "blob_sha256", "expired_at"])
      .where("id", "in", [a.id, b.id, c.id])
      .execute();
    const state = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(state[a.id]).toMatchObject({ state: "expired", blob_sha256: null });
    expect(state[c.id]).toMatchObject({ state: "expired", blob_sha256: null });
    expect(state[a.id]?.expired_at).toBeInstanceOf(Date);
    expect(state[b.id]).toMatchObject({ state: "done", blob_sha256: b.sha });
    expect(await storage.has(c.sha)).toBe(false);
    expect(await storage.has(a.sha)).toBe(true); // b still holds it

    const gone = await download(focal, c.id);
    expect(gone.statusCode).toBe(410);
    expect(gone.headers["content-type"]).toContain("application/problem+json");
    expect(gone.json()).toMatchObject({ status: 410, code: "export_expired", title: "Gone" });
    expect((await download(focal, b.id)).statusCode).toBe(200);
    const shown = await call(focal, { method: "GET", url: `/api/v1/exports/${a.id}` });
    expect(shown.json()).toMatchObject({ state: "expired" });
    expect((shown.json() as Job).expiredAt).not.toBeNull();

    const audit = await handle.db
      .selectFrom("audit_events")
      .select(["entity_id", "changes"])
      .where("action", "=", "export.expired")
      .where("entity_id", "in", [a.id, c.id])
      .execute();
    const changes = Object.fromEntries(audit.map((e) => [e.entity_id, e.changes as Record<string, unknown>]));
    expect(changes[a.id]).toMatchObject({ format: "csv", sha256: a.sha, fileDeleted: false });
    expect(changes[c.id]).toMatchObject({ format: "xlsx", sha256: c.sha, fileDeleted: true });

    // once the last job holding the bytes expires, they go; a second run finds nothing more to do
    await finishedDaysAgo(b.id, 8);
    await expireExports(handle.db, storage, 7);
    expect(await storage.has(b.sha)).toBe(false);
    expect((await download(focal, b.id)).statusCode).toBe(410);
    const again = await handle.db
      .selectFrom("audit_events")
      .select("seq")
      .where("action", "=", "export.expired")
      .where("entity_id", "in", [a.id, b.id, c.id])
      .execute();
    expect(again).toHaveLength(3);
  });

  it("answers 410 for a done job whose file is missing", async () => {
    const { app } = await testApp();
    const job = await finishedJob(focal, "xlsx", { status: "decided" });
    await app.deps.storage.delete(job.sha);
    const res = await download(focal, job.id);
    expect(res.statusCode).toBe(410);
    expect(res.json().code).toBe("export_expired");
  });

  it("is scheduled, and its setting is validated", async () => {
    const { handle, app } = await testApp();
    expect(exportJobs(handle.db, app.deps.storage, 7).map((j) => j.name)).toContain("exports-expire");
    expect(loadConfig({}).exportKeepDays).toBe(7);
    expect(loadConfig({ CAMS_EXPORT_KEEP_DAYS: "30" }).exportKeepDays).toBe(30);
    for (const bad of ["0", "-1", "2.5", "soon", "5000"])
      expect(() => loadConfig({ CAMS_EXPORT_KEEP_DAYS: bad }), bad).toThrow(ConfigError);
  });
});
