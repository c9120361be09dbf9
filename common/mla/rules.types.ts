import { z } from "zod";
import { SOURCE_STATUSES } from "../schemas/deadlines.ts";
import type { MlaDirectory } from "./directory.ts";
import { MLA_REQUEST_KINDS, type MlaRequestDraft, type MlaRequestKind } from "./request.ts";

/** The drafting assistant's rules: their editable data (reference/mla-rules.json) and the contract of a check. */
export const SEVERITIES = ["error", "warning", "suggestion"] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

const text = z.string().trim().min(1);

/** The words of one finding a rule can raise; severity only where it differs from the rule's. */
export const ruleFindingText = z.object({
  severity: z.enum(SEVERITIES).optional(),
  message_en: text,
  message_ur: text,
  fix_en: text,
  fix_ur: text,
});

/** One rule as the Central Authority edits it. The logic is in code, keyed by `code`. */
export const mlaRuleData = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  number: z.number().int().min(1),
  title_en: text,
  title_ur: text,
  source: text,
  see_also: text.optional(),
  status: z.enum(SOURCE_STATUSES),
  applies_to: z.array(z.enum(MLA_REQUEST_KINDS)),
  severity: z.enum(SEVERITIES),
  findings: z.record(z.string(), ruleFindingText),
  params: z.record(z.string(), z.unknown()).optional(),
});
export type MlaRuleData = z.infer<typeof mlaRuleData>;

export const mlaRulesFile = z.object({ source: text, note: text, items: z.array(mlaRuleData) });

export interface Finding {
  rule: string;
  severity: Severity;
  /** Path into the draft, as zod writes it: "subjects.0.identifiers.1.timeZone". */
  field: string;
  message: string;
  fix: string;
  /** The rule's source and its status (V/S/U). */
  source: string;
  status: SourceStatus;
  /** The directory fact the finding rests on, with its source and status. */
  basis?: string;
}

/** A value put into a message: the same in both languages, or worded per language. */
export type Param = string | { en: string; ur: string };

/** One thing a check examined: met or not. Unmet ones become findings; all of them make the score. */
export interface Requirement {
  key: string;
  field: string;
  met: boolean;
  params?: Record<string, Param>;
  basis?: string;
}

export interface CheckContext {
  draft: MlaRequestDraft;
  directory: MlaDirectory;
  /** The rule's editable parameters (rule 16's jargon list). */
  params: Record<string, unknown>;
}

/** A rule as DOMAIN.md §9 states it, with its check. The JSON may re-word, re-grade or narrow it. */
export interface RuleCheck {
  code: string;
  number: number;
  source: string;
  status: SourceStatus;
  appliesTo: readonly MlaRequestKind[];
  severity: Severity;
  /** Every finding key the check raises, with its default severity. */
  keys: Readonly<Record<string, Severity>>;
  check(ctx: CheckContext): Requirement[];
}

export const req = (
  met: boolean,
  key: string,
  field: string,
  params?: Record<string, Param>,
  basis?: string,
): Requirement => ({ met, key, field, ...(params ? { params } : {}), ...(basis ? { basis } : {}) });

export const present = (s: string | undefined) => (s ?? "").trim().length > 0;

/** "DOMAIN.md gives no source" is itself the source, so nobody mistakes the rule for a cited one. */
export const noSourceCited = (n: number) => `DOMAIN.md §9, drafting rule ${n} (no source cited)`;

export const ALL_KINDS = MLA_REQUEST_KINDS;
export const OUTGOING_KINDS = [
  "mla_outgoing",
  "preservation",
  "emergency_disclosure",
  "voluntary_disclosure",
] as const;
