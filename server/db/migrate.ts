import { type Migration, type MigrationProvider, Migrator } from "kysely";
import type { Database } from "./connection.ts";
import * as m0001 from "./migrations/0001_foundation.ts";
import * as m0002 from "./migrations/0002_assignment.ts";
import * as m0003 from "./migrations/0003_officer_facts_version.ts";
import * as m0004 from "./migrations/0004_ledger_json.ts";
import * as m0005 from "./migrations/0005_hearings.ts";
import * as m0006 from "./migrations/0006_hearing_imports.ts";
import * as m0007 from "./migrations/0007_calendar_feeds.ts";
import * as m0008 from "./migrations/0008_deadlines_tasks.ts";
import * as m0009 from "./migrations/0009_reminders.ts";
import * as m0010 from "./migrations/0010_hearing_date_index.ts";
import * as m0011 from "./migrations/0011_outbox_claims_closure_removals.ts";
import * as m0012 from "./migrations/0012_mla_requests.ts";
import * as m0013 from "./migrations/0013_mla_links_grounds.ts";
import * as m0014 from "./migrations/0014_mla_evidence.ts";
import * as m0015 from "./migrations/0015_mla_deadlines.ts";
import * as m0016 from "./migrations/0016_mla_reference.ts";
import * as m0017 from "./migrations/0017_batch_ledger.ts";
import * as m0018 from "./migrations/0018_case_search.ts";
import * as m0019 from "./migrations/0019_ledger_lz4.ts";
import * as m0020 from "./migrations/0020_trigram_cost.ts";
import * as m0021 from "./migrations/0021_exports.ts";
import * as m0022 from "./migrations/0022_saved_filters.ts";
import * as m0023 from "./migrations/0023_case_figures.ts";
import * as m0024 from "./migrations/0024_export_expiry.ts";
import * as m0025 from "./migrations/0025_hearing_court_day_index.ts";
import * as m0026 from "./migrations/0026_search_words.ts";
import * as m0027 from "./migrations/0027_search_organisation.ts";
import * as m0028 from "./migrations/0028_cases_court_status_index.ts";
import * as m0029 from "./migrations/0029_totp.ts";
import * as m0030 from "./migrations/0030_training.ts";

/** Migrations are listed here, in order, so the bundle-free server and the CLI see the same set. */
const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_assignment": m0002,
  "0003_officer_facts_version": m0003,
  "0004_ledger_json": m0004,
  "0005_hearings": m0005,
  "0006_hearing_imports": m0006,
  "0007_calendar_feeds": m0007,
  "0008_deadlines_tasks": m0008,
  "0009_reminders": m0009,
  "0010_hearing_date_index": m0010,
  "0011_outbox_claims_closure_removals": m0011,
  "0012_mla_requests": m0012,
  "0013_mla_links_grounds": m0013,
  "0014_mla_evidence": m0014,
  "0015_mla_deadlines": m0015,
  "0016_mla_reference": m0016,
  "0017_batch_ledger": m0017,
  "0018_case_search": m0018,
  "0019_ledger_lz4": m0019,
  "0020_trigram_cost": m0020,
  "0021_exports": m0021,
  "0022_saved_filters": m0022,
  "0023_case_figures": m0023,
  "0024_export_expiry": m0024,
  "0025_hearing_court_day_index": m0025,
  "0026_search_words": m0026,
  "0027_search_organisation": m0027,
  "0028_cases_court_status_index": m0028,
  "0029_totp": m0029,
  "0030_training": m0030,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Migrations not yet applied, read without the migrator's session-level lock (safe behind PgBouncer). */
export async function pendingMigrations(db: Database): Promise<string[]> {
  const migrator = new Migrator({ db, provider, migrationTableName: "schema_migrations" });
  return (await migrator.getMigrations()).filter((m) => !m.executedAt).map((m) => m.name);
}

export async function migrateToLatest(db: Database): Promise<string[]> {
  const migrator = new Migrator({ db, provider, migrationTableName: "schema_migrations" });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
