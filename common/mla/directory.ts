import { z } from "zod";
import { SOURCE_STATUSES } from "../schemas/deadlines.ts";
import { DATA_CATEGORIES, type MlaRequestDraft } from "./request.ts";

/**
 * The part of the MLA directory (issue 5 item 5) the checker reads: instruments, states and providers. Every
 * legal fact carries its source and status, because the Central Authority edits them and a finding that rests on
 * one names it. A fact left out means "not recorded", never "no".
 */
const fact = <T extends z.ZodType>(value: T) =>
  z.object({ value, source: z.string().min(1), status: z.enum(SOURCE_STATUSES) });
export type Fact<T> = { value: T; source: string; status: (typeof SOURCE_STATUSES)[number] };

export const directoryInstrument = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  /** Other names an officer may type ("Budapest Convention"). */
  aliases: z.array(z.string().min(1)).optional(),
  kind: z.enum(["treaty", "convention"]),
  pakistanParty: fact(z.boolean()).optional(),
  /** Bank secrecy is no ground to refuse under it (rule 15). */
  noBankSecrecyRefusal: fact(z.boolean()).optional(),
});

export const directoryState = z.object({
  code: z.string().regex(/^[A-Z]{2}$/),
  name: z.string().min(1),
  /** Areas a provider's entity rules may name (e.g. "EEA"); undefined means not recorded. */
  memberOf: z.array(z.string()).optional(),
  mlaTreatyWithPakistan: fact(z.boolean()).optional(),
  /** Instrument codes binding this state and Pakistan. */
  conventionsWithPakistan: fact(z.array(z.string())).optional(),
  /** ISO 639-1 codes of the languages the state accepts requests in. */
  languages: fact(z.array(z.string())).optional(),
  /** Its providers disclose content only on a formal MLA request showing probable cause (rule 3). */
  contentNeedsFormalMla: fact(z.boolean()).optional(),
  /** Its providers may disclose non-content data on a voluntary request (rule 4). */
  voluntaryNonContent: fact(z.boolean()).optional(),
});

export const providerEntity = z.object({
  name: z.string().min(1),
  state: z.string().regex(/^[A-Z]{2}$/),
  /** State codes or areas (memberOf) whose users it serves, or whose users it does not serve. */
  usersIn: z.array(z.string()).optional(),
  usersOutside: z.array(z.string()).optional(),
  source: z.string().min(1),
  status: z.enum(SOURCE_STATUSES),
});
export type ProviderEntity = z.infer<typeof providerEntity>;

export const directoryProvider = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  portal: z.string().optional(),
  /** Where the provider is established, when one entity serves everyone. */
  state: z.string().optional(),
  entities: z.array(providerEntity).optional(),
  disclosesWithoutMla: fact(z.array(z.enum(DATA_CATEGORIES))).optional(),
});

export const mlaDirectory = z.object({
  instruments: z.array(directoryInstrument),
  states: z.array(directoryState),
  providers: z.array(directoryProvider),
});
export type MlaDirectory = z.infer<typeof mlaDirectory>;
export type DirectoryState = z.infer<typeof directoryState>;
export type DirectoryProvider = z.infer<typeof directoryProvider>;
export type DirectoryInstrument = z.infer<typeof directoryInstrument>;

export const findState = (dir: MlaDirectory, code: string | undefined) =>
  code ? dir.states.find((s) => s.code === code) : undefined;
export const findProvider = (dir: MlaDirectory, code: string | undefined) =>
  code ? dir.providers.find((p) => p.code === code) : undefined;
export const stateName = (dir: MlaDirectory, code: string) => findState(dir, code)?.name ?? code;
export const factBasis = (f: { source: string; status: string }) => `${f.source} [${f.status}]`;

/** Letters and digits only, lower case: "TikTok Pte. Ltd" and "tiktok pte ltd" are the same name. */
export const sameName = (a: string | undefined, b: string) =>
  (a ?? "").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "") === b.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/** The instrument the draft names: by directory code, else by a name or alias the typed name contains. */
export function resolveInstrument(dir: MlaDirectory, basis: MlaRequestDraft["legalBasis"]) {
  if (basis?.instrument) return dir.instruments.find((i) => i.code === basis.instrument);
  const typed = basis?.name?.toLowerCase();
  if (!typed) return undefined;
  return dir.instruments.find((i) =>
    [i.name, ...(i.aliases ?? [])].some((n) => typed.includes(n.toLowerCase())),
  );
}

/** Whether a location lies in an area: undefined when the directory cannot tell (membership not recorded). */
function inArea(dir: MlaDirectory, location: string, area: string): boolean | undefined {
  if (area === location) return true;
  if (/^[A-Z]{2}$/.test(area)) return false;
  return findState(dir, location)?.memberOf?.includes(area);
}

function serves(dir: MlaDirectory, e: ProviderEntity, location: string): boolean | undefined {
  const hits = (areas: string[]) => areas.map((a) => inArea(dir, location, a));
  if (e.usersIn) {
    const h = hits(e.usersIn);
    return h.includes(true) ? true : h.includes(undefined) ? undefined : false;
  }
  if (e.usersOutside) {
    const h = hits(e.usersOutside);
    return h.includes(true) ? false : h.includes(undefined) ? undefined : true;
  }
  return true;
}

export type EntityAnswer = { kind: "found"; entity: ProviderEntity } | { kind: "unknown" };

/** The provider's legal entity for a user in `location` (rule 12). */
export function entityFor(dir: MlaDirectory, p: DirectoryProvider, location: string): EntityAnswer {
  const entity = (p.entities ?? []).find((e) => serves(dir, e, location) === true);
  return entity ? { kind: "found", entity } : { kind: "unknown" };
}

/**
 * The state whose law governs the provider's disclosure: the entity all subjects' locations lead to, else the
 * provider's own state, else the requested state.
 */
export function providerJurisdiction(dir: MlaDirectory, d: MlaRequestDraft): string | undefined {
  const p = findProvider(dir, d.provider?.code);
  if (p?.entities?.length) {
    const states = (d.subjects ?? []).map((s) => {
      const a = s.userLocation ? entityFor(dir, p, s.userLocation) : undefined;
      return a?.kind === "found" ? a.entity.state : undefined;
    });
    const first = states[0];
    if (first && states.every((s) => s === first)) return first;
  }
  return p?.state ?? d.requestedState;
}

/** The other state of the request and the draft field that holds it. */
export const counterpart = (d: MlaRequestDraft) =>
  d.kind === "mla_incoming"
    ? { code: d.requestingState, field: "requestingState" }
    : { code: d.requestedState, field: "requestedState" };
