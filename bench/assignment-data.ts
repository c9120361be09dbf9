/**
 * Data for bench/assignment.bench.ts, written straight into a PostgreSQL database that the server has already
 * migrated (courts, benches, case types and default weights loaded). Set-based inserts (`insert … select from
 * unnest($1::uuid[], …)`, 5,000 rows a statement); every id and value comes from one fixed PRNG seed, so two
 * runs build the same office.
 *
 * What it builds:
 *  - a law office (kind law_office) with an assigning officer and an auditor (who may run the ledger check);
 *  - `officers` law officers: users + user_roles law_officer + officer_profiles (mostly deputy_ag, assistant_ag
 *    and standing_counsel, about 3% additional_ag), one or two seats over the principal benches of IHC, LHC,
 *    SHC and the Supreme Court (about 15% of seats with benchId null, i.e. every bench of that court), 2–4
 *    areas of expertise, max_load 120–200, about 1% inactive, about 3% on leave today (and 5% with a leave
 *    that is not today), about 2% with a conflict on a party name and 3 with a conflict on the ministry;
 *  - a ministry with a focal person, who files every case;
 *  - `assigned` open cases already held by officers seated at their court (case_assignments rows with the
 *    case's weight, assigned 2–1,000 days ago), plus `closed` decided cases whose assignments were never
 *    ended (they must not count as load);
 *  - `freshSets` × `freshPerSet` pending, unassigned cases (the queue), 5% of them linked to an assigned case
 *    (keepRelated); WP and ICA at a high court (90% at the principal bench), CPLA at the Supreme Court,
 *    two parties each, about 5% constitutional and 2% contempt (sensitive), some tax recovery and amounts.
 * Search columns keep their defaults (empty), which the assignment engine never reads.
 */
import fs from "node:fs";
import path from "node:path";
import type pg from "pg";
import { CATEGORIES } from "../common/case-status.ts";
import { caseWeight, type Weights } from "../server/modules/cases/case-weight.ts";
import { FIRST, LAST, prng } from "./assignment-random.ts";
import { insert } from "./assignment-tables.ts";

export type Options = {
  seed: number;
  officers: number;
  assigned: number;
  closed: number;
  freshSets: number;
  freshPerSet: number;
  passwordHash: string;
};

export type Generated = {
  officeId: string;
  ministryId: string;
  assigningOfficer: { id: string; username: string };
  auditor: { id: string; username: string };
  /** The unassigned cases, one array per set, in filing order. */
  freshSets: string[][];
  counts: Record<string, number>;
  /** Wall time of each insert step, ms. */
  timings: Record<string, number>;
};

export async function generate(client: pg.Client, opts: Options): Promise<Generated> {
  const rnd = prng(opts.seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!;
  const uuid = () => {
    const hex = Array.from({ length: 4 }, () =>
      Math.floor(rnd() * 2 ** 32)
        .toString(16)
        .padStart(8, "0"),
    ).join("");
    const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  const timings: Record<string, number> = {};
  const step = async (name: string, f: () => Promise<void>) => {
    const t0 = performance.now();
    await f();
    timings[name] = performance.now() - t0;
  };
  const DAY = 86_400_000;
  const now = Date.now();
  const dayIso = (offset: number) => new Date(now + offset * DAY).toISOString().slice(0, 10);

  // --- reference data, as the server loaded it
  const courts = new Map(
    (await client.query<{ id: string; code: string }>("select id, code from courts")).rows.map((r) => [
      r.code,
      r.id,
    ]),
  );
  const benchRows = (
    await client.query<{ id: string; code: string; court_id: string; is_principal_seat: boolean }>(
      "select id, code, court_id, is_principal_seat from benches",
    )
  ).rows;
  const types = new Map(
    (await client.query<{ id: string; code: string }>("select id, code from case_types")).rows.map((r) => [
      r.code,
      r.id,
    ]),
  );
  const weightsFile = JSON.parse(
    fs.readFileSync(path.join(import.meta.dirname, "..", "reference", "assignment-weights.json"), "utf8"),
  ) as { items: { kind: string; key: string; weight: number; threshold?: number }[] };
  const amount = weightsFile.items.find((i) => i.kind === "amount_over");
  const weights: Weights = {
    caseType: new Map(weightsFile.items.filter((i) => i.kind === "case_type").map((i) => [i.key, i.weight])),
    flag: new Map(weightsFile.items.filter((i) => i.kind === "flag").map((i) => [i.key, i.weight])),
    amountOver: amount?.threshold ? { weight: amount.weight, threshold: amount.threshold } : null,
  };

  type Seat = { court: string; bench: string | null };
  const COURT_CODES = ["IHC", "LHC", "SHC", "SC"] as const;
  const courtId = (code: string) => {
    const id = courts.get(code);
    if (!id) throw new Error(`court ${code} is missing from the reference data`);
    return id;
  };
  const principal = (code: string) => {
    const b = benchRows.find((r) => r.court_id === courtId(code) && r.is_principal_seat);
    if (!b) throw new Error(`court ${code} has no principal bench`);
    return b;
  };
  const otherBenches = (code: string) =>
    benchRows.filter((r) => r.court_id === courtId(code) && !r.is_principal_seat);
  const typeId = (code: string) => {
    const id = types.get(code);
    if (!id) throw new Error(`case type ${code} is missing from the reference data`);
    return id;
  };

  // --- organisations and the three people who are not law officers
  const officeId = uuid();
  const ministryId = uuid();
  const assigningId = uuid();
  const auditorId = uuid();
  const focalId = uuid();
  await step("organisations and staff", async () => {
    await insert(client, "organisations", [
      [officeId, "BENCH-OAG", "Office of the Attorney-General (benchmark)", "law_office"],
      [ministryId, "BENCH-MOF", "Ministry of Finance (benchmark)", "ministry"],
    ]);
    await insert(client, "users", [
      [assigningId, officeId, "bench_assigner", "Bench Assigning Officer", opts.passwordHash, "active"],
      [auditorId, officeId, "bench_auditor", "Bench Auditor", opts.passwordHash, "active"],
      [focalId, ministryId, "bench_focal", "Bench Focal Person", opts.passwordHash, "active"],
    ]);
    await insert(client, "user_roles", [
      [assigningId, "assigning_officer"],
      [auditorId, "auditor"],
      [focalId, "focal_person"],
    ]);
  });

  // --- law officers
  type Officer = { id: string; seats: Seat[]; conflictParty: string | null };
  const officers: Officer[] = [];
  const userRows: unknown[][] = [];
  const roleRows: unknown[][] = [];
  const profileRows: unknown[][] = [];
  const seatRows: unknown[][] = [];
  const leaveRows: unknown[][] = [];
  const conflictRows: unknown[][] = [];
  let onLeaveToday = 0;
  let inactive = 0;
  const tierCounts: Record<string, number> = {};
  for (let i = 0; i < opts.officers; i++) {
    const id = uuid();
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const r = rnd();
    const tier =
      r < 0.03 ? "additional_ag" : r < 0.28 ? "deputy_ag" : r < 0.68 ? "assistant_ag" : "standing_counsel";
    tierCounts[tier] = (tierCounts[tier] ?? 0) + 1;
    const c = rnd();
    const first = c < 0.3 ? "IHC" : c < 0.65 ? "LHC" : c < 0.9 ? "SHC" : "SC";
    const courtsOf = [first];
    if (rnd() < 0.25) courtsOf.push(pick(COURT_CODES.filter((x) => x !== first)));
    const seats = courtsOf.map((court) => ({ court, bench: rnd() < 0.15 ? null : principal(court).id }));
    const expertise = [...new Set(Array.from({ length: 2 + int(3) }, () => pick(CATEGORIES)))];
    const active = rnd() >= 0.01;
    if (!active) inactive++;
    userRows.push([
      id,
      officeId,
      `lo${String(i + 1).padStart(4, "0")}`,
      `${name} (${String(i + 1).padStart(4, "0")})`,
      opts.passwordHash,
      "active",
    ]);
    roleRows.push([id, "law_officer"]);
    profileRows.push([id, tier, `{${expertise.join(",")}}`, 120 + 10 * int(9), active]);
    for (const s of seats) seatRows.push([uuid(), id, courtId(s.court), s.bench]);
    const l = rnd();
    if (l < 0.03) {
      onLeaveToday++;
      leaveRows.push([uuid(), id, dayIso(-int(5)), dayIso(int(10)), "annual leave", assigningId]);
    } else if (l < 0.08) {
      const start = rnd() < 0.5 ? -60 - int(100) : 5 + int(60);
      leaveRows.push([uuid(), id, dayIso(start), dayIso(start + 3 + int(10)), "leave", assigningId]);
    }
    let conflictParty: string | null = null;
    if (rnd() < 0.02) {
      conflictParty = `${pick(FIRST)} ${pick(LAST)}`;
      conflictRows.push([uuid(), id, conflictParty, null, "relative of the petitioner"]);
    }
    if (i % 333 === 100) conflictRows.push([uuid(), id, null, ministryId, "formerly with the ministry"]);
    officers.push({ id, seats, conflictParty });
  }
  await step("law officers", async () => {
    await insert(client, "users", userRows);
    await insert(client, "user_roles", roleRows);
    await insert(client, "officer_profiles", profileRows);
    await insert(client, "officer_seats", seatRows);
    await insert(client, "officer_leaves", leaveRows);
    await insert(client, "officer_conflicts", conflictRows);
  });

  // --- cases
  const officersAt = new Map<string, Officer[]>();
  for (const court of COURT_CODES)
    officersAt.set(
      court,
      officers.filter((o) => o.seats.some((s) => s.court === court)),
    );
  let number = 0;
  const caseRows: unknown[][] = [];
  const partyRows: unknown[][] = [];
  const assignmentRows: unknown[][] = [];
  const linkRows: unknown[][] = [];
  const openAssigned: string[] = [];
  const freshSets: string[][] = Array.from({ length: opts.freshSets }, () => []);
  let sensitive = 0;

  const makeCase = (kind: "assigned" | "closed" | "fresh", set = 0) => {
    const id = uuid();
    const t = rnd();
    const type = t < 0.6 ? "WP" : t < 0.85 ? "ICA" : "CPLA";
    let court: string;
    let bench: string;
    let benchCode: string;
    if (type === "CPLA") {
      court = "SC";
      const b = principal("SC");
      bench = b.id;
      benchCode = b.code;
    } else {
      const c = rnd();
      court = c < 0.33 ? "IHC" : c < 0.72 ? "LHC" : "SHC";
      const others = otherBenches(court);
      const b = others.length > 0 && rnd() < 0.1 ? pick(others) : principal(court);
      bench = b.id;
      benchCode = b.code;
    }
    number += 1;
    const year = 2019 + int(8);
    const petitioner = `${pick(FIRST)} ${pick(LAST)}`;
    const constitutional = rnd() < 0.05;
    const contempt = rnd() < 0.02;
    if (kind === "fresh" && (constitutional || contempt)) sensitive++;
    const taxRecovery = rnd() < 0.03;
    const amountInvolved = rnd() < 0.1 ? String(10 ** (5 + int(5))) : null;
    const category = pick(CATEGORIES);
    const ageDays = kind === "fresh" ? int(60) : 30 + int(1000);
    const createdAt = new Date(now - ageDays * DAY - int(DAY)).toISOString();
    caseRows.push([
      id,
      ministryId,
      courtId(court),
      bench,
      typeId(type),
      number,
      year,
      `${court}/${benchCode}/${type}/${number}/${year}`,
      `${petitioner} v. Federation of Pakistan through Secretary, Finance Division`,
      category,
      amountInvolved,
      kind === "closed" ? "decided" : "pending",
      contempt,
      constitutional,
      taxRecovery,
      null as string | null, // assigned_officer_id, set below
      focalId,
      createdAt,
    ]);
    const row = caseRows[caseRows.length - 1]!;
    partyRows.push([uuid(), id, 1, "petitioner", petitioner, null]);
    partyRows.push([uuid(), id, 2, "respondent", "Federation of Pakistan", ministryId]);
    if (kind === "fresh") {
      freshSets[set]!.push(id);
      if (openAssigned.length > 0 && rnd() < 0.05)
        linkRows.push([uuid(), id, pick(openAssigned), "connected_with", focalId]);
      return;
    }
    const pool = officersAt.get(court)!.filter((o) => o.conflictParty !== petitioner);
    const officer = pick(pool);
    row[15] = officer.id;
    const weight = caseWeight(
      {
        type_code: type,
        is_constitutional: constitutional,
        is_contempt: contempt,
        is_tax_recovery: taxRecovery,
        amount_involved: amountInvolved,
      },
      weights,
    );
    const assignedAt = new Date(Date.parse(createdAt) + (1 + int(20)) * DAY).toISOString();
    assignmentRows.push([
      uuid(),
      id,
      officer.id,
      assigningId,
      "policy",
      "benchmark data",
      assignedAt < new Date(now).toISOString() ? assignedAt : createdAt,
      weight,
    ]);
    if (kind === "assigned") openAssigned.push(id);
  };
  for (let i = 0; i < opts.assigned; i++) makeCase("assigned");
  for (let i = 0; i < opts.closed; i++) makeCase("closed");
  for (let s = 0; s < opts.freshSets; s++) for (let i = 0; i < opts.freshPerSet; i++) makeCase("fresh", s);

  await step("cases", async () => {
    await insert(client, "cases", caseRows);
  });
  await step("case parties", async () => {
    await insert(client, "case_parties", partyRows);
  });
  await step("case assignments", async () => {
    await insert(client, "case_assignments", assignmentRows);
  });
  await step("case links", async () => {
    await insert(client, "case_links", linkRows);
  });
  await step("officer loads", async () => {
    // The server keeps these on the profile (refreshOfficerLoad); rows inserted straight into the tables
    // need the same figures computed once here.
    await client.query(`
      update officer_profiles p set
        open_load = coalesce(s.load, 0), open_cases = coalesce(s.n, 0), last_assigned_at = s.last
      from (
        select a.officer_id, sum(a.weight) filter (where c.status in ('pending','appealed')) as load,
          count(*) filter (where c.status in ('pending','appealed')) as n, max(a.assigned_at) as last
        from case_assignments a join cases c on c.id = a.case_id
        where a.ended_at is null group by a.officer_id
      ) s
      where p.user_id = s.officer_id`);
  });
  await step("analyze", async () => {
    await client.query("analyze");
  });

  return {
    officeId,
    ministryId,
    assigningOfficer: { id: assigningId, username: "bench_assigner" },
    auditor: { id: auditorId, username: "bench_auditor" },
    freshSets,
    counts: {
      officers: opts.officers,
      ...Object.fromEntries(Object.entries(tierCounts).map(([k, v]) => [`tier ${k}`, v])),
      seats: seatRows.length,
      "seats with benchId null": seatRows.filter((r) => r[3] === null).length,
      "inactive officers": inactive,
      "officers on leave today": onLeaveToday,
      "leave rows": leaveRows.length,
      "conflict rows": conflictRows.length,
      "assigned open cases": opts.assigned,
      "decided cases still holding an assignment": opts.closed,
      "unassigned cases": opts.freshSets * opts.freshPerSet,
      "sensitive unassigned cases": sensitive,
      "case links (fresh → assigned)": linkRows.length,
      "case parties": partyRows.length,
      "case_assignments rows": assignmentRows.length,
    },
    timings,
  };
}
