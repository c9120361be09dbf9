import type { Config } from "../server/config.ts";
import type { Database } from "../server/db/connection.ts";
import {
  SYNTHETIC_PASSWORD,
  SyntheticRefused,
  seedSynthetic,
} from "../server/modules/synthetic/synthetic.seed.ts";
import { openStorage } from "../server/platform/storage/storage.open.ts";
import { CliError, progressBar } from "./terminal.ts";

/** `cams seed --synthetic`: the options checked, the load run with a progress bar per phase, its figures printed. */

const say = (line = "") => process.stdout.write(`${line}\n`);

export type SeedOptions = {
  demo?: boolean;
  synthetic?: boolean;
  cases: string;
  seed?: string;
  asOf?: string;
  force?: boolean;
};

export function syntheticOptions(opts: SeedOptions) {
  const cases = Number(opts.cases);
  if (!/^\d+$/.test(opts.cases) || cases < 1 || cases > 50_000_000)
    throw new CliError("--cases: a whole number from 1 to 50,000,000", 2);
  const seed = opts.seed === undefined ? undefined : Number(opts.seed);
  if (seed !== undefined && (!/^\d+$/.test(opts.seed!) || seed > 2 ** 32 - 1))
    throw new CliError("--seed: a whole number from 0 to 4294967295", 2);
  if (opts.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf))
    throw new CliError("--as-of: a date as YYYY-MM-DD", 2);
  return { cases, seed, asOf: opts.asOf };
}

export async function seedSyntheticData(
  db: Database,
  config: Config,
  opts: ReturnType<typeof syntheticOptions>,
) {
  let bar: ReturnType<typeof progressBar> | null = null;
  let current = "";
  const result = await seedSynthetic(db, {
    ...opts,
    storage: openStorage(config),
    onProgress: (phase, done, total) => {
      if (phase !== current) {
        bar?.stop();
        bar = progressBar(phase);
        current = phase;
      }
      bar?.update(done, total);
    },
  })
    .catch((error: unknown) => {
      if (error instanceof SyntheticRefused) throw new CliError(`refusing to seed: ${error.message}`, 2);
      throw error;
    })
    .finally(() => bar?.stop());
  say(`synthetic data (seed ${result.seed}, as of ${result.asOf}) in ${(result.ms / 1000).toFixed(1)} s:`);
  for (const p of result.phases) say(`  ${p.phase.padEnd(16)} ${(p.ms / 1000).toFixed(1).padStart(8)} s`);
  const seconds = (entries: Record<string, number>) =>
    Object.entries(entries)
      .sort((x, y) => y[1] - x[1])
      .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)}`)
      .join(", ");
  say(`  writing (s, overlapped with drawing): ${seconds(result.tables)}`);
  say(`  index rebuilds (s): ${seconds(result.indexes)}`);
  say(
    `rows: ${Object.entries(result.counts)
      .map(([table, n]) => `${table} ${n.toLocaleString("en")}`)
      .join(", ")}`,
  );
  say(
    `accounts: focal.<ministry>.1, nodal.<ministry>.1, solicitor.1, assigner.agp.1, officer.0001 … (password "${SYNTHETIC_PASSWORD}")`,
  );
}
