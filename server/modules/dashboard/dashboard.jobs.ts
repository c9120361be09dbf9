import type { Database } from "../../db/connection.ts";
import type { ScheduledJob } from "../../platform/jobs.ts";
import { countCaseFigures } from "./dashboard.figures.ts";

/** The dashboards' pre-count, made again every `everyMinutes` (a divisor of an hour, so the cron is exact). */
export function dashboardJobs(db: Database, everyMinutes: number): ScheduledJob[] {
  const cron = everyMinutes >= 60 ? "0 * * * *" : `*/${everyMinutes} * * * *`;
  return [{ name: "case-figures", cron, run: () => countCaseFigures(db).then(() => undefined) }];
}
