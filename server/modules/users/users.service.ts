import type { z } from "zod";
import type { Role } from "../../../common/roles.ts";
import type {
  registerBody,
  userCreateBody,
  userListQuery,
  userPatchBody,
} from "../../../common/schemas/users.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction, isUniqueViolation, type Trx } from "../../db/transaction.ts";
import { type Actor, hasRole, type RequestContext } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { assertPasswordAcceptable } from "../../platform/auth/password-policy.ts";
import { hashPassword } from "../../platform/auth/passwords.ts";
import { deleteUserSessions } from "../../platform/auth/sessions.ts";
import { problems } from "../../platform/errors.ts";
import { clearSecondFactor } from "./two-factor.service.ts";
import { assertCanGrant, canManageUser, canSeeUser, userListScope } from "./users.policy.ts";
import { presentUser } from "./users.present.ts";
import * as repo from "./users.repo.ts";

async function loadVisibleUser(q: Trx | Database, actor: Actor, id: string) {
  const row = await repo.findUserById(q, id);
  if (!row || !canSeeUser(actor, row)) throw problems.notFound("user");
  return row;
}

export async function present(q: Trx | Database, actor: Actor, id: string) {
  const row = await loadVisibleUser(q, actor, id);
  const roles = (await repo.rolesOf(q, [id])).get(id) ?? [];
  return presentUser(actor, row, roles);
}

export async function listUsers(db: Database, actor: Actor, query: z.infer<typeof userListQuery>) {
  const scope = userListScope(actor);
  if (scope === "none") throw problems.forbidden("Only administrators and nodal officers list users.");
  if (scope && query.organisationId && query.organisationId !== scope) {
    return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  }
  const { total, rows } = await repo.listUsers(db, {
    ...query,
    organisationId: scope ?? query.organisationId,
  });
  const roles = await repo.rolesOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => presentUser(actor, r, roles.get(r.id) ?? [])),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export function getUser(db: Database, actor: Actor, id: string) {
  return present(db, actor, id);
}

export async function createUser(db: Database, actor: Actor, input: z.infer<typeof userCreateBody>) {
  assertCanGrant(actor, input.organisationId, input.roles);
  assertPasswordAcceptable(input.password, { username: input.username, hasSecondFactor: false });
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (trx) => {
    const org = await trx
      .selectFrom("organisations")
      .select(["id"])
      .where("id", "=", input.organisationId)
      .where("active", "=", true)
      .executeTakeFirst();
    if (!org)
      throw problems.validation([{ path: "body.organisationId", message: "no such active organisation" }]);
    const id = await insertUser(trx, {
      organisationId: input.organisationId,
      username: input.username,
      fullName: input.fullName,
      email: input.email ?? null,
      designation: input.designation ?? "",
      passwordHash,
      status: "active",
      approvedBy: actor.userId,
    });
    await repo.replaceRoles(trx, id, input.roles);
    await recordAudit(trx, actor, {
      action: "user.created",
      entityType: "user",
      entityId: id,
      organisationId: input.organisationId,
      changes: { username: input.username, fullName: input.fullName, roles: input.roles, status: "active" },
    });
    return present(trx, actor, id);
  });
}

type NewUser = {
  organisationId: string;
  username: string;
  fullName: string;
  email: string | null;
  designation: string;
  passwordHash: string;
  status: "pending" | "active";
  approvedBy: string | null;
};

async function insertUser(trx: Trx, u: NewUser): Promise<string> {
  try {
    const row = await trx
      .insertInto("users")
      .values({
        organisation_id: u.organisationId,
        username: u.username,
        full_name: u.fullName,
        email: u.email,
        designation: u.designation,
        password_hash: u.passwordHash,
        status: u.status,
        approved_by: u.approvedBy,
        approved_at: u.approvedBy ? new Date() : null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  } catch (error) {
    if (isUniqueViolation(error, "users_username_key")) {
      throw problems.conflict("username_taken", `The username "${u.username}" is already taken.`);
    }
    throw error;
  }
}

/** Self-registration: the account waits, inactive, until the organisation's nodal officer approves it. */
export async function register(db: Database, ctx: RequestContext, input: z.infer<typeof registerBody>) {
  assertPasswordAcceptable(input.password, { username: input.username, hasSecondFactor: false });
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (trx) => {
    const org = await trx
      .selectFrom("organisations")
      .select(["id", "kind"])
      .where("code", "=", input.organisationCode.toUpperCase())
      .where("active", "=", true)
      .executeTakeFirst();
    if (!org || org.kind === "system") {
      throw problems.validation([{ path: "body.organisationCode", message: "no such organisation" }]);
    }
    const id = await insertUser(trx, {
      organisationId: org.id,
      username: input.username,
      fullName: input.fullName,
      email: input.email ?? null,
      designation: input.designation ?? "",
      passwordHash,
      status: "pending",
      approvedBy: null,
    });
    await repo.replaceRoles(trx, id, ["focal_person"]);
    await recordAudit(trx, ctx, {
      action: "auth.registered",
      entityType: "user",
      entityId: id,
      organisationId: org.id,
      changes: { username: input.username, fullName: input.fullName, roles: ["focal_person"] },
    });
    return { id, status: "pending" as const };
  });
}

export async function updateUser(
  db: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof userPatchBody>,
) {
  if (input.password !== undefined) {
    const target = await loadVisibleUser(db, actor, id);
    if (id === actor.userId) {
      throw problems.forbidden("Change your own password from your profile, which asks for the current one.");
    }
    // who may manage the user first: a refused actor learns nothing about the policy and costs no hash
    const roles = (await repo.rolesOf(db, [id])).get(id) ?? [];
    if (!canManageUser(actor, target, roles)) throw problems.forbidden("You may not change this user.");
    assertPasswordAcceptable(input.password, {
      username: target.username,
      hasSecondFactor: target.totp_enabled_at !== null,
    });
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return inTransaction(db, async (trx) => {
    const row = await loadVisibleUser(trx, actor, id);
    const isSelf = id === actor.userId;
    const targetRoles = (await repo.rolesOf(trx, [id])).get(id) ?? [];
    if (!canManageUser(actor, row, targetRoles) && !(isSelf && onlySelfServiceFields(input))) {
      throw problems.forbidden("You may not change this user.");
    }
    if (row.version !== input.version) throw problems.staleVersion(row.version);
    if (input.roles) assertCanGrant(actor, row.organisation_id, input.roles as Role[]);
    if (isSelf && (input.status === "disabled" || (input.roles && !input.roles.includes("administrator")))) {
      if (actor.roles.has("administrator"))
        throw problems.forbidden("You may not disable or demote yourself.");
    }
    const before = {
      fullName: row.full_name,
      email: row.email,
      designation: row.designation,
      status: row.status,
    };
    const set = {
      ...(input.fullName !== undefined ? { full_name: input.fullName } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.designation !== undefined ? { designation: input.designation } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(passwordHash ? { password_hash: passwordHash, failed_logins: 0, locked_until: null } : {}),
    };
    await trx
      .updateTable("users")
      .set({ ...set, version: row.version + 1, updated_at: new Date() })
      .where("id", "=", id)
      .execute();
    if (input.roles) await repo.replaceRoles(trx, id, input.roles);
    if (input.status === "disabled" || passwordHash) await deleteUserSessions(trx, id);
    const { password_hash: _, ...safeSet } = set as Record<string, unknown>;
    await recordAudit(trx, actor, {
      action: passwordHash && Object.keys(safeSet).length <= 2 ? "user.password_changed" : "user.updated",
      entityType: "user",
      entityId: id,
      organisationId: row.organisation_id,
      changes: { before, after: { ...pick(input, ["fullName", "email", "designation", "status", "roles"]) } },
    });
    return present(trx, actor, id);
  });
}

function onlySelfServiceFields(input: z.infer<typeof userPatchBody>) {
  return input.roles === undefined && input.status === undefined;
}

function pick<T extends object>(o: T, keys: (keyof T)[]) {
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
}

export async function decideRegistration(
  db: Database,
  actor: Actor,
  id: string,
  version: number,
  decision: "approve" | "reject",
) {
  return inTransaction(db, async (trx) => {
    const row = await loadVisibleUser(trx, actor, id);
    if (!canManageUser(actor, row, (await repo.rolesOf(trx, [id])).get(id) ?? []))
      throw problems.forbidden("Only the organisation's nodal officer approves.");
    if (row.version !== version) throw problems.staleVersion(row.version);
    if (row.status !== "pending") {
      throw problems.conflict("not_pending", `This account is ${row.status}, not awaiting approval.`);
    }
    const status = decision === "approve" ? "active" : "rejected";
    await trx
      .updateTable("users")
      .set({
        status,
        approved_by: actor.userId,
        approved_at: new Date(),
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, actor, {
      action: decision === "approve" ? "user.approved" : "user.rejected",
      entityType: "user",
      entityId: id,
      organisationId: row.organisation_id,
      changes: { status: { from: "pending", to: status } },
    });
    return present(trx, actor, id);
  });
}

/** An administrator or nodal officer turns off a user's lost second factor; the user enrols again. */
export async function resetSecondFactor(db: Database, actor: Actor, id: string) {
  return inTransaction(db, async (trx) => {
    const row = await loadVisibleUser(trx, actor, id);
    if (!canManageUser(actor, row, (await repo.rolesOf(trx, [id])).get(id) ?? []))
      throw problems.forbidden("You may not change this user.");
    if (id === actor.userId) {
      throw problems.forbidden("Turn off your own two-step sign-in from your profile.");
    }
    if (!row.totp_enabled_at) {
      throw problems.conflict("second_factor_not_enabled", "Two-step sign-in is not on for this user.");
    }
    await clearSecondFactor(trx, id);
    await deleteUserSessions(trx, id);
    await recordAudit(trx, actor, {
      action: "user.totp_reset",
      entityType: "user",
      entityId: id,
      organisationId: row.organisation_id,
    });
    return present(trx, actor, id);
  });
}

export async function setLocale(db: Database, actor: Actor, locale: "en" | "ur") {
  await inTransaction(db, async (trx) => {
    await trx.updateTable("users").set({ locale }).where("id", "=", actor.userId).execute();
    await recordAudit(trx, actor, {
      action: "user.updated",
      entityType: "user",
      entityId: actor.userId,
      organisationId: actor.organisationId,
      changes: { locale: { from: actor.locale, to: locale } },
    });
  });
}

/** Law officers for the assignment picker: an assigning officer sees their own office's; the Law Ministry all. */
export async function listOfficers(db: Database, actor: Actor) {
  const rows = await repo.listOfficers(
    db,
    hasRole(actor, "law_ministry", "administrator") ? null : actor.organisationId,
  );
  return rows.map((r) => ({
    id: r.id,
    fullName: r.full_name,
    designation: r.designation,
    organisation: { id: r.organisation_id, code: r.org_code, nameEn: r.org_name_en, nameUr: r.org_name_ur },
    activeCases: Number(r.active_cases ?? 0),
  }));
}
