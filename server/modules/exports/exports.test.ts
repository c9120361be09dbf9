import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { CaseSummary } from "../../../common/schemas/cases.ts";
import { makeOrganisation, makeUser, referenceIds, signedIn } from "../../test/factories.ts";
import { call, type Session, testApp } from "../../test/harness.ts";
import { readXlsx } from "../../test/xlsx.ts";
import { HEADER } from "./exports.service.ts";

/**
 * Issue 6's must-show for exports: the XLSX (and CSV) read back equals GET /cases for the same filters, row
 * for row and column for column, scoped alike; large lists become jobs only their owner can follow.
 */
type S = Session & { organisationId: string };

async function insertCases(
  orgId: string,
  createdBy: string,
  rows: { title: string; confidential?: boolean; officerId?: string | null; filedOn?: string | null }[],
) {
  const { handle } = await testApp();
  const ref = await referenceIds();
  const tag = randomUUID().slice(0, 8);
  await handle.db
    .insertInto("cases")
    .values(
      rows.map((r, i) => ({
        organisation_id: orgId,
        court_id: ref.court("IHC"),
        bench_id: ref.bench("IHC", "ISB"),
        case_type_id: ref.type("WP"),
        number: 100 + i,
        year: 2024,
        case_key: `export/${tag}/${i}`,
        title: r.title,
        category: "service",
        status: "pending",
        is_confidential: r.confidential ?? false,
        assigned_officer_id: r.officerId ?? null,
        filed_on: r.filedOn ?? null,
        created_by: createdBy,
      })),
    )
    .execute();
}

async function listAll(s: Session, filters: Record<string, string>) {
  const items: CaseSummary[] = [];
  for (let page = 1; ; page += 1) {
    const qs = new URLSearchParams({ ...filters, page: String(page), pageSize: "200" });
    const res = await call(s, { method: "GET", url: `/api/v1/cases?${qs}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: CaseSummary[]; total: number };
    items.push(...body.items);
    if (items.length >= body.total) return items;
  }
}

const expected = (c: CaseSummary) => [
  c.displayNumber,
  c.title,
  c.court.nameEn,
  c.bench?.nameEn ?? "",
  c.organisation.nameEn,
  c.status,
  c.assignedOfficer?.fullName ?? "",
];

const readSheet = (bytes: Buffer) => readXlsx(bytes, HEADER.length);

/**
 * Runs queued exports in this process and polls the job's row until it settles. With jobs on (the test
 * config's default) the request already started a run, so this call may find nothing left to claim.
 */
async function settle(id: string, timeoutMs = 150_000) {
  const { handle, app } = await testApp();
  const { runQueuedExports } = await import("./exports.jobs.ts");
  await runQueuedExports(handle.db, app.deps.storage);
  for (const until = Date.now() + timeoutMs; Date.now() < until; ) {
    const row = await handle.db
      .selectFrom("export_jobs")
      .select(["state", "rows_done", "rows_total", "error"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    if (row.state === "done" || row.state === "failed") return row;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`export ${id} did not finish`);
}

const exportFile = (s: Session, qs: string) =>
  call(s, { method: "GET", url: `/api/v1/cases/export?${qs}` }).then((res) => {
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.rawPayload;
  });

describe("case list export", () => {
  let focal: S;
  let other: S;
  const urdu = "وفاق پاکستان بنام محمد اطہر";
  const titles = [
    urdu,
    '=HYPERLINK("http://evil.example","click")',
    "Smith & Sons <Pvt> Ltd v. \"Federation\" 'quoted'",
    "Control\u0001char\u0008 stripped",
    "Line one,\nline two",
  ];

  beforeAll(async () => {
    focal = await signedIn(["focal_person"]);
    other = await signedIn(["focal_person"]);
    const officer = await makeUser(focal.organisationId, ["law_officer"], { fullName: "Ayesha Khan" });
    await insertCases(
      focal.organisationId,
      focal.userId,
      titles.map((title, i) => ({ title, officerId: i === 0 ? officer.id : null, filedOn: "2024-03-05" })),
    );
    await insertCases(focal.organisationId, focal.userId, [{ title: "Secret matter", confidential: true }]);
    await insertCases(other.organisationId, other.userId, [{ title: "Another ministry's case" }]);
  });

  it("writes an XLSX whose sheet reads back as the list, in order, scoped to the ministry", async () => {
    const list = await listAll(focal, { status: "pending" });
    expect(list.map((c) => c.title).sort()).toEqual([...titles].sort());
    const rows = readSheet(await exportFile(focal, "format=xlsx&status=pending"));
    expect(rows[0]).toEqual([...HEADER]);
    // XML 1.0 cannot carry control characters, so the sheet holds the title without them
    const xmlSafe = (v: string) => v.replaceAll("\u0001", "").replaceAll("\u0008", "");
    expect(rows.slice(1).map((r) => [...r.slice(0, 7), r[9]])).toEqual(
      list.map((c) => [...expected(c).map(xmlSafe), c.updatedAt]),
    );
    expect(rows.slice(1).every((r) => r[8] === "2024-03-05")).toBe(true);
    expect(rows.flat().join()).not.toContain("Secret matter");
    expect(rows.flat().join()).not.toContain("Another ministry");
  });

  it("writes a CSV (BOM, quoting, formulas neutralised) that reads back as the list", async () => {
    const bytes = await exportFile(focal, "format=csv");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true }) as string[][];
    const list = await listAll(focal, {});
    expect(rows[0]).toEqual([...HEADER]);
    const neutral = (t: string) => (/^[=+\-@]/.test(t) ? `'${t}` : t);
    expect(rows.slice(1).map((r) => [...r.slice(0, 7), r[9]])).toEqual(
      list.map((c) => [...expected(c).map((v, i) => (i === 1 ? neutral(v) : v)), c.updatedAt]),
    );
    expect(rows.some((r) => r[1] === urdu)).toBe(true);
  });

  it("writes a PDF", async () => {
    const bytes = await exportFile(focal, "format=pdf");
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("refuses an unknown format and a bad filter with 400", async () => {
    for (const qs of ["format=docx", "", "format=csv&status=nonsense"]) {
      const res = await call(focal, { method: "GET", url: `/api/v1/cases/export?${qs}` });
      expect(res.statusCode, qs).toBe(400);
    }
    const res = await call(focal, { method: "POST", url: "/api/v1/exports", body: { format: "ods" } });
    expect(res.statusCode).toBe(400);
  });

  it("runs an explicit export as a job only its owner may read and download", async () => {
    const { handle } = await testApp();
    const start = await call(focal, { method: "POST", url: "/api/v1/exports", body: { format: "xlsx" } });
    expect(start.statusCode, start.body).toBe(202);
    const job = start.json() as { id: string; state: string };
    expect(job.state).toBe("queued");
    // a job still running (fresh heartbeat, so no runner claims it) answers 409 to a download
    const running = await handle.db
      .insertInto("export_jobs")
      .values({ user_id: focal.userId, format: "csv", filters: "{}", file_name: "x.csv", state: "running" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await handle.db
      .updateTable("export_jobs")
      .set({ heartbeat_at: new Date() })
      .where("id", "=", running.id)
      .execute();
    const early = await call(focal, { method: "GET", url: `/api/v1/exports/${running.id}/download` });
    expect(early.statusCode).toBe(409);
    await settle(job.id);
    const done = await call(focal, { method: "GET", url: `/api/v1/exports/${job.id}` });
    expect(done.json()).toMatchObject({ state: "done", rowsDone: 5, rowsTotal: 5, format: "xlsx" });
    for (const url of [`/api/v1/exports/${job.id}`, `/api/v1/exports/${job.id}/download`])
      expect((await call(other, { method: "GET", url })).statusCode).toBe(404);
    const file = await call(focal, { method: "GET", url: `/api/v1/exports/${job.id}/download` });
    expect(file.statusCode).toBe(200);
    expect(readSheet(file.rawPayload)).toHaveLength(6);
    const actions = await handle.db
      .selectFrom("audit_events")
      .select("action")
      .where("entity_id", "=", job.id)
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual(["export.created", "export.downloaded"]);
    const mine = await call(focal, { method: "GET", url: "/api/v1/exports" });
    expect(mine.json().map((j: { id: string }) => j.id)).toContain(job.id);
  });
});

describe("export with free-text search", () => {
  let focal: S;
  const word = `Kohistan${randomUUID().slice(0, 6)}`;
  const sortLikeExport = (items: CaseSummary[]) =>
    [...items].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));

  beforeAll(async () => {
    focal = await signedIn(["focal_person"]);
    await insertCases(focal.organisationId, focal.userId, [
      { title: `${word} Cement v. Federation` },
      { title: "Unrelated petitioner v. Federation" },
      { title: `Federation v. ${word} Traders` },
      { title: `Third ${word} matter` },
      { title: `Secret ${word} matter`, confidential: true },
    ]);
    // cases inserted directly get the search row registration would write
    const { handle } = await testApp();
    const { refreshSearch } = await import("../cases/cases.repo.ts");
    const mine = await handle.db
      .selectFrom("cases")
      .select("id")
      .where("organisation_id", "=", focal.organisationId)
      .execute();
    await handle.db.transaction().execute(async (trx) => {
      for (const c of mine) await refreshSearch(trx, c.id, "");
    });
  });

  it("exports exactly the list's matches for q, in the export's stable order, directly and as a job", async () => {
    const list = await listAll(focal, { q: word });
    expect(list).toHaveLength(3);
    const rows = parse(await exportFile(focal, `format=csv&q=${encodeURIComponent(word)}`), {
      bom: true,
    }) as string[][];
    expect(rows.slice(1).map((r) => [...r.slice(0, 7), r[9]])).toEqual(
      sortLikeExport(list).map((c) => [...expected(c), c.updatedAt]),
    );

    const start = await call(focal, {
      method: "POST",
      url: "/api/v1/exports",
      body: { format: "xlsx", filters: { q: word, status: "pending" } },
    });
    expect(start.statusCode, start.body).toBe(202);
    const job = start.json() as { id: string; rowsTotal: number };
    expect(job.rowsTotal).toBe(list.length);
    expect(await settle(job.id)).toMatchObject({ state: "done", rows_done: 3, rows_total: 3 });
    const file = await call(focal, { method: "GET", url: `/api/v1/exports/${job.id}/download` });
    expect(
      readSheet(file.rawPayload)
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(sortLikeExport(list).map((c) => c.title));
  });

  it("exports a case number typed as q as the list finds it", async () => {
    const q = "W.P. No. 101 of 2024";
    const list = await listAll(focal, { q });
    expect(list.map((c) => c.title)).toEqual(["Unrelated petitioner v. Federation"]);
    const rows = parse(await exportFile(focal, `format=csv&q=${encodeURIComponent(q)}`), {
      bom: true,
    }) as string[][];
    expect(rows.slice(1).map((r) => r[1])).toEqual(list.map((c) => c.title));
  });

  it("refuses a q longer than the list accepts with 400 naming the field", async () => {
    const res = await call(focal, {
      method: "GET",
      url: `/api/v1/cases/export?format=csv&q=${"x".repeat(201)}`,
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .join(),
    ).toContain("q");
  });
});

describe("a 100,000-row export", () => {
  it("completes as a job with every row counted", { timeout: 180_000 }, async () => {
    const { handle } = await testApp();
    const org = await makeOrganisation();
    const user = await makeUser(org.id, ["focal_person"]);
    const { login } = await import("../../test/harness.ts");
    const s = await login(user.username, "correct-horse-42");
    const ref = await referenceIds();
    const t0 = Date.now();
    await sql`
      insert into cases (organisation_id, court_id, case_type_id, number, year, case_key, title, category,
                         status, created_by)
      select ${org.id}::uuid, ${ref.court("IHC")}::uuid, ${ref.type("WP")}::uuid, g, 2023,
             ${`bulk/${org.code}/`} || g, 'Bulk petitioner ' || g || ' v. Federation of Pakistan', 'service',
             'pending', ${user.id}::uuid
      from generate_series(1, 100000) g`.execute(handle.db);
    const inserted = Date.now();
    const res = await call(s, {
      method: "GET",
      url: `/api/v1/cases/export?format=xlsx&organisationId=${org.id}`,
    });
    expect(res.statusCode, res.body).toBe(202);
    const job = res.json() as { id: string; rowsTotal: number };
    expect(job.rowsTotal).toBe(100_000);
    const row = await settle(job.id);
    expect(row).toMatchObject({ state: "done", rows_done: 100_000, rows_total: 100_000, error: null });
    const file = await call(s, { method: "GET", url: `/api/v1/exports/${job.id}/download` });
    expect(file.rawPayload.subarray(0, 2).toString()).toBe("PK");
    // a PDF is for paper: past the direct limit it is refused with the formats that fit
    const pdf = await call(s, {
      method: "GET",
      url: `/api/v1/cases/export?format=pdf&organisationId=${org.id}`,
    });
    expect(pdf.statusCode).toBe(422);
    console.log(`100k export: insert ${inserted - t0} ms, export job ${Date.now() - inserted} ms`);
  });
});
