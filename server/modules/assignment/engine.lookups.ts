/**
 * The officer facts as the engine looks them up: seat keys, name normalisation, timestamps, and the lookup sets
 * built once per frozen officer.
 */
import type { OfficerFacts } from "./engine.types.ts";

export const key = (courtId: string, benchId: string) => `${courtId}\u0000${benchId}`;

export const normaliseName = (s: string) => s.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();

export function parseTime(iso: string | null, what: string): number {
  if (iso === null) return Number.NEGATIVE_INFINITY;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`${what}: not an ISO timestamp: ${JSON.stringify(iso)}`);
  return ms;
}

type Lookups = {
  seats: Set<string>;
  expertise: Set<string>;
  parties: Set<string>;
  orgs: Set<string>;
  competences: Set<string>;
  lastMs: number;
};
/**
 * An officer's facts as sets, kept for frozen facts only: the server reuses the same frozen objects for as long
 * as nothing about the officers changes, and a frozen object cannot change under the cache. The sets are only
 * ever read.
 */
const lookupsOfFrozen = new WeakMap<OfficerFacts, Lookups>();

export function lookups(f: OfficerFacts): Lookups {
  const kept = lookupsOfFrozen.get(f);
  if (kept !== undefined) return kept;
  const seats = new Set<string>();
  for (const s of f.seats) seats.add(key(s.courtId, s.benchId ?? "*")).add(key(s.courtId, "?"));
  const made = {
    seats,
    expertise: new Set(f.expertise),
    parties: new Set(f.conflicts.partyNames.map(normaliseName)),
    orgs: new Set(f.conflicts.organisationIds),
    competences: new Set(f.competences ?? []),
    lastMs: parseTime(f.lastAssignedAt, `officer ${f.id} lastAssignedAt`),
  };
  const frozen = [
    f,
    f.seats,
    ...f.seats,
    f.expertise,
    f.conflicts,
    f.conflicts.partyNames,
    f.conflicts.organisationIds,
    ...(f.competences ? [f.competences] : []),
  ];
  if (frozen.every(Object.isFrozen)) lookupsOfFrozen.set(f, made);
  return made;
}
