import { z } from "zod";
import { personRef, uuid, version } from "./shared.ts";

/**
 * Evidence received on an MLA request (issue 5 item 7): each item's SHA-256, source, certification and chain of
 * custody. Shared by the server (validation, OpenAPI) and the web app (types, option lists).
 */
export const EVIDENCE_SOURCE_KINDS = [
  "provider",
  "foreign_authority",
  "domestic_authority",
  "other",
] as const;
export const CERTIFICATION_KINDS = [
  "none",
  "provider_certificate",
  "foreign_authority_certificate",
  // Act s.4: the Central Authority certifies material — only its users may record this kind
  "central_authority_certificate",
] as const;
export const CUSTODY_ACTIONS = [
  "received",
  "transferred",
  "examined",
  "verified",
  "copied",
  "stored",
  "sealed",
  "unsealed",
  "returned",
  "produced_in_court",
  "destroyed",
] as const;
/** Actions that re-hash a stored file (or compare a hash the examiner observed) and record the result. */
export const HASH_CHECK_ACTIONS: readonly CustodyAction[] = ["examined", "verified"];

export type EvidenceSourceKind = (typeof EVIDENCE_SOURCE_KINDS)[number];
export type CertificationKind = (typeof CERTIFICATION_KINDS)[number];
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];

/** Forensic tools print hashes in either case; stored and compared in lower case. */
export const sha256Field = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{64}$/, "must be a SHA-256 hash: 64 hexadecimal characters");

/** An instant with its offset (e.g. 2026-11-20T10:30:00+05:00), no later than a few minutes from now. */
const instant = z.iso
  .datetime({ offset: true })
  .refine((v) => Date.parse(v) <= Date.now() + 5 * 60_000, "must not be in the future")
  .refine((v) => Date.parse(v) >= Date.parse("1990-01-01T00:00:00Z"), "must be after 1990");

const text = (max: number) => z.string().trim().max(max);

/** The fields an item is received with, whether its hash is typed or computed from an uploaded file. */
export const evidenceFields = z.object({
  label: z.string().trim().min(1).max(300),
  description: text(4000).default(""),
  sourceKind: z.enum(EVIDENCE_SOURCE_KINDS),
  sourceName: z.string().trim().min(1).max(300),
  receivedAt: instant,
  /** Who took receipt, and where (the first custody entry). */
  receivedBy: text(300).default(""),
  location: text(300).default(""),
});

/** An item whose bytes stay on their own media: the hash is typed from the forensic tool's report. */
export const evidenceCreateBody = evidenceFields.extend({
  sha256: sha256Field,
  sizeBytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});

/** Multipart text fields of an upload; `expectedSha256` (as the sender declared it) must match the bytes. */
export const evidenceUploadFields = evidenceFields.extend({ expectedSha256: sha256Field.optional() });

export const custodyBody = z
  .object({
    action: z.enum(CUSTODY_ACTIONS),
    at: instant.optional(),
    fromHolder: text(300).default(""),
    toHolder: text(300).default(""),
    location: text(300).default(""),
    note: text(4000).default(""),
    /** For an item without a stored file: the hash the examiner's tool computed, compared with the item's. */
    observedSha256: sha256Field.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.action === "transferred" && (!v.fromHolder || !v.toHolder)) {
      const path = v.fromHolder ? "toHolder" : "fromHolder";
      ctx.addIssue({ code: "custom", path: [path], message: "a transfer names who gave and who took it" });
    }
    if (v.observedSha256 && !HASH_CHECK_ACTIONS.includes(v.action)) {
      ctx.addIssue({ code: "custom", path: ["observedSha256"], message: "only with examined or verified" });
    }
  });

export const certificationBody = z
  .object({
    version,
    kind: z.enum(CERTIFICATION_KINDS),
    certifiedBy: text(300).default(""),
    certifiedAt: instant.optional(),
    note: text(2000).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "none") return;
    if (!v.certifiedBy) ctx.addIssue({ code: "custom", path: ["certifiedBy"], message: "is required" });
    if (!v.certifiedAt) ctx.addIssue({ code: "custom", path: ["certifiedAt"], message: "is required" });
  });

export const itemParams = z.object({ itemId: uuid });

export const custodyEntry = z.object({
  id: z.number(),
  at: z.string(),
  recordedAt: z.string(),
  action: z.enum(CUSTODY_ACTIONS),
  fromHolder: z.string(),
  toHolder: z.string(),
  location: z.string(),
  note: z.string(),
  actor: personRef,
  hashVerified: z.boolean().nullable(),
  observedSha256: z.string().nullable(),
});

export const evidenceItem = z.object({
  id: z.string(),
  requestId: z.string(),
  label: z.string(),
  description: z.string(),
  source: z.object({ kind: z.enum(EVIDENCE_SOURCE_KINDS), name: z.string() }),
  receivedAt: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().nullable(),
  file: z.object({ fileName: z.string(), mediaType: z.string(), sizeBytes: z.number() }).nullable(),
  certification: z.object({
    kind: z.enum(CERTIFICATION_KINDS),
    certifiedBy: z.string().nullable(),
    certifiedAt: z.string().nullable(),
    note: z.string(),
  }),
  createdBy: personRef,
  createdAt: z.string(),
  version: z.number(),
  /** In the order they were recorded. */
  custody: z.array(custodyEntry),
});

export const evidenceList = z.object({
  items: z.array(evidenceItem),
  abilities: z.object({ write: z.boolean(), certifyAsCentralAuthority: z.boolean() }),
});

export type EvidenceItem = z.infer<typeof evidenceItem>;
export type CustodyEntry = z.infer<typeof custodyEntry>;
export type EvidenceList = z.infer<typeof evidenceList>;
export type EvidenceCreateBody = z.input<typeof evidenceCreateBody>;
export type CustodyBody = z.input<typeof custodyBody>;
export type CertificationBody = z.input<typeof certificationBody>;
