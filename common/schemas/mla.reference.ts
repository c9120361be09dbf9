import { z } from "zod";
import { directoryInstrument, directoryProvider, directoryState, mlaDirectory } from "../mla/directory.ts";
import { MLA_REQUEST_KINDS } from "../mla/request.ts";
import { mlaRuleData, SEVERITIES } from "../mla/rules.types.ts";
import { SOURCE_STATUSES } from "./deadlines.ts";
import { version } from "./shared.ts";

/**
 * The MLA directory and drafting rules as the Central Authority edits them (issue 5 item 5). A directory entry is
 * the checker's schema (common/mla/directory.ts) plus what the checker does not read but the Central Authority
 * keeps — the item's own source and status (of its name, portal, memberships), a state's central authority and
 * preservation periods, notes — declared here so an edit never silently drops them and a typo is a 400.
 */
const text = z.string().trim().min(1);
const status = z.enum(SOURCE_STATUSES);
const fact = <T extends z.ZodType>(value: T) => z.strictObject({ value, source: text, status });
const itemMeta = { source: text, status, notes: z.array(text).optional() };
const preservation = fact(
  z.strictObject({ days: z.number().int().min(1), extensionDays: z.number().int().min(0).optional() }),
);

export const DIRECTORY_KINDS = ["instrument", "state", "provider", "contact"] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];
export const CONTACT_KINDS = ["central_authority", "network_24_7", "provider_channel"] as const;

export const instrumentEntry = directoryInstrument.extend(itemMeta).strict();
export const stateEntry = directoryState
  .extend({
    ...itemMeta,
    centralAuthority: fact(z.string().min(1)).optional(),
    legalBasisNote: fact(z.string().min(1)).optional(),
    emergencyDisclosure: fact(z.string().min(1)).optional(),
    preservation: preservation.optional(),
    targetResponseDays: fact(z.number().int().min(1)).optional(),
  })
  .strict();
export const providerEntry = directoryProvider
  .extend({
    ...itemMeta,
    portalName: text.optional(),
    preservation: preservation.optional(),
    emergencyChannel: fact(z.string().min(1)).optional(),
  })
  .strict();
export const contactEntry = z.strictObject({
  code: z.string().min(1),
  kind: z.enum(CONTACT_KINDS),
  state: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  provider: z.string().min(1).optional(),
  name: text,
  channel: text.optional(),
  requestKinds: z.array(z.enum(MLA_REQUEST_KINDS)),
  note: text.optional(),
  source: text,
  status,
});

export const directoryEntrySchemas = {
  instrument: instrumentEntry,
  state: stateEntry,
  provider: providerEntry,
  contact: contactEntry,
} as const;
export type InstrumentEntry = z.infer<typeof instrumentEntry>;
export type StateEntry = z.infer<typeof stateEntry>;
export type ProviderEntry = z.infer<typeof providerEntry>;
export type ContactEntry = z.infer<typeof contactEntry>;

/** Codes in URLs: letters, digits, _ and - only. */
export const directoryParams = z.object({
  kind: z.enum(DIRECTORY_KINDS),
  code: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1–64 letters, digits, _ or -"),
});
export const ruleParams = z.object({ id: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, "must be a rule code") });

/** The entry's data is checked against its kind's schema in the service, where the kind is known. */
export const directoryCreateBody = z.object({ data: z.record(z.string(), z.unknown()) });
export const directoryUpdateBody = z.object({ version, data: z.record(z.string(), z.unknown()) });

const meta = { version: z.number(), updatedAt: z.string(), updatedBy: z.string().nullable() };
export const directoryEntryView = z.object({
  kind: z.enum(DIRECTORY_KINDS),
  code: z.string(),
  data: z.record(z.string(), z.unknown()),
  ...meta,
});
export const directoryView = z.object({ items: z.array(directoryEntryView) });

export const ruleView = z.object({ rule: mlaRuleData, enabled: z.boolean(), ...meta });
export const rulesView = z.object({ items: z.array(ruleView) });

/** What a rule edit may change; the code, number, kinds and finding keys belong to the code that checks it. */
const findingText = z.strictObject({
  severity: z.enum(SEVERITIES).optional(),
  message_en: text,
  message_ur: text,
  fix_en: text,
  fix_ur: text,
});
export const rulePutBody = z.strictObject({
  version,
  enabled: z.boolean().optional(),
  title_en: text.optional(),
  title_ur: text.optional(),
  severity: z.enum(SEVERITIES).optional(),
  source: text.optional(),
  status: status.optional(),
  see_also: text.nullable().optional(),
  findings: z.record(z.string(), findingText).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});

/** The checker's inputs: the enabled rules and the directory, for the web's live checker. */
export const mlaReferenceView = z.object({
  rules: z.array(mlaRuleData),
  directory: mlaDirectory,
  fingerprint: z.string(),
});
