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
import { startJobs } from "./platform/jobs.ts";
import { openStorage } from "./platform/storage/storage.open.ts";

/** Reads config, opens and migrates the database, seeds the demo on a fresh embedded database, listens. */
async function main() {
  const config = loadConfig();
  const handle = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
  });
  const applied = config.migrate ? await migrateToLatest(handle.db) : [];
  const pending = config.migrate ? [] : await pendingMigrations(handle.db);
  if (pending.length > 0) {
    console.error(`Migrations pending (run \`cams migrate\`): ${pending.join(", ")}`);
    await handle.close();
    process.exit(2);
  }
  const empty = await isDatabaseEmpty(handle.db);
  await loadReferenceData(handle.db);
  await loadDefaultWeights(handle.db);
  await loadLimitationReference(handle.db);
  await loadMlaReference(handle.db);
  const seed =
    config.seedDemo === "always" || (config.seedDemo === "auto" && handle.kind === "pglite" && empty);
  if (seed) await seedDemo(handle.db);

  const storage = openStorage(config);
  const app = await buildApp({ db: handle.db, config, storage });
  const address = await app.listen({ host: config.host, port: config.port });
  const schedule = [
    ...camsJobs(handle.db, config),
    ...exportJobs(handle.db, storage, config.exportKeepDays),
    ...dashboardJobs(handle.db, config.dashboardEveryMinutes),
  ];
  const jobs = config.jobs ? await startJobs(handle, config.databaseUrl, schedule, app.log) : null;

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, "shutting down");
    await jobs?.stop();
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

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
