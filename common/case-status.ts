/** Case lifecycle (DOMAIN.md §4). Pure data so the server enforces and the web app offers the same moves. */
export const CASE_STATUSES = ["pending", "decided", "appealed", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STAGES = ["notice", "reply_due", "arguments", "reserved", "judgment"] as const;
export const OUTCOMES = ["allowed", "dismissed", "disposed_of", "withdrawn", "partly_allowed"] as const;
export const GOVERNMENT_RESULTS = ["in_favour", "against", "partly"] as const;
export const CATEGORIES = [
  "service",
  "tax",
  "land",
  "contract",
  "constitutional",
  "criminal",
  "banking",
  "customs",
  "other",
] as const;
export const PARTY_SIDES = [
  "petitioner",
  "appellant",
  "plaintiff",
  "applicant",
  "respondent",
  "defendant",
  "proforma_respondent",
  "intervener",
] as const;
export const LINK_KINDS = ["appeal_of", "connected_with", "same_issue_as"] as const;

/**
 * Allowed moves. A decided case may be appealed (by either side) or closed; a case restored on review or
 * remand returns to pending; a closed case can be restored.
 */
export const STATUS_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  pending: ["decided", "closed"],
  decided: ["appealed", "closed", "pending"],
  appealed: ["closed", "pending"],
  closed: ["pending"],
};

export function canTransition(from: string, to: string): boolean {
  return (STATUS_TRANSITIONS[from as CaseStatus] ?? []).includes(to as CaseStatus);
}
