import { readFileSync } from "node:fs";
import os from "node:os";
import { Command } from "commander";
import { username as usernameRule } from "../common/schemas/users.ts";
import { type Config, ConfigError, loadConfig } from "../server/config.ts";
import { type Database, openDatabase } from "../server/db/connection.ts";
import { migrateToLatest } from "../server/db/migrate.ts";
import { inTransaction, isUniqueViolation } from "../server/db/transaction.ts";
import { verifyLedger } from "../server/modules/assignment/assignment.views.ts";
import { loadDefaultWeights } from "../server/modules/assignment/policies.service.ts";
import { loadLimitationReference } from "../server/modules/deadlines/deadlines.reference.ts";
import { DEMO_PASSWORD, demoAccounts, isDatabaseEmpty, seedDemo } from "../server/modules/demo/demo.seed.ts";
import { loadMlaReference } from "../server/modules/mla/mla.reference.ts";
import { loadReferenceData, type ReferenceCounts } from "../server/modules/reference/reference.loader.ts";
import { loadTrainingReference } from "../server/modules/training/training.reference.ts";
import { recordAudit, verifyAuditChain } from "../server/platform/audit.ts";
import { passwordRejection, passwordRejectionMessage } from "../server/platform/auth/password-policy.ts";
import { hashPassword } from "../server/platform/auth/passwords.ts";
import { Problem } from "../server/platform/errors.ts";
import { backupDatabase } from "./backup.ts";
import { restoreBackup } from "./backup-restore.ts";
import { type SeedOptions, seedSyntheticData, syntheticOptions } from "./seed-synthetic.ts";
import { CliError, progressBar, promptHidden } from "./terminal.ts";

/**
 * `cams`: the operator's command line — migrate, seed, create the first administrator, verify the audit chain,
 * back up and restore the embedded database.
 * It reads the same configuration as the server (DATABASE_URL, or CAMS_DATA_DIR for the embedded PGlite).
 * PGlite is single-process: stop the server before pointing the CLI at its data directory.
 */
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};
const CLI_AGENT = `cams-cli/${pkg.version}`;

type GlobalOptions = { dataDir?: string };

const program = new Command()
  .name("cams")
  .description("CAMS — Case Assignment & Management System: operator commands")
  .version(pkg.version)
  .option(
    "--data-dir <dir>",
    "embedded database directory (overrides CAMS_DATA_DIR; ignored with DATABASE_URL)",
  )
  .showHelpAfterError();

const say = (line = "") => process.stdout.write(`${line}\n`);

/** The configuration the server would read, with --data-dir applied. */
function cliConfig(): Config {
  const { dataDir } = program.opts<GlobalOptions>();
  return loadConfig(dataDir ? { ...process.env, CAMS_DATA_DIR: dataDir } : process.env);
}

/** Opens the configured database, runs `work`, and always closes it (PGlite must flush before exit). */
async function withDatabase<T>(work: (db: Database, config: Config) => Promise<T>): Promise<T> {
  const config = cliConfig();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  say(`database: ${handle.kind} (${handle.location})`);
  try {
    return await work(handle.db, config);
  } finally {
    await handle.close();
  }
}

async function migrateAndLoad(db: Database, opts: { quiet?: boolean } = {}): Promise<ReferenceCounts> {
  const applied = await migrateToLatest(db);
  if (applied.length > 0) say(`applied migrations: ${applied.join(", ")}`);
  else if (!opts.quiet) say("migrations: already up to date");
  const bar = progressBar("reference data");
  const counts = await loadReferenceData(db, { onProgress: bar.update }).finally(bar.stop);
  say(
    `reference data: ${counts.roles} roles, ${counts.organisations} organisations, ${counts.courts} courts, ` +
      `${counts.benches} benches, ${counts.caseTypes} case types` +
      (counts.changed > 0 ? ` (${counts.changed} rows inserted or changed)` : " (unchanged)"),
  );
  const weights = await loadDefaultWeights(db);
  if (weights > 0) say(`assignment weights: ${weights} defaults added`);
  const limitation = await loadLimitationReference(db);
  if (limitation > 0) say(`limitation rules and court calendars: ${limitation} entries added`);
  const mla = await loadMlaReference(db);
  if (mla > 0) say(`MLA drafting rules and directory: ${mla} entries added`);
  const training = await loadTrainingReference(db);
  if (training.competences + training.modules > 0)
    say(`training: ${training.competences} competences and ${training.modules} modules added`);
  return counts;
}

program
  .command("migrate")
  .description(
    "apply pending database migrations and load the reference data (courts, case types, organisations)",
  )
  .action(async () => {
    await withDatabase((db) => migrateAndLoad(db));
  });

program
  .command("seed")
  .description(
    "load the reference data and, with --demo, the demo accounts and cases or, with --synthetic, a large " +
      "generated data set (fresh databases only)",
  )
  .option("--demo", "also seed the demo: one account per role and about 300 cases")
  .option(
    "--synthetic",
    "also seed synthetic data: users, 1,000 law officers and --cases cases with their life",
  )
  .option("--cases <n>", "with --synthetic: how many cases", "10000")
  .option("--seed <s>", "with --synthetic: the PRNG seed (same seed, cases and as-of day: same data)")
  .option("--as-of <date>", "with --synthetic: the day the data is made for (YYYY-MM-DD; default today)")
  .option("--force", "seed even though the database already has users or cases")
  .action((opts: SeedOptions) =>
    withDatabase(async (db, config) => {
      if (opts.demo && opts.synthetic) throw new CliError("choose one of --demo and --synthetic", 2);
      const synthetic = opts.synthetic ? syntheticOptions(opts) : null;
      await migrateToLatest(db);
      if (!(await isDatabaseEmpty(db)) && !opts.force) {
        throw new CliError(
          "refusing to seed: the database already has users or cases. Seeding is for a fresh database; " +
            "pass --force to seed anyway.",
        );
      }
      await migrateAndLoad(db, { quiet: true });
      if (synthetic) return seedSyntheticData(db, config, synthetic);
      if (!opts.demo) return;
      const bar = progressBar("demo data");
      const result = await seedDemo(db, { onProgress: bar.update }).finally(bar.stop);
      if (!result.seeded) {
        say("demo: not seeded — a user named 'admin' already exists (the demo has been seeded before)");
        return;
      }
      say(
        `demo: ${result.users} accounts, ${result.cases} cases, ${result.assignments} assignments, ` +
          `${result.statusChanges} status changes, ${result.links} links in ${(result.ms / 1000).toFixed(1)} s`,
      );
      say(`demo accounts (password "${DEMO_PASSWORD}"):`);
      for (const a of await demoAccounts(db)) say(`  ${a.username.padEnd(18)} ${a.role}`);
    }),
  );

program
  .command("create-admin")
  .description(
    "create an administrator account (password from CAMS_ADMIN_PASSWORD, or prompted on a terminal)",
  )
  .requiredOption("--username <username>", "login name")
  .requiredOption("--name <full name>", "the administrator's full name")
  .option("--organisation <code>", "organisation code", "SYSADMIN")
  .option("--designation <text>", "designation shown beside the name", "System Administrator")
  .option("--email <address>", "e-mail address")
  .action(
    async (opts: {
      username: string;
      name: string;
      organisation: string;
      designation: string;
      email?: string;
    }) => {
      const username = usernameRule.safeParse(opts.username);
      if (!username.success) throw new CliError(`--username: ${username.error.issues[0]?.message}`, 2);
      const fullName = opts.name.trim();
      if (!fullName) throw new CliError("--name: must not be empty", 2);
      const password = await readAdminPassword(username.data);
      const passwordHash = await hashPassword(password);
      await withDatabase(async (db) => {
        await migrateAndLoad(db, { quiet: true });
        const id = await inTransaction(db, async (trx) => {
          const org = await trx
            .selectFrom("organisations")
            .select(["id", "code"])
            .where("code", "=", opts.organisation.toUpperCase())
            .where("active", "=", true)
            .executeTakeFirst();
          if (!org)
            throw new CliError(`--organisation: no active organisation with code ${opts.organisation}`, 2);
          const row = await trx
            .insertInto("users")
            .values({
              organisation_id: org.id,
              username: username.data,
              full_name: fullName,
              email: opts.email ?? null,
              designation: opts.designation,
              password_hash: passwordHash,
              status: "active",
              approved_at: new Date(),
            })
            .returning("id")
            .executeTakeFirstOrThrow()
            .catch((error: unknown) => {
              if (isUniqueViolation(error))
                throw new CliError(`the username "${username.data}" is already taken`);
              throw error;
            });
          await trx.insertInto("user_roles").values({ user_id: row.id, role: "administrator" }).execute();
          await recordAudit(
            trx,
            {
              userId: null,
              organisationId: null,
              ip: null,
              userAgent: `${CLI_AGENT} create-admin`,
              requestId: null,
            },
            {
              action: "user.created",
              entityType: "user",
              entityId: row.id,
              organisationId: org.id,
              changes: {
                username: username.data,
                fullName,
                roles: ["administrator"],
                status: "active",
                via: "cli",
                osUser: os.userInfo().username,
                host: os.hostname(),
              },
            },
          );
          return row.id;
        });
        say(`created administrator ${username.data} (${fullName}), id ${id}`);
      });
    },
  );

/** The new administrator has no second factor yet: the single-factor password policy applies. */
async function readAdminPassword(username: string): Promise<string> {
  const fromEnv = process.env.CAMS_ADMIN_PASSWORD;
  let value: string;
  if (fromEnv) {
    value = fromEnv;
  } else if (process.stdin.isTTY) {
    value = await promptHidden("Password for the new administrator: ");
    const again = await promptHidden("Repeat the password: ");
    if (again !== value) throw new CliError("the passwords do not match", 2);
  } else {
    throw new CliError("set CAMS_ADMIN_PASSWORD, or run on a terminal to be prompted for the password", 2);
  }
  const rejected = passwordRejection(value, { username, hasSecondFactor: false });
  if (rejected) throw new CliError(`password: ${passwordRejectionMessage(rejected, false)}`, 2);
  return value;
}

const audit = program.command("audit").description("the audit trail");

audit
  .command("verify")
  .description("walk the audit hash chain and name the first broken link")
  .action(() =>
    withDatabase(async (db) => {
      const bar = progressBar("audit chain");
      const result = await verifyAuditChain(db, bar.update).finally(bar.stop);
      if (result.ok) {
        say(`audit chain intact: ${result.count} events`);
        return;
      }
      throw new CliError(
        `audit chain BROKEN at row ${result.brokenAt}: ${result.reason} (${result.count} events verified before it)`,
      );
    }),
  );

program
  .command("backup")
  .description(
    "write the embedded database, its documents and a manifest of their SHA-256s to one new file " +
      "(stop the server first: PGlite is single-process; PostgreSQL: use pg_dump, see the README)",
  )
  .argument("<file>", "the backup file to create (never overwritten), e.g. cams-2026-11-23.tar")
  .action(async (file: string) => {
    const result = await backupDatabase(cliConfig(), file, pkg.version);
    const m = result.manifest;
    say(
      `backup: ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB) in ${(result.ms / 1000).toFixed(1)} s`,
    );
    say(
      `  schema ${m.schemaMigration}; ${m.counts.cases} cases, ${m.counts.documents} documents, ` +
        `${m.blobs.length} files, ${m.auditHead.events} audit events`,
    );
    for (const lost of m.missingBlobs) say(`  WARNING: blob ${lost.sha256} not backed up: ${lost.reason}`);
  });

program
  .command("restore")
  .description(
    "restore a `cams backup` file into the embedded data directory after checking every part against its " +
      "manifest, the audit chain and every document; refused over an existing database without --force",
  )
  .argument("<file>", "a file written by `cams backup`")
  .option("--force", "move the existing database and documents aside (replaced-<time>/) and restore anyway")
  .action(async (file: string, opts: { force?: boolean }) => {
    const bar = progressBar("audit chain");
    const result = await restoreBackup(cliConfig(), file, {
      force: opts.force,
      onAuditProgress: bar.update,
    }).finally(bar.stop);
    const m = result.manifest;
    say(
      `restored backup of ${m.createdAt} (schema ${m.schemaMigration}) in ${(result.ms / 1000).toFixed(1)} s`,
    );
    say(`audit chain intact: ${result.auditEvents} events, ending on the backup's last event`);
    say(`documents: all ${result.blobsChecked} files present with their SHA-256`);
    for (const lost of result.missingBlobs)
      say(`  WARNING: blob ${lost.sha256} was already missing when the backup was made: ${lost.reason}`);
    if (result.movedAside) say(`the previous database and documents were moved to ${result.movedAside}`);
  });

program
  .command("assignment")
  .description("the assignment engine")
  .command("verify")
  .description("replay every committed assignment from the ledger and report any that does not reproduce")
  .option("--office <code>", "only this law office (organisation code)")
  .action((opts: { office?: string }) =>
    withDatabase(async (db) => {
      const office = opts.office
        ? await db
            .selectFrom("organisations")
            .select("id")
            .where("code", "=", opts.office.toUpperCase())
            .executeTakeFirst()
        : undefined;
      if (opts.office && !office) throw new CliError(`no organisation with code ${opts.office}`);
      const result = await verifyLedger(db, office?.id);
      for (const f of result.failures) say(`  decision ${f.decisionId} (case ${f.caseId}): ${f.difference}`);
      if (result.failures.length === 0) {
        say(`assignment ledger verified: all ${result.checked} decisions reproduce`);
        return;
      }
      throw new CliError(
        `${result.failures.length} of ${result.checked} assignment decisions do not reproduce`,
      );
    }),
  );

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CliError) {
    process.stderr.write(`cams: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  } else if (error instanceof Problem) {
    process.stderr.write(`cams: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(
      `cams: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}
