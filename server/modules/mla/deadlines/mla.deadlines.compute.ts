import { z } from "zod";
import { type MlaDirectory, providerJurisdiction } from "../../../../common/mla/directory.ts";
import { MLA_REQUEST_KINDS, type MlaRequestDraft } from "../../../../common/mla/request.ts";
import { SOURCE_STATUSES } from "../../../../common/schemas/deadlines.ts";
import { addDays } from "../../../platform/clock.ts";

/**
 * The MLA register's deadlines as pure arithmetic over reference/mla-deadlines.json (issue 5 item 6): how long a
 * confirmed preservation lasts under the law that governs the provider, how an extension moves it, when the
 * alert goes, and which states are owed a follow-up. No I/O here, so the tests pin every date.
 */
const status = z.enum(SOURCE_STATUSES);
const code = z.string().regex(/^[a-z][a-z0-9_]{1,47}$/);

export const preservationRule = z.strictObject({
  code,
  /** ISO state codes whose law governs; ["*"] for the rule used when no other matches. */
  jurisdictions: z.array(z.string().regex(/^([A-Z]{2}|\*)$/)).min(1),
  days: z.number().int().min(1).max(3650),
  extensionDays: z.number().int().min(1).max(3650),
  /** How many extensions the law allows; null when it sets no limit. */
  maxExtensions: z.number().int().min(0).nullable(),
  /** The period is a floor ("at least"), not what the provider keeps: the officer confirms it. */
  minimum: z.boolean(),
  basis: z.string().min(1),
  source: z.string().min(1),
  status,
});
export type PreservationRule = z.infer<typeof preservationRule>;

export const followUpRule = z.strictObject({
  code,
  kinds: z.array(z.enum(MLA_REQUEST_KINDS)).min(1),
  state: z.string().min(1),
  days: z.number().int().min(1).max(3650),
  basis: z.string().min(1),
  source: z.string().min(1),
  status,
});
export type FollowUpRule = z.infer<typeof followUpRule>;

export const mlaDeadlineFile = z.object({
  source: z.string(),
  note: z.string().optional(),
  items: z.strictObject({
    alertDaysBefore: z.strictObject({
      value: z.number().int().min(1).max(365),
      source: z.string().min(1),
      status,
    }),
    preservation: z
      .array(preservationRule)
      .min(1)
      .refine((rules) => rules.some((r) => r.jurisdictions.includes("*")), "one rule must apply to '*'"),
    followUps: z.array(followUpRule),
  }),
});
export type MlaDeadlineRules = z.infer<typeof mlaDeadlineFile>["items"];

/** What a deadline row holds, computed (dates are 'YYYY-MM-DD' in the courts' calendar). */
export type ComputedDeadline = {
  kind: "preservation_expiry" | "follow_up";
  ruleCode: string;
  startedOn: string;
  dueOn: string;
  alertOn: string;
  basis: string;
  status: z.infer<typeof status>;
  extensions: number;
};

/** The rule for the state whose law governs the provider (its entity for the subjects' locations). */
export function preservationRuleFor(
  rules: MlaDeadlineRules,
  directory: MlaDirectory,
  draft: MlaRequestDraft,
): { rule: PreservationRule; jurisdiction: string | undefined } {
  const jurisdiction = providerJurisdiction(directory, draft);
  const rule =
    (jurisdiction && rules.preservation.find((r) => r.jurisdictions.includes(jurisdiction))) ||
    rules.preservation.find((r) => r.jurisdictions.includes("*"))!;
  return { rule, jurisdiction };
}

const where = (jurisdiction: string | undefined) =>
  jurisdiction ? ` (provider's law: ${jurisdiction})` : " (provider's law not recorded)";

/**
 * A preservation confirmed on `confirmedOn`: expiry `days` later, alert `alertDaysBefore` before that. Counted
 * from the day it was sent (`from: "sent"`) it is provisional — the provider preserves on receipt, and the date is
 * re-counted from its confirmation — so an alert is scheduled from the moment the request leaves.
 */
export function preservationExpiry(
  rules: MlaDeadlineRules,
  directory: MlaDirectory,
  draft: MlaRequestDraft,
  confirmedOn: string,
  from: "sent" | "confirmed" = "confirmed",
): ComputedDeadline {
  const { rule, jurisdiction } = preservationRuleFor(rules, directory, draft);
  const dueOn = addDays(confirmedOn, rule.days);
  return {
    kind: "preservation_expiry",
    ruleCode: rule.code,
    startedOn: confirmedOn,
    dueOn,
    alertOn: alertFor(rules, confirmedOn, dueOn),
    basis:
      from === "sent"
        ? `${rule.basis}${where(jurisdiction)}; sent ${confirmedOn} + ${rule.days} days = ${dueOn} (provisional until the provider confirms)`
        : `${rule.basis}${where(jurisdiction)}; confirmed ${confirmedOn} + ${rule.days} days = ${dueOn}`,
    status: rule.status,
    extensions: 0,
  };
}

/**
 * An extension confirmed: the expiry moves by the rule's extension from the current expiry (a renewal adds to
 * the period, 18 USC 2703(f)(2)), unless the law's renewals are used up — then the date stays and the basis
 * says to transmit the MLA request instead.
 */
export function extendPreservation(
  rules: MlaDeadlineRules,
  current: Pick<ComputedDeadline, "ruleCode" | "startedOn" | "dueOn" | "basis" | "extensions" | "status">,
): ComputedDeadline {
  const rule =
    rules.preservation.find((r) => r.code === current.ruleCode) ??
    rules.preservation.find((r) => r.jurisdictions.includes("*"))!;
  const base = { ...current, kind: "preservation_expiry" as const };
  if (rule.maxExtensions !== null && current.extensions >= rule.maxExtensions) {
    const note = "; no further renewal allowed — transmit the MLA request";
    return {
      ...base,
      alertOn: alertFor(rules, current.startedOn, current.dueOn),
      basis: current.basis.endsWith(note) ? current.basis : `${current.basis}${note}`,
    };
  }
  const dueOn = addDays(current.dueOn, rule.extensionDays);
  return {
    ...base,
    dueOn,
    alertOn: alertFor(rules, current.startedOn, dueOn),
    basis: `${current.basis}; extension ${current.extensions + 1}: + ${rule.extensionDays} days = ${dueOn}`,
    extensions: current.extensions + 1,
  };
}

/** The alert date: `alertDaysBefore` before the due date, never before the period began. */
export function alertFor(rules: MlaDeadlineRules, startedOn: string, dueOn: string): string {
  const alert = addDays(dueOn, -rules.alertDaysBefore.value);
  return alert < startedOn ? startedOn : alert;
}

/** The follow-up a request entering `state` is owed, if any: due (and alerted) `days` after it entered. */
export function followUpFor(
  rules: MlaDeadlineRules,
  kind: MlaRequestDraft["kind"],
  state: string,
  enteredOn: string,
): ComputedDeadline | undefined {
  const rule = rules.followUps.find((r) => r.state === state && r.kinds.includes(kind));
  if (!rule) return undefined;
  const dueOn = addDays(enteredOn, rule.days);
  return {
    kind: "follow_up",
    ruleCode: rule.code,
    startedOn: enteredOn,
    dueOn,
    alertOn: dueOn,
    basis: `${rule.basis}; ${state} on ${enteredOn} + ${rule.days} days = ${dueOn}`,
    status: rule.status,
    extensions: 0,
  };
}

/** How each final preservation state settles its expiry: superseded by the MLA request is the aim met. */
export const PRESERVATION_CLOSES: Readonly<Record<string, "met" | "expired" | "cancelled">> = {
  superseded_by_mla: "met",
  expired: "expired",
  released: "cancelled",
};
