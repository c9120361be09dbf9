import {
  entityFor,
  findProvider,
  findState,
  type MlaDirectory,
  providerJurisdiction,
  resolveInstrument,
  stateName,
} from "../../../common/mla/directory.ts";
import type { MlaRequestDraft } from "../../../common/mla/request.ts";
import type { MlaDetail } from "../../../common/schemas/mla.ts";
import {
  BASIS,
  CATEGORY,
  IDENTIFIER,
  KIND_TITLE,
  language,
  REFERENCE_KIND,
  RISK,
  TRANSLATION,
} from "./mla.export.labels.ts";

/**
 * An MLA request as the document a central authority expects (issue 5 item 4): a title block, then the request's
 * sections in the order the PILON / CoE templates use, each present even when empty ("Not stated") so whoever
 * signs sees the gap, then a signature block. The drafting assistant's score belongs to the register, not to the
 * letter: it goes on a separate internal page marked for removal. Pure — the DOCX and PDF renderers only draw it.
 */
export const NOT_STATED = "Not stated";
export const CENTRAL_AUTHORITY = "Central Authority of Pakistan (Ministry of Interior)";

export type Row = readonly [label: string, value: string];
export type Block =
  | { type: "text"; text: string }
  | { type: "fields"; rows: Row[] }
  | { type: "table"; columns: string[]; rows: string[][] }
  | { type: "subheading"; text: string };
export type Section = { key: string; heading: string; blocks: Block[] };

export type ExportModel = {
  reference: string;
  fileName: string;
  title: string;
  subject: string;
  titleBlock: Row[];
  sections: Section[];
  signature: { authority: string; rows: Row[] };
  internal: { heading: string; warning: string; rows: Row[] };
};

const has = (s: string | undefined | null): s is string => typeof s === "string" && s.trim() !== "";
const orNot = (s: string | undefined | null) => (has(s) ? s : NOT_STATED);
const text = (s: string | undefined | null): Block => ({ type: "text", text: orNot(s) });
const fields = (rows: Row[]): Block => ({ type: "fields", rows });
const yesNo = (b: boolean | undefined, yes: string, no: string) =>
  b === undefined ? NOT_STATED : b ? yes : no;

type Context = { detail: MlaDetail; draft: MlaRequestDraft; directory: MlaDirectory };

/** The provider's legal entity for the subjects' location (rule 12), else the one the draft names. */
function providerEntity(draft: MlaRequestDraft, directory: MlaDirectory): string | undefined {
  const provider = findProvider(directory, draft.provider?.code);
  const locations = [...new Set((draft.subjects ?? []).map((s) => s.userLocation).filter(has))];
  const found = provider
    ? locations.map((l) => {
        const a = entityFor(directory, provider, l);
        return a.kind === "found" ? a.entity.name : undefined;
      })
    : [];
  if (found.length > 0 && found.every((e) => e && e === found[0])) return found[0];
  return has(draft.provider?.entity) ? draft.provider.entity : undefined;
}

/** Who the request is addressed to: the state's central authority for a formal request, else the data's holder. */
export function addressee(draft: MlaRequestDraft, directory: MlaDirectory): string {
  if (draft.kind === "mla_incoming") return CENTRAL_AUTHORITY;
  const authority = draft.requestedState
    ? `Central Authority, ${stateName(directory, draft.requestedState)}`
    : undefined;
  // A formal MLA request goes state to state; the provider is named in the body, not as the addressee.
  if (draft.kind === "mla_outgoing") return authority ?? NOT_STATED;
  const entity =
    providerEntity(draft, directory) ??
    findProvider(directory, draft.provider?.code)?.name ??
    (has(draft.custodian) ? draft.custodian : undefined);
  const jurisdiction = providerJurisdiction(directory, draft);
  if (entity) return jurisdiction ? `${entity} (${stateName(directory, jurisdiction)})` : entity;
  return authority ?? NOT_STATED;
}

function requestingAuthority(c: Context): string {
  const { draft, detail, directory } = c;
  if (draft.kind === "mla_incoming")
    return draft.requestingState
      ? `Central Authority, ${stateName(directory, draft.requestingState)}`
      : NOT_STATED;
  // Only the Central Authority transmits a formal request (Act s.4); the other kinds may go direct from the agency.
  if (draft.kind === "mla_outgoing" || draft.channel !== "direct") return CENTRAL_AUTHORITY;
  return draft.domesticCase?.agency || detail.organisation.nameEn;
}

function holder(c: Context): string {
  const p = findProvider(c.directory, c.draft.provider?.code);
  return [p?.name ?? c.draft.provider?.code, providerEntity(c.draft, c.directory), c.draft.custodian]
    .filter(has)
    .join(" — ");
}

function summary(c: Context): Block[] {
  const d = c.draft;
  const categories = (d.dataCategories ?? []).map((x) => CATEGORY[x]?.toLowerCase() ?? x);
  const accounts = (d.subjects ?? []).length;
  const provisions = (d.offences ?? []).map((o) => o.provision).filter(has);
  if (!categories.length && !accounts && !holder(c) && !provisions.length) return [text(undefined)];
  const parts = [`This request seeks ${categories.length ? categories.join(", ") : "assistance"}`];
  if (accounts) parts.push(`concerning ${accounts} account(s)`);
  if (holder(c)) parts.push(`held by ${holder(c)}`);
  if (provisions.length) parts.push(`for the investigation of offences under ${provisions.join("; ")}`);
  return [text(`${parts.join(" ")}.`)];
}

function legalBasis(c: Context): Block[] {
  const b = c.draft.legalBasis;
  const instrument = resolveInstrument(c.directory, b);
  if (!b?.kind && !b?.name && !instrument) return [text(undefined)];
  return [
    fields([
      ["Basis", b?.kind ? (BASIS[b.kind] ?? b.kind) : NOT_STATED],
      ["Instrument", instrument?.name ?? orNot(b?.name)],
      ...(has(b?.name) && instrument && b.name !== instrument.name ? [["As cited", b.name] as const] : []),
    ]),
  ];
}

function subjects(c: Context): Block[] {
  const list = c.draft.subjects ?? [];
  if (list.length === 0) return [text(undefined)];
  return list.flatMap((s, i): Block[] => [
    { type: "subheading", text: `Subject ${i + 1}` },
    fields([
      ["Name", orNot(s.name)],
      ["User location", s.userLocation ? stateName(c.directory, s.userLocation) : NOT_STATED],
    ]),
    (s.identifiers ?? []).length
      ? {
          type: "table",
          columns: ["Identifier", "Value", "Date and time", "Time zone"],
          rows: (s.identifiers ?? []).map((x) => [
            IDENTIFIER[x.type] ?? x.type,
            orNot(x.value),
            x.dateTime ?? (x.type === "ip" ? NOT_STATED : "—"),
            x.timeZone ?? (x.dateTime ? NOT_STATED : "—"),
          ]),
        }
      : { type: "text", text: `Identifiers: ${NOT_STATED}` },
  ]);
}

function translation(c: Context): Block[] {
  const d = c.draft;
  const state = findState(c.directory, d.kind === "mla_incoming" ? d.requestingState : d.requestedState);
  const accepted = state?.languages;
  const fits =
    !d.language || !accepted
      ? "Not recorded"
      : accepted.value.includes(d.language)
        ? `Yes — ${state.name} accepts ${language(d.language)}`
        : `No — ${state.name} accepts ${accepted.value.map(language).join(", ")}; a translation is required`;
  const t = d.translation;
  const recorded = t?.status ? (TRANSLATION[t.status] ?? t.status) : NOT_STATED;
  // the recorded status stands, but a request the state cannot read must not look ready
  const unreadable = d.language && accepted && !accepted.value.includes(d.language);
  const status =
    unreadable && (!t?.status || t.status === "not_needed")
      ? `${recorded} — a translation is needed: ${state?.name} does not accept ${language(d.language!)}`
      : recorded;
  return [
    fields([
      ["Language of this request", d.language ? language(d.language) : NOT_STATED],
      [
        "Languages accepted by the requested state",
        accepted ? accepted.value.map(language).join(", ") : "Not recorded",
      ],
      ["Request language accepted", fits],
      ["Translation status", status],
      ["Translated into", t?.language ? language(t.language) : NOT_STATED],
      ["Translator", orNot(t?.translator)],
      ...(has(t?.note) ? [["Note", t.note] as const] : []),
    ]),
  ];
}

function earlier(c: Context): Block[] {
  const refs = (c.draft.earlierReferences ?? []).map((r) => [
    r.kind ? (REFERENCE_KIND[r.kind] ?? r.kind) : NOT_STATED,
    orNot(r.reference),
    r.date ?? NOT_STATED,
  ]);
  const cited = new Set(refs.map((r) => r[1]));
  const linked = (c.draft.linkedRequests ?? [])
    .filter((r) => !cited.has(r.reference))
    .map((r) => [
      REFERENCE_KIND[r.kind === "mla_outgoing" || r.kind === "mla_incoming" ? "mla" : r.kind] ?? r.kind,
      r.reference,
      "—",
    ]);
  const rows = [...refs, ...linked];
  return rows.length ? [{ type: "table", columns: ["Kind", "Reference", "Date"], rows }] : [text(undefined)];
}

/** The sections a kind's request carries beyond the common ones (Budapest Art. 29(2); 18 USC 2702(b)(8)). */
function kindSections(c: Context): Section[] {
  const d = c.draft;
  if (d.kind === "preservation")
    return [
      { key: "preservationNeed", heading: "Why preservation is needed", blocks: [text(d.preservationNeed)] },
      {
        key: "mlaWillFollow",
        heading: "Request for mutual legal assistance to follow",
        blocks: [
          text(
            yesNo(
              d.mlaWillFollow,
              "A request for mutual legal assistance for the search, seizure or disclosure of the preserved data will follow.",
              "No undertaking is given that a request for mutual legal assistance will follow.",
            ),
          ),
        ],
      },
    ];
  if (d.kind === "emergency_disclosure") {
    const e = d.emergency;
    return [
      {
        key: "emergency",
        heading: "Emergency: the threat and why the data helps",
        blocks: [
          fields([
            ["Risk", e?.risk ? (RISK[e.risk] ?? e.risk) : NOT_STATED],
            ["Imminent", yesNo(e?.imminent, "Yes", "No")],
            ["Threat", orNot(e?.threat)],
            ["Why the data helps", orNot(e?.whyDataHelps)],
          ]),
        ],
      },
    ];
  }
  return [];
}

export function buildExportModel(
  detail: MlaDetail,
  draft: MlaRequestDraft,
  directory: MlaDirectory,
  date: string,
) {
  const c: Context = { detail, draft, directory };
  const d = draft;
  const dc = d.domesticCase;
  const u = d.urgency;
  const sections: Section[] = [
    { key: "summary", heading: "Summary of the assistance sought", blocks: summary(c) },
    { key: "legalBasis", heading: "Legal basis", blocks: legalBasis(c) },
    {
      key: "domesticCase",
      heading: "Domestic investigation or proceedings",
      blocks: [
        fields([
          ["FIR number", orNot(dc?.firNumber)],
          ["Police station", orNot(dc?.policeStation)],
          ["Investigating agency", orNot(dc?.agency)],
          ["Court", orNot(dc?.court)],
        ]),
      ],
    },
    {
      key: "offences",
      heading: "Offences, provisions and maximum penalties",
      blocks: (d.offences ?? []).length
        ? [
            {
              type: "table",
              columns: ["Provision", "Description", "Maximum penalty"],
              rows: (d.offences ?? []).map((o) => [
                orNot(o.provision),
                orNot(o.description),
                orNot(o.maximumPenalty),
              ]),
            },
          ]
        : [text(undefined)],
    },
    { key: "facts", heading: "Summary of the facts", blocks: [text(d.facts)] },
    {
      key: "evidenceLink",
      heading: "Link between the evidence sought and the offence",
      blocks: [
        text(d.evidenceLink),
        ...(has(d.probableCause)
          ? [{ type: "subheading", text: "Facts showing probable cause" } as const, text(d.probableCause)]
          : []),
      ],
    },
    {
      key: "subjects",
      heading: "Persons and accounts concerned",
      blocks: [...(holder(c) ? [fields([["Data held by", holder(c)]])] : []), ...subjects(c)],
    },
    {
      key: "timeRanges",
      heading: "Periods for which data is sought",
      blocks: (d.timeRanges ?? []).length
        ? [
            {
              type: "table",
              columns: ["From", "To", "Time zone"],
              rows: (d.timeRanges ?? []).map((r) => [orNot(r.from), orNot(r.to), orNot(r.timeZone)]),
            },
          ]
        : [text(undefined)],
    },
    {
      key: "dataCategories",
      heading: "Categories of data sought",
      blocks: [text((d.dataCategories ?? []).map((x) => CATEGORY[x] ?? x).join("; ") || undefined)],
    },
    {
      key: "assistanceSought",
      heading: "Assistance sought and procedures to be followed",
      blocks: [text(d.assistanceSought)],
    },
    {
      key: "urgency",
      heading: "Urgency and time limit",
      blocks: [
        fields([
          ["Urgency", u?.level ? u.level[0]!.toUpperCase() + u.level.slice(1) : NOT_STATED],
          ["Time limit", orNot(u?.timeLimit)],
          ["Reasons", orNot(u?.reasons)],
        ]),
      ],
    },
    {
      key: "confidentiality",
      heading: "Confidentiality and limits on use",
      blocks: [
        fields([
          ["Confidentiality", orNot(d.confidentiality)],
          ["Limits on use", orNot(d.limitsOnUse)],
        ]),
      ],
    },
    { key: "dualCriminality", heading: "Dual criminality", blocks: [text(d.dualCriminality)] },
    { key: "earlierReferences", heading: "Earlier requests and references", blocks: earlier(c) },
    ...kindSections(c),
    { key: "translation", heading: "Language and translation", blocks: translation(c) },
  ];
  const open = detail.check.findings;
  const bySeverity = (s: string) => open.filter((f) => f.severity === s).length;
  const from = requestingAuthority(c);
  return {
    reference: detail.reference,
    fileName: detail.reference.replace(/[^A-Za-z0-9._-]+/g, "_"),
    title: KIND_TITLE[d.kind],
    subject: detail.title,
    titleBlock: [
      ["Reference", detail.reference],
      ["Kind", KIND_TITLE[d.kind]],
      ["Date", date],
      ["Requesting authority", from],
      ["Addressed to", addressee(d, directory)],
      ["Subject", detail.title],
    ],
    sections,
    signature: {
      // an incoming request is filed here, not signed for the requesting state
      authority: d.kind === "mla_incoming" ? CENTRAL_AUTHORITY : from,
      rows: [
        ["Name", ""],
        ["Designation", ""],
        ["Date", ""],
        ["Seal", ""],
      ],
    },
    internal: {
      heading: "Internal annex — not part of the request",
      warning:
        "For the Central Authority's register only. Remove this page before the request is signed and sent.",
      rows: [
        ["Register reference", detail.reference],
        ["Register state", detail.state],
        ["Requesting unit", detail.organisation.nameEn],
        ["Prepared by", detail.createdBy.fullName],
        ["Drafting assistant score", `${detail.check.score} / 100`],
        [
          "Open findings",
          `${open.length} (${bySeverity("error")} error, ${bySeverity("warning")} warning, ${bySeverity("suggestion")} suggestion)`,
        ],
        ["Exported on", date],
      ],
    },
  } satisfies ExportModel;
}
