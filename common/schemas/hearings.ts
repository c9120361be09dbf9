import { z } from "zod";
import { OUTCOMES } from "../case-status.ts";
import { isoDate, personRef, uuid, version } from "./shared.ts";

/** What happened at a hearing (DOMAIN.md §5). `scheduled` until an outcome is recorded. */
export const HEARING_OUTCOMES = ["adjourned", "argued", "reserved", "decided", "notice_issued"] as const;
export const hearingOutcome = z.enum(HEARING_OUTCOMES);
/** Whose request or conduct an adjournment is attributed to (delay reasons are reported by side). */
export const ADJOURNMENT_SIDES = ["government", "other_side", "court", "both"] as const;
export const adjournmentSide = z.enum(ADJOURNMENT_SIDES);
export const HEARING_STATES = ["scheduled", "held", "cancelled"] as const;

const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time as HH:MM (24-hour)")
  .nullable()
  .optional();
const text = (max: number) => z.string().trim().max(max);

export const scheduleHearingBody = z.object({
  date: isoDate,
  time,
  /** The item's number in the court's cause list, where known. */
  serial: z.number().int().min(1).max(100_000).nullable().optional(),
  /** Defaults to the case's bench. */
  benchId: uuid.nullable().optional(),
  purpose: text(500).default(""),
  coram: text(500).default(""),
});

export const hearingOutcomeBody = z
  .object({
    version,
    outcome: hearingOutcome,
    coram: text(500).default(""),
    appeared: text(1000).default(""),
    adjournmentReason: text(1000).default(""),
    adjournedAtRequestOf: adjournmentSide.nullable().optional(),
    /** For `decided`: the court's disposal of the case. */
    result: z.enum(OUTCOMES).nullable().optional(),
    /** The next date the court fixed: creates the next hearing. */
    nextDate: isoDate.nullable().optional(),
    nextTime: time,
    nextPurpose: text(500).default(""),
    /** A document of this case (kind `order`) holding the order-sheet entry. */
    orderSheetDocumentId: uuid.nullable().optional(),
    notes: text(2000).default(""),
  })
  .superRefine((b, ctx) => {
    if (b.outcome === "adjourned" && !b.adjournmentReason) {
      ctx.addIssue({
        code: "custom",
        path: ["adjournmentReason"],
        message: "an adjournment needs its reason",
      });
    }
    if (b.outcome === "adjourned" && !b.adjournedAtRequestOf) {
      ctx.addIssue({
        code: "custom",
        path: ["adjournedAtRequestOf"],
        message: "say whom the adjournment is attributed to",
      });
    }
    if (b.outcome === "decided" && !b.result) {
      ctx.addIssue({ code: "custom", path: ["result"], message: "a decision needs its result" });
    }
    if (b.outcome === "decided" && b.nextDate) {
      ctx.addIssue({ code: "custom", path: ["nextDate"], message: "a decided case has no next date" });
    }
    if (b.outcome !== "decided" && b.outcome !== "reserved" && !b.nextDate) {
      ctx.addIssue({ code: "custom", path: ["nextDate"], message: "give the next date the court fixed" });
    }
  });

export const rescheduleHearingBody = z.object({
  version,
  date: isoDate,
  time,
  serial: z.number().int().min(1).max(100_000).nullable().optional(),
  purpose: text(500).optional(),
  coram: text(500).optional(),
});

export const cancelHearingBody = z.object({ version, reason: z.string().trim().min(1).max(1000) });

export const hearingSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  date: z.string(),
  time: z.string().nullable(),
  serial: z.number().nullable(),
  court: z.object({ id: z.string(), code: z.string(), nameEn: z.string(), nameUr: z.string() }),
  bench: z.object({ id: z.string(), code: z.string(), nameEn: z.string(), nameUr: z.string() }).nullable(),
  purpose: z.string(),
  coram: z.string(),
  state: z.enum(HEARING_STATES),
  outcome: hearingOutcome.nullable(),
  appeared: z.string(),
  adjournmentReason: z.string(),
  adjournedAtRequestOf: adjournmentSide.nullable(),
  result: z.enum(OUTCOMES).nullable(),
  notes: z.string(),
  cancelReason: z.string(),
  /** The hearing this one was fixed at (its previous date), and the one fixed here. */
  previousHearingId: z.string().nullable(),
  nextHearingId: z.string().nullable(),
  orderSheet: z.object({ documentId: z.string(), title: z.string(), version: z.number() }).nullable(),
  recordedBy: personRef.nullable(),
  recordedAt: z.string().nullable(),
  version: z.number(),
});
export type HearingDto = z.infer<typeof hearingSchema>;

export const hearingList = z.object({ items: z.array(hearingSchema) });

/**
 * Why a hearing is flagged on a cause list: the officer is listed that day before another court or bench
 * (`two_courts`), at the same time as another hearing (`same_time`), or more often than the daily limit.
 */
export const CLASH_CODES = ["two_courts", "same_time", "over_daily_limit"] as const;
export const URGENCIES = ["today", "tomorrow", "soon", "later"] as const;

export const causeListQuery = z.object({
  date: isoDate,
  officerId: uuid.optional(),
  courtId: uuid.optional(),
  benchId: uuid.optional(),
});

export const listedHearing = hearingSchema.extend({
  case: z.object({ id: z.string(), displayNumber: z.string(), title: z.string() }),
  officer: personRef.nullable(),
  clashes: z.array(z.enum(CLASH_CODES)),
});
export type ListedHearingDto = z.infer<typeof listedHearing>;

export const causeListSchema = z.object({
  date: z.string(),
  dailyLimit: z.number(),
  items: z.array(listedHearing),
});

export const upcomingQuery = z.object({
  days: z.coerce.number().int().min(1).max(31).default(7),
  officerId: uuid.optional(),
});

export const upcomingSchema = z.object({
  from: z.string(),
  days: z.number(),
  dailyLimit: z.number(),
  items: z.array(listedHearing.extend({ daysAway: z.number(), urgency: z.enum(URGENCIES) })),
});

/** Importing a court's published cause list: formats with an adapter on the server. */
export const IMPORT_FORMATS = ["csv"] as const;
export const IMPORT_UNMATCHED = ["bad_row", "unparsable_number", "no_case", "ambiguous"] as const;

export const importBody = z.object({
  courtId: uuid,
  format: z.enum(IMPORT_FORMATS).default("csv"),
  fileName: z.string().trim().max(200).default(""),
  /** The file's text (CSV: a header row naming date, case, and optionally time, serial, purpose, coram). */
  content: z.string().min(1).max(2_000_000),
});

export const importRow = z.object({
  line: z.number(),
  caseNumber: z.string(),
  date: z.string().nullable(),
  time: z.string().nullable(),
  serial: z.number().nullable(),
  purpose: z.string(),
  coram: z.string(),
  /** matched: a hearing will be created; listed: the case already has a hearing that day (nothing to do). */
  status: z.enum(["matched", "listed", "unmatched"]),
  reason: z.enum(IMPORT_UNMATCHED).nullable(),
  detail: z.string(),
  case: z.object({ id: z.string(), displayNumber: z.string(), title: z.string() }).nullable(),
});
export type ImportRowDto = z.infer<typeof importRow>;

export const importPreviewSchema = z.object({
  importId: z.string(),
  court: z.object({ id: z.string(), code: z.string(), nameEn: z.string(), nameUr: z.string() }),
  sha256: z.string(),
  counts: z.object({ matched: z.number(), listed: z.number(), unmatched: z.number() }),
  rows: z.array(importRow),
});

export const importCommitSchema = z.object({
  importId: z.string(),
  created: z.number(),
  skipped: z.number(),
});

/** A user's private calendar feed: the URL is returned only when it is made. */
export const calendarFeedStatus = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  lastReadAt: z.string().nullable(),
});
export const calendarFeedCreated = z.object({ url: z.string(), createdAt: z.string() });
export const calendarFeedParams = z.object({
  file: z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/, "is not a calendar feed"),
});
