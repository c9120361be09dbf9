import { z } from "zod";
import { isoDate, uuid } from "../schemas/shared.ts";

/**
 * An MLA request draft (DOMAIN.md §9; issue 5 item 1). Only the kind is required — the form and the rules that
 * apply are chosen by it; everything else is optional because a draft is saved as the officer types, and the
 * checker (check.ts) reports what is still missing. Shapes are checked here (an enum, a date), substance there.
 */
export const MLA_REQUEST_KINDS = [
  "mla_outgoing",
  "mla_incoming",
  "preservation",
  "emergency_disclosure",
  "voluntary_disclosure",
] as const;
export type MlaRequestKind = (typeof MLA_REQUEST_KINDS)[number];

export const IDENTIFIER_TYPES = ["numeric_id", "username", "url", "email", "phone", "ip"] as const;
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];
export const DATA_CATEGORIES = ["subscriber", "traffic", "content"] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];
export const LEGAL_BASIS_KINDS = ["treaty", "convention", "reciprocity"] as const;
export const URGENCY_LEVELS = ["routine", "urgent", "immediate"] as const;
export const CHANNELS = ["central_authority", "direct"] as const;
export const REFERENCE_KINDS = [
  "preservation",
  "mla",
  "voluntary_disclosure",
  "emergency_disclosure",
  "provider_ticket",
  "foreign_authority",
] as const;
/** "other" lets the form record a risk that does not qualify, so the checker can say so (rule 5). */
export const EMERGENCY_RISKS = ["death", "serious_injury", "other"] as const;
/** The grounds screened on an incoming request: Budapest Art. 29(5), Act s.17 (rule 14); bank secrecy (rule 15). */
export const REFUSAL_GROUNDS = [
  "politicalOffence",
  "sovereignty",
  "security",
  "ordrePublic",
  "bankSecrecy",
] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];
export const SCREENING_OUTCOMES = ["not_present", "present", "unclear"] as const;
/** Where the request's translation into the requested state's language stands (shown on the export). */
export const TRANSLATION_STATUSES = [
  "not_needed",
  "needed",
  "in_progress",
  "translated",
  "certified",
] as const;

const text = (max: number) => z.string().trim().max(max);
/** ISO 3166-1 alpha-2 (the United Kingdom is GB). */
export const stateCode = z.string().regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 code, e.g. US");
/** A date-time as a log shows it: with an offset or Z, or local with the zone given beside it. */
const dateTime = z.iso.datetime({ local: true, offset: true });

export const accountIdentifier = z.object({
  type: z.enum(IDENTIFIER_TYPES),
  value: text(500).optional(),
  /** For an IP address: when it was used. */
  dateTime: dateTime.optional(),
  /** An IANA zone (Asia/Karachi) or a UTC offset (UTC+05:00); checked by rule 2. */
  timeZone: text(64).optional(),
});

export const requestSubject = z.object({
  name: text(300).optional(),
  /** Where the account holder is: decides the provider's legal entity (rule 12). */
  userLocation: stateCode.optional(),
  identifiers: z.array(accountIdentifier).max(50).optional(),
});

export const timeRange = z.object({
  from: dateTime.optional(),
  to: dateTime.optional(),
  timeZone: text(64).optional(),
});

export const offence = z.object({
  provision: text(300).optional(),
  description: text(2000).optional(),
  maximumPenalty: text(300).optional(),
});

export const screening = z.object({
  outcome: z.enum(SCREENING_OUTCOMES).optional(),
  note: text(4000).optional(),
});

export const mlaRequestDraft = z.object({
  kind: z.enum(MLA_REQUEST_KINDS),
  /** Outgoing kinds: the state (or the provider's state) asked. */
  requestedState: stateCode.optional(),
  /** Incoming requests: the foreign state asking Pakistan. */
  requestingState: stateCode.optional(),
  /** A directory provider and the legal entity the request is addressed to. */
  provider: z.object({ code: text(64).optional(), entity: text(300).optional() }).optional(),
  /** Who holds the data, when not a directory provider (Budapest Art. 29(2)). */
  custodian: text(300).optional(),
  domesticCase: z
    .object({
      firNumber: text(100).optional(),
      policeStation: text(200).optional(),
      agency: text(200).optional(),
      court: text(300).optional(),
      caseId: uuid.optional(),
    })
    .optional(),
  subjects: z.array(requestSubject).max(50).optional(),
  timeRanges: z.array(timeRange).max(50).optional(),
  legalBasis: z
    .object({
      kind: z.enum(LEGAL_BASIS_KINDS).optional(),
      /** A directory instrument code, when the instrument is in the directory. */
      instrument: text(64).optional(),
      name: text(500).optional(),
    })
    .optional(),
  offences: z.array(offence).max(30).optional(),
  facts: text(20_000).optional(),
  evidenceLink: text(8000).optional(),
  /** The specific facts showing the account holds evidence of the offence (content from a US provider, rule 3). */
  probableCause: text(8000).optional(),
  assistanceSought: text(8000).optional(),
  dataCategories: z.array(z.enum(DATA_CATEGORIES)).max(3).optional(),
  confidentiality: text(4000).optional(),
  limitsOnUse: text(4000).optional(),
  urgency: z
    .object({
      level: z.enum(URGENCY_LEVELS).optional(),
      reasons: text(4000).optional(),
      timeLimit: isoDate.optional(),
    })
    .optional(),
  /** ISO 639-1 code of the language the request is sent in. */
  language: z
    .string()
    .regex(/^[a-z]{2}$/, "an ISO 639-1 code, e.g. en")
    .optional(),
  channel: z.enum(CHANNELS).optional(),
  translation: z
    .object({
      status: z.enum(TRANSLATION_STATUSES).optional(),
      /** ISO 639-1 code of the language translated into. */
      language: z
        .string()
        .regex(/^[a-z]{2}$/, "an ISO 639-1 code, e.g. en")
        .optional(),
      translator: text(300).optional(),
      note: text(2000).optional(),
    })
    .optional(),
  /** References cited in the request. */
  earlierReferences: z
    .array(
      z.object({
        kind: z.enum(REFERENCE_KINDS).optional(),
        reference: text(200).optional(),
        date: isoDate.optional(),
      }),
    )
    .max(30)
    .optional(),
  /** Earlier CAMS requests this one follows (filled by the server from the links, not typed): rule 13. */
  linkedRequests: z
    .array(z.object({ kind: z.enum(MLA_REQUEST_KINDS), reference: text(200).min(1) }))
    .max(30)
    .optional(),
  /** Emergency disclosure: the threat (rule 5). */
  emergency: z
    .object({
      risk: z.enum(EMERGENCY_RISKS).optional(),
      imminent: z.boolean().optional(),
      threat: text(4000).optional(),
      whyDataHelps: text(4000).optional(),
    })
    .optional(),
  /** Preservation: the statement that an MLA request will follow, and why preservation is needed (rule 1). */
  mlaWillFollow: z.boolean().optional(),
  preservationNeed: text(4000).optional(),
  dualCriminality: text(4000).optional(),
  terrorismFinancing: z.boolean().optional(),
  /** Incoming requests: each ground screened (rules 14, 15). */
  refusalScreening: z.partialRecord(z.enum(REFUSAL_GROUNDS), screening).optional(),
});
export type MlaRequestDraft = z.infer<typeof mlaRequestDraft>;
