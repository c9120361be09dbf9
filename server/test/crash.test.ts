import { describe, expect, it } from "vitest";
import { type CrashSummary, runCrash } from "../../bench/crash/run.ts";

/**
 * Crash consistency, bounded (`npm run crash` is the long run): writers against the real server, SIGKILLed at
 * random moments and restarted on the same database. After each kill every acknowledged write is there, nothing
 * is half-written and the audit chain verifies — on embedded PGlite (its data directory survives the kill) and,
 * with TEST_DATABASE_URL, on PostgreSQL.
 */
function expectConsistent(s: CrashSummary) {
  const a = s.acknowledged;
  expect(a.patch + a.hearing + a.assignment + a.create).toBeGreaterThan(0);
  expect(s.failure).toBeUndefined();
  expect(s.refused).toEqual([]);
  expect(s.lost).toEqual([]);
  expect(s.halfWritten).toEqual([]);
  expect(s.chainProblems).toEqual([]);
  expect(s.chainVerified).toBe(true);
  expect(s.survived).toBe(s.iterations);
}

const bounded = { iterations: 3, workers: 4, maxKillDelayMs: 1500 };

describe("crash consistency", () => {
  it("PGlite: SIGKILL mid-write, restart on the same data directory, nothing acknowledged lost", async () => {
    expectConsistent(await runCrash({ db: "pglite", ...bounded }));
  }, 180_000);

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "PostgreSQL: SIGKILL mid-write, restart on the same database, nothing acknowledged lost",
    async () => {
      const base = new URL(process.env.TEST_DATABASE_URL!);
      const dbName = `${base.pathname.slice(1)}_crash_${process.pid}`;
      expectConsistent(await runCrash({ db: "postgres", pgUrl: base.toString(), dbName, ...bounded }));
    },
    180_000,
  );
});
