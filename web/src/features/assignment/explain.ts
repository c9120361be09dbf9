import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, isolate, useLocale } from "../../app/format.ts";
import { intlLocale } from "../../app/i18n.ts";
import { useOrganisations } from "../organisations/api.ts";
import { useCourts } from "../reference/api.ts";
import type { Decision, Explained } from "./api.ts";
import { useCompetenceNames } from "./competencesApi.ts";

type Params = Record<string, string | number>;

/**
 * The engine's explanations in the reader's language. Each reason, factor and step comes with a stable code
 * and its params (server/modules/assignment/engine.explain.ts). Previews send the reasons and factors of their
 * lists without a sentence, so they are worded here from the code in English and Urdu alike; the step comes
 * with an English sentence, shown as it is in English. An unknown code shows whatever text came with it.
 * Competences from training (issue 9) are named from the training catalogue; a code not found there shows as
 * it is.
 */
const REASONS = new Set([
  "inactive",
  "on_leave",
  "no_seat",
  "no_expertise",
  "no_competence",
  "tier_not_allowed_sensitive",
  "conflict_party",
  "conflict_organisation",
  "at_capacity",
  "tier_cap_reached",
  "holds_related_case",
  "holds_competence",
  "load",
  "open_cases",
  "last_assigned",
  "never_assigned",
  "in_draw_pool",
  "outside_draw_pool",
]);
/** Reasons whose params carry ids or codes: rendered with names in English too. */
const BY_ID = new Set(["no_seat", "conflict_organisation", "no_competence", "holds_competence"]);
const STEPS = new Set(["related_case", "rotation", "least_load", "random_draw", "no_eligible_officer"]);

export function useExplain() {
  const { t } = useTranslation();
  const { locale, name } = useLocale();
  const courts = useCourts().data;
  const orgs = useOrganisations().data;
  const competenceNames = useCompetenceNames().data;
  const numberFormat = useMemo(
    () => new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 2, useGrouping: false }),
    [locale],
  );

  const num = useCallback(
    (v: string | number | undefined) => {
      if (typeof v !== "number") return String(v ?? "");
      return Number.isFinite(v) ? numberFormat.format(v) : t("explain.noLimit");
    },
    [numberFormat, t],
  );
  const tier = useCallback((v: unknown) => t(`tiers.${String(v)}`, { defaultValue: String(v) }), [t]);
  const day = useCallback((v: unknown) => formatDate(String(v ?? "").slice(0, 10), locale), [locale]);

  const courtLabel = useCallback(
    (courtId: unknown, benchId: unknown) => {
      const court = courts?.find((c) => c.id === courtId);
      if (!court) return String(courtId);
      const bench = benchId ? court.benches.find((b) => b.id === benchId) : undefined;
      return bench ? `${name(court)}${t("common.listSeparator")}${name(bench)}` : name(court);
    },
    [courts, name, t],
  );

  /** Comma-separated competence codes as names (the code itself when the name is not known). */
  const competences = useCallback(
    (codes: unknown) =>
      String(codes ?? "")
        .split(",")
        .filter((c) => c !== "")
        .map((c) => {
          const named = competenceNames?.get(c);
          return isolate(named ? name(named) : c);
        })
        .join(t("common.listSeparator")),
    [competenceNames, name, t],
  );

  const reasonValues = useCallback(
    (code: string, p: Params): Record<string, string | number> => {
      switch (code) {
        case "no_seat":
          return { court: isolate(courtLabel(p.courtId, p.benchId)) };
        case "no_expertise":
          return { category: t(`category.${p.category}`, { defaultValue: String(p.category) }) };
        case "no_competence":
        case "holds_competence":
          return { competences: competences(p.competences) };
        case "tier_not_allowed_sensitive": {
          const allowed = String(p.allowedTiers ?? "")
            .split(",")
            .filter((x) => x !== "")
            .map(tier)
            .join(t("common.listSeparator"));
          return { tier: tier(p.tier), allowed };
        }
        case "conflict_party":
          return { party: isolate(String(p.party ?? "")) };
        case "conflict_organisation": {
          const org = orgs?.find((o) => o.id === p.organisationId);
          return { organisation: isolate(org ? name(org) : String(p.organisationId)) };
        }
        case "tier_cap_reached":
          return {
            tier: tier(p.tier),
            held: num(p.held),
            pendingTotal: num(p.pendingTotal),
            capPercent: num(p.capPercent),
            limit: num(p.limit),
          };
        case "open_cases":
          return { count: Number(p.openCases), n: num(p.openCases) };
        case "last_assigned":
          return { date: day(p.at) };
        case "in_draw_pool":
        case "outside_draw_pool":
          return { position: num(p.position), poolSize: num(p.poolSize) };
        default:
          return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, num(v)]));
      }
    },
    [competences, courtLabel, day, name, num, orgs, t, tier],
  );

  /** One exclusion reason or candidate factor. */
  const reason = useCallback(
    (r: Explained): string => {
      if (!REASONS.has(r.code)) return r.text;
      // a bulk preview sends factors without their sentence: then the template words them in English too
      if (locale === "en" && !BY_ID.has(r.code) && r.text) return r.text;
      if (r.code === "tier_not_allowed_sensitive" && r.params.allowedTiers === "")
        return t("explain.reason.tier_not_allowed_sensitive_none", reasonValues(r.code, r.params));
      return t(`explain.reason.${r.code}`, reasonValues(r.code, r.params));
    },
    [locale, reasonValues, t],
  );

  /** The short name of a reason ("on leave"), as in "most often: on leave". */
  const short = useCallback(
    (code: string) => t(`explain.short.${code}`, { defaultValue: code.replaceAll("_", " ") }),
    [t],
  );

  /** The sentence saying how the officer was chosen (or why nobody could be). */
  const step = useCallback(
    (d: Pick<Decision, "step" | "stepText" | "stepParams">): string => {
      const known = d.step === "no_eligible_officer" ? "excluded" : "name";
      if (locale === "en" || !STEPS.has(d.step) || !(known in d.stepParams)) return d.stepText;
      const p = d.stepParams;
      const who = isolate(String(p.name ?? ""));
      // with a competence preferred and held by some but not all eligible officers, the holders ranked first
      const held = Number(p.competentEligible ?? 0);
      const preferred = p.competentEligible !== undefined && held > 0 && held < Number(p.eligible);
      const eligible = preferred
        ? t("explain.competentEligible", {
            count: held,
            n: num(held),
            others: num(Number(p.eligible) - held),
          })
        : t("explain.eligibleOfficers", { count: Number(p.eligible), n: num(p.eligible) });
      const nextName = p.nextName === undefined ? null : isolate(String(p.nextName));
      switch (d.step) {
        case "related_case":
          return Number(p.relatedEligible) > 1
            ? t("explain.step.related_case_several", {
                name: who,
                related: num(p.relatedEligible),
                load: num(p.load),
              })
            : t("explain.step.related_case", { name: who, load: num(p.load) });
        case "rotation": {
          const turn = p.lastAssignedAt
            ? t("explain.turnOldest", { date: day(p.lastAssignedAt) })
            : t("explain.turnNever");
          const next = nextName
            ? t("explain.nextInLine", {
                name: nextName,
                what: p.nextLastAssignedAt
                  ? t("explain.lastAssignedOn", { date: day(p.nextLastAssignedAt) })
                  : t("explain.neverAssigned"),
              })
            : "";
          return `${t("explain.step.rotation", { name: who, eligible, turn })}${next}`;
        }
        case "least_load": {
          const next = nextName
            ? t("explain.nextInLine", {
                name: nextName,
                what: t("explain.loadOf", { load: num(p.nextLoad) }),
              })
            : "";
          const values = { name: who, eligible, load: num(p.load), loadAfter: num(p.loadAfter) };
          return `${t("explain.step.least_load", { ...values, weight: num(p.weight), maxLoad: num(p.maxLoad) })}${next}`;
        }
        case "random_draw":
          if (preferred)
            return t("explain.step.random_draw_competent", {
              poolSize: num(p.poolSize),
              held: num(held),
              position: num(p.position),
              name: who,
              load: num(p.load),
            });
          return t("explain.step.random_draw", {
            pool: t("explain.eligibleOfficers", { count: Number(p.poolSize), n: num(p.poolSize) }),
            position: num(p.position),
            name: who,
            load: num(p.load),
          });
        default: {
          const excluded = t("explain.allExcluded", { count: Number(p.excluded ?? 0), n: num(p.excluded) });
          const common =
            p.commonReason === undefined
              ? ""
              : t("explain.mostOften", { reason: short(String(p.commonReason)) });
          return t("explain.step.no_eligible_officer", { excluded, common });
        }
      }
    },
    [day, locale, num, short, t],
  );

  return { reason, step, short, num, tier };
}
