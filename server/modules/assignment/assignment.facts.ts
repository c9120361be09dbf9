import { anyUuid } from "../../db/bulk.ts";
import type { Database } from "../../db/connection.ts";
import type { Trx } from "../../db/transaction.ts";
import { caseWeight, type Weights } from "../cases/case-weight.ts";
import type { CaseFacts, OfficerFacts, Tier, TierTotals } from "./engine.ts";

/**
 * The I/O side of the engine: reads, in a few set-based queries, the facts the pure engine decides on —
 * officers with their seats, expertise, leave, conflicts and current weighted load, and cases with their
 * weight, sensitivity, parties and the officers who hold their linked cases.
 */
type Q = Database | Trx;

/**
 * The officer facts last read per office and day, with the officer-facts version they were read at (migration
 * 0003: triggers bump it on any change to profiles, loads, seats, leave, conflicts, users or roles). The
 * version is read before the facts, so facts are never labelled newer than they are.
 */
const recent = new Map<string, { version: string; officers: readonly OfficerFacts[] }>();

/**
 * The office's law officers, as the engine sees them: reused while the officer-facts version is unchanged,
 * else read again (about 20 ms for 1,000 officers, most of a single-case suggestion). Frozen: callers copy.
 */
export async function loadOfficerFacts(
  q: Q,
  officeId: string,
  today: string,
): Promise<readonly OfficerFacts[]> {
  const { version } = await q.selectFrom("officer_facts_version").select("version").executeTakeFirstOrThrow();
  const key = `${officeId}|${today}`;
  const kept = recent.get(key);
  if (kept?.version === String(version)) return kept.officers;
  const officers = Object.freeze((await readOfficerFacts(q, officeId, today)).map(deepFreeze));
  // Only what committed transactions wrote is kept: a transaction may read its own changes, which could still
  // roll back while their version number is reused by the next commit.
  if (q.isTransaction) return officers;
  if (recent.size > 100) recent.clear();
  recent.set(key, { version: String(version), officers });
  return officers;
}

/** Frozen to the last array, so the engine may keep lookups made from it (engine.ts `lookups`). */
function deepFreeze(o: OfficerFacts): OfficerFacts {
  for (const s of o.seats) Object.freeze(s);
  Object.freeze(o.seats);
  Object.freeze(o.expertise);
  Object.freeze(o.conflicts.partyNames);
  Object.freeze(o.conflicts.organisationIds);
  Object.freeze(o.conflicts);
  if (o.competences) Object.freeze(o.competences);
  return Object.freeze(o);
}

/** The office's law officers (users with the law_officer role and a profile), read from the database. */
async function readOfficerFacts(q: Q, officeId: string, today: string): Promise<OfficerFacts[]> {
  const officers = await q
    .selectFrom("officer_profiles as p")
    .innerJoin("users as u", "u.id", "p.user_id")
    .innerJoin("user_roles as r", (j) => j.onRef("r.user_id", "=", "u.id").on("r.role", "=", "law_officer"))
    .select([
      "u.id",
      "u.full_name",
      "u.status",
      "p.tier",
      "p.expertise",
      "p.max_load",
      "p.active",
      "p.open_load",
      "p.open_cases",
      "p.last_assigned_at",
    ])
    .where("u.organisation_id", "=", officeId)
    .orderBy("u.id")
    .execute();
  if (officers.length === 0) return [];
  // Sub-selects by office rather than lists of a thousand ids; loads are read from the profile (kept by
  // refreshOfficerLoad), not aggregated here.
  const ofOffice = q.selectFrom("users").select("id").where("organisation_id", "=", officeId);
  const [seats, leaves, conflicts, held] = await Promise.all([
    q
      .selectFrom("officer_seats")
      .select(["user_id", "court_id", "bench_id"])
      .where("user_id", "in", ofOffice)
      .execute(),
    q
      .selectFrom("officer_leaves")
      .select("user_id")
      .where("user_id", "in", ofOffice)
      .where("starts_on", "<=", today)
      .where("ends_on", ">=", today)
      .execute(),
    q
      .selectFrom("officer_conflicts")
      .select(["user_id", "party_name", "organisation_id"])
      .where("user_id", "in", ofOffice)
      .execute(),
    // competences from training (issue 9): a standing certificate's
    q
      .selectFrom("training_certificates")
      .select(["user_id", "competence_code"])
      .distinct()
      .where("user_id", "in", ofOffice)
      .where("revoked_at", "is", null)
      .where("competence_code", "is not", null)
      .orderBy("user_id")
      .orderBy("competence_code")
      .execute(),
  ]);
  const heldBy = Map.groupBy(held, (h) => h.user_id);
  const onLeave = new Set(leaves.map((l) => l.user_id));
  const seatsBy = Map.groupBy(seats, (s) => s.user_id);
  const conflictsBy = Map.groupBy(conflicts, (c) => c.user_id);
  return officers.map((o) => {
    const declared = conflictsBy.get(o.id) ?? [];
    return {
      id: o.id,
      name: o.full_name,
      tier: o.tier as Tier,
      active: o.active && o.status === "active",
      seats: (seatsBy.get(o.id) ?? []).map((s) => ({ courtId: s.court_id, benchId: s.bench_id })),
      expertise: o.expertise,
      maxLoad: Number(o.max_load),
      onLeave: onLeave.has(o.id),
      conflicts: {
        partyNames: declared.flatMap((c) => (c.party_name ? [c.party_name] : [])),
        organisationIds: declared.flatMap((c) => (c.organisation_id ? [c.organisation_id] : [])),
      },
      load: Number(o.open_load),
      openCases: o.open_cases,
      lastAssignedAt: o.last_assigned_at ? new Date(o.last_assigned_at).toISOString() : null,
      competences: (heldBy.get(o.id) ?? []).map((h) => h.competence_code!),
    };
  });
}

/** Cases as the engine sees them, in the order of `caseIds`. */
export async function loadCaseFacts(q: Q, caseIds: string[], weights: Weights): Promise<CaseFacts[]> {
  if (caseIds.length === 0) return [];
  const [cases, parties, related, competences] = await Promise.all([
    q
      .selectFrom("cases as c")
      .innerJoin("case_types as t", "t.id", "c.case_type_id")
      .select([
        "c.id",
        "c.court_id",
        "c.bench_id",
        "c.category",
        "c.organisation_id",
        "c.is_constitutional",
        "c.is_contempt",
        "c.is_tax_recovery",
        "c.amount_involved",
        "t.code as type_code",
      ])
      .where("c.id", "=", anyUuid(caseIds))
      .execute(),
    q
      .selectFrom("case_parties")
      .select(["case_id", "name"])
      .where("case_id", "=", anyUuid(caseIds))
      .orderBy("position")
      .execute(),
    relatedHolders(q, caseIds),
    q.selectFrom("competences").select(["code", "case_categories"]).orderBy("code").execute(),
  ]);
  const competencesFor = (category: string) =>
    competences.filter((k) => k.case_categories.includes(category)).map((k) => k.code);
  const byId = new Map(cases.map((c) => [c.id, c]));
  const partiesBy = Map.groupBy(parties, (p) => p.case_id);
  const relatedBy = Map.groupBy(related, (r) => r.caseId);
  return caseIds.flatMap((id) => {
    const c = byId.get(id);
    if (!c) return [];
    const relatedOfficerIds = [...new Set((relatedBy.get(id) ?? []).map((r) => r.officerId))].sort();
    return [
      {
        id,
        courtId: c.court_id,
        benchId: c.bench_id,
        category: c.category,
        organisationId: c.organisation_id,
        partyNames: (partiesBy.get(id) ?? []).map((p) => p.name),
        weight: caseWeight(c, weights),
        sensitive: c.is_constitutional || c.is_contempt,
        relatedOfficerIds,
        competences: competencesFor(c.category),
      },
    ];
  });
}

/** Officers holding cases linked to these cases (appeal of, connected with, same issue), both directions. */
async function relatedHolders(q: Q, caseIds: string[]) {
  const [outgoing, incoming] = await Promise.all([
    q
      .selectFrom("case_links as l")
      .innerJoin("cases as o", "o.id", "l.linked_case_id")
      .select(["l.case_id as caseId", "o.assigned_officer_id as officerId"])
      .where("l.case_id", "=", anyUuid(caseIds))
      .where("o.assigned_officer_id", "is not", null)
      .execute(),
    q
      .selectFrom("case_links as l")
      .innerJoin("cases as o", "o.id", "l.case_id")
      .select(["l.linked_case_id as caseId", "o.assigned_officer_id as officerId"])
      .where("l.linked_case_id", "=", anyUuid(caseIds))
      .where("o.assigned_officer_id", "is not", null)
      .execute(),
  ]);
  return [...outgoing, ...incoming] as { caseId: string; officerId: string }[];
}

/** Office-wide open cases by tier, for tier caps ("a tier's share of pending cases"). */
export function tierTotalsOf(officers: readonly OfficerFacts[]): TierTotals {
  const byTier: Partial<Record<Tier, number>> = {};
  let pendingTotal = 0;
  for (const o of officers) {
    byTier[o.tier] = (byTier[o.tier] ?? 0) + o.openCases;
    pendingTotal += o.openCases;
  }
  return { pendingTotal, byTier };
}
