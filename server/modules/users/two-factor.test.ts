import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { Secret, TOTP } from "otpauth";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import { loadConfig } from "../../config.ts";
import { open, seal } from "../../platform/auth/secret-box.ts";
import { LocalDiskStorage } from "../../platform/storage/storage.ts";
import { makeOrganisation, makeUser, signedIn, TEST_PASSWORD } from "../../test/factories.ts";
import { call, login, type Session, testApp } from "../../test/harness.ts";

/** The code an authenticator app shows `steps` 30-second steps from now (+1: the next one, not yet used). */
function codeAt(secret: string, steps = 1): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

const loginWith = (username: string, extra: Record<string, string> = {}) =>
  call(null, {
    method: "POST",
    url: "/api/v1/auth/login",
    body: { username, password: TEST_PASSWORD, ...extra },
  });

async function db() {
  return (await testApp()).handle.db;
}

async function userRow(id: string) {
  return (await db())
    .selectFrom("users")
    .select(["failed_logins", "totp_secret", "totp_pending_secret", "totp_enabled_at"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
}

async function auditActions(id: string) {
  const rows = await (await db())
    .selectFrom("audit_events")
    .select("action")
    .where("entity_id", "=", id)
    .orderBy("seq")
    .execute();
  return rows.map((r) => r.action);
}

/** A user with two-step sign-in on: their username, secret and recovery codes. */
async function enrolled(roles: Parameters<typeof signedIn>[0] = ["focal_person"], organisationId?: string) {
  const org = organisationId ?? (await makeOrganisation()).id;
  const user = await makeUser(org, roles);
  const s = await login(user.username, TEST_PASSWORD);
  const { secret } = (
    await call(s, { method: "POST", url: "/api/v1/me/totp", body: { currentPassword: TEST_PASSWORD } })
  ).json();
  const confirmed = await call(s, {
    method: "POST",
    url: "/api/v1/me/totp/confirm",
    body: { code: codeAt(secret, 0) },
  });
  expect(confirmed.statusCode).toBe(200);
  return {
    user,
    session: s,
    secret: secret as string,
    recoveryCodes: confirmed.json().recoveryCodes as string[],
  };
}

describe("secrets at rest", () => {
  it("open only under the same key and for the same record, and unaltered", () => {
    const key = Buffer.alloc(32, 3);
    const box = seal(key, "JBSWY3DPEHPK3PXP", "user-a");
    expect(open(key, box, "user-a")).toBe("JBSWY3DPEHPK3PXP");
    expect(open(key, box, "user-b")).toBeNull();
    expect(open(Buffer.alloc(32, 4), box, "user-a")).toBeNull();
    const parts = box.split(".");
    parts[3] = Buffer.from("AAAAAAAAAAAAAAAA").toString("base64url");
    expect(open(key, parts.join("."), "user-a")).toBeNull();
    expect(open(key, "garbage", "user-a")).toBeNull();
  });
});

describe("enrolment", () => {
  it("gives a secret, an otpauth URI and a QR code; keeps the secret only encrypted; confirms with a code", async () => {
    const s = await signedIn(["focal_person"]);
    const noPassword = await call(s, {
      method: "POST",
      url: "/api/v1/me/totp",
      body: { currentPassword: "not it" },
    });
    expect(noPassword.statusCode).toBe(403);
    expect(noPassword.json().code).toBe("current_password_wrong");
    const start = await call(s, {
      method: "POST",
      url: "/api/v1/me/totp",
      body: { currentPassword: TEST_PASSWORD },
    });
    expect(start.statusCode).toBe(200);
    const { secret, uri, qr } = start.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toMatch(/^otpauth:\/\/totp\/CAMS:u[a-z0-9]+\?.*secret=/);
    expect(uri).toContain("algorithm=SHA1&digits=6&period=30");
    expect(qr).toMatch(/^data:image\/svg\+xml;base64,/);
    const pending = await userRow(s.userId);
    expect(pending.totp_pending_secret).toMatch(/^v1\./);
    expect(pending.totp_pending_secret).not.toContain(secret);

    const wrong = await call(s, { method: "POST", url: "/api/v1/me/totp/confirm", body: { code: "000000" } });
    expect(wrong.json()).toMatchObject({ status: 400, code: "invalid_second_factor" });
    expect((await userRow(s.userId)).totp_enabled_at).toBeNull();

    const { username } = await (await db())
      .selectFrom("users")
      .select("username")
      .where("id", "=", s.userId)
      .executeTakeFirstOrThrow();
    const elsewhere = await login(username, TEST_PASSWORD);
    const ok = await call(s, {
      method: "POST",
      url: "/api/v1/me/totp/confirm",
      body: { code: codeAt(secret, 0) },
    });
    // a session opened with the password alone ends once the account has a second factor; this one stays
    expect((await call(elsewhere, { method: "GET", url: "/api/v1/auth/session" })).statusCode).toBe(401);
    expect((await call(s, { method: "GET", url: "/api/v1/auth/session" })).statusCode).toBe(200);
    const codes = ok.json().recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await (await db())
      .selectFrom("user_recovery_codes")
      .selectAll()
      .where("user_id", "=", s.userId)
      .execute();
    expect(stored.map((r) => r.code_hash)).not.toContain(codes[0]);
    const session = (await call(s, { method: "GET", url: "/api/v1/auth/session" })).json();
    expect(session.user.twoFactor).toEqual({ enabled: true, enrolmentRequired: false });
    const again = { currentPassword: TEST_PASSWORD };
    expect((await call(s, { method: "POST", url: "/api/v1/me/totp", body: again })).statusCode).toBe(409);
    expect(await auditActions(s.userId)).toEqual(
      expect.arrayContaining(["user.totp_enrolment_started", "user.totp_enabled"]),
    );
  });

  it("refuses bad inputs with 400 and writes nothing", async () => {
    const s = await signedIn(["focal_person"]);
    const before = (await auditActions(s.userId)).length;
    for (const body of [{}, { code: 123456 }, { code: "12345" }, { code: "abcdef" }, { code: "1234567" }]) {
      const res = await call(s, { method: "POST", url: "/api/v1/me/totp/confirm", body });
      expect(res.statusCode).toBe(400);
    }
    const noStart = await call(s, {
      method: "POST",
      url: "/api/v1/me/totp/confirm",
      body: { code: "123456" },
    });
    expect(noStart.json().code).toBe("no_enrolment_started");
    expect((await call(s, { method: "DELETE", url: "/api/v1/me/totp", body: {} })).statusCode).toBe(400);
    const notOn = await call(s, {
      method: "DELETE",
      url: "/api/v1/me/totp",
      body: { currentPassword: TEST_PASSWORD, code: "123456" },
    });
    expect(notOn.json().code).toBe("second_factor_not_enabled");
    expect((await call(s, { method: "POST", url: "/api/v1/me/totp", body: {} })).statusCode).toBe(400);
    const anonymous = { method: "POST" as const, url: "/api/v1/me/totp", body: { currentPassword: "x" } };
    expect((await call(null, anonymous)).statusCode).toBe(401);
    expect((await auditActions(s.userId)).length).toBe(before);
  });
});

describe("login with a second factor", () => {
  it("asks for the code without counting, refuses a wrong or replayed one with a count, accepts the next", async () => {
    const { user, secret } = await enrolled();
    const missing = await loginWith(user.username);
    expect(missing.json()).toMatchObject({ status: 401, code: "second_factor_required" });
    expect(missing.cookies.find((c) => c.name === "cams_session")).toBeUndefined();
    expect((await userRow(user.id)).failed_logins).toBe(0);

    const wrong = await loginWith(user.username, { totpCode: codeAt(secret, 5) });
    expect(wrong.json()).toMatchObject({ status: 401, code: "invalid_second_factor" });
    expect((await userRow(user.id)).failed_logins).toBe(1);
    expect(await auditActions(user.id)).toContain("auth.second_factor_failed");

    const code = codeAt(secret, 1);
    const ok = await loginWith(user.username, { totpCode: code });
    expect(ok.statusCode).toBe(200);
    expect((await userRow(user.id)).failed_logins).toBe(0);
    const replay = await loginWith(user.username, { totpCode: code });
    expect(replay.json().code).toBe("invalid_second_factor");
    // the code of the step already used at enrolment is as stale as a replay
    expect((await loginWith(user.username, { totpCode: codeAt(secret, 0) })).json().code).toBe(
      "invalid_second_factor",
    );
  });

  it("accepts each recovery code once, typed in any case", async () => {
    const { user, recoveryCodes } = await enrolled();
    const code = recoveryCodes[3]!;
    expect((await loginWith(user.username, { recoveryCode: code.toUpperCase() })).statusCode).toBe(200);
    expect((await loginWith(user.username, { recoveryCode: code })).json().code).toBe(
      "invalid_second_factor",
    );
    expect((await loginWith(user.username, { recoveryCode: recoveryCodes[4]! })).statusCode).toBe(200);
  });

  it("locks the account after five wrong codes, even for a right one", async () => {
    const { user, secret } = await enrolled();
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await loginWith(user.username, { totpCode: "000000" })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    expect((await loginWith(user.username, { totpCode: codeAt(secret, 1) })).statusCode).toBe(423);
  });

  it("refuses a login body with a code of the wrong type", async () => {
    const res = await call(null, {
      method: "POST",
      url: "/api/v1/auth/login",
      body: { username: "someone", password: "x", totpCode: 123456, recoveryCode: ["a"] },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["body.totpCode", "body.recoveryCode"]));
  });
});

describe("turning it off", () => {
  it("needs the current password and a code; wrong ones are counted", async () => {
    const { user, session, secret } = await enrolled();
    const badPassword = await call(session, {
      method: "DELETE",
      url: "/api/v1/me/totp",
      body: { currentPassword: "not-my-password", code: codeAt(secret, 1) },
    });
    expect(badPassword.json()).toMatchObject({ status: 403, code: "current_password_wrong" });
    const badCode = await call(session, {
      method: "DELETE",
      url: "/api/v1/me/totp",
      body: { currentPassword: TEST_PASSWORD, code: "000000" },
    });
    expect(badCode.json()).toMatchObject({ status: 403, code: "invalid_second_factor" });
    expect((await userRow(user.id)).failed_logins).toBe(2);
    const ok = await call(session, {
      method: "DELETE",
      url: "/api/v1/me/totp",
      body: { currentPassword: TEST_PASSWORD, code: codeAt(secret, 1) },
    });
    expect(ok.statusCode).toBe(204);
    expect((await userRow(user.id)).totp_secret).toBeNull();
    expect((await loginWith(user.username)).statusCode).toBe(200);
    expect(await auditActions(user.id)).toContain("user.totp_disabled");
  });

  it("takes a recovery code instead of the app's code, once, and not both", async () => {
    const { user, session, recoveryCodes } = await enrolled();
    const off = (body: Record<string, string>) =>
      call(session, {
        method: "DELETE",
        url: "/api/v1/me/totp",
        body: { currentPassword: TEST_PASSWORD, ...body },
      });
    const both = await off({ code: "123456", recoveryCode: recoveryCodes[0]! });
    expect(both.statusCode).toBe(400);
    expect((await off({ recoveryCode: recoveryCodes[0]! })).statusCode).toBe(204);
    expect((await userRow(user.id)).totp_secret).toBeNull();
  });

  it("an administrator resets a user's lost second factor within their scope, audited", async () => {
    const org = await makeOrganisation();
    const { user } = await enrolled(["law_ministry"], org.id);
    const nodal = await signedIn(["nodal_officer"], org.id);
    const otherNodal = await signedIn(["nodal_officer"]);
    const admin = await signedIn(["administrator"]);
    const url = `/api/v1/users/${user.id}/totp`;
    expect((await call(otherNodal, { method: "DELETE", url })).statusCode).toBe(404);
    expect((await call(nodal, { method: "DELETE", url })).statusCode).toBe(403);
    expect((await call(admin, { method: "DELETE", url: "/api/v1/users/nope/totp" })).statusCode).toBe(400);
    const listed = await call(admin, { method: "GET", url: `/api/v1/users/${user.id}` });
    expect(listed.json()).toMatchObject({ twoFactorEnabled: true, abilities: { resetTwoFactor: true } });
    const reset = await call(admin, { method: "DELETE", url });
    expect(reset.json()).toMatchObject({ twoFactorEnabled: false });
    expect((await call(admin, { method: "DELETE", url })).statusCode).toBe(409);
    expect(
      (await call(admin, { method: "DELETE", url: `/api/v1/users/${admin.userId}/totp` })).statusCode,
    ).toBe(403);
    expect((await loginWith(user.username)).statusCode).toBe(200);
    expect(await auditActions(user.id)).toContain("user.totp_reset");
  });
});

describe("roles that must use a second factor (CAMS_MFA_ROLES)", () => {
  let app: FastifyInstance;
  afterAll(() => app?.close());

  async function strictApp() {
    const { handle } = await testApp();
    const config = {
      ...loadConfig({
        NODE_ENV: "test",
        CAMS_MFA_ROLES: "auditor,administrator",
        CAMS_LOGIN_RATE_PER_MINUTE: "100000",
      }),
      logLevel: "silent",
    };
    const blobs = fs.mkdtempSync(path.join(os.tmpdir(), "cams-blobs-"));
    app = await buildApp({ db: handle.db, config, storage: new LocalDiskStorage(blobs) }, { logger: false });
    await app.ready();
    return app;
  }

  async function send(s: Session | null, method: "GET" | "POST", url: string, body?: object) {
    return app.inject({
      method,
      url,
      headers: s ? { cookie: s.cookie, ...(method === "GET" ? {} : { "x-csrf-token": s.csrf }) } : {},
      ...(body ? { payload: body } : {}),
    });
  }

  it("lets a privileged user without one only enrol, then everything", async () => {
    await strictApp();
    const org = await makeOrganisation();
    const auditor = await makeUser(org.id, ["auditor"]);
    const res = await send(null, "POST", "/api/v1/auth/login", {
      username: auditor.username,
      password: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.twoFactor).toEqual({ enabled: false, enrolmentRequired: true });
    const s = {
      cookie: `cams_session=${res.cookies.find((c) => c.name === "cams_session")!.value}`,
      csrf: res.json().csrfToken,
      userId: auditor.id,
    };
    const blocked = await send(s, "GET", "/api/v1/audit");
    expect(blocked.json()).toMatchObject({ status: 403, code: "second_factor_enrolment_required" });
    expect((await send(s, "GET", "/api/v1/users?x=1")).statusCode).toBe(403);
    expect((await send(s, "GET", "/api/v1/auth/session")).json().user.twoFactor.enrolmentRequired).toBe(true);
    const { secret } = (await send(s, "POST", "/api/v1/me/totp", { currentPassword: TEST_PASSWORD })).json();
    const confirmed = await send(s, "POST", "/api/v1/me/totp/confirm", { code: codeAt(secret, 0) });
    expect(confirmed.statusCode).toBe(200);
    expect((await send(s, "GET", "/api/v1/audit")).statusCode).toBe(200);

    const focal = await makeUser(org.id, ["focal_person"]);
    const plain = await send(null, "POST", "/api/v1/auth/login", {
      username: focal.username,
      password: TEST_PASSWORD,
    });
    expect(plain.json().user.twoFactor.enrolmentRequired).toBe(false);
  });
});
