import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Run by `npm start` before the server: builds the web app when web/dist/index.html is missing or older than any
 * of its sources (web/src, web/index.html, web/vite.config.ts), so a fresh clone serves the UI without a
 * separate build step and an up-to-date build is not redone.
 */
const root = path.resolve(import.meta.dirname, "..");
const web = path.join(root, "web");
const built = path.join(web, "dist", "index.html");

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

export function webBuildIsStale(): { stale: boolean; reason: string } {
  const sources = [path.join(web, "src"), path.join(web, "index.html"), path.join(web, "vite.config.ts")];
  if (!existsSync(built)) return { stale: true, reason: "web/dist/index.html is missing" };
  const builtAt = statSync(built).mtimeMs;
  const changed = Math.max(...sources.map(newestMtime));
  return changed > builtAt
    ? { stale: true, reason: "web sources changed since the last build" }
    : { stale: false, reason: "web build is up to date" };
}

function main() {
  if (!existsSync(path.join(web, "index.html"))) {
    console.log("ensure-web-build: no web/ app in this checkout; skipping");
    return;
  }
  const { stale, reason } = webBuildIsStale();
  if (!stale) {
    console.log(`ensure-web-build: ${reason}`);
    return;
  }
  console.log(`ensure-web-build: ${reason}; building (vite build)…`);
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const result = spawnSync(npx, ["vite", "build", "--config", "web/vite.config.ts"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.error) {
    console.error(`ensure-web-build: cannot run vite: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (import.meta.main) main();
