import { sql } from "kysely";
import { CASE_STATUSES } from "../../../common/case-status.ts";
import { AGE_BUCKETS as CASE_AGE_BUCKETS } from "../../../common/schemas/cases.ts";
import { AGE_BUCKETS, type PublicStatistics } from "../../../common/schemas/public.ts";
import type { Database } from "../../db/connection.ts";
import { courtDay } from "../../platform/clock.ts";
import { currentCount } from "../dashboard/dashboard.figures.ts";

/**
 * Open statistics (issue 6 item 4), read from the dashboards' pre-count (dashboard.figures.ts), which holds
 * non-confidential cases only: no names, no titles, no numbers, and a few hundred rows to sum however often
 * anyone asks. The year filed is the filing date's year, else the case number's year; the age bucket counts
 * pending cases by time since filing (DOMAIN.md §8's buckets). `asOf` is the courts' day of the count.
 */
export async function statistics(db: Database): Promise<PublicStatistics> {
  const count = await currentCount(db, courtDay());
  const rows = (measure: string) => db.selectFrom("case_figures as f").where("f.measure", "=", measure);
  const n = sql<string>`sum(f.cases)::text`.as("n");
  const [byOrg, byCourt, byStatus, byYear, byAge] = await Promise.all([
    rows("status")
      .innerJoin("organisations as o", "o.id", "f.organisation_id")
      .select(["o.code", "o.name_en", "o.name_ur", n])
      .groupBy(["o.code", "o.name_en", "o.name_ur"])
      .orderBy("o.code")
      .execute(),
    rows("status")
      .innerJoin("courts as ct", "ct.id", "f.court_id")
      .select(["ct.code", "ct.name_en", "ct.name_ur", n])
      .groupBy(["ct.code", "ct.name_en", "ct.name_ur", "ct.sort_order"])
      .orderBy("ct.sort_order")
      .execute(),
    rows("status").select(["f.key", n]).groupBy("f.key").execute(),
    rows("yearFiled").select(["f.key", n]).groupBy("f.key").orderBy(sql`f.key::int`).execute(),
    rows("pending").select(["f.key", n]).groupBy("f.key").execute(),
  ]);
  const statusCount = new Map(byStatus.map((s) => [s.key, Number(s.n)]));
  const ageCount = new Map(byAge.map((a) => [a.key, Number(a.n)]));
  const item = (key: string, nameEn: string, nameUr: string, count: string | number) => ({
    key,
    nameEn,
    nameUr,
    count: Number(count),
  });
  return {
    asOf: count.courtDay,
    countedAt: count.countedAt.toISOString(),
    total: byStatus.reduce((a, s) => a + Number(s.n), 0),
    byOrganisation: byOrg.map((o) => item(o.code, o.name_en, o.name_ur, o.n)),
    byCourt: byCourt.map((c) => item(c.code, c.name_en, c.name_ur, c.n)),
    byStatus: CASE_STATUSES.map((s) => item(s, s, s, statusCount.get(s) ?? 0)),
    byYearFiled: byYear.map((y) => item(y.key, y.key, y.key, y.n)),
    // the dashboard's bucket keys, in the same order, under the published names
    byAgeBucket: AGE_BUCKETS.map((b, i) => item(b, b, b, ageCount.get(CASE_AGE_BUCKETS[i] ?? "") ?? 0)),
  };
}
