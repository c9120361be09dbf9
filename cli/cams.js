#!/usr/bin/env node
// The `cams` bin. The machine's own `node` may be older than the Node 24 the project pins (the `node` npm
// devDependency), so this plain-JS shim only finds the pinned runtime and re-runs cli/cams.ts with it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const pinned = fileURLToPath(
  new URL(`../node_modules/.bin/${process.platform === "win32" ? "node.cmd" : "node"}`, import.meta.url),
);
const node = existsSync(pinned) ? pinned : process.execPath;
const script = fileURLToPath(new URL("./cams.ts", import.meta.url));

const child = spawnSync(node, [script, ...process.argv.slice(2)], { stdio: "inherit", cwd: process.cwd() });
if (child.error) {
  console.error(`cams: cannot run ${node}: ${child.error.message} (project root ${root})`);
  process.exit(1);
}
if (child.signal) process.kill(process.pid, child.signal);
process.exit(child.status ?? 1);
