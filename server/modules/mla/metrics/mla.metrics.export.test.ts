import { describe, expect, it } from "vitest";
import type { MlaMetrics } from "../../../../common/schemas/mla-metrics.ts";
import { MLA_METRICS_TABLES } from "../../../../common/schemas/mla-metrics-export.ts";
import { signedIn } from "../../../test/factories.ts";
import { call } from "../../../test/harness.ts";
import {
  expectBadQueries,
  expectFilesEqual,
  expectPdf,
  exportEvents,
  get,
  readCsv,
} from "../../../test/table-export.ts";
import { metricsSheet } from "./mla.metrics.export.ts";

/** Issue 6 item 3 for the MLA figures: each table of GET /mla/metrics as CSV, XLSX and PDF, like the dashboard. */
describe("MLA figures export", () => {
  it("writes each table as the figures' JSON has it, for the Central Authority only, audited", async () => {
    const fia = await signedIn(["requesting_agency"]);
    const ca = await signedIn(["central_authority"]);
    for (const title of ["Figures export one", "Figures export two"]) {
      const res = await call(fia, {
        method: "POST",
        url: "/api/v1/mla/requests",
        body: { kind: "preservation", title },
      });
      expect(res.statusCode).toBe(201);
    }
    const m = (await get(ca, "/api/v1/mla/metrics")).json() as MlaMetrics;
    for (const table of MLA_METRICS_TABLES) {
      await expectFilesEqual(
        ca,
        `/api/v1/mla/metrics/export?table=${table}`,
        metricsSheet(m, table),
        `mla-metrics-${table}`,
      );
    }
    // not a copy of its own: the drafts waiting are the JSON's count
    const pending = readCsv(
      (await get(ca, "/api/v1/mla/metrics/export?table=pending&format=csv")).rawPayload,
    );
    const draft = m.pending.rows.find((r) => r.kind === "preservation" && r.state === "draft")!;
    expect(draft.total).toBeGreaterThanOrEqual(2);
    expect(pending).toContainEqual([
      "Preservation",
      "draft",
      String(draft.total),
      ...draft.byAge.map(String),
    ]);
    expect(pending[0]).toEqual([
      "Kind",
      "State",
      "Total",
      "0–30 days",
      "31–90 days",
      "91–180 days",
      "181–365 days",
      "Over 365 days",
    ]);
    await expectPdf(ca, "/api/v1/mla/metrics/export?table=timeInState&format=pdf");
    const events = await exportEvents(ca.userId, "mla_metrics_table");
    expect(events.at(-1)).toEqual({ format: "pdf", rows: m.timeInState.states.length, table: "timeInState" });
    expect(events).toHaveLength(MLA_METRICS_TABLES.length * 2 + 2);

    // an agency reads no figures: 403, as GET /mla/metrics, and no file
    const refused = await get(fia, "/api/v1/mla/metrics/export?table=pending&format=csv");
    expect(refused.statusCode).toBe(403);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect(await exportEvents(fia.userId, "mla_metrics_table")).toEqual([]);
  });

  it("400 for an unknown table or format naming the field, 401 anonymous", async () => {
    const ca = await signedIn(["central_authority"]);
    await expectBadQueries(ca, "/api/v1/mla/metrics/export", [
      ["format=csv", "table"],
      ["table=secrets&format=csv", "table"],
      ["table=pending", "format"],
      ["table=pending&format=docx", "format"],
    ]);
    expect((await get(null, "/api/v1/mla/metrics/export?table=pending&format=csv")).statusCode).toBe(401);
  });
});
