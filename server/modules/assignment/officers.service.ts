import type { z } from "zod";
import type {
  conflictBody,
  leaveBody,
  OfficerProfileDto,
  officerProfileBody,
} from "../../../common/schemas/assignment.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction, isUniqueViolation, type Trx } from "../../db/transaction.ts";
import { type Actor, hasRole } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { courtDay } from "../../platform/clock.ts";
import { problems } from "../../platform/errors.ts";
import { refreshOfficerLoad } from "../cases/officer-load.ts";
import { heldCompetences } from "../training/training.competences.ts";
import { loadOfficerFacts } from "./assignment.facts.ts";
import { assertMayManageOffice } from "./assignment.policy.ts";
import type { OfficerFacts, Tier } from "./engine.ts";

type Q = Database | Trx;

/** Today in the courts' time zone (leave is a calendar matter). */
export function today(): string {
  return courtDay();
}

/** A law officer (user with the law_officer role) and the office they belong to; 404 when not visible. */
async function loadOfficer(q: Q, actor: Actor, userId: string) {
  const row = await q
    .selectFrom("users as u")
    .innerJoin("organisations as o", "o.id", "u.organisation_id")
    .innerJoin("user_roles as r", (j) => j.onRef("r.user_id", "=", "u.id").on("r.role", "=", "law_officer"))
    .select(["u.id", "u.full_name", "u.designation", "u.organisation_id", "o.code", "o.name_en", "o.name_ur"])
    .where("u.id", "=", userId)
    .executeTakeFirst();
  const visible =
    row &&
    (hasRole(actor, "law_ministry", "administrator", "auditor") ||
      row.organisation_id === actor.organisationId);
  if (!row || !visible) throw problems.notFound("law officer");
  return row;
}

export async function listProfiles(q: Q, reader: Actor, officeId: string): Promise<OfficerProfileDto[]> {
  const users = await q
    .selectFrom("users as u")
    .innerJoin("user_roles as r", (j) => j.onRef("r.user_id", "=", "u.id").on("r.role", "=", "law_officer"))
    .select("u.id")
    .where("u.organisation_id", "=", officeId)
    .orderBy("u.full_name")
    .execute();
  const facts = await loadOfficerFacts(q, officeId, today());
  return Promise.all(users.map((u) => profileOf(q, reader, u.id, facts)));
}

/** `reader` decides only what of the officer's certificates is shown (heldCompetences). */
export async function profileOf(
  q: Q,
  reader: Actor,
  userId: string,
  officeFacts?: readonly OfficerFacts[],
): Promise<OfficerProfileDto> {
  const [user, profile, seats, leaves, conflicts, held] = await Promise.all([
    q
      .selectFrom("users as u")
      .innerJoin("organisations as o", "o.id", "u.organisation_id")
      .select([
        "u.id",
        "u.full_name",
        "u.designation",
        "u.organisation_id",
        "o.code",
        "o.name_en",
        "o.name_ur",
      ])
      .where("u.id", "=", userId)
      .executeTakeFirstOrThrow(),
    q.selectFrom("officer_profiles").selectAll().where("user_id", "=", userId).executeTakeFirst(),
    q
      .selectFrom("officer_seats as s")
      .innerJoin("courts as c", "c.id", "s.court_id")
      .leftJoin("benches as b", "b.id", "s.bench_id")
      .select([
        "s.court_id",
        "s.bench_id",
        "c.code as court_code",
        "c.name_en as court_name",
        "b.code as bench_code",
        "b.name_en as bench_name",
      ])
      .where("s.user_id", "=", userId)
      .orderBy("c.code")
      .execute(),
    q
      .selectFrom("officer_leaves")
      .selectAll()
      .where("user_id", "=", userId)
      .where("ends_on", ">=", today())
      .orderBy("starts_on")
      .execute(),
    q
      .selectFrom("officer_conflicts as oc")
      .leftJoin("organisations as o", "o.id", "oc.organisation_id")
      .select(["oc.id", "oc.party_name", "oc.note", "o.id as org_id", "o.code", "o.name_en"])
      .where("oc.user_id", "=", userId)
      .execute(),
    heldCompetences(q, [userId], reader),
  ]);
  const all = officeFacts ?? (profile ? await loadOfficerFacts(q, user.organisation_id, today()) : []);
  const facts = all.find((f) => f.id === userId);
  return {
    userId,
    fullName: user.full_name,
    designation: user.designation,
    office: { id: user.organisation_id, code: user.code, nameEn: user.name_en, nameUr: user.name_ur },
    tier: (profile?.tier ?? "panel_advocate") as Tier,
    expertise: profile?.expertise ?? [],
    maxLoad: Number(profile?.max_load ?? 40),
    active: profile?.active ?? false,
    notes: profile?.notes ?? "",
    seats: seats.map((s) => ({
      courtId: s.court_id,
      benchId: s.bench_id,
      courtCode: s.court_code,
      benchCode: s.bench_code,
      label: s.bench_name ? `${s.court_name} — ${s.bench_name}` : s.court_name,
    })),
    leaves: leaves.map((l) => ({ id: l.id, startsOn: l.starts_on, endsOn: l.ends_on, reason: l.reason })),
    conflicts: conflicts.map((c) => ({
      id: c.id,
      partyName: c.party_name,
      organisation: c.org_id ? { id: c.org_id, code: c.code ?? "", nameEn: c.name_en ?? "" } : null,
      note: c.note,
    })),
    load: facts?.load ?? 0,
    openCases: facts?.openCases ?? 0,
    onLeaveToday: facts?.onLeave ?? false,
    competences: held.get(userId) ?? [],
    version: profile?.version ?? 0,
  };
}

export async function getProfile(db: Database, actor: Actor, userId: string) {
  await loadOfficer(db, actor, userId);
  return profileOf(db, actor, userId);
}

/** Creates or updates a profile (version 0 = none yet); seats are replaced as a whole. */
export async function saveProfile(
  db: Database,
  actor: Actor,
  userId: string,
  input: z.infer<typeof officerProfileBody>,
) {
  return inTransaction(db, async (trx) => {
    const officer = await loadOfficer(trx, actor, userId);
    assertMayManageOffice(actor, officer.organisation_id);
    const before = await trx
      .selectFrom("officer_profiles")
      .selectAll()
      .where("user_id", "=", userId)
      .forUpdate()
      .executeTakeFirst();
    if ((before?.version ?? 0) !== input.version) throw problems.staleVersion(before?.version ?? 0);
    const values = {
      tier: input.tier,
      expertise: input.expertise,
      max_load: input.maxLoad,
      active: input.active,
      notes: input.notes,
      version: input.version + 1,
      updated_at: new Date(),
    };
    if (before) await trx.updateTable("officer_profiles").set(values).where("user_id", "=", userId).execute();
    else {
      await trx
        .insertInto("officer_profiles")
        .values({ user_id: userId, ...values })
        .execute()
        .catch((error) => {
          // Two first saves at once: the loser is as stale as any other late writer.
          if (isUniqueViolation(error)) throw problems.staleVersion(1);
          throw error;
        });
      await refreshOfficerLoad(trx, [userId]);
    }
    await assertSeatsExist(trx, input.seats);
    await trx.deleteFrom("officer_seats").where("user_id", "=", userId).execute();
    if (input.seats.length > 0) {
      await trx
        .insertInto("officer_seats")
        .values(input.seats.map((s) => ({ user_id: userId, court_id: s.courtId, bench_id: s.benchId })))
        .execute();
    }
    await recordAudit(trx, actor, {
      action: "assignment.profile_changed",
      entityType: "officer_profile",
      entityId: userId,
      organisationId: officer.organisation_id,
      changes: {
        before: before
          ? { tier: before.tier, maxLoad: Number(before.max_load), active: before.active }
          : null,
        after: input,
      },
    });
    return profileOf(trx, actor, userId);
  });
}

async function assertSeatsExist(trx: Trx, seats: { courtId: string; benchId: string | null }[]) {
  for (const [i, s] of seats.entries()) {
    const ok = s.benchId
      ? await trx
          .selectFrom("benches")
          .select("id")
          .where("id", "=", s.benchId)
          .where("court_id", "=", s.courtId)
          .executeTakeFirst()
      : await trx.selectFrom("courts").select("id").where("id", "=", s.courtId).executeTakeFirst();
    if (!ok)
      throw problems.validation([
        { path: `body.seats.${i}`, message: "no such court or bench of that court" },
      ]);
  }
}

async function changeOfficerDetail(
  db: Database,
  actor: Actor,
  userId: string,
  what: string,
  work: (trx: Trx) => Promise<unknown>,
) {
  return inTransaction(db, async (trx) => {
    const officer = await loadOfficer(trx, actor, userId);
    assertMayManageOffice(actor, officer.organisation_id);
    const exists = await trx
      .selectFrom("officer_profiles")
      .select("user_id")
      .where("user_id", "=", userId)
      .executeTakeFirst();
    if (!exists) throw problems.conflict("no_profile", "Save the officer's profile first.");
    const changes = await work(trx);
    await recordAudit(trx, actor, {
      action: "assignment.profile_changed",
      entityType: "officer_profile",
      entityId: userId,
      organisationId: officer.organisation_id,
      changes: { [what]: changes },
    });
    return profileOf(trx, actor, userId);
  });
}

export function addLeave(db: Database, actor: Actor, userId: string, input: z.infer<typeof leaveBody>) {
  return changeOfficerDetail(db, actor, userId, "leaveAdded", async (trx) => {
    await trx
      .insertInto("officer_leaves")
      .values({
        user_id: userId,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        reason: input.reason,
        created_by: actor.userId,
      })
      .execute();
    return input;
  });
}

export function removeLeave(db: Database, actor: Actor, userId: string, leaveId: string) {
  return changeOfficerDetail(db, actor, userId, "leaveRemoved", async (trx) => {
    const r = await trx
      .deleteFrom("officer_leaves")
      .where("id", "=", leaveId)
      .where("user_id", "=", userId)
      .returningAll()
      .executeTakeFirst();
    if (!r) throw problems.notFound("leave");
    return { startsOn: r.starts_on, endsOn: r.ends_on };
  });
}

export function addConflict(db: Database, actor: Actor, userId: string, input: z.infer<typeof conflictBody>) {
  return changeOfficerDetail(db, actor, userId, "conflictDeclared", async (trx) => {
    if (input.organisationId) {
      const org = await trx
        .selectFrom("organisations")
        .select("id")
        .where("id", "=", input.organisationId)
        .executeTakeFirst();
      if (!org) throw problems.validation([{ path: "body.organisationId", message: "no such organisation" }]);
    }
    await trx
      .insertInto("officer_conflicts")
      .values({
        user_id: userId,
        party_name: input.partyName ?? null,
        organisation_id: input.organisationId ?? null,
        note: input.note,
      })
      .execute();
    return input;
  });
}

export function removeConflict(db: Database, actor: Actor, userId: string, conflictId: string) {
  return changeOfficerDetail(db, actor, userId, "conflictRemoved", async (trx) => {
    const r = await trx
      .deleteFrom("officer_conflicts")
      .where("id", "=", conflictId)
      .where("user_id", "=", userId)
      .returningAll()
      .executeTakeFirst();
    if (!r) throw problems.notFound("conflict");
    return { partyName: r.party_name, organisationId: r.organisation_id };
  });
}
