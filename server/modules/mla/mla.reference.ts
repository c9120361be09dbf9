import fs from "node:fs";
import path from "node:path";
import { type MlaDirectory, mlaDirectory } from "../../../common/mla/directory.ts";
import { type MlaRuleData, mlaRulesFile } from "../../../common/mla/rules.types.ts";

/**
 * The drafting assistant's rules (reference/mla-rules.json) and directory (reference/mla-directory.json), read
 * once per process. A missing directory file leaves the directory empty — every fact then counts as "not
 * recorded", which the rules report as unknown rather than as no; one that does not parse stops the request. Editing both in the app is
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

/** The directory file is `{ source, note, items: { instruments, states, providers, contacts } }`. */
export function readDirectory(dir = REFERENCE_DIR): MlaDirectory {
  const file = path.join(dir, "mla-directory.json");
  if (!fs.existsSync(file)) return EMPTY;
  return mlaDirectory.parse((JSON.parse(fs.readFileSync(file, "utf8")) as { items: unknown }).items);
}
