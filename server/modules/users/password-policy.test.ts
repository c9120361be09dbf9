import { hash } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { isBreachedPassword, passwordRejection } from "../../platform/auth/password-policy.ts";
import { hashPassword, verifyPassword } from "../../platform/auth/passwords.ts";
import { makeOrganisation, makeUser, signedIn, TEST_PASSWORD } from "../../test/factories.ts";
import { call, login, testApp } from "../../test/harness.ts";

const shape = (password: string, hasSecondFactor = false, username = "sana.iqbal") =>
  passwordRejection(password, { username, hasSecondFactor });

describe("password policy (NIST SP 800-63B)", () => {
  it("asks 15 characters of a password alone and 12 with a second factor, at most 256, no composition rules", () => {
    expect(shape("abcdefghijklmn")).toBe("too_short"); // 14
    expect(shape("river otter moon")).toBeNull(); // 16, spaces, no digit or capital
    expect(shape("otter moon 4u", true)).toBeNull(); // 13 with a second factor
    expect(shape("otter moon4", true)).toBe("too_short"); // 11
    expect(shape("x".repeat(256))).toBeNull();
    expect(shape("x".repeat(257))).toBe("too_long");
    // counted in characters, not UTF-16 units: 15 Urdu letters and emoji pass
    expect(shape("پاکستانزندہبادوطن")).toBeNull();
    expect(shape("😀".repeat(14))).toBe("too_short");
  });

  it("refuses passwords from the breached list, case-insensitively, and ones containing the username", () => {
    expect(isBreachedPassword("password")).toBe(true);
    expect(isBreachedPassword("PassWord")).toBe(true);
    expect(shape("1QAZ2wsx3edc4rfv")).toBe("breached");
    expect(shape("my name is Sana.Iqbal ok")).toBe("contains_username");
    expect(isBreachedPassword("river otter moon")).toBe(false);
  });

  it("normalises to NFKC before hashing, and old hashes of the raw string still verify", async () => {
    const fullWidth = "ｒｉｖｅｒ－ｏｔｔｅｒ－ｍｏｏｎ"; // NFKC: river-otter-moon
    const stored = await hashPassword(fullWidth);
    expect(await verifyPassword(stored, "river-otter-moon")).toBe(true);
    const before = await hash(fullWidth, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
    expect(await verifyPassword(before, fullWidth)).toBe(true);
    expect(await verifyPassword(before, "river-otter-moon-")).toBe(false);
  });
});

describe("passwords are checked wherever they are set", () => {
  it("register, an administrator's new user and a password reset refuse a breached or short password", async () => {
    const org = await makeOrganisation();
    const reg = await call(null, {
      method: "POST",
      url: "/api/v1/auth/register",
      body: { organisationCode: org.code, username: "pol.reg", fullName: "P", password: "passwordpassword" },
    });
    expect(reg.statusCode).toBe(400);
    expect(reg.json()).toMatchObject({ code: "password_rejected", reason: "breached" });
    expect(reg.json().errors[0]).toMatchObject({ path: "body.password", code: "breached" });

    const admin = await signedIn(["administrator"]);
    const created = await call(admin, {
      method: "POST",
      url: "/api/v1/users",
      body: {
        organisationId: org.id,
        username: "pol.new",
        fullName: "P",
        password: "pol.new-is-me-1",
        roles: ["focal_person"],
      },
    });
    expect(created.json()).toMatchObject({ status: 400, reason: "contains_username" });

    const user = await makeUser(org.id, ["focal_person"]);
    const reset = await call(admin, {
      method: "PATCH",
      url: `/api/v1/users/${user.id}`,
      body: { version: 1, password: "fourteen chars" },
    });
    expect(reset.json()).toMatchObject({ status: 400, reason: "too_short" });
    const { handle } = await testApp();
    const names = await handle.db
      .selectFrom("users")
      .select("id")
      .where("username", "in", ["pol.reg", "pol.new"])
      .execute();
    expect(names).toHaveLength(0);
  });

  it("a user may not reset their own password through the user administration", async () => {
    const admin = await signedIn(["administrator"]);
    const res = await call(admin, {
      method: "PATCH",
      url: `/api/v1/users/${admin.userId}`,
      body: { version: 1, password: "a perfectly fine passphrase" },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe("PATCH /me: changing one's own password", () => {
  it("needs the current password; a wrong one is counted and audited", async () => {
    const org = await makeOrganisation();
    const user = await makeUser(org.id, ["focal_person"]);
    const s = await login(user.username, TEST_PASSWORD);
    const missing = await call(s, {
      method: "PATCH",
      url: "/api/v1/me",
      body: { password: "a new long passphrase" },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe("body.currentPassword");
    const wrong = await call(s, {
      method: "PATCH",
      url: "/api/v1/me",
      body: { currentPassword: "not-my-password-9", password: "a new long passphrase" },
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe("current_password_wrong");
    const { handle } = await testApp();
    const row = await handle.db
      .selectFrom("users")
      .select("failed_logins")
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(row.failed_logins).toBe(1);
    expect((await login(user.username, TEST_PASSWORD)).userId).toBe(user.id);
  });

  it("refuses a new password the policy refuses, naming the field", async () => {
    const s = await signedIn(["focal_person"]);
    const res = await call(s, {
      method: "PATCH",
      url: "/api/v1/me",
      body: { currentPassword: TEST_PASSWORD, password: "1234567890qwerty" },
    });
    expect(res.json()).toMatchObject({ status: 400, code: "password_rejected", reason: "breached" });
  });

  it("changes the password, ends every other session, keeps this one, audits user.password_changed", async () => {
    const org = await makeOrganisation();
    const user = await makeUser(org.id, ["focal_person"]);
    const here = await login(user.username, TEST_PASSWORD);
    const elsewhere = await login(user.username, TEST_PASSWORD);
    const res = await call(here, {
      method: "PATCH",
      url: "/api/v1/me",
      body: { currentPassword: TEST_PASSWORD, password: "a new long passphrase" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain("passphrase");
    expect((await call(here, { method: "GET", url: "/api/v1/auth/session" })).statusCode).toBe(200);
    expect((await call(elsewhere, { method: "GET", url: "/api/v1/auth/session" })).statusCode).toBe(401);
    expect((await login(user.username, "a new long passphrase")).userId).toBe(user.id);
    const { handle } = await testApp();
    const event = await handle.db
      .selectFrom("audit_events")
      .select(["action", "changes"])
      .where("entity_id", "=", user.id)
      .where("action", "=", "user.password_changed")
      .executeTakeFirstOrThrow();
    expect(event.changes).toEqual({ by: "self", endedSessions: 1 });
  });

  it("still changes only the language when that is all it is given", async () => {
    const s = await signedIn(["focal_person"]);
    const res = await call(s, { method: "PATCH", url: "/api/v1/me", body: { locale: "ur" } });
    expect(res.json().locale).toBe("ur");
    expect((await call(s, { method: "PATCH", url: "/api/v1/me", body: {} })).statusCode).toBe(400);
    expect(
      (await call(s, { method: "PATCH", url: "/api/v1/me", body: { password: 5, currentPassword: [] } }))
        .statusCode,
    ).toBe(400);
  });
});
