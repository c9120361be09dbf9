import { describe, expect, it } from "vitest";
import type { Task } from "../../../common/schemas/tasks.ts";
import { caseBody, makeUser, signedIn } from "../../test/factories.ts";
import { call, type Session } from "../../test/harness.ts";
import {
  expectBadQueries,
  expectFilesEqual,
  expectPdf,
  exportEvents,
  get,
  readCsv,
} from "../../test/table-export.ts";
import { taskSheet } from "./tasks.export.ts";

/** Issue 6 item 3 for the tasks list: GET /tasks/export is GET /tasks's rows, scope and filters, as a file. */
const create = (who: Session, body: Record<string, unknown>) =>
  call(who, { method: "POST", url: "/api/v1/tasks", body });
const list = async (who: Session, qs: string) =>
  ((await get(who, `/api/v1/tasks?${qs}`)).json() as { items: Task[] }).items;

describe("tasks list export", () => {
  it("writes the list's rows as CSV, XLSX and PDF, with its filters, audited", async () => {
    const focal = await signedIn(["focal_person"]);
    const c = (await call(focal, { method: "POST", url: "/api/v1/cases", body: await caseBody() })).json();
    const officer = await makeUser(focal.organisationId, ["focal_person"], { fullName: "Saima Export" });
    for (const [title, priority, dueOn] of [
      ['=File the reply, "urgently"', "normal", "2026-12-01"],
      ["Comply with the order — اردو", "contempt", "2026-12-01"],
      ["Draft comments", "low", "2027-01-15"],
    ] as const) {
      const res = await create(focal, {
        caseId: c.id,
        kind: "compliance",
        title,
        priority,
        assigneeUserId: officer.id,
        dueOn,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const done = await create(focal, {
      caseId: c.id,
      kind: "other",
      title: "Closed one",
      assigneeOrganisationId: focal.organisationId,
      dueOn: "2026-11-01",
    });
    expect(done.statusCode, done.body).toBe(201);
    const closed = await call(focal, {
      method: "PATCH",
      url: `/api/v1/tasks/${done.json().id}`,
      body: { version: 1, state: "done" },
    });
    expect(closed.statusCode, closed.body).toBe(200);

    for (const qs of ["scope=created&state=all", "scope=created", `scope=case&caseId=${c.id}&state=closed`]) {
      const items = await list(focal, qs);
      await expectFilesEqual(focal, `/api/v1/tasks/export?${qs}`, taskSheet(items), "tasks");
    }
    // not a copy of its own: the titles are the JSON's, in its order (contempt first on the same day)
    const csv = readCsv(
      (await get(focal, "/api/v1/tasks/export?scope=created&state=all&format=csv")).rawPayload,
    );
    expect(csv.slice(1).map((r) => r[3])).toEqual([
      "Closed one",
      "Comply with the order — اردو",
      '=File the reply, "urgently"',
      "Draft comments",
    ]);
    expect(csv[2]![2]).toBe("Contempt");
    await expectPdf(focal, "/api/v1/tasks/export?scope=created&state=all&format=pdf");

    const events = await exportEvents(focal.userId, "task_list");
    expect(events.at(-1)).toEqual({
      format: "pdf",
      rows: 4,
      filters: { scope: "created", state: "all" },
    });
    expect(events.map((e) => e.format)).toEqual(["csv", "xlsx", "csv", "xlsx", "csv", "xlsx", "csv", "pdf"]);
  });

  it("gives nothing out of scope, 400 for a bad format or filter, 401 anonymous", async () => {
    const focal = await signedIn(["focal_person"]);
    const stranger = await signedIn(["focal_person"]);
    const c = (await call(focal, { method: "POST", url: "/api/v1/cases", body: await caseBody() })).json();
    await create(focal, {
      caseId: c.id,
      kind: "other",
      title: "Not the stranger's",
      assigneeOrganisationId: focal.organisationId,
      dueOn: "2026-12-01",
    });
    // another organisation's case: 404 as the list answers; their own tasks: none of the focal's
    const other = await get(stranger, `/api/v1/tasks/export?scope=case&caseId=${c.id}&format=csv`);
    expect(other.statusCode).toBe(404);
    expect((await get(stranger, `/api/v1/tasks?scope=case&caseId=${c.id}`)).statusCode).toBe(404);
    const mine = readCsv((await get(stranger, "/api/v1/tasks/export?state=all&format=csv")).rawPayload);
    expect(mine).toEqual([taskSheet([]).header]);

    await expectBadQueries(focal, "/api/v1/tasks/export", [
      ["scope=mine", "format"],
      ["format=docx", "format"],
      ["format=csv&scope=everyone", "scope"],
      ["format=csv&state=late", "state"],
      ["format=csv&scope=case&caseId=nope", "caseId"],
      ["format=csv&scope=case", "caseId"],
    ]);
    expect((await get(null, "/api/v1/tasks/export?format=csv")).statusCode).toBe(401);
  });
});
