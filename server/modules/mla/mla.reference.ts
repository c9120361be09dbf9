import fs from "node:fs";
import path from "node:path";
import { type MlaDirectory, mlaDirectory } from "../../../common/mla/directory.ts";
import { type MlaRuleData, mlaRulesFile } from "../../../common/mla/rules.types.ts";

/**
 * The drafting assistant's rules (reference/mla-rules.json) and directory (reference/mla-directory.json), read
 * once per process. A directory file that is missing or does not parse leaves the directory empty — every fact
 * then counts as "not recorded", which the rules report as unknown rather than as no. Editing both in the app is
 * issue 5's next step; until then they change with the files.
 */
const REFERENCE_DIR = path.resolve(import.meta.dirname, "../../../reference");
const EMPTY: MlaDirectory = { instruments: [], states: [], providers: [] };

let cached: { rules: MlaRuleData[]; directory: MlaDirectory } | undefined;

export function mlaReference() {
  cached ??= {
    rules: mlaRulesFile.parse(JSON.parse(fs.readFileSync(path.join(REFERENCE_DIR, "mla-rules.json"), "utf8")))
      .items,
    directory: readDirectory(),
  };
  return cached;
}

function readDirectory(): MlaDirectory {
  const file = path.join(REFERENCE_DIR, "mla-directory.json");
  if (!fs.existsSync(file)) return EMPTY;
  const parsed = mlaDirectory.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  return parsed.success ? parsed.data : EMPTY;
}
