import { AGE_BUCKETS } from "../../../common/schemas/cases.ts";
import type { Dashboard } from "../../../common/schemas/dashboard.ts";
import { ADJOURNMENT_SIDES } from "../../../common/schemas/hearings.ts";
import type { Database } from "../../db/connection.ts";
import { addDays } from "../../platform/clock.ts";
import type { CaseFilters } from "../cases/cases.search.ts";
import type { StoredFigures } from "./dashboard.figures.ts";
import { addMonths, type FigureRow, firstDisposalMonth } from "./dashboard.measures.ts";

/**
 * Sums figure rows — live ones and pre-counted ones — into the dashboard's shape. A live row carries both its
 * organisation and its court; the pre-count is read already summed by organisation and by court, so each
 * source adds to the maps it has.
 */
type Sum = { cases: number; won: number; amount: bigint };
export type Tally = {
  pendingByOrganisation: Map<string, Sum>;
  pendingByCourtAge: Map<string, number>; // `${courtId}|${bucket}`
  byKey: Map<string, Sum>; // `${measure}|${key}`
  reasons: Map<string, number>;
  workload: Map<string, number>; // officer id
};

export const emptyTally = (): Tally => ({
  pendingByOrganisation: new Map(),
  pendingByCourtAge: new Map(),
  byKey: new Map(),
  reasons: new Map(),
  workload: new Map(),
});

/** Amounts as whole paisa, so large exposures add up exactly. */
function paisa(value: string | number): bigint {
  const [whole = "0", frac = ""] = String(value).split(".");
  const sign = whole.startsWith("-") ? -1n : 1n;
  return sign * (BigInt(whole.replace("-", "")) * 100n + BigInt(frac.padEnd(2, "0").slice(0, 2)));
}
const rupees = (p: bigint) => `${p / 100n}.${String(p % 100n).padStart(2, "0")}`;

function addSum(map: Map<string, Sum>, key: string, cases: number, won: number, amount: bigint) {
  const s = map.get(key) ?? { cases: 0, won: 0, amount: 0n };
  map.set(key, { cases: s.cases + cases, won: s.won + won, amount: s.amount + amount });
}
const addCount = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);

export function tallyLive(t: Tally, rows: FigureRow[]) {
  for (const r of rows) {
    const n = Number(r.cases);
    if (r.measure === "pending") {
      addSum(t.pendingByOrganisation, r.organisation_id, n, 0, paisa(r.amount));
      addCount(t.pendingByCourtAge, `${r.court_id}|${r.key}`, n);
    } else if (r.measure === "adjournmentReason") addCount(t.reasons, r.key, n);
    else if (r.measure === "workload") addCount(t.workload, r.key, n);
    else addSum(t.byKey, `${r.measure}|${r.key}`, n, Number(r.won), 0n);
  }
}

export function tallyStored(t: Tally, s: StoredFigures) {
  for (const r of s.pendingByOrganisation)
    addSum(t.pendingByOrganisation, r.organisation_id, Number(r.cases), 0, paisa(r.amount));
  for (const r of s.pendingByCourtAge)
    addCount(t.pendingByCourtAge, `${r.court_id}|${r.key}`, Number(r.cases));
  for (const r of s.byKey) addSum(t.byKey, `${r.measure}|${r.key}`, Number(r.cases), Number(r.won), 0n);
  for (const r of s.reasons) addCount(t.reasons, r.key, Number(r.cases));
  for (const r of s.workload) addCount(t.workload, r.key, Number(r.cases));
}

type Named = { id: string; code: string; name_en: string; name_ur: string };
const ref = (r: Named) => ({ id: r.id, code: r.code, nameEn: r.name_en, nameUr: r.name_ur });

async function namesOf(db: Database, t: Tally) {
  const orgIds = [...t.pendingByOrganisation.keys()];
  const courtIds = [...new Set([...t.pendingByCourtAge.keys()].map((k) => k.split("|")[0] ?? ""))];
  const officerIds = [...t.workload.keys()];
  // organisations and courts answer the same columns; an empty id list needs no query
  const named = (table: "organisations" | "courts", ids: string[]) =>
    ids.length
      ? db.selectFrom(table).select(["id", "code", "name_en", "name_ur"]).where("id", "in", ids).execute()
      : Promise.resolve([]);
  const [orgs, courts, officers] = await Promise.all([
    named("organisations", orgIds),
    named("courts", courtIds),
    officerIds.length
      ? db.selectFrom("users").select(["id", "full_name"]).where("id", "in", officerIds).execute()
      : [],
  ]);
  return {
    orgs: new Map(orgs.map((o) => [o.id, o])),
    courts: new Map(courts.map((c) => [c.id, c])),
    officers: new Map(officers.map((o) => [o.id, o.full_name])),
  };
}

const byCountDesc = <T extends { count: number }>(a: T, b: T) => b.count - a.count;

/** The dashboard from its tally; every figure's drill-down is the case-list query that lists its cases. */
export async function assembleDashboard(
  db: Database,
  t: Tally,
  base: CaseFilters,
  today: string,
): Promise<Omit<Dashboard, "organisation" | "freshness">> {
  const names = await namesOf(db, t);
  const drill = (extra: CaseFilters) => toDrill({ ...base, ...extra });
  const pending = { status: "pending" } as const;
  const keyed = (measure: string, key = "") => t.byKey.get(`${measure}|${key}`) ?? { cases: 0, won: 0 };
  const figure = (measure: string, extra: CaseFilters) => ({
    count: keyed(measure).cases,
    drill: drill(extra),
  });

  const byOrganisation = [...t.pendingByOrganisation]
    .flatMap(([id, s]) => {
      const org = names.orgs.get(id);
      return org ? [{ org, s }] : [];
    })
    .map(({ org, s }) => ({
      organisation: ref(org),
      count: s.cases,
      amount: rupees(s.amount),
      drill: drill({ ...pending, organisationId: org.id }),
    }))
    .sort((a, b) => byCountDesc(a, b) || a.organisation.code.localeCompare(b.organisation.code));
  const cells = [...t.pendingByCourtAge].map(([k, count]) => {
    const [courtId = "", bucket] = k.split("|") as [string, (typeof AGE_BUCKETS)[number]];
    return { courtId, bucket, count };
  });
  const byCourtId = new Map<string, number>();
  for (const c of cells) byCourtId.set(c.courtId, (byCourtId.get(c.courtId) ?? 0) + c.count);
  const exposure = byOrganisation
    .filter((r) => paisa(r.amount) > 0n)
    .sort((a, b) => (paisa(b.amount) > paisa(a.amount) ? 1 : paisa(b.amount) < paisa(a.amount) ? -1 : 0));
  const firstMonth = firstDisposalMonth(today).slice(0, 7);

  return {
    asOf: today,
    pendency: {
      total: {
        count: byOrganisation.reduce((n, r) => n + r.count, 0),
        drill: drill(pending),
      },
      byOrganisation: byOrganisation.map(({ amount: _amount, ...r }) => r),
      byCourt: [...byCourtId]
        .flatMap(([id, count]) => {
          const court = names.courts.get(id);
          return court ? [{ court: ref(court), count, drill: drill({ ...pending, courtId: id }) }] : [];
        })
        .sort((a, b) => byCountDesc(a, b) || a.court.code.localeCompare(b.court.code)),
      byAge: AGE_BUCKETS.map((bucket) => ({
        bucket,
        count: cells.filter((c) => c.bucket === bucket).reduce((n, c) => n + c.count, 0),
        drill: drill({ ...pending, ageBucket: bucket }),
      })),
      heatmap: cells
        .filter((c) => c.count > 0)
        .map((c) => ({ ...c, drill: drill({ ...pending, courtId: c.courtId, ageBucket: c.bucket }) })),
    },
    exposure: {
      total: rupees(exposure.reduce((s, r) => s + paisa(r.amount), 0n)),
      byOrganisation: exposure,
    },
    disposal: Array.from({ length: 12 }, (_, i) => {
      const month = addMonths(firstMonth, i);
      const { cases, won } = keyed("disposed", month);
      return {
        month,
        disposed: { count: cases, drill: drill({ decidedMonth: month }) },
        inFavour: { count: won, drill: drill({ decidedMonth: month, result: "in_favour" }) },
        successRate: cases > 0 ? won / cases : null,
      };
    }),
    hearings: {
      total: figure("hearingWeek", { hearingFrom: today, hearingTo: addDays(today, 6) }),
      byDay: Array.from({ length: 7 }, (_, i) => {
        const date = addDays(today, i);
        return {
          date,
          count: keyed("hearing", date).cases,
          drill: drill({ hearingFrom: date, hearingTo: date }),
        };
      }),
    },
    overdueTasks: figure("overdueTask", { attention: "overdueTask" }),
    overdueDeadlines: figure("overdueDeadline", { attention: "overdueDeadline" }),
    timeBarred: figure("timeBarred", { attention: "timeBarred" }),
    stale: figure("stale", { attention: "stale" }),
    delays: {
      bySide: ADJOURNMENT_SIDES.map((side) => ({
        side,
        count: keyed("adjournedBy", side).cases,
        drill: drill({ adjournedBy: side }),
      })),
      byReason: [...t.reasons]
        .map(([reason, count]) => ({ reason, count, drill: drill({ adjournmentReason: reason }) }))
        .sort((a, b) => byCountDesc(a, b) || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0))
        .slice(0, 10),
    },
    workload: [...t.workload]
      .map(([id, count]) => ({
        officer: { id, fullName: names.officers.get(id) ?? "" },
        count,
        drill: drill({ ...pending, assignedTo: id }),
      }))
      .sort((a, b) => byCountDesc(a, b) || a.officer.fullName.localeCompare(b.officer.fullName))
      .slice(0, 20),
  };
}

function toDrill(f: CaseFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== null) out[k] = String(v);
  return out;
}
