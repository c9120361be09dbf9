import { expect, it } from "vitest";
import { runFuzz } from "./runner.ts";

/**
 * Property-based requests from the OpenAPI document against every operation (see runner.ts for what is
 * asserted). CI runs a few requests per operation from a fixed seed, so a failure reproduces; `npm run fuzz`
 * runs this same file with FUZZ_RUNS large and FUZZ_SEED=random. FUZZ_ONLY narrows it to matching operations
 * (a regular expression over "METHOD /path"), FUZZ_SHRINK=1 shrinks a failure to a smaller request.
 */
const runs = Number(process.env.FUZZ_RUNS ?? 20);
const seed =
  process.env.FUZZ_SEED === "random"
    ? Math.floor(Math.random() * 2 ** 31)
    : Number(process.env.FUZZ_SEED ?? 20261123);
const only = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : undefined;
// Setup plus a generous 400 ms a request (~35 ms is usual on PGlite) for the ~150 operations the API documents.
const budgetMs = 120_000 + runs * 150 * 400;

it(
  `every operation, ${runs} generated requests each (seed ${seed}): never a 500, problems with a code, no write on a refusal`,
  async () => {
    console.log(
      `API fuzz: seed ${seed}, ${runs} runs per operation (FUZZ_SEED=${seed} FUZZ_RUNS=${runs} to repeat)`,
    );
    const report = await runFuzz({ runs, seed, only, log: (line) => console.log(line) });
    console.log(
      `API fuzz: ${report.operations} operations, ${report.requests} requests in ${(report.ms / 1000).toFixed(1)} s; statuses ${JSON.stringify(report.byStatus)}`,
    );
    expect(report.failures, `seed ${seed}`).toEqual([]);
  },
  budgetMs,
);
