import { z } from "zod";
import {
  CASE_STAGES,
  CASE_STATUSES,
  CATEGORIES,
  GOVERNMENT_RESULTS,
  LINK_KINDS,
  OUTCOMES,
  PARTY_SIDES,
} from "../case-status.ts";
import { ADJOURNMENT_SIDES } from "./hearings.ts";
import { isoDate, orgRef, paged, pagination, personRef, trimmed, uuid, version } from "./shared.ts";

export const caseStatus = z.enum(CASE_STATUSES);
/** Age of a case since filed, in years (DOMAIN.md §8): <1, 1–3, 3–5, 5–10, >10. */
export const AGE_BUCKETS = ["lt1", "1to3", "3to5", "5to10", "gt10"] as const;
/**
 * Cases needing attention: stale (flagged and not updated since), an open task or an open deadline past its
 * (internal) due date, an appeal deadline whose legal date passed with no appeal filed (time-barred).
 */
export const ATTENTION_KINDS = ["stale", "overdueTask", "overdueDeadline", "timeBarred"] as const;
export const caseStage = z.enum(CASE_STAGES);
export const outcome = z.enum(OUTCOMES);
export const governmentResult = z.enum(GOVERNMENT_RESULTS);
export const category = z.enum(CATEGORIES);
export const partySide = z.enum(PARTY_SIDES);
export const linkKind = z.enum(LINK_KINDS);

export const partyInput = z.object({
  side: partySide,
  name: trimmed(300),
  organisationId: uuid.nullable().optional(),
});

const flagsInput = z.object({
  contempt: z.boolean().optional(),
  constitutional: z.boolean().optional(),
  taxRecovery: z.boolean().optional(),
  confidential: z.boolean().optional(),
});

const amount = z
  .union([
    z.number().nonnegative().max(1e15),
    z.string().regex(/^\d{1,16}(\.\d{1,2})?$/, "must be an amount"),
  ])
  .transform((v) => String(v));

export const caseCreateBody = z.object({
  organisationId: uuid.optional(),
  courtId: uuid,
  benchId: uuid.nullable().optional(),
  caseTypeId: uuid,
  number: z.number().int().positive().max(9_999_999),
  numberSuffix: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{0,3}$/, "up to three letters, e.g. K")
    .optional(),
  year: z.number().int().min(1947).max(2100),
  title: trimmed(500),
  subject: z.string().trim().max(4000).optional(),
  category,
  amountInvolved: amount.nullable().optional(),
  filedOn: isoDate.nullable().optional(),
  noticeReceivedOn: isoDate.nullable().optional(),
  stage: caseStage.nullable().optional(),
  flags: flagsInput.optional(),
  parties: z.array(partyInput).min(2, "a case has at least two parties").max(200),
});
export type CaseCreateInput = z.infer<typeof caseCreateBody>;

export const casePatchBody = caseCreateBody.omit({ organisationId: true }).partial().extend({ version });
export type CasePatchInput = z.infer<typeof casePatchBody>;

export const caseStatusBody = z.object({
  version,
  status: caseStatus,
  stage: caseStage.nullable().optional(),
  outcome: outcome.nullable().optional(),
  governmentResult: governmentResult.nullable().optional(),
  decidedOn: isoDate.nullable().optional(),
});

export const caseAssignmentBody = z.object({
  version,
  officerId: uuid.nullable(),
  reason: trimmed(1000),
});

export const caseLinkBody = z.object({ kind: linkKind, linkedCaseId: uuid });
export const caseAccessBody = z.object({ userId: uuid });

export const caseListQuery = pagination.extend({
  q: z.string().trim().max(200).optional(),
  organisationId: uuid.optional(),
  courtId: uuid.optional(),
  caseTypeId: uuid.optional(),
  status: caseStatus.optional(),
  year: z.coerce.number().int().min(1947).max(2100).optional(),
  flag: z.enum(["contempt", "constitutional", "taxRecovery", "confidential"]).optional(),
  assignedTo: z.union([z.enum(["me", "unassigned"]), uuid]).optional(),
  // The dashboard's drill-downs (issue 6): each figure's filter, so the list counts by the figure's predicate.
  /** Assigned to an officer of this law office. */
  officeId: uuid.optional(),
  /** Years since filed (filed_on, else 1 January of the case's year), in the courts' today. */
  ageBucket: z.enum(AGE_BUCKETS).optional(),
  attention: z.enum(ATTENTION_KINDS).optional(),
  /** Has a scheduled hearing on a day from hearingFrom to hearingTo (both included). */
  hearingFrom: isoDate.optional(),
  hearingTo: isoDate.optional(),
  /** Disposed of (decided_on, and no longer pending) in this month, YYYY-MM. */
  decidedMonth: z
    .string()
    .regex(/^(19|20)\d\d-(0[1-9]|1[0-2])$/, "must be a month as YYYY-MM")
    .optional(),
  result: governmentResult.optional(),
  /** Has a hearing adjourned at the request of this side. */
  adjournedBy: z.enum(ADJOURNMENT_SIDES).optional(),
  /** Has a hearing adjourned for exactly this reason. */
  adjournmentReason: z.string().trim().min(1).max(1000).optional(),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

const flags = z.object({
  contempt: z.boolean(),
  constitutional: z.boolean(),
  taxRecovery: z.boolean(),
  confidential: z.boolean(),
});

export const caseSummary = z.object({
  id: z.string(),
  displayNumber: z.string(),
  title: z.string(),
  court: orgRef,
  bench: orgRef.nullable(),
  caseType: z.object({ id: z.string(), code: z.string(), abbreviation: z.string() }),
  organisation: orgRef,
  status: z.string(),
  stage: z.string().nullable(),
  category: z.string(),
  flags,
  assignedOfficer: personRef.nullable(),
  updatedAt: z.string(),
});
export type CaseSummary = z.infer<typeof caseSummary>;

/**
 * A page of the case list. `totalCapped`: more cases match than were counted (a plain list counts to 5,000, a
 * word search ranks the first 200 found), so `total` reads "more than".
 */
export const caseList = paged(caseSummary).extend({ totalCapped: z.boolean() });
export type CaseList = z.infer<typeof caseList>;

export const caseAbilities = z.object({
  edit: z.boolean(),
  changeStatus: z.boolean(),
  assign: z.boolean(),
  upload: z.boolean(),
  download: z.boolean(),
  link: z.boolean(),
  manageAccess: z.boolean(),
});
export type CaseAbilities = z.infer<typeof caseAbilities>;

export const caseDetail = caseSummary.extend({
  number: z.number(),
  numberSuffix: z.string(),
  year: z.number(),
  subject: z.string(),
  amountInvolved: z.string().nullable(),
  filedOn: z.string().nullable(),
  noticeReceivedOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  outcome: z.string().nullable(),
  governmentResult: z.string().nullable(),
  /** When the case was flagged stale (no update for its organisation's N days); null once updated. */
  staleSince: z.string().nullable(),
  parties: z.array(
    z.object({
      id: z.string(),
      position: z.number(),
      side: z.string(),
      name: z.string(),
      organisation: orgRef.nullable(),
    }),
  ),
  links: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      direction: z.enum(["outgoing", "incoming"]),
      case: z.object({ id: z.string(), displayNumber: z.string(), title: z.string() }),
    }),
  ),
  assignments: z.array(
    z.object({
      id: z.string(),
      officer: personRef,
      assignedBy: personRef,
      reason: z.string(),
      method: z.string(),
      assignedAt: z.string(),
      endedAt: z.string().nullable(),
    }),
  ),
  access: z.array(personRef),
  version: z.number(),
  createdAt: z.string(),
  abilities: caseAbilities,
  allowedTransitions: z.array(z.string()),
});
export type CaseDetail = z.infer<typeof caseDetail>;

export const historyItem = z.object({
  seq: z.number(),
  occurredAt: z.string(),
  action: z.string(),
  actor: personRef.nullable(),
  changes: z.unknown(),
});
