import { factBasis, findProvider, findState, providerJurisdiction, stateName } from "./directory.ts";
import { hasZone, IDENTIFIER_LABELS, validTimeZone, wellFormed } from "./identifiers.ts";
import type { MlaRequestDraft } from "./request.ts";
import { ALL_KINDS, present, type Requirement, type RuleCheck, req } from "./rules.types.ts";

/** Rules 1–6 of DOMAIN.md §9: what is asked for, about whom, and why. */

const hasIdentifier = (d: MlaRequestDraft) =>
  (d.subjects ?? []).some((s) => (s.identifiers ?? []).some((i) => present(i.value)));

export const preservationContents: RuleCheck = {
  code: "preservation_contents",
  number: 1,
  source: "Budapest Art. 29(2)(a)–(f)",
  status: "U",
  appliesTo: ["preservation"],
  severity: "error",
  keys: {
    authority: "error",
    offence: "error",
    facts: "error",
    data_subjects: "error",
    data_categories: "error",
    link: "error",
    custodian: "error",
    necessity: "error",
    mla_follows: "error",
  },
  check: ({ draft: d }) => [
    req(present(d.domesticCase?.agency), "authority", "domesticCase.agency"),
    req(
      (d.offences ?? []).some((o) => present(o.provision) || present(o.description)),
      "offence",
      "offences",
    ),
    req(present(d.facts), "facts", "facts"),
    req(hasIdentifier(d), "data_subjects", "subjects"),
    req((d.dataCategories ?? []).length > 0, "data_categories", "dataCategories"),
    req(present(d.evidenceLink), "link", "evidenceLink"),
    // A directory provider is the custodian; otherwise it must be named.
    req(present(d.custodian) || present(d.provider?.code), "custodian", "custodian"),
    req(present(d.preservationNeed), "necessity", "preservationNeed"),
    req(d.mlaWillFollow === true, "mla_follows", "mlaWillFollow"),
  ],
};

function rangeOrdered(from: string, to: string): boolean {
  if (hasZone(from) !== hasZone(to)) return true; // not comparable without the zone; the zone check speaks
  return Date.parse(from) <= Date.parse(to);
}

export const preciseIdentifiers: RuleCheck = {
  code: "precise_identifiers",
  number: 2,
  source: "CoE T-CY templates; provider guidelines",
  status: "U",
  appliesTo: ALL_KINDS,
  severity: "error",
  keys: {
    no_identifiers: "error",
    account_pair: "error",
    empty_value: "error",
    malformed: "error",
    ip_datetime: "error",
    ip_timezone: "error",
    bad_timezone: "error",
    range_bounds: "error",
    range_order: "error",
    range_timezone: "error",
  },
  check: ({ draft: d }) => {
    const out: Requirement[] = [req(hasIdentifier(d), "no_identifiers", "subjects")];
    (d.subjects ?? []).forEach((s, i) => {
      const ids = s.identifiers ?? [];
      const types = new Set(ids.filter((x) => present(x.value)).map((x) => x.type));
      // A platform account: the numeric ID never changes, the username or URL lets a person check it.
      if (types.has("numeric_id") || types.has("username") || types.has("url")) {
        const pair = types.has("numeric_id") && (types.has("username") || types.has("url"));
        out.push(req(pair, "account_pair", `subjects.${i}.identifiers`));
      }
      ids.forEach((id, j) => {
        const at = `subjects.${i}.identifiers.${j}`;
        if (!present(id.value)) {
          out.push(req(false, "empty_value", `${at}.value`));
          return;
        }
        out.push(
          req(wellFormed(id.type, id.value!), "malformed", `${at}.value`, {
            type: IDENTIFIER_LABELS[id.type],
          }),
        );
        if (id.type === "ip") {
          out.push(req(id.dateTime !== undefined, "ip_datetime", `${at}.dateTime`));
          const zoned = present(id.timeZone) || (id.dateTime !== undefined && hasZone(id.dateTime));
          out.push(req(zoned, "ip_timezone", `${at}.timeZone`));
        }
        if (present(id.timeZone))
          out.push(req(validTimeZone(id.timeZone!), "bad_timezone", `${at}.timeZone`));
      });
    });
    (d.timeRanges ?? []).forEach((r, k) => {
      const at = `timeRanges.${k}`;
      out.push(
        req(r.from !== undefined && r.to !== undefined, "range_bounds", r.from ? `${at}.to` : `${at}.from`),
      );
      if (r.from && r.to) out.push(req(rangeOrdered(r.from, r.to), "range_order", `${at}.to`));
      const zoned = present(r.timeZone) || (r.from !== undefined && hasZone(r.from));
      out.push(req(zoned, "range_timezone", `${at}.timeZone`));
      if (present(r.timeZone)) out.push(req(validTimeZone(r.timeZone!), "bad_timezone", `${at}.timeZone`));
    });
    return out;
  },
};

export const usContentFormalMla: RuleCheck = {
  code: "us_content_formal_mla",
  number: 3,
  source: "18 USC 2703(a),(b)",
  status: "U",
  appliesTo: ["mla_outgoing", "voluntary_disclosure"],
  severity: "error",
  keys: { content_needs_mla: "error", probable_cause: "error" },
  check: ({ draft: d, directory }) => {
    const code = providerJurisdiction(directory, d);
    const rule = findState(directory, code)?.contentNeedsFormalMla;
    if (!code || rule?.value !== true || !d.dataCategories?.includes("content")) return [];
    const params = { state: stateName(directory, code) };
    if (d.kind === "voluntary_disclosure")
      return [req(false, "content_needs_mla", "dataCategories", params, factBasis(rule))];
    if (d.kind === "mla_outgoing")
      return [req(present(d.probableCause), "probable_cause", "probableCause", params, factBasis(rule))];
    return [];
  },
};

export const voluntaryFirst: RuleCheck = {
  code: "voluntary_first",
  number: 4,
  source: "18 USC 2702; provider guidelines",
  status: "U",
  appliesTo: ["mla_outgoing"],
  severity: "suggestion",
  keys: { try_voluntary: "suggestion" },
  check: ({ draft: d, directory }) => {
    const cats = d.dataCategories ?? [];
    if (cats.length === 0 || cats.includes("content")) return [];
    const provider = findProvider(directory, d.provider?.code)?.disclosesWithoutMla;
    const state = findState(directory, providerJurisdiction(directory, d))?.voluntaryNonContent;
    const fact =
      provider && cats.every((c) => provider.value.includes(c)) ? provider : state?.value ? state : undefined;
    if (!fact) return []; // the directory does not say the provider would answer a voluntary request
    const tried = [...(d.earlierReferences ?? []), ...(d.linkedRequests ?? [])].some(
      (r) => r.kind === "voluntary_disclosure",
    );
    return [req(tried, "try_voluntary", "dataCategories", undefined, factBasis(fact))];
  },
};

export const emergencyThreshold: RuleCheck = {
  code: "emergency_threshold",
  number: 5,
  source: "18 USC 2702(b)(8),(c)(4)",
  status: "U",
  appliesTo: ["emergency_disclosure"],
  severity: "error",
  keys: { risk: "error", imminent: "error", threat: "error", why_data: "error" },
  check: ({ draft: d }) => {
    const e = d.emergency;
    return [
      req(e?.risk === "death" || e?.risk === "serious_injury", "risk", "emergency.risk"),
      req(e?.imminent === true, "imminent", "emergency.imminent"),
      req(present(e?.threat), "threat", "emergency.threat"),
      req(present(e?.whyDataHelps), "why_data", "emergency.whyDataHelps"),
    ];
  },
};

export const factsOffencesLink: RuleCheck = {
  code: "facts_offences_link",
  number: 6,
  source: "PILON; Canadian guidance",
  status: "U",
  appliesTo: ["mla_outgoing", "mla_incoming", "voluntary_disclosure"],
  severity: "error",
  keys: {
    facts: "error",
    offences: "error",
    provision: "error",
    penalty: "error",
    description: "warning",
    link: "error",
  },
  check: ({ draft: d }) => {
    const offences = d.offences ?? [];
    const out = [req(present(d.facts), "facts", "facts"), req(offences.length > 0, "offences", "offences")];
    offences.forEach((o, i) => {
      out.push(req(present(o.provision), "provision", `offences.${i}.provision`));
      out.push(req(present(o.maximumPenalty), "penalty", `offences.${i}.maximumPenalty`));
      out.push(req(present(o.description), "description", `offences.${i}.description`));
    });
    out.push(req(present(d.evidenceLink), "link", "evidenceLink"));
    return out;
  },
};
