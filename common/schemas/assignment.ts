import { z } from "zod";
import { CATEGORIES } from "../case-status.ts";
import { INT4_MAX, isoDate, trimmed, uuid, version } from "./shared.ts";
import { heldCompetence } from "./training.ts";

export const TIER_CODES = [
  "additional_ag",
  "deputy_ag",
  "assistant_ag",
  "standing_counsel",
  "panel_advocate",
] as const;
export const tier = z.enum(TIER_CODES);

export const policyConfig = z.object({
  strategy: z.enum(["rotation", "least_load", "random_top_k"]),
  topK: z.number().int().min(1).max(50),
  requireSeat: z.boolean(),
  requireExpertise: z.boolean(),
  respectCapacity: z.boolean(),
  keepRelated: z.boolean(),
  sensitiveTiers: z.array(tier).min(1),
  tierCaps: z.partialRecord(tier, z.number().min(0).max(1)),
  /**
   * Competences from training (issue 9): ignore, prefer (holders rank first) or require. A policy stored before
   * competences existed reads as "ignore", so its past decisions replay unchanged.
   */
  competence: z.enum(["ignore", "prefer", "require"]).default("ignore"),
});
export type PolicyConfigDto = z.infer<typeof policyConfig>;

export const DEFAULT_POLICY: PolicyConfigDto = {
  strategy: "least_load",
  topK: 3,
  requireSeat: true,
  requireExpertise: false,
  respectCapacity: true,
  keepRelated: true,
  sensitiveTiers: ["additional_ag", "deputy_ag"],
  tierCaps: { additional_ag: 0.1 },
  competence: "prefer",
};

export const policySchema = z.object({
  id: z.string(),
  officeId: z.string(),
  version: z.number(),
  config: policyConfig,
  note: z.string(),
  createdBy: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  createdAt: z.string(),
});

export const policyBody = z.object({
  version: z.number().int().min(0).max(INT4_MAX),
  config: policyConfig,
  note: trimmed(1000),
});
export const officeQuery = z.object({ officeId: uuid.optional() });

const seat = z.object({ courtId: uuid, benchId: uuid.nullable() });

export const officerProfileSchema = z.object({
  userId: z.string(),
  fullName: z.string(),
  designation: z.string(),
  office: z.object({ id: z.string(), code: z.string(), nameEn: z.string(), nameUr: z.string() }),
  tier,
  expertise: z.array(z.string()),
  maxLoad: z.number(),
  active: z.boolean(),
  notes: z.string(),
  seats: z.array(seat.extend({ courtCode: z.string(), benchCode: z.string().nullable(), label: z.string() })),
  leaves: z.array(z.object({ id: z.string(), startsOn: z.string(), endsOn: z.string(), reason: z.string() })),
  conflicts: z.array(
    z.object({
      id: z.string(),
      partyName: z.string().nullable(),
      organisation: z.object({ id: z.string(), code: z.string(), nameEn: z.string() }).nullable(),
      note: z.string(),
    }),
  ),
  load: z.number(),
  openCases: z.number(),
  onLeaveToday: z.boolean(),
  /** Competences from completed training (issue 9), each with the certificate it rests on. */
  competences: z.array(heldCompetence),
  version: z.number(),
});
export type OfficerProfileDto = z.infer<typeof officerProfileSchema>;

export const officerProfileBody = z.object({
  version: z.number().int().min(0).max(INT4_MAX),
  tier,
  expertise: z.array(z.enum(CATEGORIES)).max(CATEGORIES.length),
  maxLoad: z.number().positive().max(10_000),
  active: z.boolean(),
  notes: z.string().trim().max(2000).default(""),
  seats: z.array(seat).max(100),
});

export const leaveBody = z
  .object({ startsOn: isoDate, endsOn: isoDate, reason: z.string().trim().max(500).default("") })
  .refine((l) => l.endsOn >= l.startsOn, { path: ["endsOn"], message: "must not be before the start" });

export const conflictBody = z
  .object({
    partyName: z.string().trim().min(2).max(300).nullable().optional(),
    organisationId: uuid.nullable().optional(),
    note: z.string().trim().max(500).default(""),
  })
  .refine((c) => c.partyName || c.organisationId, {
    path: ["partyName"],
    message: "name a party or an organisation",
  });

export const reasonSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  text: z.string(),
});

export const decisionSchema = z.object({
  chosenOfficerId: z.string().nullable(),
  step: z.string(),
  stepText: z.string(),
  stepParams: z.record(z.string(), z.union([z.string(), z.number()])),
  candidates: z.array(
    z.object({
      officerId: z.string(),
      name: z.string(),
      rank: z.number(),
      load: z.number(),
      loadAfter: z.number(),
      factors: z.array(reasonSchema),
    }),
  ),
  excluded: z.array(z.object({ officerId: z.string(), name: z.string(), reasons: z.array(reasonSchema) })),
  seed: z.string(),
  draw: z.object({ index: z.number(), poolSize: z.number() }).optional(),
  excludedBy: z.record(z.string(), z.number()),
  omitted: z.object({ candidates: z.number(), excluded: z.number() }).optional(),
  assignedAt: z.string().optional(),
});

export const previewBody = z.object({
  caseIds: z.array(uuid).min(1).max(20_000),
  officeId: uuid.optional(),
});

/** Commit a previewed batch; an override replaces the policy's choice for one case and needs a reason. */
export const commitBody = z.object({
  overrides: z
    .array(z.object({ caseId: uuid, officerId: uuid, reason: z.string().trim().max(1000).optional() }))
    .max(100)
    .default([]),
});

export const handoverBody = z.object({ reason: trimmed(1000) });

export const previewItem = z.object({
  caseId: z.string(),
  displayNumber: z.string(),
  title: z.string(),
  weight: z.number(),
  decision: decisionSchema,
  /**
   * One-case suggestions: candidates already listed, on a day this case is heard, before another court or
   * bench (a clash to weigh; it does not change the ranking). Bulk previews leave it out.
   */
  hearingClashes: z
    .array(
      z.object({
        officerId: z.string(),
        date: z.string(),
        courtCode: z.string(),
        benchCode: z.string().nullable(),
      }),
    )
    .optional(),
});

export const previewSchema = z.object({
  batchId: z.string(),
  kind: z.enum(["single", "bulk", "handover"]),
  policy: z.object({ id: z.string(), version: z.number(), strategy: z.string() }),
  items: z.array(previewItem),
});

export const commitSchema = z.object({
  batchId: z.string(),
  assigned: z.number(),
  queued: z.number(),
  items: z.array(
    z.object({
      caseId: z.string(),
      officerId: z.string().nullable(),
      officerName: z.string().nullable(),
      method: z.string(),
      step: z.string(),
      decisionId: z.string(),
    }),
  ),
});

export const queueItem = z.object({
  id: z.string(),
  displayNumber: z.string(),
  title: z.string(),
  court: z.string(),
  category: z.string(),
  organisation: z.string(),
  weight: z.number(),
  daysWaiting: z.number(),
  flags: z.array(z.string()),
});

export const workloadItem = z.object({
  officerId: z.string(),
  fullName: z.string(),
  tier,
  active: z.boolean(),
  onLeaveToday: z.boolean(),
  openCases: z.number(),
  load: z.number(),
  maxLoad: z.number(),
  /** Scheduled hearings in the next 14 days, today included, on the officer's cases. */
  hearingsNext14Days: z.number(),
});

export const weightSchema = z.object({
  id: z.string(),
  kind: z.enum(["case_type", "flag", "amount_over"]),
  key: z.string(),
  weight: z.number(),
  threshold: z.number().nullable(),
  source: z.string(),
  version: z.number(),
});
export const weightPatchBody = z.object({
  version,
  weight: z.number().min(0).max(100),
  // numeric(18,2): a larger amount would overflow the column
  threshold: z.number().min(0).max(1_000_000_000_000_000).nullable().optional(),
});

export const verifyResultSchema = z.object({
  checked: z.number(),
  reproduced: z.number(),
  failures: z.array(z.object({ decisionId: z.string(), caseId: z.string(), difference: z.string() })),
});
