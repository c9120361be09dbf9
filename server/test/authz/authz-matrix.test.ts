import { beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../../common/roles.ts";
import { call, testApp } from "../harness.ts";
import { adminEntries } from "./entries.admin.ts";
import { caseEntries } from "./entries.cases.ts";
import { mlaEntries } from "./entries.mla.ts";
import { trainingEntries } from "./entries.training.ts";
import { workEntries } from "./entries.work.ts";
import { type Entry, type Expected, expected, VARIANTS } from "./matrix.ts";
import { buildWorld, type World } from "./world.ts";

/**
 * Every endpoint of the app's own route table × every role (and no session) × each variant of the record it
 * names, against the expected outcome written as data in entries.*.ts. An endpoint added without an entry
 * fails the first test; an entry whose endpoint is gone fails it too.
 */
const MATRIX: Record<string, Entry> = {
  ...caseEntries,
  ...workEntries,
  ...mlaEntries,
  ...adminEntries,
  ...trainingEntries,
};

/** The web app's files and the API's documentation: public reads, outside the API. */
const isApiRoute = (url: string) => url.startsWith("/api/v1/") || url.startsWith("/health/");

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 120_000);

function outcomeOf(status: number, entry: Entry): Expected | `unexpected ${number}` {
  if (status >= 200 && status < 300) return "ok";
  if (entry.alsoOk?.includes(status)) return "ok";
  if (status === 401 || status === 403 || status === 404) return status;
  return `unexpected ${status}`;
}

/** A problem's code, detail and field paths, or the start of another JSON body. */
function problemSummary(body: string) {
  const json = JSON.parse(body);
  if (!json.code) return body.slice(0, 80);
  const paths = (json.errors ?? []).map((e: { path: string; message: string }) => `${e.path}: ${e.message}`);
  return `${json.code}: ${String(json.detail).slice(0, 90)} ${paths.join("; ")}`;
}

describe("authorization matrix", () => {
  it("has an entry for every endpoint, and every entry names a served endpoint", async () => {
    const { app } = await testApp();
    const served = app.routeTable.filter((r) => isApiRoute(r.url)).map((r) => `${r.method} ${r.url}`);
    expect(served.filter((key) => !(key in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((key) => !served.includes(key))).toEqual([]);
    // outside the API only reads: the web app's files and the API documentation
    const writes = app.routeTable.filter((r) => !isApiRoute(r.url) && r.method !== "GET");
    expect(writes).toEqual([]);
  });

  it("gives each role on each record the outcome written in the matrix", async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const [key, entry] of Object.entries(MATRIX)) {
      const [method] = key.split(" ") as [string, string];
      for (const variant of VARIANTS[entry.on]) {
        // the public face does not look at sessions: asked once, without one (and its rate limit is per IP)
        const roles: (Role | null)[] = entry.on === "public" ? [null] : [null, ...ROLES];
        for (const role of roles) {
          const regular = role ? world.actors[role] : world.actors.focal_person;
          const actor = role && entry.freshSession ? await world.freshActor(role) : regular;
          let res: Awaited<ReturnType<typeof call>>;
          try {
            const req = await entry.req(world, variant, actor);
            res = await call(role ? actor : null, { method: method as "GET", ...req });
          } catch (error) {
            mismatches.push(`${key} [${variant}] as ${role ?? "anonymous"}: ${(error as Error).message}`);
            continue;
          }
          const want = expected(entry, role, variant);
          const got = outcomeOf(res.statusCode, entry);
          checked++;
          if (got !== want) {
            const detail = res.body.startsWith("{") ? problemSummary(res.body) : res.body.slice(0, 80);
            mismatches.push(
              `${key} [${variant}] as ${role ?? "anonymous"}: expected ${want}, got ${res.statusCode} ${detail}`,
            );
          }
        }
      }
    }
    console.log(`authorization matrix: ${checked} requests, ${Object.keys(MATRIX).length} endpoints`);
    if (mismatches.length > 0) console.log(mismatches.join("\n"));
    expect(mismatches).toEqual([]);
  }, 600_000);

  it("lists and exports answer within each role's scope: no confidential or out-of-scope record leaks", async () => {
    const probe = await world.leakProbe();
    const leaks: string[] = [];
    const check = async (role: Role, url: string, token: string, mayContain: boolean) => {
      const res = await call(world.actors[role], { method: "GET", url });
      expect(res.statusCode, `${role} ${url}`).toBeLessThan(300);
      if (res.body.includes(token) !== mayContain) {
        leaks.push(`${role} ${url}: ${mayContain ? "misses" : "shows"} ${token}`);
      }
    };
    for (const role of ROLES) {
      const seesOther = role === "law_ministry" || role === "executive_viewer";
      for (const [token, may] of [
        [probe.confidential, false],
        [probe.other, seesOther],
      ] as const) {
        await check(role, `/api/v1/cases?q=${token}`, token, may);
        // exports are rate-limited per address (30 a minute): the roles most likely to leak through them
        if (["law_officer", "requesting_agency", "auditor", "law_ministry"].includes(role)) {
          await check(role, `/api/v1/cases/export?format=csv&q=${token}`, token, may);
        }
      }
      await check(role, "/api/v1/tasks?scope=mine&state=all", probe.confidentialTask, false);
      await check(role, "/api/v1/mla/requests", probe.otherRequest, role === "central_authority");
    }
    expect(leaks).toEqual([]);
  }, 120_000);
});
