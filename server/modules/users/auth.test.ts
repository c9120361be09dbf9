import { describe, expect, it } from "vitest";
import { makeOrganisation, makeUser, signedIn, TEST_PASSWORD } from "../../test/factories.ts";
import { call, login, testApp } from "../../test/harness.ts";

const loginAs = (username: string, password: string) =>
  call(null, { method: "POST", url: "/api/v1/auth/login", body: { username, password } });

describe("login and sessions", () => {
  it("logs in, returns the user with abilities, sets an HttpOnly SameSite cookie", async () => {
    const org = await makeOrganisation();
    const user = await makeUser(org.id, ["focal_person"]);
    const res = await loginAs(user.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user.username).toBe(user.username);
    expect(body.user.abilities.registerCases).toBe(true);
    expect(body.user.abilities.manageUsers).toBe(false);
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    const cookie = res.cookies.find((c) => c.name === "cams_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Strict");
    expect(res.body).not.toContain("password");
  });

  it("issues a new session id at every login and logout ends the session", async () => {
    const org = await makeOrganisation();
    const user = await makeUser(org.id, ["focal_person"]);
    const a = await login(user.username, TEST_PASSWORD);
    const b = await login(user.username, TEST_PASSWORD);
    expect(a.cookie).not.toBe(b.cookie);
    expect((await call(a, { method: "GET", url: "/api/v1/auth/session" })).statusCode).toBe(200);
    expect((await call(a, { method: "POST", url: "/api/v1/auth/logout" })).statusCode).toBe(204);
    expect((await call(a, { method: "GET", url: "/api/v1/auth/session" })).statusCode).toBe(401);
    expect((await call(b, { method: "GET", url: "/api/v1/auth/session" })).statusCode).toBe(200);
  });

  it("stores only a hash of the session token", async () => {
    const s = await signedIn(["focal_person"]);
    const token = s.cookie.split("=")[1]!;
    const { handle } = await testApp();
    const rows = await handle.db.selectFrom("sessions").select("id").where("id", "=", token).execute();
    expect(rows).toHaveLength(0);
  });

  it("expires an idle session", async () => {
    const s = await signedIn(["focal_person"]);
    const { handle } = await testApp();
    await handle.db
      .updateTable("sessions")
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
      .where("user_id", "=", s.userId)
      .execute();
    expect((await call(s, { method: "GET", url: "/api/v1/auth/session" })).statusCode).toBe(401);
  });

  it("refuses a wrong password and an unknown user alike, and audits both", async () => {
    const org = await makeOrganisation();
    const user = await makeUser(org.id, ["focal_person"]);
    const wrong = await loginAs(user.username, "not-the-password-1");
    const unknown = await loginAs("nobody-here", "not-the-password-1");
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.headers["content-type"]).toContain("application/problem+json");
    const { handle } = await testApp();
    const events = await handle.db
      .selectFrom("audit_events")
      .select("action")
      .where("entity_id", "=", user.id)
      .where("action", "=", "auth.login_failed")
      .execute();
    expect(events).toHaveLength(1);
  });

  it("locks the account after five wrong passwords, even for the right one", async () => {
    const org = await makeOrganisation();
    const user = await makeUser(org.id, ["focal_person"]);
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await loginAs(user.username, `wrong-password-${i}`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 423]);
    const right = await loginAs(user.username, TEST_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe("account_locked");
  });

  it("refuses pending and disabled accounts with the right password", async () => {
    const org = await makeOrganisation();
    const pending = await makeUser(org.id, ["focal_person"], { status: "pending" });
    const disabled = await makeUser(org.id, ["focal_person"], { status: "disabled" });
    expect((await loginAs(pending.username, TEST_PASSWORD)).json().code).toBe("account_pending");
    expect((await loginAs(disabled.username, TEST_PASSWORD)).json().code).toBe("account_disabled");
  });

  it("requires the CSRF token on cookie-authenticated writes", async () => {
    const s = await signedIn(["focal_person"]);
    const res = await call(null, {
      method: "PATCH",
      url: "/api/v1/me",
      headers: { cookie: s.cookie },
      body: { locale: "ur" },
    });
    expect(res.statusCode).toBe(403);
    const ok = await call(s, { method: "PATCH", url: "/api/v1/me", body: { locale: "ur" } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().locale).toBe("ur");
  });

  it("rejects malformed login bodies with field paths", async () => {
    const res = await call(null, { method: "POST", url: "/api/v1/auth/login", body: { username: 42 } });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["body.username", "body.password"]));
  });
});

describe("registration and approval", () => {
  it("a self-registered user waits until the organisation's nodal officer approves", async () => {
    const org = await makeOrganisation();
    const username = `reg${Date.now()}`;
    const reg = await call(null, {
      method: "POST",
      url: "/api/v1/auth/register",
      body: { organisationCode: org.code, username, fullName: "Sana Iqbal", password: "a-long-password-7" },
    });
    expect(reg.statusCode).toBe(201);
    expect((await loginAs(username, "a-long-password-7")).statusCode).toBe(403);

    const otherNodal = await signedIn(["nodal_officer"]);
    const nodal = await signedIn(["nodal_officer"], org.id);
    const id = reg.json().id;
    expect(
      (await call(otherNodal, { method: "POST", url: `/api/v1/users/${id}/approve`, body: { version: 1 } }))
        .statusCode,
    ).toBe(404);
    const approved = await call(nodal, {
      method: "POST",
      url: `/api/v1/users/${id}/approve`,
      body: { version: 1 },
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe("active");
    expect((await loginAs(username, "a-long-password-7")).statusCode).toBe(200);
    const again = await call(nodal, {
      method: "POST",
      url: `/api/v1/users/${id}/approve`,
      body: { version: 1 },
    });
    expect(again.statusCode).toBe(409);
  });

  it("rejects weak passwords and duplicate usernames", async () => {
    const org = await makeOrganisation();
    const weak = await call(null, {
      method: "POST",
      url: "/api/v1/auth/register",
      body: { organisationCode: org.code, username: "weakling", fullName: "W", password: "short" },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].path).toBe("body.password");
    const user = await makeUser(org.id, ["focal_person"]);
    const dup = await call(null, {
      method: "POST",
      url: "/api/v1/auth/register",
      body: {
        organisationCode: org.code,
        username: user.username.toUpperCase(),
        fullName: "X",
        password: "a-long-password-7",
      },
    });
    expect(dup.statusCode).toBe(409);
  });

  it("a nodal officer cannot grant administrator; an administrator can", async () => {
    const org = await makeOrganisation();
    const nodal = await signedIn(["nodal_officer"], org.id);
    const body = {
      organisationId: org.id,
      username: `x${Date.now()}`,
      fullName: "X Y",
      password: "a-long-password-7",
      roles: ["administrator"],
    };
    expect((await call(nodal, { method: "POST", url: "/api/v1/users", body })).statusCode).toBe(403);
    const admin = await signedIn(["administrator"]);
    const created = await call(admin, { method: "POST", url: "/api/v1/users", body });
    expect(created.statusCode).toBe(201);
    expect(created.json().roles).toEqual(["administrator"]);
  });

  it("a nodal officer cannot take over a Law Ministry or administrator account in the same organisation", async () => {
    const org = await makeOrganisation();
    const nodal = await signedIn(["nodal_officer"], org.id);
    const solicitor = await makeUser(org.id, ["law_ministry"]);
    const res = await call(nodal, {
      method: "PATCH",
      url: `/api/v1/users/${solicitor.id}`,
      body: { version: 1, password: "taken-over-password-1" },
    });
    expect(res.statusCode).toBe(403);
    expect((await loginAs(solicitor.username, "taken-over-password-1")).statusCode).toBe(401);
  });
});

describe("lockout under parallel guessing", () => {
  it("counts every one of many simultaneous wrong passwords", async () => {
    const org = await makeOrganisation();
    const user = await makeUser(org.id, ["focal_person"]);
    await Promise.all(Array.from({ length: 8 }, (_, i) => loginAs(user.username, `parallel-guess-${i}`)));
    expect((await loginAs(user.username, TEST_PASSWORD)).statusCode).toBe(423);
  });
});

describe("roles of a user", () => {
  // found by the API fuzzer: a role named twice broke the roles table's key and answered 500
  it("takes a role named twice as one role, when creating and when editing", async () => {
    const admin = await signedIn(["administrator"]);
    const created = await call(admin, {
      method: "POST",
      url: "/api/v1/users",
      body: {
        organisationId: admin.organisationId,
        username: `twice${Date.now().toString(36)}`,
        fullName: "Named Twice",
        password: "a long enough passphrase for the policy",
        roles: ["focal_person", "focal_person"],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().roles).toEqual(["focal_person"]);
    const edited = await call(admin, {
      method: "PATCH",
      url: `/api/v1/users/${created.json().id}`,
      body: { version: created.json().version, roles: ["nodal_officer", "nodal_officer"] },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().roles).toEqual(["nodal_officer"]);
  });
});
