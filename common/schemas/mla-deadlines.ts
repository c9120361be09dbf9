import { z } from "zod";
import { SOURCE_STATUSES } from "./deadlines.ts";

/** An MLA request's deadlines (issue 5 item 6): a preservation's expiry and follow-ups, each with its basis. */
export const MLA_DEADLINE_KINDS = ["preservation_expiry", "follow_up"] as const;
export const MLA_DEADLINE_STATES = ["open", "met", "expired", "cancelled"] as const;

export const mlaDeadline = z.object({
  id: z.string(),
  kind: z.enum(MLA_DEADLINE_KINDS),
  ruleCode: z.string(),
  /** The day the period began (confirmation, or entering the state awaiting an answer). */
  startedOn: z.string(),
  dueOn: z.string(),
  /** The day the alert goes (30 days before a preservation expires; the due day for a follow-up). */
  alertOn: z.string(),
  /** The rule, its source and the arithmetic. */
  basis: z.string(),
  status: z.enum(SOURCE_STATUSES),
  extensions: z.number(),
  state: z.enum(MLA_DEADLINE_STATES),
  closedAt: z.string().nullable(),
  /** When the alert for the current due date went out; null while it is still scheduled. */
  alertSentAt: z.string().nullable(),
  version: z.number(),
});
export const mlaDeadlineList = z.object({ items: z.array(mlaDeadline) });
export type MlaDeadline = z.infer<typeof mlaDeadline>;
export type MlaDeadlineList = z.infer<typeof mlaDeadlineList>;
