import {
  CASE_STAGES,
  CASE_STATUSES,
  CATEGORIES,
  GOVERNMENT_RESULTS,
  LINK_KINDS,
  OUTCOMES,
  PARTY_SIDES,
} from "../../../../common/case-status.ts";
import type { OrgRef, PersonRef } from "../../app/types.ts";

export { CATEGORIES, GOVERNMENT_RESULTS, LINK_KINDS, OUTCOMES };
export const SIDES = PARTY_SIDES;
export const STATUSES = CASE_STATUSES;
export const STAGES = CASE_STAGES;
export const FLAGS = ["contempt", "constitutional", "taxRecovery", "confidential"] as const;

export type Side = (typeof SIDES)[number];
export type Category = (typeof CATEGORIES)[number];
export type CaseStatus = (typeof STATUSES)[number];
export type Stage = (typeof STAGES)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type GovernmentResult = (typeof GOVERNMENT_RESULTS)[number];
export type Flag = (typeof FLAGS)[number];
export type LinkKind = (typeof LINK_KINDS)[number];
export type Flags = Record<Flag, boolean>;

export type CaseSummary = {
  id: string;
  displayNumber: string;
  title: string;
  court: OrgRef;
  bench: OrgRef | null;
  caseType: { id: string; code: string; abbreviation: string };
  organisation: OrgRef;
  status: CaseStatus;
  stage: Stage | null;
  category: Category;
  flags: Flags;
  assignedOfficer: PersonRef | null;
  updatedAt: string;
};

export type Party = { id: string; position: number; side: Side; name: string; organisation: OrgRef | null };

export type CaseLink = {
  id: string;
  kind: LinkKind;
  direction: "outgoing" | "incoming";
  case: { id: string; displayNumber: string; title: string };
};

export type Assignment = {
  id: string;
  officer: PersonRef;
  assignedBy: PersonRef | null;
  reason: string | null;
  method: string;
  assignedAt: string;
  endedAt: string | null;
};

export type CaseDetail = CaseSummary & {
  number: number;
  numberSuffix: string;
  year: number;
  subject: string | null;
  amountInvolved: number | string | null;
  filedOn: string | null;
  noticeReceivedOn: string | null;
  decidedOn: string | null;
  outcome: Outcome | null;
  governmentResult: GovernmentResult | null;
  /** When the case was flagged stale (no update within its organisation's N days); null once updated. */
  staleSince: string | null;
  parties: Party[];
  links: CaseLink[];
  assignments: Assignment[];
  /** The people named on a confidential case (empty otherwise). */
  access: PersonRef[];
  version: number;
  createdAt: string;
  abilities: {
    edit: boolean;
    changeStatus: boolean;
    assign: boolean;
    upload: boolean;
    download: boolean;
    link: boolean;
    manageAccess: boolean;
  };
  allowedTransitions: CaseStatus[];
};

export type PartyInput = { side: Side; name: string; organisationId?: string };

export type CaseInput = {
  organisationId?: string;
  courtId: string;
  benchId?: string | null;
  caseTypeId: string;
  number: number;
  numberSuffix?: string;
  year: number;
  title: string;
  subject?: string;
  category: Category;
  amountInvolved?: string | null;
  filedOn?: string | null;
  noticeReceivedOn?: string | null;
  stage?: Stage | null;
  flags: Partial<Flags>;
  parties: PartyInput[];
};

export type HistoryEvent = {
  seq: number;
  occurredAt: string;
  action: string;
  actor: PersonRef | null;
  changes: unknown;
};

export type CaseListQuery = {
  q?: string;
  organisationId?: string;
  courtId?: string;
  caseTypeId?: string;
  status?: string;
  year?: string;
  flag?: string;
  assignedTo?: string;
  // the dashboard's drill-downs (server: caseListQuery)
  officeId?: string;
  ageBucket?: string;
  attention?: string;
  hearingFrom?: string;
  hearingTo?: string;
  decidedMonth?: string;
  result?: string;
  adjournedBy?: string;
  adjournmentReason?: string;
  page?: number;
  pageSize?: number;
};
