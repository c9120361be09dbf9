import { buildApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { openDatabase } from "./db/connection.ts";
import { migrateToLatest, pendingMigrations } from "./db/migrate.ts";
import { loadDefaultWeights } from "./modules/assignment/policies.service.ts";
import { dashboardJobs } from "./modules/dashboard/dashboard.jobs.ts";
import { loadLimitationReference } from "./modules/deadlines/deadlines.reference.ts";
import { DEMO_PASSWORD, demoAccounts, isDatabaseEmpty, seedDemo } from "./modules/demo/demo.seed.ts";
import { exportJobs } from "./modules/exports/exports.jobs.ts";
import { loadMlaReference } from "./modules/mla/mla.reference.ts";
import { loadReferenceData } from "./modules/reference/reference.loader.ts";
import { camsJobs } from "./modules/reminders/reminders.jobs.ts";
import { loadTrainingReference } from "./modules/training/training.reference.ts";
import { startJobs } from "./platform/jobs.ts";
import { Lifecycle, shutDown } from "./platform/lifecycle.ts";
import { openStorage } from "./platform/storage/storage.open.ts";

/**
 * Reads config, opens the database, listens at once (readiness answers 503 "starting" meanwhile), migrates,
 * loads reference data, seeds the demo on a fresh embedded database, then is ready and starts the jobs.
 * SIGTERM/SIGINT drain requests and jobs before exit (platform/lifecycle.ts).
 */
async function main() {
  const config = loadConfig();
  const handle = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
  });
  const pending = config.migrate ? [] : await pendingMigrations(handle.db);
  if (pending.length > 0) {
    console.error(`Migrations pending (run \`cams migrate\`): ${pending.join(", ")}`);
    await handle.close();
    process.exit(2);
  }
  const lifecycle = new Lifecycle();
  const storage = openStorage(config);
  const app = await buildApp({ db: handle.db, config, storage, lifecycle });
  const address = await app.listen({ host: config.host, port: config.port });

  // Everything after listening, in order; a signal that arrives meanwhile waits for it, then stops cleanly
  // (PGlite closed, no postmaster.pid left behind).
  const startup = (async () => {
    lifecycle.starting("migrating");
    const applied = config.migrate ? await migrateToLatest(handle.db) : [];
    lifecycle.starting("loading reference data");
    const empty = await isDatabaseEmpty(handle.db);
    await loadReferenceData(handle.db);
    await loadDefaultWeights(handle.db);
    await loadLimitationReference(handle.db);
    await loadMlaReference(handle.db);
    await loadTrainingReference(handle.db);
    const seed =
      config.seedDemo === "always" || (config.seedDemo === "auto" && handle.kind === "pglite" && empty);
    if (seed) {
      lifecycle.starting("seeding demo data");
      await seedDemo(handle.db);
    }
    const schedule = [
      ...camsJobs(handle.db, config),
      ...exportJobs(handle.db, storage, config.exportKeepDays),
      ...dashboardJobs(handle.db, config.dashboardEveryMinutes),
    ];
    const jobs = config.jobs ? await startJobs(handle, config.databaseUrl, schedule, app.log) : null;
    return { applied, seed, jobs };
  })();

  const stop = async (signal: string) => {
    app.log.info({ signal, drainSeconds: config.drainSeconds }, "shutting down: draining");
    // still starting: readiness already fails and the start gate keeps answering 503 until it is done
    const started = await startup.catch(() => null);
    try {
      const code = await shutDown({
        app,
        lifecycle,
        drainSeconds: config.drainSeconds,
        timeoutSeconds: config.shutdownTimeoutSeconds,
        stopJobs: async () => started?.jobs?.stop(),
        closeDatabase: () => handle.close(),
      });
      process.exit(code);
    } catch (error) {
      app.log.error({ err: error }, "shutdown failed");
      process.exit(1);
    }
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));

  const { applied, seed } = await startup;
  // a signal during start-up has already begun draining; do not turn readiness back on
  if (lifecycle.phase === "starting") lifecycle.ready();

  const url = config.publicUrl ?? address.replace("127.0.0.1", "localhost");
  const lines = [
    "",
    `CAMS is serving at ${url}  (API docs: ${url}/api/docs)`,
    `Database: ${handle.kind} (${handle.location})${applied.length ? `; applied ${applied.join(", ")}` : ""}`,
    // where documents go, never with the keys
    config.storage.kind === "s3"
      ? `Documents: S3 bucket ${config.storage.bucket} at ${config.storage.endpoint}`
      : `Documents: ${config.storage.root}`,
  ];
  if (seed || (await demoAccounts(handle.db)).length > 0) {
    lines.push(`Demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const a of await demoAccounts(handle.db)) lines.push(`  ${a.username.padEnd(18)} ${a.role}`);
  }
  console.log(lines.join("\n"));
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
