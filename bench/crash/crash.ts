/**
 * Crash consistency (`npm run crash`): concurrent writers against the real server, SIGKILLed at random moments
 * and restarted on the same database; after each kill every acknowledged write must be there, nothing half-
 * written, and the audit chain must verify. Exits non-zero on any loss.
 *
 *   CRASH_DB=pglite|postgres   embedded data directory kept across restarts, or a fresh PostgreSQL database
 *   CRASH_PG_URL               the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres)
 *   CRASH_ITERATIONS=20  CRASH_WORKERS=8  CRASH_KEEP=1 (keep the database for a post-mortem)
 */
import { crashFailed, runCrash } from "./run.ts";

const db = process.env.CRASH_DB ?? "pglite";
if (db !== "pglite" && db !== "postgres") {
  console.error(`CRASH_DB must be pglite or postgres, not ${db}`);
  process.exit(2);
}
const positive = (name: string, fallback: number) => {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`${name} must be a positive whole number`);
    process.exit(2);
  }
  return n;
};

const summary = await runCrash({
  db,
  iterations: positive("CRASH_ITERATIONS", 20),
  workers: positive("CRASH_WORKERS", 8),
  ...(process.env.CRASH_PG_URL ? { pgUrl: process.env.CRASH_PG_URL } : {}),
  keep: process.env.CRASH_KEEP === "1",
  log: (line) => console.log(line),
});

const a = summary.acknowledged;
const total = a.patch + a.hearing + a.assignment + a.create;
console.log(
  [
    "",
    `Crash consistency on ${summary.db} (${summary.location}), ${summary.seconds.toFixed(1)} s`,
    `  iterations survived        ${summary.survived} of ${summary.iterations}`,
    `  acknowledged writes        ${total} (edits ${a.patch}, hearings ${a.hearing}, assignments ${a.assignment}, new cases ${a.create})`,
    `  acknowledged records checked ${summary.checked} (over all kills)`,
    `  writes cut off by a kill   ${summary.unanswered} (${summary.committedUnanswered} edits/assignments of them had committed whole)`,
    `  refused writes             ${summary.refused.length}`,
    `  lost acknowledged writes   ${summary.lost.length}`,
    `  half-written records       ${summary.halfWritten.length}`,
    `  audit chain                ${summary.chainVerified ? "verified" : "BROKEN"} (${summary.chainEvents} events)`,
    ...[...summary.lost, ...summary.halfWritten, ...summary.chainProblems]
      .slice(0, 30)
      .map((l) => `  ! ${l}`),
    ...summary.refused
      .slice(0, 10)
      .map((r) => `  refused: ${r.what} → ${r.status} ${JSON.stringify(r.body)}`),
  ].join("\n"),
);
process.exit(crashFailed(summary) ? 1 : 0);
