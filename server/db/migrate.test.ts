import { describe, expect, it } from "vitest";
import { testApp } from "../test/harness.ts";
import { openDatabase } from "./connection.ts";
import { migrateToLatest, pendingMigrations } from "./migrate.ts";

describe("migrations", () => {
  it("names the migrations a database still lacks, and none once it is migrated", async () => {
    const { handle } = await testApp();
    expect(await pendingMigrations(handle.db)).toEqual([]);
    const fresh = await openDatabase({ dataDir: "memory" });
    try {
      const pending = await pendingMigrations(fresh.db);
      expect(pending[0]).toBe("0001_foundation");
      expect(await migrateToLatest(fresh.db)).toEqual(pending);
      expect(await pendingMigrations(fresh.db)).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
