import { z } from "zod";
import { AGE_BUCKETS } from "./cases.ts";
import { ADJOURNMENT_SIDES } from "./hearings.ts";
import { orgRef, personRef, uuid } from "./shared.ts";

/** GET /dashboard: the executive dashboard, or an organisation's (a ministry's cases, a law office's). */
export const dashboardQuery = z.object({ organisationId: uuid.optional() });

/**
 * A figure's drill-down: the case-list query (GET /cases, and /cases in the web app) whose total is the figure.
 * Values are strings, as in a URL.
 */
export const drill = z.record(z.string(), z.string());
export const figure = z.object({ count: z.number(), drill });

const orgFigure = figure.extend({ organisation: orgRef });

export const dashboardSchema = z.object({
  /** The courts' day the figures were counted on (ages, overdue, the next 7 days). */
  asOf: z.string(),
  /**
   * How fresh the figures are. Figures over wide scopes are pre-counted (every `everyMinutes`) and read from that
   * count; `countedAt` is its time, null when every figure was counted live for this reader. The drill-down
   * lists are always live, so they may differ from a figure by what changed since `countedAt`.
   */
  freshness: z.object({ countedAt: z.string().nullable(), everyMinutes: z.number() }),
  /** The organisation the dashboard is for; null for the whole scope of the reader. */
  organisation: orgRef.extend({ kind: z.string() }).nullable(),
  pendency: z.object({
    total: figure,
    byOrganisation: z.array(orgFigure),
    byCourt: z.array(figure.extend({ court: orgRef })),
    byAge: z.array(figure.extend({ bucket: z.enum(AGE_BUCKETS) })),
    /** Court × age bucket, only the cells that have cases. */
    heatmap: z.array(figure.extend({ courtId: z.string(), bucket: z.enum(AGE_BUCKETS) })),
  }),
  /** Sum of amount involved over pending cases (a decimal string, rupees); `count` is the cases behind it. */
  exposure: z.object({
    total: z.string(),
    byOrganisation: z.array(orgFigure.extend({ amount: z.string() })),
  }),
  /** The last 12 months, oldest first: cases disposed of and those in the government's favour. */
  disposal: z.array(
    z.object({
      month: z.string(),
      disposed: figure,
      inFavour: figure,
      /** inFavour / disposed, null for a month with none. */
      successRate: z.number().nullable(),
    }),
  ),
  hearings: z.object({ total: figure, byDay: z.array(figure.extend({ date: z.string() })) }),
  overdueTasks: figure,
  overdueDeadlines: figure,
  timeBarred: figure,
  stale: figure,
  delays: z.object({
    bySide: z.array(figure.extend({ side: z.enum(ADJOURNMENT_SIDES) })),
    byReason: z.array(figure.extend({ reason: z.string() })),
  }),
  /** Pending cases per assigned officer, the 20 with most. */
  workload: z.array(figure.extend({ officer: personRef })),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
export type Figure = z.infer<typeof figure>;
