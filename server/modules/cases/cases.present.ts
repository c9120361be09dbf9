import { formatCaseNumber } from "../../../common/case-number.ts";
import type { CaseAbilities, CaseDetail, CaseSummary } from "../../../common/schemas/cases.ts";
import type * as repo from "./cases.repo.ts";

type SummaryRow = {
  id: string;
  organisation_id: string;
  court_id: string;
  bench_id: string | null;
  case_type_id: string;
  number: number;
  number_suffix: string;
  year: number;
  title: string;
  status: string;
  stage: string | null;
  category: string;
  is_contempt: boolean;
  is_constitutional: boolean;
  is_tax_recovery: boolean;
  is_confidential: boolean;
  assigned_officer_id: string | null;
  updated_at: Date;
  court_code: string;
  court_name_en: string;
  court_name_ur: string;
  bench_code: string | null;
  bench_name_en: string | null;
  bench_name_ur: string | null;
  type_code: string;
  type_abbreviation: string;
  org_code: string;
  org_name_en: string;
  org_name_ur: string;
  officer_name: string | null;
};

export function displayNumber(r: {
  type_abbreviation: string;
  number: number;
  number_suffix: string;
  year: number;
}) {
  return formatCaseNumber({
    abbreviation: r.type_abbreviation,
    number: r.number,
    suffix: r.number_suffix,
    year: r.year,
  });
}

export function presentSummary(r: SummaryRow): CaseSummary {
  return {
    id: r.id,
    displayNumber: displayNumber(r),
    title: r.title,
    court: { id: r.court_id, code: r.court_code, nameEn: r.court_name_en, nameUr: r.court_name_ur },
    bench:
      r.bench_id && r.bench_code
        ? { id: r.bench_id, code: r.bench_code, nameEn: r.bench_name_en ?? "", nameUr: r.bench_name_ur ?? "" }
        : null,
    caseType: { id: r.case_type_id, code: r.type_code, abbreviation: r.type_abbreviation },
    organisation: { id: r.organisation_id, code: r.org_code, nameEn: r.org_name_en, nameUr: r.org_name_ur },
    status: r.status,
    stage: r.stage,
    category: r.category,
    flags: {
      contempt: r.is_contempt,
      constitutional: r.is_constitutional,
      taxRecovery: r.is_tax_recovery,
      confidential: r.is_confidential,
    },
    assignedOfficer:
      r.assigned_officer_id && r.officer_name
        ? { id: r.assigned_officer_id, fullName: r.officer_name }
        : null,
    updatedAt: r.updated_at.toISOString(),
  };
}

type DetailParts = {
  parties: Awaited<ReturnType<typeof repo.partiesOf>>;
  links: Awaited<ReturnType<typeof repo.linksOf>>;
  assignments: Awaited<ReturnType<typeof repo.assignmentsOf>>;
  access: Awaited<ReturnType<typeof repo.accessOf>>;
  abilities: CaseAbilities;
  allowedTransitions: string[];
};

export function presentDetail(r: repo.CaseRow, parts: DetailParts): CaseDetail {
  return {
    ...presentSummary(r),
    number: r.number,
    numberSuffix: r.number_suffix,
    year: r.year,
    subject: r.subject,
    amountInvolved: r.amount_involved,
    filedOn: r.filed_on,
    noticeReceivedOn: r.notice_received_on,
    decidedOn: r.decided_on,
    outcome: r.outcome,
    governmentResult: r.government_result,
    staleSince:
      r.stale_flagged_at && r.stale_flagged_at >= r.updated_at ? r.stale_flagged_at.toISOString() : null,
    parties: parts.parties.map((p) => ({
      id: p.id,
      position: p.position,
      side: p.side,
      name: p.name,
      organisation:
        p.organisation_id && p.code
          ? { id: p.organisation_id, code: p.code, nameEn: p.name_en ?? "", nameUr: p.name_ur ?? "" }
          : null,
    })),
    links: parts.links.map((l) => ({
      id: l.id,
      kind: l.kind,
      direction: l.direction as "outgoing" | "incoming",
      case: { id: l.other.id, displayNumber: displayNumber(l.other), title: l.other.title },
    })),
    assignments: parts.assignments.map((a) => ({
      id: a.id,
      officer: { id: a.officer_id, fullName: a.officer_name },
      assignedBy: { id: a.by_id, fullName: a.by_name },
      reason: a.reason,
      method: a.method,
      assignedAt: a.assigned_at.toISOString(),
      endedAt: a.ended_at?.toISOString() ?? null,
    })),
    access: parts.access.map((u) => ({ id: u.id, fullName: u.full_name })),
    version: r.version,
    createdAt: r.created_at.toISOString(),
    abilities: parts.abilities,
    allowedTransitions: parts.allowedTransitions,
  };
}
