import { counterpart, factBasis, findState, resolveInstrument } from "./directory.ts";
import {
  ALL_KINDS,
  noSourceCited,
  OUTGOING_KINDS,
  present,
  type Requirement,
  type RuleCheck,
  req,
} from "./rules.types.ts";

/** Rules 7–11 of DOMAIN.md §9: the basis and the form of a request between states. */

export const legalBasis: RuleCheck = {
  code: "legal_basis",
  number: 7,
  source: noSourceCited(7),
  status: "U",
  appliesTo: ["mla_outgoing", "mla_incoming"],
  severity: "error",
  keys: {
    state_missing: "error",
    missing_kind: "error",
    missing_name: "error",
    not_party: "error",
    basis_not_shown: "warning",
    state_unknown: "suggestion",
  },
  check: ({ draft: d, directory }) => {
    const b = d.legalBasis;
    const other = counterpart(d);
    const out: Requirement[] = [
      req(other.code !== undefined, "state_missing", other.field),
      req(b?.kind !== undefined, "missing_kind", "legalBasis.kind"),
      req(present(b?.name) || present(b?.instrument), "missing_name", "legalBasis.name"),
    ];
    const instrument = resolveInstrument(directory, b);
    const party = instrument?.pakistanParty;
    if (instrument && party)
      out.push(
        req(
          party.value,
          "not_party",
          b?.instrument ? "legalBasis.instrument" : "legalBasis.name",
          {
            instrument: instrument.name,
          },
          factBasis(party),
        ),
      );
    if (!other.code) return out;
    const state = findState(directory, other.code);
    if (!state) return [...out, req(false, "state_unknown", other.field, { state: other.code })];
    // Reciprocity is the answer where no instrument binds both states (Act s.3), so only instruments are checked.
    if (b?.kind === "treaty") {
      const treaty = state.mlaTreatyWithPakistan;
      out.push(
        req(
          treaty?.value === true,
          "basis_not_shown",
          "legalBasis.kind",
          { state: state.name },
          treaty && factBasis(treaty),
        ),
      );
    } else if (b?.kind === "convention") {
      const shared = state.conventionsWithPakistan;
      const met = instrument !== undefined && shared?.value.includes(instrument.code) === true;
      out.push(
        req(met, "basis_not_shown", "legalBasis.kind", { state: state.name }, shared && factBasis(shared)),
      );
    }
    return out;
  },
};

export const dualCriminality: RuleCheck = {
  code: "dual_criminality",
  number: 8,
  source: "Budapest Art. 29(3),(4)",
  status: "U",
  // Not needed for preservation, so preservation is not listed.
  appliesTo: ["mla_outgoing", "mla_incoming"],
  severity: "warning",
  keys: { note_outgoing: "warning", note_incoming: "warning" },
  check: ({ draft: d }) => [
    req(
      present(d.dualCriminality),
      d.kind === "mla_incoming" ? "note_incoming" : "note_outgoing",
      "dualCriminality",
    ),
  ],
};

export const confidentialityUse: RuleCheck = {
  code: "confidentiality_use",
  number: 9,
  source: "Act ss.10, 18",
  status: "U",
  appliesTo: ALL_KINDS,
  severity: "error",
  keys: { confidentiality: "error", limits_on_use: "error" },
  check: ({ draft: d }) => {
    const out = [req(present(d.confidentiality), "confidentiality", "confidentiality")];
    // Limits on the use of evidence bind states; a provider's disclosure carries none.
    if (d.kind === "mla_outgoing" || d.kind === "mla_incoming")
      out.push(req(present(d.limitsOnUse), "limits_on_use", "limitsOnUse"));
    return out;
  },
};

export const urgencyLanguage: RuleCheck = {
  code: "urgency_language",
  number: 10,
  source: noSourceCited(10),
  status: "U",
  appliesTo: OUTGOING_KINDS,
  severity: "warning",
  keys: {
    level: "warning",
    reasons: "warning",
    time_limit: "warning",
    language_missing: "warning",
    language_wrong: "error",
  },
  check: ({ draft: d, directory }) => {
    const u = d.urgency;
    const out = [req(u?.level !== undefined, "level", "urgency.level")];
    if (u?.level && u.level !== "routine") {
      out.push(req(present(u.reasons), "reasons", "urgency.reasons"));
      out.push(req(u.timeLimit !== undefined, "time_limit", "urgency.timeLimit"));
    }
    out.push(req(d.language !== undefined, "language_missing", "language"));
    const state = findState(directory, d.requestedState);
    const langs = state?.languages;
    if (state && langs && d.language)
      out.push(
        req(
          langs.value.includes(d.language),
          "language_wrong",
          "language",
          { state: state.name, languages: langs.value.join(", ") },
          factBasis(langs),
        ),
      );
    return out;
  },
};

export const centralAuthorityChannel: RuleCheck = {
  code: "central_authority_channel",
  number: 11,
  source: "Act s.4",
  status: "V",
  appliesTo: ["mla_outgoing", "mla_incoming"],
  severity: "error",
  keys: { outgoing_channel: "error", incoming_channel: "error" },
  check: ({ draft: d }) => [
    req(
      d.channel === "central_authority",
      d.kind === "mla_incoming" ? "incoming_channel" : "outgoing_channel",
      "channel",
    ),
  ],
};
