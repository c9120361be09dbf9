import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../../../common/roles.ts";
import { type DatabaseHandle, openDatabase } from "../../db/connection.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import { loadReferenceData, REFERENCE_DIR, type ReferenceCounts } from "./reference.loader.ts";

let handle: DatabaseHandle;
let first: ReferenceCounts;
let second: ReferenceCounts;
const progress: [number, number][] = [];

beforeAll(async () => {
  handle = await openDatabase({ dataDir: "memory" });
  await migrateToLatest(handle.db);
  first = await loadReferenceData(handle.db, { onProgress: (done, total) => progress.push([done, total]) });
  second = await loadReferenceData(handle.db);
}, 60_000);

afterAll(async () => {
  await handle?.close();
});

async function tableCounts() {
  const db = handle.db;
  const count = async (table: "roles" | "organisations" | "courts" | "benches" | "case_types") =>
    Number(
      (await db.selectFrom(table).select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow()).n,
    );
  return {
    roles: await count("roles"),
    organisations: await count("organisations"),
    courts: await count("courts"),
    benches: await count("benches"),
    caseTypes: await count("case_types"),
  };
}

describe("loadReferenceData", () => {
  it("loads every item and is idempotent", async () => {
    const { changed, ...counts } = first;
    expect(changed).toBeGreaterThan(0);
    expect(second).toEqual({ ...counts, changed: 0 });
    expect(await tableCounts()).toEqual(counts);
    expect(counts.organisations).toBeGreaterThanOrEqual(40);
    expect(counts.courts).toBeGreaterThanOrEqual(15);
  });

  it("reports progress up to the total", () => {
    const last = progress.at(-1)!;
    expect(last[0]).toBe(last[1]);
    const { changed: _, ...counts } = first;
    expect(last[1]).toBe(Object.values(counts).reduce((a, b) => a + b, 0));
  });

  it("bumps no versions and writes one audit event across two loads", async () => {
    const versions = await handle.db.selectFrom("organisations").select("version").distinct().execute();
    expect(versions.map((v) => v.version)).toEqual([1]);
    const events = await handle.db.selectFrom("audit_events").select("action").execute();
    expect(events).toEqual([{ action: "reference.updated" }]);
  });

  it("has all ten roles", async () => {
    const rows = await handle.db
      .selectFrom("roles")
      .select(["code", "name_ur"])
      .orderBy("sort_order")
      .execute();
    expect(rows.map((r) => r.code)).toEqual([...ROLES]);
    for (const r of rows) expect(r.name_ur).not.toBe("");
  });

  it("gives the Lahore High Court its principal seat and benches at Rawalpindi, Multan and Bahawalpur", async () => {
    const benches = await handle.db
      .selectFrom("benches")
      .innerJoin("courts", "courts.id", "benches.court_id")
      .where("courts.code", "=", "LHC")
      .select(["benches.city", "benches.is_principal_seat"])
      .execute();
    expect(benches.map((b) => b.city).sort()).toEqual(["Bahawalpur", "Lahore", "Multan", "Rawalpindi"]);
    expect(benches.filter((b) => b.is_principal_seat).map((b) => b.city)).toEqual(["Lahore"]);
  });

  it("gives every court exactly one principal seat", async () => {
    const rows = await handle.db
      .selectFrom("courts")
      .leftJoin("benches", (j) =>
        j.onRef("benches.court_id", "=", "courts.id").on("benches.is_principal_seat", "=", true),
      )
      .select(["courts.code", sql<number>`count(benches.id)::int`.as("seats")])
      .groupBy("courts.code")
      .execute();
    for (const r of rows) expect(r, r.code).toMatchObject({ seats: 1 });
  });

  it("knows W.P. by its aliases", async () => {
    const wp = await handle.db
      .selectFrom("case_types")
      .selectAll()
      .where("code", "=", "WP")
      .executeTakeFirstOrThrow();
    expect(wp.abbreviation).toBe("W.P.");
    expect(wp.aliases).toContain("WP");
    expect(wp.aliases).toContain("Writ Petition");
    expect(wp.court_levels).toEqual(["high"]);
  });

  it("sets Urdu names and parents of organisations", async () => {
    const orgs = await handle.db
      .selectFrom("organisations as o")
      .leftJoin("organisations as p", "p.id", "o.parent_id")
      .select(["o.code", "o.name_ur", "o.kind", "p.code as parent"])
      .where("o.code", "in", ["INTERIOR", "FIA", "FBR", "REVENUE", "LAW", "SYSADMIN"])
      .execute();
    const byCode = new Map(orgs.map((o) => [o.code, o]));
    expect(byCode.get("INTERIOR")).toMatchObject({ name_ur: "وزارت داخلہ", parent: null });
    expect(byCode.get("FIA")?.parent).toBe("INTERIOR");
    expect(byCode.get("FBR")?.parent).toBe("REVENUE");
    expect(byCode.get("REVENUE")?.parent).toBe("FINANCE");
    expect(byCode.get("LAW")?.kind).toBe("law_ministry");
    expect(byCode.get("SYSADMIN")?.kind).toBe("system");
  });

  it("keeps the status of unconfirmed items visible", async () => {
    const fcc = await handle.db
      .selectFrom("courts")
      .select("status")
      .where("code", "=", "FCC")
      .executeTakeFirstOrThrow();
    expect(fcc.status).toBe("U");
    const tr = await handle.db
      .selectFrom("case_types")
      .select("source")
      .where("code", "=", "TR")
      .executeTakeFirstOrThrow();
    expect(tr.source).toMatch(/\[U\]$/);
  });

  it("writes changes from the files back and bumps the version", async () => {
    await handle.db.updateTable("courts").set({ name_en: "edited" }).where("code", "=", "IHC").execute();
    const result = await loadReferenceData(handle.db);
    expect(result.changed).toBe(1);
    const ihc = await handle.db
      .selectFrom("courts")
      .select(["name_en", "version"])
      .where("code", "=", "IHC")
      .executeTakeFirstOrThrow();
    expect(ihc).toEqual({ name_en: "Islamabad High Court", version: 2 });
  });

  it("names the file and the item when the data is bad", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "cams-reference-"));
    try {
      for (const f of ["roles.json", "courts.json", "case-types.json"]) {
        await writeFile(path.join(dir, f), await readFile(path.join(REFERENCE_DIR, f)));
      }
      const orgs = JSON.parse(await readFile(path.join(REFERENCE_DIR, "organisations.json"), "utf8"));
      const fia = orgs.items.find((o: { code: string }) => o.code === "FIA");
      fia.parent_code = "NOWHERE";
      fia.kind = "department";
      await writeFile(path.join(dir, "organisations.json"), JSON.stringify(orgs));
      const attempt = loadReferenceData(handle.db, { dir });
      await expect(attempt).rejects.toThrow(/reference\/organisations\.json is invalid/);
      await expect(attempt).rejects.toThrow(/\(code FIA\) › kind/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
