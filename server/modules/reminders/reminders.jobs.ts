import type { Config } from "../../config.ts";
import type { Database } from "../../db/connection.ts";
import { courtDay } from "../../platform/clock.ts";
import type { ScheduledJob } from "../../platform/jobs.ts";
import { deliverOutbox } from "../../platform/mail.ts";
import { sendMlaDeadlineAlerts } from "../mla/deadlines/mla.reminders.ts";
import { sendWeeklyReports } from "../reports/reports.weekly.ts";
import { escalateOverdueTasks } from "../tasks/tasks.escalation.ts";
import { sendDailyDigests } from "./digest.ts";
import { sendDueReminders } from "./reminders.scan.ts";
import { flagStaleCases } from "./stale.ts";

/** Flags stale cases batch after batch until none is left (each batch its own transaction). */
async function flagAllStaleCases(db: Database, days: number) {
  let total = 0;
  for (let n = await flagStaleCases(db, days); n > 0; n = await flagStaleCases(db, days)) total += n;
  return total;
}

/** The background jobs of CAMS and when they run (cron, Pakistan time). Each is safe to run twice. */
export function camsJobs(db: Database, config: Config): ScheduledJob[] {
  // Links in emails need a host: the configured public URL, else where this process listens.
  const url =
    config.publicUrl ?? `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}`;
  return [
    {
      name: "reminders-scan",
      cron: "*/15 * * * *",
      run: () => sendDueReminders(db, config.reminderLeadDays, courtDay(), url),
    },
    // MLA deadlines apart from case reminders: their own table, recipients and wording (confidential register)
    {
      name: "mla-deadlines-scan",
      cron: "*/15 * * * *",
      run: () => sendMlaDeadlineAlerts(db, courtDay(), url),
    },
    { name: "tasks-escalate", cron: "5 * * * *", run: () => escalateOverdueTasks(db, courtDay()) },
    { name: "cases-stale", cron: "30 1 * * *", run: () => flagAllStaleCases(db, config.staleAfterDays) },
    { name: "daily-digest", cron: "0 7 * * *", run: () => sendDailyDigests(db, courtDay(), url) },
    // hourly, not once: a process down at 07:15 still sends the day's reports; last_sent_on keeps them single
    { name: "weekly-reports", cron: "15 * * * *", run: () => sendWeeklyReports(db, courtDay(), url) },
    {
      name: "mail-deliver",
      cron: "* * * * *",
      run: () => deliverOutbox(db, config.smtpUrl, config.mailFrom),
    },
  ];
}
