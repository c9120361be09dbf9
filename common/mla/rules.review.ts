import { z } from "zod";
import {
  entityFor,
  factBasis,
  findProvider,
  type ProviderEntity,
  resolveInstrument,
  sameName,
  stateName,
} from "./directory.ts";
import type { MlaRequestDraft, MlaRequestKind, RefusalGround } from "./request.ts";
import {
  noSourceCited,
  OUTGOING_KINDS,
  present,
  type Requirement,
  type RuleCheck,
  req,
} from "./rules.types.ts";

/** Rules 12–16 of DOMAIN.md §9: addressee, history, screening of incoming requests, and the words used. */

export const providerEntityRule: RuleCheck = {
  code: "provider_entity",
  number: 12,
  source: noSourceCited(12),
  status: "S",
  appliesTo: OUTGOING_KINDS,
  severity: "error",
  keys: {
    user_location: "warning",
    entity_unknown: "suggestion",
    entities_differ: "warning",
    entity_missing: "error",
    entity_wrong: "error",
    state_mismatch: "warning",
  },
  check: ({ draft: d, directory }) => {
    const p = findProvider(directory, d.provider?.code);
    if (!p?.entities?.length) return []; // one entity for everyone, or not in the directory
    const out: Requirement[] = [];
    const entities = new Map<string, ProviderEntity>();
    (d.subjects ?? []).forEach((s, i) => {
      const at = `subjects.${i}.userLocation`;
      out.push(req(s.userLocation !== undefined, "user_location", at, { provider: p.name }));
      if (!s.userLocation) return;
      const answer = entityFor(directory, p, s.userLocation);
      if (answer.kind === "found") entities.set(answer.entity.name, answer.entity);
      else
        out.push(
          req(false, "entity_unknown", at, {
            provider: p.name,
            location: stateName(directory, s.userLocation),
          }),
        );
    });
    if (entities.size > 1) return [...out, req(false, "entities_differ", "subjects", { provider: p.name })];
    const [e] = entities.values();
    if (!e) return out;
    const basis = factBasis(e);
    const named = present(d.provider?.entity);
    const params = { provider: p.name, entity: e.name, state: stateName(directory, e.state) };
    out.push(
      req(
        sameName(d.provider?.entity, e.name),
        named ? "entity_wrong" : "entity_missing",
        "provider.entity",
        params,
        basis,
      ),
    );
    if (d.requestedState)
      out.push(req(d.requestedState === e.state, "state_mismatch", "requestedState", params, basis));
    return out;
  },
};

const KIND_LABELS: Record<MlaRequestKind, { en: string; ur: string }> = {
  mla_outgoing: { en: "MLA", ur: "ایم ایل اے" },
  mla_incoming: { en: "incoming MLA", ur: "موصولہ ایم ایل اے" },
  preservation: { en: "preservation", ur: "تحفظ" },
  emergency_disclosure: { en: "emergency disclosure", ur: "ہنگامی افشا" },
  voluntary_disclosure: { en: "voluntary disclosure", ur: "رضاکارانہ افشا" },
};

const refKey = (s: string | undefined) => (s ?? "").toLowerCase().replace(/\s+/g, "");

export const earlierReferences: RuleCheck = {
  code: "earlier_references",
  number: 13,
  source: noSourceCited(13),
  status: "U",
  appliesTo: OUTGOING_KINDS,
  severity: "error",
  keys: { linked_not_cited: "error", empty_reference: "error", none_cited: "suggestion" },
  check: ({ draft: d }) => {
    const refs = d.earlierReferences ?? [];
    const out = refs.map((r, i) =>
      req(present(r.reference), "empty_reference", `earlierReferences.${i}.reference`),
    );
    const cited = new Set(refs.map((r) => refKey(r.reference)));
    for (const l of d.linkedRequests ?? [])
      out.push(
        req(cited.has(refKey(l.reference)), "linked_not_cited", "earlierReferences", {
          kind: KIND_LABELS[l.kind],
          reference: l.reference,
        }),
      );
    if (d.kind === "mla_outgoing") out.push(req(refs.length > 0, "none_cited", "earlierReferences"));
    return out;
  },
};

const GROUND_LABELS: Record<Exclude<RefusalGround, "bankSecrecy">, { en: string; ur: string }> = {
  politicalOffence: { en: "a political offence", ur: "سیاسی جرم" },
  sovereignty: { en: "sovereignty", ur: "خودمختاری" },
  security: { en: "security", ur: "سلامتی" },
  ordrePublic: { en: "ordre public", ur: "نظمِ عامہ (ordre public)" },
};

export const refusalScreening: RuleCheck = {
  code: "refusal_screening",
  number: 14,
  source: "Budapest Art. 29(5); Act s.17",
  status: "U",
  appliesTo: ["mla_incoming"],
  severity: "error",
  keys: { not_screened: "error", note: "error", unclear: "warning" },
  check: ({ draft: d }) =>
    Object.entries(GROUND_LABELS).flatMap(([ground, label]) => {
      const s = d.refusalScreening?.[ground as RefusalGround];
      const at = `refusalScreening.${ground}`;
      const out = [req(s?.outcome !== undefined, "not_screened", `${at}.outcome`, { ground: label })];
      // "Not present" needs no reasons; a ground found, or in doubt, does.
      if (s?.outcome === "present" || s?.outcome === "unclear")
        out.push(req(present(s.note), "note", `${at}.note`, { ground: label }));
      if (s?.outcome === "unclear") out.push(req(false, "unclear", `${at}.outcome`, { ground: label }));
      return out;
    }),
};

export const tfBankSecrecy: RuleCheck = {
  code: "tf_bank_secrecy",
  number: 15,
  source: "Terrorist Financing Convention Art. 12(2)",
  status: "S",
  appliesTo: ["mla_incoming", "mla_outgoing"],
  severity: "error",
  keys: { bank_secrecy_ground: "error", cite_convention: "suggestion" },
  check: ({ draft: d, directory }) => {
    if (d.terrorismFinancing !== true) return [];
    if (d.kind === "mla_incoming")
      return [
        req(
          d.refusalScreening?.bankSecrecy?.outcome !== "present",
          "bank_secrecy_ground",
          "refusalScreening.bankSecrecy.outcome",
        ),
      ];
    const tf = directory.instruments.find((i) => i.noBankSecrecyRefusal?.value === true);
    if (!tf?.noBankSecrecyRefusal) return [];
    const cited = resolveInstrument(directory, d.legalBasis)?.code === tf.code;
    return [
      req(
        cited,
        "cite_convention",
        "legalBasis.instrument",
        { instrument: tf.name },
        factBasis(tf.noBankSecrecyRefusal),
      ),
    ];
  },
};

/** Rule 16's editable parameters: the jargon list and the longest sentence that reads well. */
const narrativeParams = z.object({
  terms: z.array(z.object({ term: z.string().min(1), plain: z.string().min(1) })).default([]),
  max_sentence_words: z.number().int().positive().default(40),
});

/** The free text of a request that a foreign reader or translator reads. */
function narratives(d: MlaRequestDraft): [string, string][] {
  const fields: [string, string | undefined][] = [
    ["facts", d.facts],
    ["evidenceLink", d.evidenceLink],
    ["probableCause", d.probableCause],
    ["assistanceSought", d.assistanceSought],
    ["preservationNeed", d.preservationNeed],
    ["emergency.threat", d.emergency?.threat],
    ["emergency.whyDataHelps", d.emergency?.whyDataHelps],
    ["urgency.reasons", d.urgency?.reasons],
    ["dualCriminality", d.dualCriminality],
    ["confidentiality", d.confidentiality],
    ["limitsOnUse", d.limitsOnUse],
    ...(d.offences ?? []).map((o, i): [string, string | undefined] => [
      `offences.${i}.description`,
      o.description,
    ]),
  ];
  return fields.filter((f): f is [string, string] => present(f[1]));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
/** An all-capitals term (SHO) matches only in capitals, so ordinary words are not flagged. */
const termPattern = (term: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`, /[a-z]/.test(term) ? "iu" : "u");
const URDU_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;

export const plainNarrative: RuleCheck = {
  code: "plain_narrative",
  number: 16,
  source: noSourceCited(16),
  status: "U",
  appliesTo: OUTGOING_KINDS,
  severity: "warning",
  keys: { jargon: "warning", untranslated: "warning", long_sentence: "suggestion" },
  check: ({ draft: d, params }) => {
    const parsed = narrativeParams.safeParse(params);
    const { terms, max_sentence_words: max } = parsed.success ? parsed.data : narrativeParams.parse({});
    const out: Requirement[] = [];
    for (const [field, text] of narratives(d)) {
      const found = terms.filter((t) => termPattern(t.term).test(text));
      if (found.length === 0) out.push(req(true, "jargon", field));
      for (const t of found) out.push(req(false, "jargon", field, { term: t.term, plain: t.plain }));
      if (d.language && d.language !== "ur") out.push(req(!URDU_SCRIPT.test(text), "untranslated", field));
      const longest = Math.max(
        ...text.split(/[.!?؟۔]+\s+|\n+/).map((s) => s.split(/\s+/).filter(Boolean).length),
      );
      out.push(req(longest <= max, "long_sentence", field, { max: String(max) }));
    }
    return out;
  },
};
