import { CATEGORIES } from "../../../common/case-status.ts";
import type { Role } from "../../../common/roles.ts";
import { insertJsonRows } from "../../db/bulk.ts";
import type { Trx } from "../../db/transaction.ts";
import type { Tier } from "../assignment/engine.ts";
import { personName } from "../demo/demo.names.ts";
import type { Rng } from "../demo/demo.random.ts";
import { IdCounter, TAG } from "./synthetic.ids.ts";

/**
 * The people of the synthetic data: per ministry, division, attached department and agency two focal persons
 * and a nodal officer; the Law Ministry's litigation wing (the Solicitor's office); the Attorney-General's
 * assigning officer and its law officers with profiles (tier, expertise, capacity) and seats before the courts
 * where federal cases are heard; an executive viewer. One password for all (hashed once by the caller).
 */
export type Refs = {
  orgs: { id: string; code: string; kind: string; name_en: string }[];
  courts: { id: string; code: string; level: string }[];
  benches: { id: string; code: string; court_id: string; is_principal_seat: boolean }[];
  types: { id: string; code: string; abbreviation: string }[];
};

export type People = {
  /** Organisation code → its focal persons' ids (the registrars of its cases). */
  focal: Map<string, string[]>;
  solicitors: string[];
  assigner: string;
  /** Court code → the law officers seated before it. */
  officersByCourt: Map<string, string[]>;
  users: number;
  officers: number;
};

/** Where the Attorney-General's officers appear, weighted by how much federal litigation each court carries. */
const SEAT_WEIGHTS: readonly (readonly [string, number])[] = [
  ["IHC", 5],
  ["LHC", 3],
  ["SHC", 2.5],
  ["SC", 2.5],
  ["PHC", 1.5],
  ["FST", 1.5],
  ["BHC", 0.8],
  ["ATIR", 0.6],
  ["CAT", 0.3],
  ["FSC", 0.3],
  ["DSC-ISB", 0.5],
  ["BC-ISB", 0.3],
];

const TIERS: readonly (readonly [Tier, number, string])[] = [
  ["additional_ag", 4, "Additional Attorney-General"],
  ["deputy_ag", 16, "Deputy Attorney-General"],
  ["assistant_ag", 30, "Assistant Attorney-General"],
  ["standing_counsel", 30, "Standing Counsel"],
  ["panel_advocate", 20, "Panel Advocate"],
];

const REGISTERING_KINDS = new Set(["ministry", "division", "attached_department", "agency"]);

type UserRow = {
  id: string;
  organisation_id: string;
  username: string;
  full_name: string;
  email: string;
  designation: string;
  password_hash: string;
  status: string;
};

export async function insertPeople(
  trx: Trx,
  rng: Rng,
  refs: Refs,
  opts: { officers: number; passwordHash: string },
): Promise<People> {
  const ids = new IdCounter();
  const users: UserRow[] = [];
  const roles: { user_id: string; role: Role }[] = [];
  const add = (orgId: string, username: string, designation: string, role: Role) => {
    const id = ids.next(TAG.user);
    users.push({
      id,
      organisation_id: orgId,
      username,
      full_name: personName(rng),
      // .invalid is reserved (RFC 2606): mail to synthetic users is kept in the outbox, never delivered
      email: `${username}@synthetic.cams.invalid`,
      designation,
      password_hash: opts.passwordHash,
      status: "active",
    });
    roles.push({ user_id: id, role });
    return id;
  };
  const org = (code: string) => {
    const o = refs.orgs.find((x) => x.code === code);
    if (!o) throw new Error(`synthetic data: the reference data has no organisation ${code}`);
    return o;
  };

  const focal = new Map<string, string[]>();
  for (const o of [...refs.orgs].sort((a, b) => a.code.localeCompare(b.code))) {
    if (!REGISTERING_KINDS.has(o.kind)) continue;
    const slug = o.code.toLowerCase().replaceAll("_", "-");
    focal.set(o.code, [
      add(o.id, `focal.${slug}.1`, "Section Officer (Litigation)", "focal_person"),
      add(o.id, `focal.${slug}.2`, "Assistant Director (Legal)", "focal_person"),
    ]);
    add(o.id, `nodal.${slug}.1`, "Joint Secretary", "nodal_officer");
  }
  const law = refs.orgs.find((o) => o.kind === "law_ministry") ?? org("LAW");
  const solicitors = [1, 2, 3].map((i) =>
    add(law.id, `solicitor.${i}`, i === 1 ? "Solicitor" : "Deputy Solicitor", "law_ministry"),
  );
  add(org("PMO").id, "executive.1", "Director (Performance)", "executive_viewer");
  const agp = org("AGP");
  const assigner = add(
    agp.id,
    "assigner.agp.1",
    "Additional Attorney-General (Administration)",
    "assigning_officer",
  );

  const courtIds = new Map(refs.courts.map((c) => [c.code, c.id]));
  const seatable = SEAT_WEIGHTS.filter(([code]) => courtIds.has(code));
  const officersByCourt = new Map<string, string[]>();
  const profiles: Record<string, unknown>[] = [];
  const seats: { id: string; user_id: string; court_id: string }[] = [];
  const width = String(opts.officers).length;
  for (let i = 1; i <= opts.officers; i++) {
    const [tier, , title] = rng.weighted(TIERS.map((t) => [t, t[1]] as const));
    const id = add(agp.id, `officer.${String(i).padStart(width, "0")}`, title, "law_officer");
    const senior = tier === "additional_ag" || tier === "deputy_ag";
    profiles.push({
      user_id: id,
      tier,
      expertise: senior
        ? [...CATEGORIES]
        : rng.sample(
            CATEGORIES.filter((c) => c !== "criminal"),
            rng.int(3, 6),
          ),
      max_load: senior ? rng.int(25, 60) : rng.int(60, 160),
    });
    const courts = new Set<string>();
    const wanted = rng.weighted([
      [1, 5],
      [2, 4],
      [3, 1],
    ] as const);
    while (courts.size < wanted) courts.add(rng.weighted(seatable));
    for (const code of [...courts].sort()) {
      seats.push({ id: ids.next(TAG.seat), user_id: id, court_id: courtIds.get(code)! });
      officersByCourt.set(code, [...(officersByCourt.get(code) ?? []), id]);
    }
  }

  for (let i = 0; i < users.length; i += 2000) {
    await insertJsonRows(
      trx,
      "users",
      {
        id: "uuid",
        organisation_id: "uuid",
        username: "text",
        full_name: "text",
        email: "text",
        designation: "text",
        password_hash: "text",
        status: "text",
      },
      users.slice(i, i + 2000),
    );
  }
  await insertJsonRows(trx, "user_roles", { user_id: "uuid", role: "text" }, roles);
  await insertJsonRows(
    trx,
    "officer_profiles",
    { user_id: "uuid", tier: "text", expertise: "text[]", max_load: "numeric" },
    profiles,
  );
  await insertJsonRows(trx, "officer_seats", { id: "uuid", user_id: "uuid", court_id: "uuid" }, seats);
  return {
    focal,
    solicitors,
    assigner,
    officersByCourt,
    users: users.length,
    officers: opts.officers,
  };
}
