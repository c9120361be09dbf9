import { z } from "zod";
import { isoDate, personRef, trimmed, uuid, version } from "./shared.ts";

/** Limitation deadlines (DOMAIN.md §6): rules and calendars as data, deadlines computed with their derivation. */
export const DEADLINE_KINDS = ["appeal", "reply", "compliance", "other"] as const;
export const DEADLINE_STATES = ["open", "met", "missed", "cancelled"] as const;
export const SOURCE_STATUSES = ["V", "S", "U"] as const;
export const CLOSURE_KINDS = ["holiday", "vacation"] as const;

const text = (max: number) => z.string().trim().max(max);

export const derivationStep = z.object({
  code: z.string(),
  date: z.string(),
  days: z.number().optional(),
  text: z.string(),
});

export const deadlineSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseTitle: z.string(),
  caseNumber: z.string(),
  kind: z.enum(DEADLINE_KINDS),
  title: z.string(),
  rule: z
    .object({
      code: z.string(),
      nameEn: z.string(),
      nameUr: z.string(),
      source: z.string(),
      status: z.enum(SOURCE_STATUSES),
      version: z.number(),
    })
    .nullable(),
  /** The court whose calendar decided s.4 (null: the days every court is closed). */
  calendarCourt: z.object({ id: z.string(), nameEn: z.string(), nameUr: z.string() }).nullable(),
  triggerOn: z.string(),
  copyAppliedOn: z.string().nullable(),
  copyReadyOn: z.string().nullable(),
  legalDueOn: z.string(),
  internalDueOn: z.string(),
  provisional: z.boolean(),
  /** Days from the courts' today to the internal due date (negative: overdue). */
  daysLeft: z.number(),
  steps: z.array(derivationStep),
  state: z.enum(DEADLINE_STATES),
  closedNote: z.string(),
  closedBy: personRef.nullable(),
  closedAt: z.string().nullable(),
  version: z.number(),
  abilities: z.object({ edit: z.boolean() }),
});
export type Deadline = z.infer<typeof deadlineSchema>;
export const deadlineList = z.object({ items: z.array(deadlineSchema) });

/** A trigger event on a case: a decision announced (opens the appeal deadline), or a notice received. */
export const deadlineEventBody = z.discriminatedUnion("event", [
  z.object({
    event: z.literal("decision_announced"),
    date: isoDate,
    /** The limitation rule; by default the one proposed for the case's court and type. */
    ruleCode: z.string().max(48).optional(),
  }),
  z.object({
    event: z.literal("notice_received"),
    date: isoDate,
    /** The date the court fixed for the reply; by default the next scheduled hearing. */
    replyDueOn: isoDate.optional(),
  }),
]);

export const deadlinePatchBody = z
  .object({
    version,
    copyAppliedOn: isoDate.nullable().optional(),
    copyReadyOn: isoDate.nullable().optional(),
    ruleCode: z.string().max(48).optional(),
    /** Close it: met (filed in time), missed, or cancelled (e.g. the decision is not appealable). */
    state: z.enum(["met", "missed", "cancelled"]).optional(),
    note: text(1000).optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== "version"), "nothing to change");

export const deadlinesQuery = z.object({
  /** Open deadlines whose internal due date is on or before this many days from today (overdue included). */
  withinDays: z.coerce.number().int().min(0).max(366).default(30),
});

export const limitationRuleSchema = z.object({
  code: z.string(),
  nameEn: z.string(),
  nameUr: z.string(),
  days: z.number().nullable(),
  certifiedCopyExcluded: z.boolean(),
  marginDays: z.number(),
  filedIn: z.string(),
  appliesWhen: z.object({
    courtLevels: z.array(z.string()).optional(),
    caseTypes: z.array(z.string()).optional(),
  }),
  source: z.string(),
  status: z.enum(SOURCE_STATUSES),
  version: z.number(),
  updatedAt: z.string(),
});
export const limitationRuleList = z.object({ items: z.array(limitationRuleSchema) });
export const ruleParams = z.object({ code: z.string().max(48) });

export const limitationRulePatchBody = z
  .object({
    version,
    days: z.number().int().min(1).max(3650).nullable().optional(),
    certifiedCopyExcluded: z.boolean().optional(),
    marginDays: z.number().int().min(0).max(60).optional(),
    source: trimmed(500).optional(),
    status: z.enum(SOURCE_STATUSES).optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== "version"), "nothing to change");

export const closureSchema = z.object({
  id: z.string(),
  court: z.object({ id: z.string(), code: z.string(), nameEn: z.string() }).nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  nameEn: z.string(),
  nameUr: z.string(),
  kind: z.enum(CLOSURE_KINDS),
  source: z.string(),
  status: z.enum(SOURCE_STATUSES),
  version: z.number(),
});
export const weekendSchema = z.object({
  id: z.string(),
  court: z.object({ id: z.string(), code: z.string(), nameEn: z.string() }).nullable(),
  days: z.array(z.number()),
  source: z.string(),
  status: z.enum(SOURCE_STATUSES),
  version: z.number(),
});
export const courtCalendarSchema = z.object({
  weekends: z.array(weekendSchema),
  closures: z.array(closureSchema),
});
export const courtCalendarQuery = z.object({
  year: z.coerce.number().int().min(1947).max(2100).optional(),
  /** A court's own entries and those of every court; without it, everything. */
  courtId: uuid.optional(),
});

export const closureBody = z
  .object({
    /** null: every court. */
    courtId: uuid.nullable(),
    startsOn: isoDate,
    endsOn: isoDate,
    nameEn: trimmed(200),
    nameUr: text(200).default(""),
    kind: z.enum(CLOSURE_KINDS),
    source: trimmed(500),
    status: z.enum(SOURCE_STATUSES),
  })
  .refine((b) => b.endsOn >= b.startsOn, { path: ["endsOn"], message: "must be on or after startsOn" })
  .refine((b) => Date.parse(b.endsOn) - Date.parse(b.startsOn) <= 366 * 86_400_000, {
    path: ["endsOn"],
    message: "a closure lasts at most a year",
  });
export const closurePatchBody = z.object({ version }).and(closureBody);
export const closureDeleteBody = z.object({ version });

export const weekendBody = z.object({
  courtId: uuid.nullable(),
  days: z
    .array(z.number().int().min(0).max(6))
    .max(6)
    .refine((d) => new Set(d).size === d.length, "days must not repeat"),
  source: trimmed(500),
  status: z.enum(SOURCE_STATUSES),
  version: version.optional(),
});
