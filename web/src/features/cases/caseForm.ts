import type { TFunction } from "i18next";
import type { FieldErrors } from "../../app/forms.tsx";
import type { CaseDetail, CaseInput, Category, Flags, PartyInput, Side, Stage } from "./types.ts";

export type PartyRow = { key: string; side: Side; name: string; organisationId: string };

export type CaseFormState = {
  organisationId: string;
  courtId: string;
  benchId: string;
  caseTypeId: string;
  number: string;
  numberSuffix: string;
  year: string;
  title: string;
  subject: string;
  category: Category | "";
  amountInvolved: string;
  filedOn: string;
  noticeReceivedOn: string;
  stage: Stage | "";
  flags: Flags;
  parties: PartyRow[];
};

let rowSeq = 0;
export function newPartyRow(side: Side): PartyRow {
  rowSeq += 1;
  return { key: `p${rowSeq}`, side, name: "", organisationId: "" };
}

export function emptyCaseForm(organisationId: string): CaseFormState {
  return {
    organisationId,
    courtId: "",
    benchId: "",
    caseTypeId: "",
    number: "",
    numberSuffix: "",
    year: String(new Date().getFullYear()),
    title: "",
    subject: "",
    category: "",
    amountInvolved: "",
    filedOn: "",
    noticeReceivedOn: "",
    stage: "notice",
    flags: { contempt: false, constitutional: false, taxRecovery: false, confidential: false },
    parties: [newPartyRow("petitioner"), newPartyRow("respondent")],
  };
}

export function caseFormFromDetail(c: CaseDetail): CaseFormState {
  return {
    organisationId: c.organisation.id,
    courtId: c.court.id,
    benchId: c.bench?.id ?? "",
    caseTypeId: c.caseType.id,
    number: String(c.number),
    numberSuffix: c.numberSuffix ?? "",
    year: String(c.year),
    title: c.title,
    subject: c.subject ?? "",
    category: c.category,
    amountInvolved:
      c.amountInvolved === null || c.amountInvolved === undefined ? "" : String(c.amountInvolved),
    filedOn: c.filedOn ?? "",
    noticeReceivedOn: c.noticeReceivedOn ?? "",
    stage: c.stage ?? "",
    flags: { ...c.flags },
    parties: [...c.parties]
      .sort((a, b) => a.position - b.position)
      .map((p) => ({ ...newPartyRow(p.side), name: p.name, organisationId: p.organisation?.id ?? "" })),
  };
}

const blank = (s: string) => (s.trim() === "" ? undefined : s.trim());

/** The body of POST /cases; optional fields left empty are omitted. */
export function caseFormToInput(f: CaseFormState, includeOrganisation: boolean): CaseInput {
  const parties: PartyInput[] = f.parties.map((p) => ({
    side: p.side,
    name: p.name.trim(),
    ...(p.organisationId ? { organisationId: p.organisationId } : {}),
  }));
  const amount = blank(f.amountInvolved.replaceAll(",", ""));
  return {
    ...(includeOrganisation && f.organisationId ? { organisationId: f.organisationId } : {}),
    courtId: f.courtId,
    benchId: f.benchId || undefined,
    caseTypeId: f.caseTypeId,
    number: Number(f.number),
    numberSuffix: blank(f.numberSuffix)?.toUpperCase(),
    year: Number(f.year),
    title: f.title.trim(),
    subject: blank(f.subject),
    category: f.category as Category,
    amountInvolved: amount,
    filedOn: f.filedOn || undefined,
    noticeReceivedOn: f.noticeReceivedOn || undefined,
    stage: f.stage || undefined,
    flags: { ...f.flags },
    parties,
  };
}

/** Text fields the server clears with "" rather than null. */
const CLEAR_WITH_EMPTY = new Set(["numberSuffix", "subject"]);

/**
 * The body of PATCH /cases/:id: only what changed, and `null` for an optional field the user cleared
 * (omitting it would leave the old value in place).
 */
export function caseFormPatch(before: CaseFormState, after: CaseFormState, includeOrganisation: boolean) {
  const a = caseFormToInput(before, includeOrganisation) as Record<string, unknown>;
  const b = caseFormToInput(after, includeOrganisation) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[key]) === JSON.stringify(b[key])) continue;
    out[key] = b[key] === undefined ? (CLEAR_WITH_EMPTY.has(key) ? "" : null) : b[key];
  }
  return out as Partial<CaseInput>;
}

/** The checks worth making before a round trip; the server checks everything again. */
export function validateCaseForm(f: CaseFormState, t: TFunction): FieldErrors {
  const e: FieldErrors = {};
  const required = t("validation.required");
  if (!f.courtId) e.courtId = required;
  if (!f.caseTypeId) e.caseTypeId = required;
  if (!/^\d+$/.test(f.number.trim()) || Number(f.number) < 1) e.number = t("validation.positiveNumber");
  if (!/^\d{4}$/.test(f.year.trim())) e.year = t("validation.year");
  if (!f.title.trim()) e.title = required;
  if (!f.category) e.category = required;
  const amount = f.amountInvolved.replaceAll(",", "").trim();
  if (amount && !/^\d{1,16}(\.\d{1,2})?$/.test(amount)) e.amountInvolved = t("validation.amount");
  if (f.numberSuffix.trim() && !/^[A-Za-z]{1,3}$/.test(f.numberSuffix.trim()))
    e.numberSuffix = t("validation.suffix");
  if (f.parties.length < 2) e.parties = t("validation.twoParties");
  f.parties.forEach((p, i) => {
    if (!p.name.trim()) e[`parties.${i}.name`] = required;
  });
  return e;
}

/** "A v. B and 2 others", the way case titles are written in Pakistani courts. */
export function titleFromParties(parties: PartyRow[]): string {
  const respondentSides: Side[] = ["respondent", "defendant", "proforma_respondent"];
  const first = parties.find((p) => !respondentSides.includes(p.side) && p.name.trim());
  const against = parties.filter((p) => respondentSides.includes(p.side) && p.name.trim());
  if (!first || against.length === 0) return "";
  const others = against.length - 1;
  const suffix = others === 0 ? "" : others === 1 ? " and another" : ` and ${others} others`;
  return `${first.name.trim()} v. ${against[0]!.name.trim()}${suffix}`;
}
